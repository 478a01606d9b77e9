//! The storage layout: chunked saves, loading, corruption, newer schemas, snapshots and the
//! migration from schema 1, all against an in-memory store that runs plans like the shell does.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod common;

use chrono::{Days, NaiveDate};
use common::{execute, save, sorted, Store};
use std::collections::BTreeSet;
use tend_core::storage::{
    all_months, load, load_snapshot, plan_save, touched_months, SaveRequest, SnapshotReason,
    SnapshotRequest, INDEX_KEY, LEGACY_KEY,
};
use tend_core::{
    Action, Document, EntryId, Month, WeekSummary, WorkEntry, WorkKind, SCHEMA_VERSION,
};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn entry(id: &str, date: NaiveDate, minutes: u32) -> WorkEntry {
    WorkEntry {
        id: EntryId(id.into()),
        date,
        minutes,
        kind: WorkKind::DirectSession,
        ..WorkEntry::default()
    }
}

/// Five working days a week for `years`, eleven entries a day.
fn heavy_history(years: u64) -> Document {
    let mut doc = Document::new("test");
    let start = date(2021, 11, 1);
    for day in (0..(years * 365)).filter(|d| d % 7 < 5) {
        let d = start.checked_add_days(Days::new(day)).unwrap();
        for i in 0..11 {
            doc.payload
                .entries
                .push(entry(&format!("{day}-{i}"), d, 40));
        }
    }
    doc.revision = doc.payload.entries.len() as u64;
    doc
}

#[test]
fn logging_one_entry_rewrites_one_month_whatever_the_history() {
    let doc = heavy_history(5);
    let mut store = Store::new();
    let index = save(&mut store, None, &doc, &all_months(&doc, None), 0);
    let stored_chars: usize = store.values().map(|v| v.len()).sum();

    let new = entry("new", date(2026, 10, 20), 50);
    let action = Action::AddEntry(new);
    let dirty: BTreeSet<Month> = touched_months(&doc.payload, &action).into_iter().collect();
    let next = doc.apply(&action, "test").unwrap();
    let plan = plan_save(SaveRequest {
        snapshot: SnapshotRequest::Auto,
        build: "test",
        ..SaveRequest::new(Some(&index), &next, &dirty, 1000)
    })
    .unwrap();
    let written_keys: Vec<&str> = plan.chunk_writes.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        written_keys,
        vec![
            format!("tend.chunk.2026-10.r{}", next.revision),
            format!("tend.catalog.r{}", next.revision)
        ],
        "only October 2026 is written, and the catalog naming it"
    );
    let written: usize = plan
        .chunk_writes
        .iter()
        .map(|(_, t)| t.len())
        .sum::<usize>()
        + plan.index_text.len();
    println!("history {stored_chars} chars; one entry writes {written} chars");
    // A heavy month (11 entries a working day) is about 21 KB; the index adds a few more, and
    // the catalog a checksum for each of the sixty months (about 40 characters each).
    assert!(written < 32 * 1024, "a save wrote {written} chars");
    assert!(
        stored_chars > 20 * written,
        "the history is far larger than one save"
    );
    execute(&mut store, &plan);
    // The usage worked out from the index matches a full count of the store.
    let counted =
        tend_core::storage::Usage::of(store.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    assert_eq!(
        tend_core::storage::Usage::of_index(&plan.index, plan.index_text.len()),
        counted
    );
    println!("five heavy years use {} bytes of the budget", counted.bytes);
    let loaded = load(&store, "test", None);
    assert!(loaded.unreadable.is_empty());
    assert_eq!(sorted(&loaded.doc), sorted(&next));
    assert_eq!(loaded.doc.revision, next.revision);
}

#[test]
fn a_save_cut_off_before_the_index_leaves_the_previous_state_whole() {
    let doc = Document::new("test")
        .apply(&Action::AddEntry(entry("a", date(2026, 11, 2), 50)), "test")
        .unwrap();
    let mut store = Store::new();
    let index = save(&mut store, None, &doc, &all_months(&doc, None), 0);
    let next = doc
        .apply(&Action::AddEntry(entry("b", date(2026, 11, 3), 30)), "test")
        .unwrap();
    let plan = plan_save(SaveRequest {
        snapshot: SnapshotRequest::Auto,
        build: "test",
        ..SaveRequest::new(Some(&index), &next, &all_months(&next, None), 1)
    })
    .unwrap();
    // Only the chunk reaches storage: the browser stopped before the index was written.
    for (k, t) in &plan.chunk_writes {
        store.insert(k.clone(), t.clone());
    }
    let loaded = load(&store, "test", None);
    assert_eq!(sorted(&loaded.doc), sorted(&doc));
    assert!(loaded.unreadable.is_empty());
}

#[test]
fn a_damaged_chunk_is_named_and_the_rest_loads() {
    let doc = ["a", "b", "c"]
        .iter()
        .zip([date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)])
        .fold(Document::new("test"), |d, (id, day)| {
            d.apply(&Action::AddEntry(entry(id, day, 60)), "test")
                .unwrap()
        });
    let mut store = Store::new();
    let index = save(&mut store, None, &doc, &all_months(&doc, None), 0);
    let october = index.chunks[&"2026-10".parse().unwrap()].key.clone();
    // The entry's row is ["b",1,60,0]: its length becomes text.
    let damaged = store[&october].replace(",60,", ",\"sixty\",");
    assert_ne!(damaged, store[&october]);
    store.insert(october.clone(), damaged.clone());

    let loaded = load(&store, "test", None);
    let ids: Vec<_> = loaded
        .doc
        .payload
        .entries
        .iter()
        .map(|e| e.id.0.as_str())
        .collect();
    assert_eq!(ids, vec!["a", "c"]);
    assert_eq!(loaded.unreadable.len(), 1);
    let u = &loaded.unreadable[0];
    assert_eq!(u.key, october);
    assert_eq!(u.raw, damaged, "the raw text is kept for download");
    assert!(u.reason.contains("October 2026"), "{}", u.reason);
}

#[test]
fn a_cut_chunk_and_a_missing_chunk_are_caught() {
    let doc = Document::new("test")
        .apply(&Action::AddEntry(entry("a", date(2026, 11, 2), 50)), "test")
        .unwrap()
        .apply(&Action::AddEntry(entry("b", date(2026, 10, 2), 50)), "test")
        .unwrap();
    let mut store = Store::new();
    let index = save(&mut store, None, &doc, &all_months(&doc, None), 0);
    let nov = index.chunks[&"2026-11".parse().unwrap()].key.clone();
    let oct = index.chunks[&"2026-10".parse().unwrap()].key.clone();
    let cut = store[&nov][..store[&nov].len() - 3].to_string();
    store.insert(nov, cut);
    store.remove(&oct);
    let loaded = load(&store, "test", None);
    assert!(loaded.doc.payload.entries.is_empty());
    let reasons: Vec<_> = loaded.unreadable.iter().map(|u| u.reason.clone()).collect();
    assert!(
        reasons.iter().any(|r| r.contains("cut short")),
        "{reasons:?}"
    );
    assert!(reasons.iter().any(|r| r.contains("missing")), "{reasons:?}");
}

#[test]
fn an_unreadable_index_is_rebuilt_from_the_newest_chunks() {
    let mut doc = Document::new("test");
    let mut store = Store::new();
    let mut index = None;
    for (i, day) in [date(2026, 10, 5), date(2026, 11, 5), date(2026, 11, 6)]
        .into_iter()
        .enumerate()
    {
        let action = Action::AddEntry(entry(&format!("e{i}"), day, 30));
        let dirty = touched_months(&doc.payload, &action).into_iter().collect();
        doc = doc.apply(&action, "test").unwrap();
        index = Some(save(&mut store, index.as_ref(), &doc, &dirty, i as i64));
    }
    store.insert(INDEX_KEY.into(), "{\"schema\":2,\"revis".into());
    let loaded = load(&store, "test", None);
    assert_eq!(sorted(&loaded.doc), sorted(&doc));
    // #16: the rebuilt index names the pieces read, so the next save writes only a catalog and
    // an index, above every revision found. Only the index was lost, so the catalog found names
    // the same months: it is kept, with its snapshots, until that save replaces it.
    let rebuilt = loaded
        .index
        .as_ref()
        .expect("an index made from the pieces found");
    assert!(rebuilt.catalog_stale);
    let before = index.as_ref().unwrap();
    assert_eq!(rebuilt.catalog, before.catalog);
    assert_eq!(rebuilt.snapshots, before.snapshots);
    assert!(loaded.unnamed.is_empty(), "{:?}", loaded.unnamed);
    assert_eq!(rebuilt.revision, doc.revision);
    assert!(loaded.rebuilt.is_some());
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].raw, "{\"schema\":2,\"revis");
}

#[test]
fn a_newer_index_is_left_alone() {
    let mut store = Store::new();
    store.insert(
        INDEX_KEY.into(),
        format!(
            "{{\"schema\":{},\"revision\":40,\"chunks\":{{}}}}",
            SCHEMA_VERSION + 1
        ),
    );
    let loaded = load(&store, "test", None);
    assert_eq!(loaded.newer, Some(SCHEMA_VERSION + 1));
    assert!(loaded.doc.payload.entries.is_empty());
}

#[test]
fn rolling_snapshots_keep_the_last_three_known_good_states_and_restore() {
    let mut doc = Document::new("test");
    let mut store = Store::new();
    let mut index: Option<tend_core::Index> = None;
    let mut states = Vec::new();
    for day in 0..6u64 {
        let action = Action::AddEntry(entry(
            &format!("d{day}"),
            date(2026, 11, 2 + day as u32),
            60,
        ));
        let dirty = touched_months(&doc.payload, &action).into_iter().collect();
        doc = doc.apply(&action, "test").unwrap();
        index = Some(save(
            &mut store,
            index.as_ref(),
            &doc,
            &dirty,
            day as i64 * DAY_MS,
        ));
        states.push(doc.clone());
    }
    let index = index.unwrap();
    let rolling: Vec<_> = index
        .snapshots
        .iter()
        .filter(|s| s.reason == SnapshotReason::Rolling)
        .collect();
    assert_eq!(rolling.len(), 3);
    assert_eq!(
        rolling.iter().map(|s| s.revision).collect::<Vec<_>>(),
        vec![3, 4, 5]
    );
    for snapshot in rolling {
        let journal = load_snapshot(&store, &index, snapshot, None).unwrap();
        assert_eq!(journal, states[snapshot.revision as usize - 1].payload);
    }
    // Nothing unreferenced is left behind, and nothing referenced was deleted.
    let chunk_keys: BTreeSet<_> = store
        .keys()
        .filter(|k| k.starts_with("tend.chunk.") || k.starts_with("tend.catalog."))
        .cloned()
        .collect();
    assert_eq!(chunk_keys, index.live_keys());
}

#[test]
fn saves_within_the_interval_do_not_pile_up_snapshots() {
    let mut doc = Document::new("test");
    let mut store = Store::new();
    let mut index = None;
    for i in 0..10 {
        let action = Action::AddEntry(entry(&format!("e{i}"), date(2026, 11, 2), 10));
        let dirty = touched_months(&doc.payload, &action).into_iter().collect();
        doc = doc.apply(&action, "test").unwrap();
        index = Some(save(&mut store, index.as_ref(), &doc, &dirty, i * 60_000));
    }
    assert_eq!(index.unwrap().snapshots.len(), 1);
    assert_eq!(
        store.len(),
        4,
        "the index, its catalog, the current chunk and one snapshot chunk"
    );
}

#[test]
fn schema_one_fixture_migrates_and_keeps_a_copy_from_before() {
    let v1 = include_str!("fixtures/schema-1.json");
    let mut store = Store::new();
    store.insert(LEGACY_KEY.into(), v1.trim().into());
    let loaded = load(&store, "test", None);
    assert_eq!(loaded.migrated_from, Some(1));
    assert_eq!(loaded.doc.payload.entries.len(), 6);
    assert_eq!(loaded.doc.revision, 6);
    let total: u32 = loaded.doc.payload.entries.iter().map(|e| e.minutes).sum();
    assert_eq!(total, 375);
    assert_eq!(
        WeekSummary::of(&loaded.doc.payload, date(2026, 11, 23)).total_minutes(),
        165
    );

    let plan = plan_save(SaveRequest {
        snapshot: SnapshotRequest::BeforeMigration {
            schema: 1,
            legacy_key: LEGACY_KEY.into(),
        },
        build: "test",
        ..SaveRequest::new(None, &loaded.doc, &all_months(&loaded.doc, None), 5)
    })
    .unwrap();
    assert_eq!(
        plan.chunk_writes.len(),
        3,
        "October, November and the catalog"
    );
    execute(&mut store, &plan);
    assert_eq!(
        store[LEGACY_KEY],
        v1.trim(),
        "the schema 1 text is kept untouched"
    );
    let again = load(&store, "test", None);
    assert_eq!(again.migrated_from, None);
    assert_eq!(sorted(&again.doc), sorted(&loaded.doc));
    let again_index = again.index.unwrap();
    let before = &again_index.snapshots[0];
    assert_eq!(before.reason, SnapshotReason::BeforeMigration);
    assert_eq!(
        load_snapshot(&store, &again_index, before, None).unwrap(),
        loaded.doc.payload
    );
}

#[test]
fn schema_two_fixture_loads() {
    let dump: std::collections::BTreeMap<String, String> =
        serde_json::from_str(include_str!("fixtures/schema-2.json")).unwrap();
    let loaded = load(&dump, "test", None);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    assert_eq!(loaded.doc.revision, 8);
    assert_eq!(loaded.doc.payload.entries.len(), 6);
    let total: u32 = loaded.doc.payload.entries.iter().map(|e| e.minutes).sum();
    assert_eq!(total, 375);
    let index = loaded.index.unwrap();
    assert_eq!(index.chunks.len(), 2);
    assert_eq!(index.snapshots.len(), 2);
}

/// The shell starts from `Loaded::empty` when storage cannot be reached at all; that must be
/// exactly what loading an empty store finds.
#[test]
fn an_empty_store_loads_as_loaded_empty() {
    let loaded = tend_core::storage::load(&Store::new(), "tend test", None);
    assert_eq!(loaded, tend_core::storage::Loaded::empty("tend test"));
}
