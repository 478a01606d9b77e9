//! Schema 4 against data written before it, and under the lock: a schema 3 store (written by
//! the schema 3 build's save plan) loads, its first save writes only the catalog and the new
//! index, and a sealed recent chunk opens only under its own key name.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod common;

use common::{execute, sorted, Store, TestCipher};
use std::cell::Cell;
use std::collections::BTreeSet;
use tend_core::lock;
use tend_core::storage::{
    added_by, all_months, index_three_to_four, load, plan_save, SaveRequest, SnapshotRequest,
    INDEX_KEY,
};
use tend_core::{Action, Document, EntryId, WorkEntry, WorkKind, SCHEMA_VERSION};

fn schema_three() -> Store {
    serde_json::from_str(include_str!("fixtures/schema-3.json")).unwrap()
}

fn entry(id: &str, date: &str) -> WorkEntry {
    WorkEntry {
        id: EntryId(id.into()),
        date: date.parse().unwrap(),
        minutes: 25,
        kind: WorkKind::Admin,
        ..WorkEntry::default()
    }
}

#[test]
fn the_schema_three_index_splits_into_head_and_catalog_by_a_pure_step() {
    let store = schema_three();
    let v3: serde_json::Value = serde_json::from_str(&store[INDEX_KEY]).unwrap();
    let (head, catalog) = index_three_to_four(v3.clone()).unwrap();
    assert_eq!(head["schema"], 4);
    assert_eq!(head["revision"], v3["revision"]);
    assert!(head.get("chunks").is_none() && head.get("snapshots").is_none());
    assert_eq!(head["registry"], v3["registry"]);
    assert_eq!(catalog["schema"], 4);
    assert_eq!(catalog["chunks"], v3["chunks"]);
    assert!(catalog.get("registry").is_none());
    // Only schema 2 and 3 indexes are split.
    let mut newer = v3.clone();
    newer["schema"] = 4.into();
    assert!(index_three_to_four(newer).is_err());
    assert!(index_three_to_four(serde_json::json!([3])).is_err());
}

#[test]
fn schema_three_data_loads_and_its_first_save_writes_only_the_catalog_and_index() {
    let mut store = schema_three();
    let loaded = load(&store, "test", None);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    assert!(loaded.newer.is_none());
    let index = loaded.index.clone().unwrap();
    assert_eq!(index.schema, 3);
    assert!(index.catalog.is_none());
    assert_eq!(loaded.doc.payload.entries.len(), 220);
    assert!(!loaded.doc.payload.breaks.is_empty() && !loaded.doc.payload.cases.is_empty());
    let chunks_before: Vec<String> = index.chunks.values().map(|c| c.key.clone()).collect();

    // What the app does on the first start: a new revision, no month rewritten.
    let mut doc = loaded.doc.clone();
    doc.revision += 1;
    let plan = plan_save(SaveRequest {
        snapshot: SnapshotRequest::Auto,
        ..SaveRequest::new(Some(&index), &doc, &BTreeSet::new(), 1_800_000_000_000)
    })
    .unwrap();
    let written: Vec<&str> = plan.chunk_writes.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(written, vec![format!("tend.catalog.r{}", doc.revision)]);
    execute(&mut store, &plan);
    let head: serde_json::Value = serde_json::from_str(&store[INDEX_KEY]).unwrap();
    // A schema 3 build reads this number first and opens read-only (it reads up to 3).
    assert_eq!(head["schema"], SCHEMA_VERSION);
    assert!(head.get("chunks").is_none());
    for key in &chunks_before {
        assert!(store.contains_key(key), "{key} is kept as it was");
    }
    let again = load(&store, "test", None);
    assert!(again.unreadable.is_empty(), "{:?}", again.unreadable);
    assert_eq!(sorted(&again.doc), sorted(&loaded.doc));
    assert_eq!(again.doc.payload.cases, loaded.doc.payload.cases);
    let snapshot = &again.index.as_ref().unwrap().snapshots[0];
    assert_eq!(
        snapshot.schema, 3,
        "the schema 3 state is kept as a snapshot"
    );
    let earlier =
        tend_core::storage::load_snapshot(&store, again.index.as_ref().unwrap(), snapshot, None)
            .unwrap();
    assert_eq!(earlier.entries.len(), 220);
}

#[test]
fn a_locked_store_seals_its_recent_chunk_bound_to_its_key() {
    let (header, key) =
        lock::create_lock("a long walk by the river", [3; 16], [5; 32], [9; 24]).unwrap();
    let cipher = TestCipher {
        key,
        counter: Cell::new(0),
    };
    let doc = Document::new("test")
        .apply(&Action::AddEntry(entry("a", "2026-11-02")), "test")
        .unwrap();
    let mut store = Store::new();
    let plan = plan_save(SaveRequest {
        lock: Some(&header),
        cipher: Some(&cipher),
        ..SaveRequest::new(None, &doc, &all_months(&doc, None), 0)
    })
    .unwrap();
    execute(&mut store, &plan);
    let action = Action::AddEntry(entry("secret-entry-id", "2026-11-03"));
    let next = doc.apply(&action, "test").unwrap();
    let added = [added_by(&action).unwrap()];
    let plan = plan_save(SaveRequest {
        lock: Some(&header),
        cipher: Some(&cipher),
        added: &added,
        ..SaveRequest::new(Some(&plan.index), &next, &BTreeSet::new(), 1)
    })
    .unwrap();
    execute(&mut store, &plan);
    let recent = plan.index.recent.clone().unwrap();
    let text = &store[&recent.key];
    assert!(text.contains("\"sealed\""));
    assert!(!text.contains("2026-11") && !text.contains("rows"));
    for (k, v) in &store {
        assert!(!v.contains("secret"), "{k} holds the entry in the clear");
    }
    // Without the key the data is locked; with it every record reads back.
    assert!(load(&store, "test", None).locked.is_some());
    let open = load(&store, "test", Some((&header, &cipher)));
    assert!(open.unreadable.is_empty(), "{:?}", open.unreadable);
    assert_eq!(sorted(&open.doc), sorted(&next));
    // The sealed recent text moved under another key name does not open: it is set aside.
    let moved = format!("{}.1", recent.key);
    let mut index: serde_json::Value = serde_json::from_str(&store[INDEX_KEY]).unwrap();
    index["recent"][0] = moved.clone().into();
    // Without the checksums (as data written before them), so only the binding can catch it.
    for field in ["check", "sums"] {
        index.as_object_mut().unwrap().remove(field);
    }
    store.insert(moved.clone(), text.clone());
    store.insert(INDEX_KEY.into(), index.to_string());
    let swapped = load(&store, "test", Some((&header, &cipher)));
    assert_eq!(swapped.unreadable.len(), 1);
    assert_eq!(swapped.unreadable[0].key, moved);
    assert_eq!(swapped.doc.payload.entries.len(), 1);
}
