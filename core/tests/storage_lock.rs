//! The passphrase lock applied to storage: sealed chunks, the header in the index, loading
//! locked data, and turning the lock on leaving no readable copy behind.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod common;

use common::{execute, sorted, taken, Store, TestCipher};
use std::cell::Cell;
use std::collections::BTreeSet;
use tend_core::lock::{self, LockHeader};
use tend_core::storage::{all_months, load, plan_save, Catalog, IndexHead, SaveRequest, INDEX_KEY};
use tend_core::{Action, Document, EntryId, Index, WorkEntry, WorkKind};

const PASSPHRASE: &str = "a long walk by the river";

fn sample() -> Document {
    [
        ("a", "2026-10-05", 50),
        ("b", "2026-11-02", 90),
        ("c", "2026-11-03", 30),
    ]
    .iter()
    .fold(Document::new("test"), |doc, (id, date, minutes)| {
        let entry = WorkEntry {
            id: EntryId(format!("entry-{id}")),
            date: date.parse().unwrap(),
            minutes: *minutes,
            kind: WorkKind::DirectSession,
            ..Default::default()
        };
        doc.apply(&Action::AddEntry(entry), "test").unwrap()
    })
}

fn lock_on(store: &mut Store, doc: &Document, base: Option<&Index>) -> (LockHeader, TestCipher) {
    let (header, key) = lock::create_lock(PASSPHRASE, [3; 16], [5; 32], [9; 24]).unwrap();
    let cipher = TestCipher {
        key,
        counter: Cell::new(0),
    };
    let dirty: BTreeSet<_> = all_months(doc, base);
    let plan = plan_save(SaveRequest {
        lock: Some(&header),
        cipher: Some(&cipher),
        drop_snapshots: true,
        ..SaveRequest::new(base, doc, &dirty, 10)
    })
    .unwrap();
    execute(store, &plan);
    (header, cipher)
}

#[test]
fn turning_the_lock_on_leaves_no_readable_record_in_storage() {
    let doc = sample();
    let mut store = Store::new();
    let plain = common::save(&mut store, None, &doc, &all_months(&doc, None), 0);
    assert!(
        store.values().any(|v| v.contains("entry-b")),
        "plain before"
    );
    let (header, _) = lock_on(&mut store, &doc, Some(&plain));
    for (key, value) in &store {
        assert!(
            !value.contains("entry-") && !value.contains("direct_session"),
            "{key} is readable: {value}"
        );
    }
    let index: Index = serde_json::from_str(&store[INDEX_KEY]).unwrap();
    assert_eq!(index.lock.as_ref(), Some(&header));
    assert!(
        index.snapshots.is_empty(),
        "no snapshot keeps the plain chunks alive"
    );
    assert_eq!(header.kdf.memory_kib, lock::DEFAULT_MEMORY_KIB);
}

#[test]
fn locked_data_loads_only_with_the_key() {
    let doc = sample();
    let mut store = Store::new();
    let (header, _) = lock_on(&mut store, &doc, None);

    let without = load(&store, "test", None);
    assert_eq!(without.locked.as_ref(), Some(&header));
    assert!(without.doc.payload.entries.is_empty());
    assert!(without.unreadable.is_empty(), "locked is not damaged");

    assert!(lock::unlock("a long walk by the sea", &header).is_err());
    let key = lock::unlock(PASSPHRASE, &header).unwrap();
    let cipher = TestCipher {
        key,
        counter: Cell::new(100),
    };
    let with = load(&store, "test", Some((&header, &cipher)));
    assert_eq!(with.locked, None);
    assert!(with.unreadable.is_empty());
    assert_eq!(sorted(&with.doc), sorted(&doc));
}

#[test]
fn a_sealed_chunk_moved_to_another_key_does_not_open() {
    let doc = sample();
    let mut store = Store::new();
    let (header, cipher) = lock_on(&mut store, &doc, None);
    let mut head: IndexHead = serde_json::from_str(&store[INDEX_KEY]).unwrap();
    let mut catalog_ref = head.catalog.clone().unwrap();
    let mut catalog: Catalog = serde_json::from_str(&store[&catalog_ref.key]).unwrap();
    let keys: Vec<String> = catalog.chunks.values().map(|c| c.key.clone()).collect();
    // Put October's sealed text under November's key, fixing up the month and length (in the
    // catalog, and the catalog's length in the index) and leaving out the checksums (as data
    // written before them has none), so that only the binding to the key can catch it.
    head.sums.clear();
    catalog.sums.clear();
    let october = store[&keys[0]].replace("2026-10", "2026-11");
    let november = catalog.chunks.values_mut().nth(1).unwrap();
    november.chars = october.chars().count();
    november.records = 1;
    store.insert(keys[1].clone(), october);
    let catalog_text = serde_json::to_string(&catalog).unwrap();
    catalog_ref.chars = catalog_text.chars().count();
    store.insert(catalog_ref.key.clone(), catalog_text);
    head.catalog = Some(catalog_ref);
    store.insert(INDEX_KEY.into(), serde_json::to_string(&head).unwrap());
    let loaded = load(&store, "test", Some((&header, &cipher)));
    assert_eq!(loaded.unreadable.len(), 1);
    assert!(
        loaded.unreadable[0].reason.contains("November 2026"),
        "{}",
        loaded.unreadable[0].reason
    );
}

#[test]
fn a_key_for_another_lock_is_not_used() {
    let doc = sample();
    let mut store = Store::new();
    let (old_header, old_cipher) = lock_on(&mut store, &doc, None);
    // Another tab turns the lock off and on again: a new data key under a new header.
    let (header, key) = lock::create_lock(PASSPHRASE, [4; 16], [6; 32], [8; 24]).unwrap();
    let cipher = TestCipher {
        key,
        counter: Cell::new(50),
    };
    let dirty = all_months(&doc, None);
    // Like the app, the other tab never writes over a key already in storage.
    let taken = taken(&store);
    let plan = plan_save(SaveRequest {
        lock: Some(&header),
        cipher: Some(&cipher),
        drop_snapshots: true,
        taken: &taken,
        ..SaveRequest::new(None, &doc, &dirty, 20)
    })
    .unwrap();
    execute(&mut store, &plan);
    let loaded = load(&store, "test", Some((&old_header, &old_cipher)));
    assert_eq!(
        loaded.locked.as_ref(),
        Some(&header),
        "asks for the passphrase again"
    );
    assert!(
        loaded.unreadable.is_empty(),
        "nothing sealed is taken for damage"
    );
}

#[test]
fn breaks_and_the_registry_are_sealed_too() {
    let doc = Document {
        revision: 9,
        payload: tend_core::demo::demo_journal(3, "2026-11-23".parse().unwrap()).unwrap(),
        ..Document::new("test")
    };
    let (header, key) = lock::create_lock(PASSPHRASE, [3; 16], [5; 32], [9; 24]).unwrap();
    let cipher = TestCipher {
        key,
        counter: Cell::new(0),
    };
    let dirty = all_months(&doc, None);
    let plan = plan_save(SaveRequest {
        lock: Some(&header),
        cipher: Some(&cipher),
        registry_dirty: true,
        ..SaveRequest::new(None, &doc, &dirty, 10)
    })
    .unwrap();
    let mut store = Store::new();
    execute(&mut store, &plan);
    for (key, value) in &store {
        assert!(
            !value.contains("Sample:") && !value.contains("\"breaks\""),
            "{key} is readable"
        );
    }
    let loaded = load(&store, "test", Some((&header, &cipher)));
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    assert_eq!(loaded.doc.payload.organisations, doc.payload.organisations);
    assert_eq!(loaded.doc.payload.breaks.len(), doc.payload.breaks.len());
}
