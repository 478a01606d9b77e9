//! #16: no state of storage makes Tend hide or overwrite a clinician's data.
//!
//! A real store (demo data, snapshots, a recent chunk, a registry; plain and locked) has each of
//! its keys in turn replaced by garbage, cut in half, emptied, changed in one character or
//! deleted. Then, as the app does: load, set aside what could not be read, log one entry, save,
//! load again. Every record whose key was not touched must load; afterwards every text that was
//! in storage must still be there, unless it was a readable piece the save replaced with its
//! records intact. A save cut off after any of its writes is checked the same way.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod common;
mod faults_common;

use common::{execute, Store};
use faults_common::{changes, entry, fixture, Fixture};
use std::collections::BTreeSet;
use tend_core::storage::{
    all_months, load, plan_save, Loaded, SavePlan, SaveRequest, INDEX_KEY, QUARANTINE_PREFIX,
};
use tend_core::{Action, Document, Index, Journal, Month};

/// Each record as its exact JSON, so "the same record" means every field.
fn records(journal: &Journal) -> BTreeSet<String> {
    let json = |v: serde_json::Result<String>| v.unwrap();
    let mut all = BTreeSet::new();
    all.extend(
        journal
            .entries
            .iter()
            .map(|r| json(serde_json::to_string(r))),
    );
    all.extend(
        journal
            .breaks
            .iter()
            .map(|r| json(serde_json::to_string(r))),
    );
    all.extend(
        journal
            .checks
            .iter()
            .map(|r| json(serde_json::to_string(r))),
    );
    all.extend(
        journal
            .organisations
            .iter()
            .map(|r| json(serde_json::to_string(r))),
    );
    all.extend(journal.cases.iter().map(|r| json(serde_json::to_string(r))));
    all
}

/// The records stored under `key` in the state `index` names (none for the index, the catalog
/// and pieces only a snapshot names: losing those loses no current record).
fn records_under(fixture: &Fixture, key: &str) -> BTreeSet<String> {
    let index = &fixture.index;
    let journal = &fixture.doc.payload;
    let in_recent =
        |id: &tend_core::storage::RecordId| index.recent_ids.iter().any(|a| a.id == *id);
    let mut part = Journal::default();
    if index.registry.as_ref().is_some_and(|r| r.key == key) {
        part.organisations = journal.organisations.clone();
        part.cases = journal.cases.clone();
    }
    let recent = index.recent.as_ref().is_some_and(|r| r.key == key);
    let month = index
        .chunks
        .iter()
        .find(|(_, r)| r.key == key)
        .map(|(m, _)| *m);
    use tend_core::storage::RecordId;
    let wanted = |m: Month, id: RecordId| {
        let here = in_recent(&id);
        (recent && here) || (month == Some(m) && !here)
    };
    part.entries = journal
        .entries
        .iter()
        .filter(|e| wanted(Month::of(e.date), RecordId::Entry(e.id.clone())))
        .cloned()
        .collect::<Vec<_>>()
        .into();
    part.breaks = journal
        .breaks
        .iter()
        .filter(|b| wanted(Month::of(b.date), RecordId::Break(b.id.clone())))
        .cloned()
        .collect::<Vec<_>>()
        .into();
    part.checks = journal
        .checks
        .iter()
        .filter(|c| wanted(Month::of(c.date), RecordId::Check(c.id.clone())))
        .cloned()
        .collect();
    records(&part)
}

/// The five ways a stored text is damaged.
const MUTATIONS: [&str; 5] = [
    "garbage",
    "cut in half",
    "emptied",
    "one character",
    "deleted",
];

fn mutate(store: &mut Store, key: &str, how: &str) {
    let text = store[key].clone();
    let chars: Vec<char> = text.chars().collect();
    let new = match how {
        "garbage" => "\u{0}\u{fffd} this is not Tend's data ☃".to_string(),
        "cut in half" => chars[..chars.len() / 2].iter().collect(),
        "emptied" => String::new(),
        "one character" => {
            let mut changed = chars.clone();
            let at = changed.len() / 2;
            changed[at] = match changed[at] {
                '0'..='8' => char::from(changed[at] as u8 + 1),
                '9' => '0',
                'a' => 'b',
                _ => 'a',
            };
            changed.into_iter().collect()
        }
        _ => {
            store.remove(key);
            return;
        }
    };
    store.insert(key.to_string(), new);
}

/// What the app does after loading: keeps unreadable text that a save may replace under a
/// quarantine key (pieces no index names stay where they are).
fn set_aside(store: &mut Store, loaded: &Loaded) {
    for u in loaded.unreadable.iter().filter(|u| !u.raw.is_empty()) {
        if !loaded.unnamed.contains(&u.key) {
            store.insert(format!("{QUARANTINE_PREFIX}{}.1", u.key), u.raw.clone());
        }
    }
}

/// Logs one entry over what was loaded and returns the plan (not yet carried out), with the
/// months and registry the app rewrites because a piece the index named could not be read.
fn log_one(fixture: &Fixture, store: &Store, loaded: &Loaded) -> (Document, SavePlan) {
    let base = loaded.index.as_ref();
    let named = base.map(Index::live_keys).unwrap_or_default();
    let replaced: Vec<_> = loaded
        .unreadable
        .iter()
        .filter(|u| named.contains(&u.key))
        .collect();
    let mut dirty: BTreeSet<Month> = replaced.iter().filter_map(|u| u.month).collect();
    let registry = replaced.iter().any(|u| u.month.is_none());
    let mut doc = loaded.doc.clone();
    if base.is_some_and(|b| b.catalog.is_none()) || loaded.rebuilt.is_some() {
        // As the app does for an index it must write a catalog for: a new revision first.
        doc.revision += 1;
    }
    if base.is_none() {
        dirty.extend(all_months(&doc, None));
    }
    let action = Action::AddEntry(entry("after-the-fault", "2026-11-23", 45));
    let (more, added) = changes(&doc, &action);
    dirty.extend(more);
    let doc = doc.apply(&action, "test").unwrap();
    let plan = fixture.plan(store, base, &doc, &dirty, &added, registry);
    (doc, plan)
}

/// Every text that was in `before` is in `after` under some key, unless the save `plan` replaced
/// it (the index, or a readable piece its base named and deleted once its records were written).
fn texts_kept(before: &Store, after: &Store, plan: &SavePlan, loaded: &Loaded, case: &str) {
    let present: BTreeSet<&String> = after.values().collect();
    let unreadable: BTreeSet<&String> = loaded.unreadable.iter().map(|u| &u.key).collect();
    for (key, text) in before {
        // An emptied key held nothing to keep.
        if text.is_empty() || present.contains(text) {
            continue;
        }
        let replaced = key == INDEX_KEY || plan.deletes.contains(key);
        assert!(
            replaced && !unreadable.contains(key),
            "{case}: the text under {key} is gone from storage"
        );
    }
}

fn check_every_fault(locked: bool) -> usize {
    let fixture = fixture(locked);
    let everything = records(&fixture.doc.payload);
    let mut cases = 0;
    for key in fixture.store.keys() {
        for how in MUTATIONS {
            let case = format!(
                "{} store, {key} {how}",
                if locked { "locked" } else { "plain" }
            );
            let mut store = fixture.store.clone();
            mutate(&mut store, key, how);
            let loaded = load(&store, "test", fixture.unlocked());
            assert!(loaded.locked.is_none(), "{case}: the key opens it");
            assert!(loaded.newer.is_none(), "{case}");
            let shown = records(&loaded.doc.payload);
            let touched = records_under(&fixture, key);
            let lost: Vec<_> = everything
                .difference(&touched)
                .filter(|r| !shown.contains(*r))
                .collect();
            assert!(lost.is_empty(), "{case}: records not loaded: {lost:?}");
            assert!(
                shown.is_subset(&everything),
                "{case}: a record that was never saved appeared"
            );
            if how != "deleted" && !shown.eq(&everything) {
                assert!(
                    loaded.unreadable.iter().any(|u| u.key == *key) || loaded.rebuilt.is_some(),
                    "{case}: records are missing and nothing says why"
                );
            }
            let mut kept = store.clone();
            set_aside(&mut kept, &loaded);
            let (doc, plan) = log_one(&fixture, &kept, &loaded);
            let before = kept.clone();
            execute(&mut kept, &plan);
            texts_kept(&before, &kept, &plan, &loaded, &case);
            let again = load(&kept, "test", fixture.unlocked());
            assert_eq!(
                records(&again.doc.payload),
                records(&doc.payload),
                "{case}: the state after one more entry loads back"
            );
            cases += 1;
        }
    }
    cases
}

#[test]
fn no_damaged_key_hides_records_or_loses_stored_text() {
    let plain = check_every_fault(false);
    let locked = check_every_fault(true);
    println!("fault cases: {plain} plain, {locked} locked");
    assert!(plain >= 50 && locked >= 50, "{plain} and {locked} cases");
}

#[test]
fn a_save_cut_off_after_any_write_loses_nothing_and_is_not_written_over() {
    let mut cases = 0;
    for locked in [false, true] {
        let fixture = fixture(locked);
        let loaded = load(&fixture.store, "test", fixture.unlocked());
        assert!(loaded.unreadable.is_empty() && loaded.unnamed.is_empty());
        // Removing an entry of the oldest month rewrites it, the recent chunk and the catalog.
        let oldest = fixture
            .doc
            .payload
            .entries
            .iter()
            .min_by_key(|e| e.date)
            .unwrap();
        let action = Action::RemoveEntry(oldest.id.clone());
        let (dirty, added) = changes(&loaded.doc, &action);
        let doc = loaded.doc.apply(&action, "test").unwrap();
        let base = loaded.index.as_ref();
        let plan = fixture.plan(&fixture.store, base, &doc, &dirty, &added, false);
        assert!(plan.chunk_writes.len() >= 2, "{:?}", plan.chunk_writes);
        for cut in 0..=plan.chunk_writes.len() {
            let case = format!("locked {locked}, cut after {cut} writes");
            let mut store = fixture.store.clone();
            for (key, text) in &plan.chunk_writes[..cut] {
                store.insert(key.clone(), text.clone());
            }
            let after_cut = load(&store, "test", fixture.unlocked());
            assert_eq!(
                records(&after_cut.doc.payload),
                records(&fixture.doc.payload),
                "{case}: the previous state loads whole"
            );
            assert_eq!(
                after_cut.unnamed.len(),
                cut,
                "{case}: the leftovers are listed"
            );
            // The next save writes none of the leftovers' keys, and deletes none of them.
            let (next, replay) = log_one(&fixture, &store, &after_cut);
            let before = store.clone();
            execute(&mut store, &replay);
            texts_kept(&before, &store, &replay, &after_cut, &case);
            for (key, text) in &plan.chunk_writes[..cut] {
                assert_eq!(store.get(key), Some(text), "{case}: {key} kept as it was");
            }
            let again = load(&store, "test", fixture.unlocked());
            assert_eq!(
                records(&again.doc.payload),
                records(&next.payload),
                "{case}"
            );
            cases += 1;
        }
    }
    println!("cut-off cases: {cases}");
}

#[test]
fn a_lost_index_is_rebuilt_above_every_revision_and_writes_over_nothing() {
    // The case that lost data: with the index gone, logging one entry wrote a new state from
    // revision 1 over `tend.chunk.<month>.r1`.
    let mut store = Store::new();
    let first = Document::new("test")
        .apply(&Action::AddEntry(entry("a", "2026-11-02", 50)), "test")
        .unwrap();
    let plan = plan_save(SaveRequest::new(None, &first, &all_months(&first, None), 0)).unwrap();
    execute(&mut store, &plan);
    assert!(store.contains_key("tend.chunk.2026-11.r1"));
    store.remove(INDEX_KEY);
    let loaded = load(&store, "test", None);
    assert_eq!(records(&loaded.doc.payload), records(&first.payload));
    assert!(loaded.rebuilt.as_deref().unwrap().contains("was missing"));
    let fixture = Fixture {
        store: store.clone(),
        doc: first,
        index: loaded.index.clone().unwrap(),
        lock: None,
        now: 0,
    };
    let (doc, plan) = log_one(&fixture, &store, &loaded);
    for (key, _) in &plan.chunk_writes {
        assert!(!store.contains_key(key), "{key} is written over");
    }
    // Only what the rebuilt index named and this save replaces may go: the catalog found.
    let named = loaded.index.as_ref().unwrap().live_keys();
    assert!(
        plan.deletes
            .iter()
            .all(|k| named.contains(k) && k.starts_with("tend.catalog.")),
        "{:?}",
        plan.deletes
    );
    let before = store.clone();
    execute(&mut store, &plan);
    assert_eq!(
        store["tend.chunk.2026-11.r1"],
        before["tend.chunk.2026-11.r1"]
    );
    let again = load(&store, "test", None);
    assert!(again.rebuilt.is_none() && again.unreadable.is_empty());
    assert_eq!(records(&again.doc.payload), records(&doc.payload));
}
