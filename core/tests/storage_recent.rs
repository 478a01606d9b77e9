//! Schema 4: added records wait in the recent chunk, the list of months lives in a catalog
//! written only when it changes, and both keep every guarantee of the layout: round trips,
//! folding, a save cut short, a damaged recent chunk, snapshots and the lock.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod common;

use chrono::{Days, NaiveDate};
use common::{execute, Store};
use std::collections::BTreeSet;
use tend_core::demo::demo_journal;
use tend_core::storage::{
    added_by, all_months, load, load_snapshot, plan_save, touched_months, Added, SaveRequest,
    SnapshotRequest, Usage, FOLD_CHARS, INDEX_KEY,
};
use tend_core::{Action, Document, EntryId, Index, Journal, Month, WorkEntry, WorkKind};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A tab that saves after every action, sorting its changes as the app's store does.
pub struct Tab {
    /// The tab's storage.
    pub store: Store,
    /// The document the tab holds.
    pub doc: Document,
    /// The index of its last save.
    pub index: Option<Index>,
    /// Its clock, in milliseconds.
    pub now: i64,
    /// Characters written by the last save.
    pub written: usize,
}

impl Tab {
    /// A tab over `doc`, saved once whole.
    pub fn with(doc: Document) -> Tab {
        let mut tab = Tab {
            store: Store::new(),
            doc,
            index: None,
            now: 0,
            written: 0,
        };
        let dirty = all_months(&tab.doc, None);
        tab.save(&dirty, &[], true);
        tab
    }

    /// Saves the months in `dirty` and the records `added`, as the app's store does.
    pub fn save(&mut self, dirty: &BTreeSet<Month>, added: &[Added], registry: bool) {
        let plan = plan_save(SaveRequest {
            snapshot: SnapshotRequest::Auto,
            build: "test",
            added,
            registry_dirty: registry,
            ..SaveRequest::new(self.index.as_ref(), &self.doc, dirty, self.now)
        })
        .unwrap();
        self.written = plan.index_text.len()
            + plan
                .chunk_writes
                .iter()
                .map(|(_, t)| t.len())
                .sum::<usize>();
        execute(&mut self.store, &plan);
        self.index = Some(plan.index);
    }

    /// Applies `action` and saves it the way the app does.
    pub fn act(&mut self, action: Action) {
        let (dirty, added): (BTreeSet<Month>, Vec<Added>) = match added_by(&action) {
            Some(a) => (BTreeSet::new(), vec![a]),
            None => (
                touched_months(&self.doc.payload, &action)
                    .into_iter()
                    .collect(),
                Vec::new(),
            ),
        };
        self.doc = self.doc.apply(&action, "test").unwrap();
        self.save(&dirty, &added, false);
    }

    /// Loads the store and checks it holds exactly this tab's records.
    pub fn check_round_trip(&self) {
        let loaded = load(&self.store, "test", None);
        assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
        assert_eq!(sorted(&loaded.doc.payload), sorted(&self.doc.payload));
        assert_eq!(loaded.doc.revision, self.doc.revision);
        assert_eq!(loaded.index.as_ref(), self.index.as_ref());
        let counted = Usage::of(self.store.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let index = self.index.as_ref().unwrap();
        let head = self.store[INDEX_KEY].len();
        assert_eq!(
            Usage::of_index(index, head),
            counted,
            "usage from the index"
        );
    }
}

/// A journal with its records in a fixed order, to compare whatever order they were read in.
pub fn sorted(journal: &Journal) -> Journal {
    let mut j = journal.clone();
    j.entries.sort_by(|a, b| a.id.cmp(&b.id));
    j.breaks.sort_by(|a, b| a.id.cmp(&b.id));
    j.checks.sort_by(|a, b| a.id.cmp(&b.id));
    j
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn entry(id: &str, date: NaiveDate) -> WorkEntry {
    WorkEntry {
        id: EntryId(id.into()),
        date,
        minutes: 15,
        kind: WorkKind::Documentation,
        ..WorkEntry::default()
    }
}

/// Five years of eleven entries a working day, with breaks, cases and self-checks.
fn heavy() -> Document {
    let history = tend_core::bench::generate(tend_core::bench::Profile::Heavy, day("2026-11-20"));
    Document {
        revision: 20_000,
        payload: history.journal,
        ..Document::new("test")
    }
}

#[test]
fn adding_an_entry_writes_the_recent_chunk_and_the_index_only() {
    let mut tab = Tab::with(heavy());
    // The first change after the first save keeps a rolling snapshot, which rewrites the catalog.
    tab.act(Action::AddEntry(entry("new-0", day("2026-11-19"))));
    let catalog = tab.index.as_ref().unwrap().catalog.clone();
    tab.act(Action::AddEntry(entry("new-1", day("2026-11-20"))));
    let index = tab.index.clone().unwrap();
    assert_eq!(index.catalog, catalog, "the catalog is not rewritten");
    assert_eq!(index.recent.as_ref().map(|r| r.records), Some(2));
    assert!(
        tab.written < 2_000,
        "one entry wrote {} characters",
        tab.written
    );
    tab.check_round_trip();
    // A break and a self-check go the same way.
    let mut more = tab.doc.payload.breaks[0].clone();
    more.id.0 = "new-break".into();
    more.date = day("2026-11-21");
    tab.act(Action::AddBreak(more));
    assert_eq!(tab.index.as_ref().unwrap().catalog, catalog);
    assert_eq!(tab.index.as_ref().unwrap().recent_ids.len(), 3);
    tab.check_round_trip();
}

#[test]
fn the_recent_chunk_folds_into_its_months_when_it_grows() {
    let mut tab = Tab::with(heavy());
    let mut written = Vec::new();
    let mut folded = 0;
    for i in 0..120u64 {
        let date = day("2026-10-25")
            .checked_add_days(Days::new(i % 10))
            .unwrap();
        // Ids as the browser makes them: creation time and random bits, in hex.
        let id = format!(
            "{:011x}-{:08x}",
            0x19ab0c1d2e3 + i * 977,
            i * 2_654_435_761 % (1 << 32)
        );
        tab.act(Action::AddEntry(entry(&id, date)));
        written.push(tab.written);
        let index = tab.index.as_ref().unwrap();
        if let Some(recent) = &index.recent {
            assert!(recent.chars <= FOLD_CHARS);
        } else {
            folded += 1;
            let stored = &index.chunks[&Month::of(date)];
            assert!(stored.key.ends_with(&format!(".r{}", tab.doc.revision)));
        }
        if i % 7 == 0 || index.recent.is_none() {
            tab.check_round_trip();
        }
    }
    tab.check_round_trip();
    assert!(
        folded >= 2,
        "120 entries fold the recent chunk more than once"
    );
    let average = written.iter().sum::<usize>() / written.len();
    println!("120 entries: {average} characters written per entry on average, with folds");
    assert!(average < 4_000, "{average} characters per entry");
}

#[test]
fn removing_or_replacing_a_recent_record_rewrites_its_month() {
    let mut tab = Tab::with(heavy());
    tab.act(Action::AddEntry(entry("keep", day("2026-11-18"))));
    tab.act(Action::AddEntry(entry("gone", day("2026-11-19"))));
    tab.act(Action::AddEntry(entry("other-month", day("2026-10-19"))));
    tab.act(Action::RemoveEntry(EntryId("gone".into())));
    let index = tab.index.clone().unwrap();
    let ids: Vec<_> = index.recent_ids.iter().map(|a| a.month).collect();
    assert_eq!(
        ids,
        vec![Month::of(day("2026-10-19"))],
        "November was rewritten"
    );
    tab.check_round_trip();
    // A restore that replaces the October record rewrites October too.
    let mut replaced = entry("other-month", day("2026-10-19"));
    replaced.minutes = 45;
    let incoming = Journal {
        entries: vec![replaced].into(),
        ..Journal::default()
    };
    tab.act(Action::Restore(incoming));
    assert!(tab.index.as_ref().unwrap().recent.is_none());
    tab.check_round_trip();
}

#[test]
fn a_save_cut_short_leaves_the_previous_state_whole() {
    let mut tab = Tab::with(heavy());
    tab.act(Action::AddEntry(entry("first", day("2026-11-20"))));
    let before = tab.doc.clone();
    let index = tab.index.clone().unwrap();
    let action = Action::AddEntry(entry("second", day("2026-11-20")));
    let next = tab.doc.apply(&action, "test").unwrap();
    let added = vec![added_by(&action).unwrap()];
    // Both a plain save and one that folds: only the new chunks reach storage.
    for dirty in [BTreeSet::new(), all_months(&next, Some(&index))] {
        let plan = plan_save(SaveRequest {
            added: &added,
            ..SaveRequest::new(Some(&index), &next, &dirty, 5)
        })
        .unwrap();
        let mut store = tab.store.clone();
        for (k, t) in &plan.chunk_writes {
            assert!(!tab.store.contains_key(k), "{k} would overwrite live text");
            store.insert(k.clone(), t.clone());
        }
        let loaded = load(&store, "test", None);
        assert!(loaded.unreadable.is_empty());
        assert_eq!(sorted(&loaded.doc.payload), sorted(&before.payload));
    }
}

#[test]
fn a_damaged_recent_chunk_is_set_aside_and_every_month_loads() {
    let mut tab = Tab::with(heavy());
    tab.act(Action::AddEntry(entry("lost", day("2026-11-20"))));
    let key = tab.index.as_ref().unwrap().recent.clone().unwrap().key;
    let text = tab.store[&key].replace("\"rows\"", "\"rowz\"");
    tab.store.insert(key.clone(), text.clone());
    let loaded = load(&tab.store, "test", None);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].key, key);
    assert_eq!(loaded.unreadable[0].raw, text);
    assert!(loaded.unreadable[0]
        .reason
        .starts_with("the records added most recently"));
    let mut want = heavy().payload;
    assert_eq!(sorted(&loaded.doc.payload), sorted(&want));
    // The next save (the app rewrites the registry after anything unreadable without a month)
    // drops the damaged chunk, and the store reads cleanly again.
    let base = loaded.index.unwrap();
    assert!(base.recent_ids.is_empty());
    let plan = plan_save(SaveRequest {
        registry_dirty: true,
        ..SaveRequest::new(Some(&base), &loaded.doc, &BTreeSet::new(), 9)
    })
    .unwrap();
    assert!(plan.index.recent.is_none());
    assert!(plan.deletes.contains(&key));
    execute(&mut tab.store, &plan);
    let again = load(&tab.store, "test", None);
    assert!(again.unreadable.is_empty());
    want.entries.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(sorted(&again.doc.payload), sorted(&want));
}

#[test]
fn a_damaged_catalog_is_set_aside_and_rebuilt_from_the_newest_chunks() {
    let mut tab = Tab::with(heavy());
    tab.act(Action::AddEntry(entry("recent-one", day("2026-11-20"))));
    let catalog = tab.index.as_ref().unwrap().catalog.clone().unwrap().key;
    tab.store
        .insert(catalog.clone(), "{\"schema\":4,\"chu".into());
    let loaded = load(&tab.store, "test", None);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].key, catalog);
    // #16: the records are gathered under an index made in memory, which names no catalog, so
    // the next save writes a new catalog and leaves the damaged one where it is, kept aside.
    let rebuilt = loaded
        .index
        .as_ref()
        .expect("an index made from the pieces found");
    assert!(rebuilt.catalog.is_none());
    assert!(loaded.unnamed.contains(&catalog));
    // Every dated record comes back, the one in the recent chunk too.
    let (got, want) = (sorted(&loaded.doc.payload), sorted(&tab.doc.payload));
    assert_eq!(got.entries, want.entries);
    assert_eq!(got.breaks, want.breaks);
    assert_eq!(got.checks, want.checks);
}

#[test]
fn snapshots_keep_their_recent_chunk_and_restore_whole() {
    let mut tab = Tab::with(Document {
        revision: 40,
        payload: demo_journal(7, day("2026-11-23")).unwrap(),
        ..Document::new("test")
    });
    tab.act(Action::AddEntry(entry("day-one", day("2026-11-23"))));
    let day_one = tab.doc.clone();
    tab.now += DAY_MS;
    tab.act(Action::AddEntry(entry("day-two", day("2026-11-24"))));
    tab.now += 2 * DAY_MS;
    tab.act(Action::AddEntry(entry("day-four", day("2026-11-26"))));
    tab.check_round_trip();
    let index = tab.index.clone().unwrap();
    let kept = index
        .snapshots
        .iter()
        .find(|s| s.revision == day_one.revision)
        .expect("a rolling snapshot of the first day");
    assert!(kept.recent.is_some());
    let earlier = load_snapshot(&tab.store, &index, kept, None).unwrap();
    assert_eq!(sorted(&earlier), sorted(&day_one.payload));
}
