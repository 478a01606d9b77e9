//! Helpers shared by the storage tests: an in-memory store that runs save plans like the shell.

#![allow(dead_code)]

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use tend_core::lock::{self, DataKey};
use tend_core::storage::{plan_save, Cipher, SavePlan, SaveRequest, SnapshotRequest};
use tend_core::{Document, Index, Month};

pub type Store = BTreeMap<String, String>;

/// Runs a plan as the app does: chunks, the index, then deletes, never over a key in storage.
pub fn execute(store: &mut Store, plan: &SavePlan) {
    plan.carry_out(store).unwrap();
}

/// Every key in the store, as the shell passes them to a save so it writes over none.
pub fn taken(store: &Store) -> BTreeSet<String> {
    store.keys().cloned().collect()
}

/// Saves `doc` over `base` rewriting `dirty`, and returns the new index.
pub fn save(
    store: &mut Store,
    base: Option<&Index>,
    doc: &Document,
    dirty: &BTreeSet<Month>,
    now: i64,
) -> Index {
    let taken = taken(store);
    let plan = plan_save(SaveRequest {
        snapshot: SnapshotRequest::Auto,
        build: "test",
        taken: &taken,
        ..SaveRequest::new(base, doc, dirty, now)
    })
    .unwrap();
    execute(store, &plan);
    plan.index
}

/// Entries as sortable tuples, to compare journals whatever their order.
pub fn sorted(doc: &Document) -> Vec<(String, String, u32, String)> {
    let mut v: Vec<_> = doc
        .payload
        .entries
        .iter()
        .map(|e| {
            (
                e.id.0.clone(),
                e.date.to_string(),
                e.minutes,
                e.kind.slug().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

/// The real cipher with nonces from a counter (the browser uses crypto.getRandomValues).
pub struct TestCipher {
    pub key: DataKey,
    pub counter: Cell<u8>,
}

impl Cipher for TestCipher {
    fn seal(&self, plaintext: &str, associated: &str) -> Result<String, String> {
        self.counter.set(self.counter.get().wrapping_add(1));
        let mut nonce = [7u8; 24];
        nonce[0] = self.counter.get();
        lock::seal(&self.key, nonce, plaintext, associated).map_err(|e| e.to_string())
    }
    fn open(&self, sealed: &str, associated: &str) -> Result<String, String> {
        lock::open(&self.key, sealed, associated).map_err(|e| e.to_string())
    }
}
