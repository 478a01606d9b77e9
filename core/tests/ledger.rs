//! The save ledger as the app uses it, against an in-memory store that can fail any write: a save
//! that fails half-way leaves storage exactly as it was and keeps every change for the next try;
//! another tab's save is followed and this tab's changes replayed on top; a snapshot restore is an
//! action like any other.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use tend_core::demo::demo_journal;
use tend_core::storage::{load, KeyStore, KeyValue, Ledger, SaveContext, SaveDone, SaveError};
use tend_core::{Action, Document, EntryId, Journal, WorkEntry, WorkKind};

type Map = BTreeMap<String, String>;

/// A store whose `fail_at`-th write (counting from 0) fails with `error`.
struct Faulty {
    map: Map,
    writes: usize,
    fail_at: Option<usize>,
    error: SaveError,
}

impl Faulty {
    fn new(map: Map, fail_at: Option<usize>, error: SaveError) -> Faulty {
        Faulty {
            map,
            writes: 0,
            fail_at,
            error,
        }
    }
}

impl KeyValue for Faulty {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }
    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}

impl KeyStore for Faulty {
    fn set(&mut self, key: &str, text: &str) -> Result<(), SaveError> {
        let n = self.writes;
        self.writes += 1;
        if Some(n) == self.fail_at {
            return Err(self.error.clone());
        }
        self.map.insert(key.into(), text.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

fn ctx(now_ms: i64) -> SaveContext<'static> {
    SaveContext {
        now_ms,
        build: "test",
        lock: None,
    }
}

fn entry(id: &str, date: &str, minutes: u32) -> WorkEntry {
    WorkEntry {
        id: EntryId(id.into()),
        date: date.parse().unwrap(),
        minutes,
        kind: WorkKind::DirectSession,
        ..WorkEntry::default()
    }
}

/// Logs one entry in a tab.
fn log(ledger: &mut Ledger, id: &str, date: &str, minutes: u32) {
    ledger
        .apply(Action::AddEntry(entry(id, date, minutes)), "test", None)
        .unwrap();
}

/// A tab that saved four weeks of demo data into a fresh store.
fn saved_tab() -> (Ledger, Map) {
    let journal = demo_journal(7, "2026-11-23".parse().unwrap()).unwrap();
    let mut store = Map::new();
    let mut loaded = load(&store, "test", None);
    let mut ledger = Ledger::boot(&mut loaded);
    ledger
        .apply(Action::Restore(journal), "test", None)
        .unwrap();
    let done = ledger.save(&mut store, ctx(0)).unwrap();
    ledger.saved(&done);
    assert!(!ledger.has_unsaved());
    (ledger, store)
}

/// A journal's records as sorted text, to compare journals whatever the order storage keeps.
fn canon(journal: &Journal) -> Vec<String> {
    let mut all: Vec<String> = journal
        .entries
        .iter()
        .map(|e| format!("{e:?}"))
        .chain(journal.breaks.iter().map(|b| format!("{b:?}")))
        .chain(journal.checks.iter().map(|c| format!("{c:?}")))
        .chain(journal.organisations.iter().map(|o| format!("{o:?}")))
        .chain(journal.cases.iter().map(|c| format!("{c:?}")))
        .collect();
    all.push(format!("{:?}", journal.targets));
    all.sort();
    all
}

fn assert_same(found: &Journal, wanted: &Journal, what: &str) {
    let (found, wanted) = (canon(found), canon(wanted));
    let missing: Vec<&String> = wanted.iter().filter(|w| !found.contains(w)).collect();
    let extra: Vec<&String> = found.iter().filter(|f| !wanted.contains(f)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: missing {missing:?}, extra {extra:?}"
    );
}

fn reloaded(store: &Map) -> Document {
    let loaded = load(store, "test", None);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    loaded.doc
}

#[test]
fn a_logged_entry_is_saved_and_read_back() {
    let (mut ledger, mut store) = saved_tab();
    log(&mut ledger, "new", "2026-11-20", 50);
    assert!(ledger.has_unsaved());
    assert_eq!(ledger.pending().len(), 1);
    let done = ledger.save(&mut store, ctx(DAY_MS)).unwrap();
    assert_eq!(done.actions, 1);
    ledger.saved(&done);
    assert!(!ledger.has_unsaved());
    assert_eq!(ledger.base().map(|b| b.revision), Some(done.index.revision));
    assert_same(
        &reloaded(&store).payload,
        &ledger.doc().payload,
        "read back",
    );
}

#[test]
fn a_refused_action_changes_nothing() {
    let (mut ledger, _) = saved_tab();
    let before = ledger.clone();
    let error = ledger.apply(
        Action::AddEntry(entry("zero", "2026-11-20", 0)),
        "test",
        None,
    );
    assert!(error.is_err());
    assert_eq!(ledger, before);
}

/// Every write of a save fails in turn, as full or as switched-off storage: storage is left byte
/// for byte as it was, the ledger still holds the change, and the next save succeeds.
#[test]
fn a_save_that_fails_half_way_is_taken_back() {
    let (mut ledger, store) = saved_tab();
    // Removing an entry rewrites its month; adding one writes the recent chunk; both in one save.
    let removed = ledger.doc().payload.entries[3].id.clone();
    ledger
        .apply(Action::RemoveEntry(removed), "test", None)
        .unwrap();
    log(&mut ledger, "new", "2026-11-21", 25);
    let mut probe = Faulty::new(store.clone(), None, SaveError::Full);
    ledger.clone().save(&mut probe, ctx(DAY_MS)).unwrap();
    let writes = probe.writes;
    assert!(
        writes >= 3,
        "a month, the recent chunk and the index: {writes} writes"
    );
    for error in [
        SaveError::Full,
        SaveError::Unavailable("switched off".into()),
    ] {
        for fail_at in 0..writes {
            let mut faulty = Faulty::new(store.clone(), Some(fail_at), error.clone());
            assert_eq!(ledger.save(&mut faulty, ctx(DAY_MS)), Err(error.clone()));
            assert_eq!(faulty.map, store, "write {fail_at} of {writes} failed");
            assert!(ledger.has_unsaved());
            assert_eq!(ledger.pending().len(), 2);
        }
    }
    let mut store = store;
    let done = ledger.save(&mut store, ctx(DAY_MS)).unwrap();
    ledger.saved(&done);
    assert_same(
        &reloaded(&store).payload,
        &ledger.doc().payload,
        "read back",
    );
}

/// A store that does not list one key, as if another tab wrote it between the plan and the write.
struct Hiding {
    map: Map,
    hidden: String,
}

impl KeyValue for Hiding {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }
    fn keys(&self) -> Vec<String> {
        self.map
            .keys()
            .filter(|k| **k != self.hidden)
            .cloned()
            .collect()
    }
}

impl KeyStore for Hiding {
    fn set(&mut self, key: &str, text: &str) -> Result<(), SaveError> {
        self.map.set(key, text)
    }
    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }
}

#[test]
fn a_key_taken_between_plan_and_write_is_never_written_over() {
    let (mut ledger, store) = saved_tab();
    log(&mut ledger, "new", "2026-11-21", 25);
    let mut probe = store.clone();
    let done = ledger.clone().save(&mut probe, ctx(DAY_MS)).unwrap();
    let first = probe
        .keys()
        .find(|k| !store.contains_key(*k) && k.as_str() != "tend.index")
        .cloned()
        .expect("the save wrote a new piece");
    assert!(done.written > 0);
    let mut hiding = Hiding {
        map: store.clone(),
        hidden: first.clone(),
    };
    hiding
        .map
        .insert(first.clone(), "another tab's text".into());
    let before = hiding.map.clone();
    assert_eq!(ledger.save(&mut hiding, ctx(DAY_MS)), Err(SaveError::Stale));
    assert_eq!(hiding.map, before);
}

/// Two tabs: the second saves first; the first is refused, follows it, replays its own change on
/// top and saves both.
#[test]
fn another_tabs_save_is_followed_and_nothing_is_lost() {
    let (mut first, mut store) = saved_tab();
    let mut second = first.clone();
    log(&mut second, "second", "2026-11-21", 30);
    let done = second.save(&mut store, ctx(DAY_MS)).unwrap();
    second.saved(&done);
    log(&mut first, "first", "2026-11-21", 40);
    assert_eq!(first.save(&mut store, ctx(DAY_MS)), Err(SaveError::Stale));
    let mut loaded = load(&store, "test", None);
    let dropped = first.reload(&mut loaded, "test");
    assert!(dropped.is_empty());
    assert_eq!(first.pending().len(), 1, "its own change is still to save");
    let done = first.save(&mut store, ctx(DAY_MS)).unwrap();
    first.saved(&done);
    let ids: Vec<String> = reloaded(&store)
        .payload
        .entries
        .iter()
        .map(|e| e.id.0.clone())
        .collect();
    assert!(ids.contains(&"first".to_string()) && ids.contains(&"second".to_string()));
}

/// Both tabs remove the same entry: the later one's removal no longer applies and is reported.
#[test]
fn an_action_another_tab_made_moot_is_reported() {
    let (mut first, mut store) = saved_tab();
    let mut second = first.clone();
    let id = first.doc().payload.entries[0].id.clone();
    second
        .apply(Action::RemoveEntry(id.clone()), "test", None)
        .unwrap();
    let done = second.save(&mut store, ctx(DAY_MS)).unwrap();
    second.saved(&done);
    first.apply(Action::RemoveEntry(id), "test", None).unwrap();
    let mut loaded = load(&store, "test", None);
    let dropped = first.reload(&mut loaded, "test");
    assert_eq!(dropped.len(), 1);
    assert!(first.pending().is_empty());
    assert_same(&first.doc().payload, &second.doc().payload, "both tabs");
}

/// Going back to an earlier state keeps the state before it as a snapshot, and the restored
/// journal is what loads afterwards.
#[test]
fn a_restore_replaces_everything_and_keeps_a_snapshot() {
    let (mut ledger, mut store) = saved_tab();
    let earlier: Journal = ledger.doc().payload.clone();
    for (i, date) in ["2026-10-02", "2026-11-20"].iter().enumerate() {
        ledger
            .apply(
                Action::AddEntry(entry(&format!("later-{i}"), date, 45)),
                "test",
                None,
            )
            .unwrap();
    }
    let later = ledger.doc().payload.clone();
    let done = ledger.save(&mut store, ctx(DAY_MS)).unwrap();
    ledger.saved(&done);
    ledger.replace_all(earlier.clone(), "test").unwrap();
    let done: SaveDone = ledger.save(&mut store, ctx(2 * DAY_MS)).unwrap();
    ledger.saved(&done);
    assert_same(&reloaded(&store).payload, &earlier, "restored");
    let loaded = load(&store, "test", None);
    let index = loaded.index.unwrap();
    let kept = index.snapshots.iter().max_by_key(|s| s.revision).unwrap();
    let journal = tend_core::storage::load_snapshot(&store, &index, kept, None).unwrap();
    assert_same(&journal, &later, "the state before the restore is kept");
}

#[test]
fn a_restore_of_damaged_records_is_refused() {
    let (mut ledger, _) = saved_tab();
    let before = ledger.clone();
    let mut bad = ledger.doc().payload.clone();
    bad.entries.push(bad.entries[0].clone());
    assert!(ledger.replace_all(bad, "test").is_err());
    assert_eq!(ledger, before);
}
