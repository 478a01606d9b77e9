//! Breaks and the registry (organisations, cases, targets) in storage: saved in their places,
//! loaded back whole, sealed with the lock, kept by snapshots, and rewritten only when touched.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod common;

use common::{execute, Store};
use std::collections::BTreeSet;
use tend_core::demo::demo_journal;
use tend_core::storage::{
    all_months, load, load_snapshot, plan_save, touched_months, touches_registry, SaveRequest,
    SnapshotRequest,
};
use tend_core::{Action, Document, Index};

fn demo() -> Document {
    let payload = demo_journal(7, "2026-11-23".parse().unwrap()).unwrap();
    Document {
        revision: 40,
        payload,
        ..Document::new("test")
    }
}

fn full_save(store: &mut Store, doc: &Document) -> Index {
    let dirty = all_months(doc, None);
    let plan = plan_save(SaveRequest {
        registry_dirty: true,
        ..SaveRequest::new(None, doc, &dirty, 0)
    })
    .unwrap();
    execute(store, &plan);
    plan.index
}

#[test]
fn demo_data_with_every_kind_of_record_round_trips() {
    let doc = demo();
    assert!(!doc.payload.breaks.is_empty() && !doc.payload.cases.is_empty());
    let mut store = Store::new();
    let index = full_save(&mut store, &doc);
    assert!(index.registry.is_some());
    let loaded = load(&store, "test", None);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    let mut want = doc.payload.clone();
    let mut got = loaded.doc.payload.clone();
    for j in [&mut want, &mut got] {
        j.entries.sort_by(|a, b| a.id.cmp(&b.id));
        j.breaks.sort_by(|a, b| a.id.cmp(&b.id));
        j.checks.sort_by(|a, b| a.id.cmp(&b.id));
    }
    assert_eq!(got, want);
}

#[test]
fn a_work_entry_does_not_rewrite_the_registry_and_a_new_case_does() {
    let doc = demo();
    let mut store = Store::new();
    let index = full_save(&mut store, &doc);

    let entry = doc.payload.entries[0].clone();
    let action = Action::RemoveEntry(entry.id.clone());
    assert!(!touches_registry(&action));
    let dirty: BTreeSet<_> = touched_months(&doc.payload, &action).into_iter().collect();
    let next = doc.apply(&action, "test").unwrap();
    let plan = plan_save(SaveRequest::new(Some(&index), &next, &dirty, 1)).unwrap();
    // The month and the catalog naming it; no registry.
    assert!(plan
        .chunk_writes
        .iter()
        .all(|(k, _)| k.starts_with("tend.chunk.") || k.starts_with("tend.catalog.")));
    assert_eq!(
        plan.index.registry, index.registry,
        "the registry is carried over"
    );

    let case = doc.payload.cases[0].clone();
    let action = Action::CloseCase {
        id: case.id.clone(),
        on: "2026-11-23".parse().unwrap(),
    };
    if let Ok(closed) = next.apply(&action, "test") {
        assert!(touches_registry(&action));
        let plan = plan_save(SaveRequest {
            registry_dirty: true,
            ..SaveRequest::new(Some(&plan.index), &closed, &BTreeSet::new(), 2)
        })
        .unwrap();
        assert_eq!(plan.chunk_writes.len(), 1);
        assert!(plan.chunk_writes[0].0.starts_with("tend.registry."));
    }
}

#[test]
fn a_damaged_registry_is_named_and_the_months_still_load() {
    let doc = demo();
    let mut store = Store::new();
    let index = full_save(&mut store, &doc);
    let key = index.registry.unwrap().key;
    let text = store[&key].replacen("\"cases\"", "\"cases\":7,\"x\"", 1);
    store.insert(key.clone(), text);
    let loaded = load(&store, "test", None);
    assert_eq!(loaded.unreadable.len(), 1);
    assert!(loaded.unreadable[0]
        .reason
        .contains("organisations, cases, targets, imported instruments and requirement sets"));
    assert_eq!(loaded.doc.payload.entries.len(), doc.payload.entries.len());
    assert!(loaded.doc.payload.cases.is_empty());
}

#[test]
fn snapshots_keep_the_registry_of_their_time() {
    let doc = demo();
    let mut store = Store::new();
    let index = full_save(&mut store, &doc);
    let org = doc.payload.organisations[0].id.clone();
    let mut renamed = doc.payload.organisations[0].clone();
    renamed.name = "Sample: Renamed practice".into();
    let next = doc
        .apply(&Action::UpdateOrganisation(renamed), "test")
        .unwrap();
    let plan = plan_save(SaveRequest {
        registry_dirty: true,
        snapshot: SnapshotRequest::Force,
        ..SaveRequest::new(Some(&index), &next, &BTreeSet::new(), 5)
    })
    .unwrap();
    execute(&mut store, &plan);
    let earlier = load_snapshot(&store, &plan.index, &plan.index.snapshots[0], None).unwrap();
    let name = |j: &tend_core::Journal| {
        j.organisations
            .iter()
            .find(|o| o.id == org)
            .map(|o| o.name.clone())
    };
    assert_eq!(name(&earlier), name(&doc.payload));
    assert_eq!(
        name(&load(&store, "test", None).doc.payload).as_deref(),
        Some("Sample: Renamed practice")
    );
}

#[test]
fn demo_data_comes_out_in_one_action_and_leaves_the_clinicians_own() {
    let mut doc = demo();
    let own = tend_core::WorkEntry::new(
        tend_core::EntryId("mine".into()),
        "2026-11-20".parse().unwrap(),
        45,
        tend_core::WorkKind::Admin,
    );
    doc = doc.apply(&Action::AddEntry(own.clone()), "test").unwrap();
    assert!(doc.payload.has_demo());
    let mut store = Store::new();
    let index = full_save(&mut store, &doc);
    let action = Action::RemoveDemo;
    let dirty: BTreeSet<_> = touched_months(&doc.payload, &action).into_iter().collect();
    let clean = doc.apply(&action, "test").unwrap();
    assert!(!clean.payload.has_demo());
    assert_eq!(clean.payload.entries, vec![own]);
    let plan = plan_save(SaveRequest {
        registry_dirty: touches_registry(&action),
        ..SaveRequest::new(Some(&index), &clean, &dirty, 9)
    })
    .unwrap();
    execute(&mut store, &plan);
    let loaded = load(&store, "test", None);
    assert_eq!(loaded.doc.payload.entries.len(), 1);
    assert!(loaded.doc.payload.organisations.is_empty() && loaded.doc.payload.breaks.is_empty());
}
