//! The store the storage fault tests damage (#16): demo data saved whole by real plans, then
//! entries logged a day apart and one removed, plain or locked, and a planner that, like the
//! shell, never writes a key already in storage.

use super::common::{execute, Store, TestCipher};
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use tend_core::demo::demo_journal;
use tend_core::lock::{self, LockHeader};
use tend_core::storage::{
    added_by, all_months, plan_save, touched_months, Added, Cipher, SavePlan, SaveRequest,
};
use tend_core::{Action, Document, EntryId, Index, Month, WorkEntry, WorkKind};

pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A store built by real saves, and the key that opens it when locked.
pub struct Fixture {
    pub store: Store,
    pub doc: Document,
    pub index: Index,
    pub lock: Option<(LockHeader, TestCipher)>,
    pub now: i64,
}

impl Fixture {
    pub fn unlocked(&self) -> Option<(&LockHeader, &dyn Cipher)> {
        self.lock.as_ref().map(|(h, c)| (h, c as &dyn Cipher))
    }

    /// Plans a save the way the shell does: over `base`, never writing a key already in storage.
    pub fn plan(
        &self,
        store: &Store,
        base: Option<&Index>,
        doc: &Document,
        dirty: &BTreeSet<Month>,
        added: &[Added],
        registry_dirty: bool,
    ) -> SavePlan {
        let taken: BTreeSet<String> = store.keys().cloned().collect();
        plan_save(SaveRequest {
            added,
            registry_dirty,
            lock: self.lock.as_ref().map(|(h, _)| h),
            cipher: self.lock.as_ref().map(|(_, c)| c as &dyn Cipher),
            taken: &taken,
            ..SaveRequest::new(base, doc, dirty, self.now)
        })
        .unwrap()
    }

    /// Applies `action` and saves it as the app's store would.
    pub fn act(&mut self, action: Action) {
        let (dirty, added) = changes(&self.doc, &action);
        self.doc = self.doc.apply(&action, "test").unwrap();
        let plan = self.plan(
            &self.store,
            Some(&self.index),
            &self.doc,
            &dirty,
            &added,
            false,
        );
        execute(&mut self.store, &plan);
        self.index = plan.index;
        self.now += DAY_MS;
    }
}

pub fn changes(doc: &Document, action: &Action) -> (BTreeSet<Month>, Vec<Added>) {
    match added_by(action) {
        Some(a) => (BTreeSet::new(), vec![a]),
        None => (
            touched_months(&doc.payload, action).into_iter().collect(),
            Vec::new(),
        ),
    }
}

pub fn entry(id: &str, date: &str, minutes: u32) -> WorkEntry {
    WorkEntry {
        id: EntryId(id.into()),
        date: date.parse().unwrap(),
        minutes,
        kind: WorkKind::Documentation,
        ..WorkEntry::default()
    }
}

/// Four weeks of demo data saved whole, then three entries logged a day apart (a recent chunk
/// and rolling snapshots) and one removed (a month rewritten).
pub fn fixture(locked: bool) -> Fixture {
    let doc = Document {
        revision: 1,
        payload: demo_journal(7, "2026-11-23".parse().unwrap()).unwrap(),
        ..Document::new("test")
    };
    let lock = locked.then(|| {
        let (header, key) = lock::create_lock("a long walk", [3; 16], [5; 32], [9; 24]).unwrap();
        let cipher = TestCipher {
            key,
            counter: Cell::new(0),
        };
        (header, cipher)
    });
    let mut fixture = Fixture {
        store: Store::new(),
        index: Index {
            schema: 0,
            revision: 0,
            written_by: String::new(),
            saved_at: 0,
            chunks: BTreeMap::new(),
            registry: None,
            snapshots: Vec::new(),
            lock: None,
            catalog: None,
            recent: None,
            recent_ids: Vec::new(),
            catalog_stale: true,
        },
        doc,
        lock,
        now: 0,
    };
    let first = fixture.plan(
        &Store::new(),
        None,
        &fixture.doc,
        &all_months(&fixture.doc, None),
        &[],
        true,
    );
    execute(&mut fixture.store, &first);
    fixture.index = first.index;
    fixture.now = DAY_MS;
    for (i, date) in ["2026-11-20", "2026-11-21", "2026-10-30"]
        .iter()
        .enumerate()
    {
        fixture.act(Action::AddEntry(entry(&format!("logged-{i}"), date, 35)));
    }
    let removed = fixture.doc.payload.entries[0].id.clone();
    fixture.act(Action::RemoveEntry(removed));
    fixture.act(Action::AddEntry(entry("logged-last", "2026-11-22", 20)));
    fixture
}
