//! Schema 3's compact rows: every field reads back exactly, damaged rows are refused with a
//! reason, and schema 2 data (plain or locked) is read and rewritten without losing a record.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod common;

use common::{execute, sorted, Store, TestCipher};
use std::cell::Cell;
use std::collections::BTreeSet;
use tend_core::checks::{CheckId, CheckResult};
use tend_core::lock;
use tend_core::storage::{
    all_months, compact, expand, load, load_snapshot, plan_save, ChunkBody, Cipher, CompactBody,
    SaveRequest, SnapshotRequest, INDEX_KEY,
};
use tend_core::tracking::{BreakEntry, BreakId, BreakKind, CaseId, OrgId};
use tend_core::{EntryId, Index, Month, WorkEntry, WorkKind, SCHEMA_VERSION};

fn november() -> Month {
    "2026-11".parse().unwrap()
}

fn every_kind_of_record() -> ChunkBody {
    let mut body = ChunkBody::default();
    let starts = [None, Some((8, 0, 0)), Some((23, 59, 0)), Some((9, 30, 15))];
    for (i, kind) in WorkKind::ALL.into_iter().enumerate() {
        for (j, start) in starts.iter().enumerate() {
            let n = i * 4 + j;
            body.entries.push(WorkEntry {
                id: EntryId(format!("19ab0c1d2e3-{n:08x}")),
                date: november().first_day() + chrono::Days::new((n % 30) as u64),
                minutes: 1 + (n as u32 * 37) % 1440,
                kind,
                start: start.and_then(|(h, m, s)| chrono::NaiveTime::from_hms_opt(h, m, s)),
                organisation: (n % 3 != 0).then(|| OrgId(format!("org-{}", n % 2))),
                case: (n % 2 == 0).then(|| CaseId(format!("case \"{}\"", n % 5))),
                trauma: n % 5 == 1,
                pro_bono: n % 7 == 2,
            });
        }
    }
    for (i, kind) in BreakKind::ALL.into_iter().enumerate() {
        let whole = kind.is_whole_day();
        body.breaks.push(BreakEntry {
            id: BreakId(format!("b{i}")),
            kind,
            date: november().first_day() + chrono::Days::new(i as u64 * 3),
            minutes: if whole { 0 } else { 5 + i as u32 },
            until: (kind == BreakKind::Vacation).then(|| "2026-12-04".parse().unwrap()),
        });
    }
    body.checks.push(CheckResult {
        id: CheckId("k1".into()),
        instrument: "pulse".into(),
        date: november().first_day() + chrono::Days::new(4),
        answers: vec![0, 1, 2, 3, 4, 0, 1, 2, 3, 4],
    });
    body
}

#[test]
fn every_field_reads_back_exactly_from_compact_rows() {
    let body = every_kind_of_record();
    let text = serde_json::to_string(&compact(&body)).unwrap();
    let read: CompactBody = serde_json::from_str(&text).unwrap();
    assert_eq!(expand(november(), read).unwrap(), body);
    // Field names are not repeated per record: a plain entry is a short row.
    let plain = ChunkBody {
        entries: vec![WorkEntry::new(
            EntryId("a".into()),
            november().first_day(),
            50,
            WorkKind::Admin,
        )],
        ..ChunkBody::default()
    };
    assert_eq!(
        serde_json::to_string(&compact(&plain)).unwrap(),
        r#"{"rows":[["a",1,50,4]]}"#
    );
}

#[test]
fn damaged_rows_are_refused_with_a_reason() {
    let cases = [
        (r#"{"rows":[["a",0,50,0]]}"#, "entry 1 has a damaged day"),
        (r#"{"rows":[["a",31,50,0]]}"#, "damaged day"),
        (r#"{"rows":[["a",1,50,8]]}"#, "damaged kind"),
        (r#"{"rows":[["a",1,50,-1]]}"#, "damaged kind"),
        (r#"{"rows":[["a",1,-5,0]]}"#, "damaged length"),
        (r#"{"rows":[["a",1,"x",0]]}"#, "damaged length"),
        (r#"{"rows":[[3,1,50,0]]}"#, "damaged id"),
        (r#"{"rows":[["~AAA",1,50,0]]}"#, "damaged id"),
        (
            r#"{"rows":[["a",1,50,0,2]],"refs":["o"]}"#,
            "damaged organisation",
        ),
        (r#"{"rows":[["a",1,50,0,0,1]]}"#, "damaged case"),
        (r#"{"rows":[["a",1,50,0,0,0,1440]]}"#, "damaged start"),
        (r#"{"rows":[["a",1,50,0,0,0,"25:00:00"]]}"#, "damaged start"),
        (r#"{"rows":[["a",1,50,0,0,0,-1,4]]}"#, "damaged flags"),
        (r#"{"rows":[["a",1,50,0,0,0,-1,0,9]]}"#, "damaged length"),
        (r#"{"rows":[["a",1]]}"#, "damaged length"),
        (r#"{"rests":[["b",1,9]]}"#, "break 1 has a damaged kind"),
        (r#"{"rests":[["b",1,6,0,"soon"]]}"#, "damaged last day"),
        (r#"{"rests":[["b",40,1,30]]}"#, "damaged day"),
    ];
    for (text, expected) in cases {
        let body: CompactBody = serde_json::from_str(text).unwrap();
        let error = expand(november(), body).unwrap_err();
        assert!(error.contains(expected), "{text}: {error}");
    }
}

/// Rewrites a store as schema 2 wrote it: records as objects, and the whole index (schema 4's
/// head and catalog together) under the index key with schema 2.
fn as_schema_two(store: &Store, cipher: Option<&dyn Cipher>) -> Store {
    let mut old = store.clone();
    let mut index: serde_json::Value = serde_json::from_str(&store[INDEX_KEY]).unwrap();
    let catalog_key = index["catalog"][0].as_str().unwrap().to_string();
    let catalog: serde_json::Value = serde_json::from_str(&store[&catalog_key]).unwrap();
    old.remove(&catalog_key);
    let head = index.as_object_mut().unwrap();
    head.remove("catalog");
    head.insert("chunks".into(), catalog["chunks"].clone());
    let snapshots = catalog.get("snapshots").cloned();
    head.insert(
        "snapshots".into(),
        snapshots.unwrap_or_else(|| serde_json::json!([])),
    );
    index["schema"] = 2.into();
    let chunks = index["chunks"].as_object_mut().unwrap();
    for (month, reference) in chunks.iter_mut() {
        let key = reference[0].as_str().unwrap().to_string();
        let mut chunk: serde_json::Value = serde_json::from_str(&store[&key]).unwrap();
        let month: Month = month.parse().unwrap();
        let compact_text = match (chunk.get("sealed"), cipher) {
            (Some(sealed), Some(c)) => c.open(sealed.as_str().unwrap(), &key).unwrap(),
            _ => chunk.to_string(),
        };
        let body = expand(month, serde_json::from_str(&compact_text).unwrap()).unwrap();
        let verbose = serde_json::json!({"entries": body.entries, "breaks": body.breaks});
        let text = match cipher {
            Some(c) => serde_json::json!({
                "schema": 2, "month": month.to_string(), "entries": [],
                "sealed": c.seal(&verbose.to_string(), &key).unwrap(),
            }),
            None => {
                chunk = verbose;
                chunk["schema"] = 2.into();
                chunk["month"] = month.to_string().into();
                chunk
            }
        }
        .to_string();
        reference[1] = text.chars().count().into();
        old.insert(key, text);
    }
    old.insert(INDEX_KEY.into(), index.to_string());
    old
}

fn sample() -> tend_core::Document {
    let mut doc = tend_core::Document::new("test");
    doc.payload.entries = every_kind_of_record().entries.into();
    doc.payload.breaks = every_kind_of_record().breaks.into();
    doc.payload.entries.push(WorkEntry::new(
        EntryId("october".into()),
        "2026-10-30".parse().unwrap(),
        45,
        WorkKind::Travel,
    ));
    doc.payload.organisations = Vec::new();
    doc.revision = 5;
    doc
}

/// What the shell does after loading an older layout: rewrite everything, keep a snapshot.
fn rewrite(
    store: &mut Store,
    base: &Index,
    doc: &tend_core::Document,
    cipher: Option<&dyn Cipher>,
    lock: Option<&lock::LockHeader>,
) -> Index {
    // The shell moves to a new revision first, so no key of the kept state is written over.
    let mut doc = doc.clone();
    doc.revision += 1;
    let doc = &doc;
    let dirty: BTreeSet<Month> = all_months(doc, Some(base));
    let plan = plan_save(SaveRequest {
        registry_dirty: true,
        snapshot: SnapshotRequest::Force,
        cipher,
        lock,
        ..SaveRequest::new(Some(base), doc, &dirty, 1_000)
    })
    .unwrap();
    execute(store, &plan);
    plan.index
}

#[test]
fn schema_two_data_is_read_rewritten_compact_and_its_old_state_restorable() {
    let doc = sample();
    let mut store = Store::new();
    common::save(&mut store, None, &doc, &all_months(&doc, None), 0);
    let mut old = as_schema_two(&store, None);
    let before = load(&old, "test", None);
    assert!(before.unreadable.is_empty(), "{:?}", before.unreadable);
    let base = before.index.clone().unwrap();
    assert_eq!(base.schema, 2);
    assert_eq!(before.doc.payload.entries.len(), doc.payload.entries.len());
    assert_eq!(before.doc.payload.breaks, doc.payload.breaks);

    let index = rewrite(&mut old, &base, &before.doc, None, None);
    assert_eq!(index.schema, SCHEMA_VERSION);
    let after = load(&old, "test", None);
    assert!(after.unreadable.is_empty(), "{:?}", after.unreadable);
    assert_eq!(sorted(&after.doc), sorted(&doc));
    assert_eq!(after.doc.payload.breaks, doc.payload.breaks);
    for reference in index.chunks.values() {
        assert!(old[&reference.key].contains("\"rows\""));
        assert!(!old[&reference.key].contains("\"entries\""));
    }
    let snapshot = &index.snapshots[0];
    assert_eq!(snapshot.schema, 2);
    let restored = load_snapshot(&old, &index, snapshot, None).unwrap();
    assert_eq!(restored.entries.len(), doc.payload.entries.len());
    assert_eq!(restored.breaks, doc.payload.breaks);
}

#[test]
fn locked_schema_two_data_is_read_and_rewritten_sealed() {
    let doc = sample();
    let (header, key) =
        lock::create_lock("a long walk by the river", [3; 16], [5; 32], [9; 24]).unwrap();
    let cipher = TestCipher {
        key,
        counter: Cell::new(0),
    };
    let mut store = Store::new();
    let dirty = all_months(&doc, None);
    let plan = plan_save(SaveRequest {
        lock: Some(&header),
        cipher: Some(&cipher),
        ..SaveRequest::new(None, &doc, &dirty, 0)
    })
    .unwrap();
    execute(&mut store, &plan);
    let mut old = as_schema_two(&store, Some(&cipher));
    assert!(old.values().all(|v| !v.contains("october")), "still sealed");
    let locked = load(&old, "test", None);
    assert!(locked.locked.is_some() && locked.unreadable.is_empty());
    let before = load(&old, "test", Some((&header, &cipher)));
    assert!(before.unreadable.is_empty(), "{:?}", before.unreadable);
    assert_eq!(sorted(&before.doc), sorted(&doc));
    let base = before.index.clone().unwrap();
    rewrite(&mut old, &base, &before.doc, Some(&cipher), Some(&header));
    let after = load(&old, "test", Some((&header, &cipher)));
    assert!(after.unreadable.is_empty(), "{:?}", after.unreadable);
    assert_eq!(sorted(&after.doc), sorted(&doc));
    assert_eq!(after.doc.payload.breaks, doc.payload.breaks);
    assert!(old.values().all(|v| !v.contains("october")), "still sealed");
}
