//! Planning a save: which chunks to write, the new index, and which keys to delete afterwards.
//!
//! Added records go to the small recent chunk; only the months whose records were removed or
//! replaced are rewritten, and the months of the recent records once it grows past its limit, so
//! a save costs a few kilobytes however long the history. The catalog (the month list,
//! registry and snapshots) is written only when it changes. The plan is executed in order by the
//! shell: chunk writes, then the index (the commit point), then deletes. Snapshots keep earlier
//! states, and with them their chunks, alive.

use super::catalog::{Catalog, IndexHead};
use super::layout::{
    catalog_key, chunk_key, recent_key, registry_key, ChunkBody, Index, RegistryBody,
};
use super::recent::{carry, recent_months, Added, FOLD_CHARS};
use super::snapshots::{as_differences, plan_snapshots, SnapshotRules};
pub use super::snapshots::{SnapshotPolicy, SnapshotRequest};
use super::sum::with_check;
use super::write::{chunk_text, free_key, recent_text, reference, registry_text};
use super::Cipher;
use crate::document::{Document, SCHEMA_VERSION};
use crate::lock::LockHeader;
use crate::month::Month;
use std::collections::{BTreeMap, BTreeSet};

/// The writes and deletes that save a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavePlan {
    /// Chunks to write first, as (key, text).
    pub chunk_writes: Vec<(String, String)>,
    /// The new index.
    pub index: Index,
    /// Its text, written after every chunk.
    pub index_text: String,
    /// Keys no longer needed, deleted after the index is written.
    pub deletes: Vec<String>,
}

/// Everything a save needs to know.
pub struct SaveRequest<'a> {
    /// The index this save builds on, if any.
    pub base: Option<&'a Index>,
    /// The document to save.
    pub doc: &'a Document,
    /// The months to rewrite.
    pub dirty: &'a BTreeSet<Month>,
    /// Records added since the base was saved, whose months need not be rewritten: they go to
    /// the recent chunk.
    pub added: &'a [Added],
    /// Whether to rewrite the registry (organisations, cases, targets).
    pub registry_dirty: bool,
    /// The shell's clock, in milliseconds since 1970.
    pub now_ms: i64,
    /// The writing build.
    pub build: &'a str,
    /// Which snapshot to keep.
    pub snapshot: SnapshotRequest,
    /// How many snapshots to keep, and how often.
    pub policy: SnapshotPolicy,
    /// The lock header to record, when the lock is on.
    pub lock: Option<&'a LockHeader>,
    /// Seals chunks, when the lock is on.
    pub cipher: Option<&'a dyn Cipher>,
    /// Forget every snapshot (when the lock is turned on or off, so that no copy in the other
    /// form survives).
    pub drop_snapshots: bool,
    /// Every key now in storage: no new piece is written under one of them.
    pub taken: &'a BTreeSet<String>,
}

/// No keys: for a request that does not know what storage holds (a first save into an empty
/// store, or a test).
static NO_KEYS: BTreeSet<String> = BTreeSet::new();

impl<'a> SaveRequest<'a> {
    /// A plain request: default policy, automatic snapshots, no lock.
    pub fn new(
        base: Option<&'a Index>,
        doc: &'a Document,
        dirty: &'a BTreeSet<Month>,
        now_ms: i64,
    ) -> Self {
        SaveRequest {
            base,
            doc,
            dirty,
            added: &[],
            registry_dirty: false,
            now_ms,
            build: "",
            snapshot: SnapshotRequest::Auto,
            policy: SnapshotPolicy::default(),
            lock: None,
            cipher: None,
            drop_snapshots: false,
            taken: &NO_KEYS,
        }
    }
}

/// Plans the save of `doc` over `base`, rewriting the `dirty` months and keeping `added` records
/// in the recent chunk. Fails only if sealing does.
pub fn plan_save(request: SaveRequest<'_>) -> Result<SavePlan, String> {
    let SaveRequest {
        base,
        doc,
        dirty,
        added,
        registry_dirty,
        now_ms,
        build,
        snapshot,
        policy,
        lock,
        cipher,
        drop_snapshots,
        taken,
    } = request;
    // Keys a new piece must not take: everything in storage and everything the base names.
    let mut taken = taken.clone();
    taken.extend(base.map(Index::live_keys).unwrap_or_default());
    let mut new_key = |key: String| {
        let key = free_key(key, &taken);
        taken.insert(key.clone());
        key
    };
    let mut chunk_writes = Vec::new();
    let mut rewrite = dirty.clone();
    let mut wanted: Vec<Added> = base.map(|b| b.recent_ids.clone()).unwrap_or_default();
    wanted.extend(added.iter().cloned());
    if base.is_none() {
        // The first save writes every record into its month.
        rewrite.extend(wanted.drain(..).map(|a| a.month));
    }
    let mut carried = carry(doc, &wanted, &rewrite);
    if !carried.lost.is_empty() {
        // A record that should be in the recent chunk is gone: rewrite its month from the
        // document, and find the rest again without it.
        rewrite.extend(carried.lost.iter().copied());
        carried = carry(doc, &wanted, &rewrite);
    }
    let base_recent = base.and_then(|b| b.recent.as_ref());
    // The stored recent chunk can stay when nothing was added, none of its months is rewritten
    // and this tab knows all it holds (not so when it could not be read).
    let unchanged = added.is_empty()
        && base.is_some_and(|b| {
            b.recent.as_ref().map_or(0, |r| r.records) == b.recent_ids.len()
                && b.recent_ids.iter().all(|a| !rewrite.contains(&a.month))
        });
    let mut recent = None;
    if unchanged {
        recent = base_recent.cloned();
    } else if !carried.ids.is_empty() {
        let key = new_key(recent_key(doc.revision));
        let text = recent_text(recent_months(&carried.bodies, SCHEMA_VERSION), &key, cipher)?;
        if text.chars().count() > FOLD_CHARS {
            // Fold: the recent records go into their months, and the recent chunk is emptied.
            rewrite.extend(carried.bodies.keys().copied());
            carried.ids.clear();
        } else {
            recent = Some(reference(key.clone(), &text, carried.ids.len()));
            chunk_writes.push((key, text));
        }
    }
    let recent_ids = if recent.is_some() {
        carried.ids
    } else {
        Vec::new()
    };

    let mut chunks = base.map(|b| b.chunks.clone()).unwrap_or_default();
    // Filled by `extend`, not `collect()`: collecting into a B-tree sorts with its own copy of
    // the standard stable sort for each element type, kilobytes of wasm each (see `sorting`).
    let mut by_month: BTreeMap<Month, ChunkBody> = BTreeMap::new();
    by_month.extend(rewrite.iter().map(|m| (*m, ChunkBody::default())));
    // Most saves rewrite no month: then the whole history need not even be looked at.
    if !rewrite.is_empty() {
        let payload = &doc.payload;
        for entry in &payload.entries {
            if let Some(body) = by_month.get_mut(&Month::of(entry.date)) {
                body.entries.push(entry.clone());
            }
        }
        for record in &payload.breaks {
            if let Some(body) = by_month.get_mut(&Month::of(record.date)) {
                body.breaks.push(record.clone());
            }
        }
        for record in &payload.checks {
            if let Some(body) = by_month.get_mut(&Month::of(record.date)) {
                body.checks.push(record.clone());
            }
        }
        for record in &payload.ce_activities {
            if let Some(body) = by_month.get_mut(&Month::of(record.date)) {
                body.ce.push(record.clone());
            }
        }
    }
    for (month, body) in by_month {
        if body.records() == 0 {
            chunks.remove(&month);
            continue;
        }
        let records = body.records();
        let key = new_key(chunk_key(month, doc.revision));
        let text = chunk_text(month, body, &key, cipher)?;
        chunks.insert(month, reference(key.clone(), &text, records));
        chunk_writes.push((key, text));
    }
    let mut registry = base.and_then(|b| b.registry.clone());
    if registry_dirty {
        let body = RegistryBody {
            organisations: doc.payload.organisations.clone(),
            cases: doc.payload.cases.clone(),
            targets: doc.payload.targets.clone(),
            instruments: doc.payload.instruments.clone(),
            requirement_sets: doc.payload.requirement_sets.clone(),
        };
        registry = if body.is_empty() {
            None
        } else {
            let key = new_key(registry_key(doc.revision));
            let records = body.records();
            let text = registry_text(body, &key, cipher)?;
            let registry = reference(key.clone(), &text, records);
            chunk_writes.push((key, text));
            Some(registry)
        };
    }

    let snapshots = plan_snapshots(
        base,
        doc.revision,
        snapshot,
        SnapshotRules {
            policy,
            drop_all: drop_snapshots,
            now_ms,
        },
    );
    let snapshots = as_differences(snapshots, &chunks);

    let mut index = Index {
        schema: SCHEMA_VERSION,
        revision: doc.revision,
        written_by: build.to_string(),
        saved_at: now_ms,
        chunks,
        registry,
        snapshots,
        lock: lock.cloned(),
        catalog: None,
        recent,
        recent_ids,
        catalog_stale: false,
    };
    index.catalog = match base {
        Some(b)
            if b.schema == SCHEMA_VERSION
                && !b.catalog_stale
                && b.catalog.is_some()
                && b.lock == index.lock
                && b.chunks == index.chunks
                && b.snapshots == index.snapshots =>
        {
            b.catalog.clone()
        }
        _ => {
            let body = Catalog::of(&index);
            let key = new_key(catalog_key(doc.revision));
            let text = serde_json::to_string(&body).map_err(|e| e.to_string())?;
            let catalog = reference(key.clone(), &text, body.records());
            chunk_writes.push((key, text));
            Some(catalog)
        }
    };
    let head = serde_json::to_string(&IndexHead::of(&index)).map_err(|e| e.to_string())?;
    let index_text = with_check(&head);
    let live = index.live_keys();
    let deletes = base
        .map(|b| {
            b.live_keys()
                .into_iter()
                .filter(|k| !live.contains(k))
                .collect()
        })
        .unwrap_or_default();
    Ok(SavePlan {
        chunk_writes,
        index,
        index_text,
        deletes,
    })
}
