//! Schema 5 against a store written by the schema 4 build (`fixtures/schema-4.json`, four weeks
//! of work, breaks, cases and organisations as that build saved them): it loads whole, its first
//! save writes only a new catalog and the index with the new number, which a schema 4 build
//! refuses as newer instead of misreading the records it does not know (requirement sets, CE
//! activities), and the schema 4 state stays restorable.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod common;

use common::{execute, sorted, Store};
use std::collections::BTreeSet;
use tend_core::requirements::{CeActivity, CeId};
use tend_core::storage::{load, plan_save, SaveRequest, SnapshotRequest, INDEX_KEY};
use tend_core::{Action, SCHEMA_VERSION};

fn schema_four() -> Store {
    serde_json::from_str(include_str!("fixtures/schema-4.json")).unwrap()
}

#[test]
fn schema_four_data_loads_and_its_first_save_renumbers_only_the_index() {
    assert_eq!(SCHEMA_VERSION, 5);
    let mut store = schema_four();
    let before = store.clone();
    let loaded = load(&store, "test", None);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    assert!(loaded.newer.is_none());
    let index = loaded.index.clone().unwrap();
    assert_eq!(index.schema, 4);
    let journal = &loaded.doc.payload;
    assert!(
        journal.entries.len() > 50,
        "{} entries",
        journal.entries.len()
    );
    assert!(!journal.breaks.is_empty() && !journal.cases.is_empty());
    assert!(!journal.organisations.is_empty());
    let chunks_before: Vec<String> = index.chunks.values().map(|c| c.key.clone()).collect();

    // The app's first start: a new revision, no month rewritten.
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
    assert_eq!(head["schema"], 5);
    for key in &chunks_before {
        assert_eq!(store.get(key), before.get(key), "{key} is kept as it was");
    }

    let again = load(&store, "test", None);
    assert!(again.unreadable.is_empty(), "{:?}", again.unreadable);
    assert_eq!(sorted(&again.doc), sorted(&loaded.doc));
    assert_eq!(again.doc.payload.cases, loaded.doc.payload.cases);
    let snapshot = &again.index.as_ref().unwrap().snapshots[0];
    assert_eq!(
        snapshot.schema, 4,
        "the schema 4 state is kept as a snapshot"
    );
}

#[test]
fn a_month_with_a_ce_activity_is_written_under_schema_five() {
    let mut store = schema_four();
    let loaded = load(&store, "test", None);
    let index = loaded.index.clone().unwrap();
    let activity = CeActivity {
        id: CeId("ce1".into()),
        date: "2026-11-10".parse().unwrap(),
        minutes: 90,
        category: "ethics".into(),
        ..CeActivity::default()
    };
    let action = Action::AddCeActivity(activity.clone());
    let doc = loaded.doc.apply(&action, "test").unwrap();
    let dirty: BTreeSet<_> = tend_core::storage::touched_months(&doc.payload, &action)
        .into_iter()
        .collect();
    let plan = plan_save(SaveRequest::new(
        Some(&index),
        &doc,
        &dirty,
        1_800_000_000_000,
    ))
    .unwrap();
    execute(&mut store, &plan);
    let again = load(&store, "test", None);
    assert!(again.unreadable.is_empty(), "{:?}", again.unreadable);
    assert_eq!(again.doc.payload.ce_activities, vec![activity]);
    // Every piece that holds the new record says schema 5, so no schema 4 build reads it as its own.
    let head: serde_json::Value = serde_json::from_str(&store[INDEX_KEY]).unwrap();
    assert_eq!(head["schema"], 5);
    let month = store
        .iter()
        .find(|(k, v)| k.starts_with("tend.chunk.2026-11") && v.contains("ce1"))
        .map(|(_, v)| v.clone())
        .expect("the month holding the activity");
    assert!(
        month.starts_with(r#"{"schema":5,"#),
        "{}",
        &month[..40.min(month.len())]
    );
}
