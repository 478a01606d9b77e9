//! Planning a save: which chunks to write, the new index, and which keys to delete afterwards.
//!
//! Only the months an action touched are rewritten, so a save costs a few kilobytes however long
//! the history. The plan is executed in order by the shell: chunk writes, then the index (the
//! commit point), then deletes. Snapshots keep earlier indexes, and with them their chunks, alive.

use super::layout::{chunk_key, Chunk, ChunkRef, Index, Snapshot, SnapshotReason};
use super::Cipher;
use crate::document::{Document, SCHEMA_VERSION};
use crate::journal::{Action, Journal};
use crate::lock::LockHeader;
use crate::month::Month;
use std::collections::{BTreeMap, BTreeSet};

/// How often and how many snapshots are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SnapshotPolicy {
    /// The least time between two rolling snapshots, in milliseconds.
    pub interval_ms: i64,
    /// Rolling snapshots kept.
    pub keep_rolling: usize,
    /// Snapshots from before a migration kept.
    pub keep_before_migration: usize,
}

impl Default for SnapshotPolicy {
    fn default() -> SnapshotPolicy {
        SnapshotPolicy {
            interval_ms: 24 * 60 * 60 * 1000,
            keep_rolling: 3,
            keep_before_migration: 2,
        }
    }
}

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

/// Why this save should keep a snapshot regardless of the interval.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotRequest {
    /// A rolling snapshot if the interval has passed.
    Auto,
    /// Keep the current state now (before restoring an older one, say).
    Force,
    /// Data was migrated from `schema`, whose text stays under `legacy_key`.
    BeforeMigration { schema: u32, legacy_key: String },
}

/// The months an action changes, judged against the journal before it.
pub fn touched_months(before: &Journal, action: &Action) -> Vec<Month> {
    match action {
        Action::AddEntry(e) => vec![Month::of(e.date)],
        Action::RemoveEntry(id) => before
            .entries
            .iter()
            .filter(|e| &e.id == id)
            .map(|e| Month::of(e.date))
            .collect(),
        Action::Restore(incoming) => {
            let ids: std::collections::HashSet<_> =
                incoming.entries.iter().map(|e| &e.id).collect();
            let replaced = before.entries.iter().filter(|e| ids.contains(&e.id));
            let mut months: Vec<Month> = incoming
                .entries
                .iter()
                .chain(replaced)
                .map(|e| Month::of(e.date))
                .collect();
            months.sort();
            months.dedup();
            months
        }
    }
}

/// Every month that has records or a chunk in `base`: what a full rewrite touches.
pub fn all_months(doc: &Document, base: Option<&Index>) -> BTreeSet<Month> {
    let mut months: BTreeSet<Month> = doc
        .payload
        .entries
        .iter()
        .map(|e| Month::of(e.date))
        .collect();
    if let Some(index) = base {
        months.extend(index.chunks.keys().copied());
    }
    months
}

/// Everything a save needs to know.
pub struct SaveRequest<'a> {
    /// The index this save builds on, if any.
    pub base: Option<&'a Index>,
    /// The document to save.
    pub doc: &'a Document,
    /// The months to rewrite.
    pub dirty: &'a BTreeSet<Month>,
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
}

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
            now_ms,
            build: "",
            snapshot: SnapshotRequest::Auto,
            policy: SnapshotPolicy::default(),
            lock: None,
            cipher: None,
            drop_snapshots: false,
        }
    }
}

fn chunk_text(chunk: Chunk, key: &str, cipher: Option<&dyn Cipher>) -> Result<String, String> {
    let text = |c: &Chunk| serde_json::to_string(c).map_err(|e| e.to_string());
    match cipher {
        None => text(&chunk),
        Some(cipher) => {
            let entries = serde_json::to_string(&chunk.entries).map_err(|e| e.to_string())?;
            let sealed = cipher.seal(&entries, key)?;
            text(&Chunk {
                entries: Vec::new(),
                sealed: Some(sealed),
                ..chunk
            })
        }
    }
}

/// Plans the save of `doc` over `base`, rewriting the `dirty` months. Fails only if sealing does.
pub fn plan_save(request: SaveRequest<'_>) -> Result<SavePlan, String> {
    let SaveRequest {
        base,
        doc,
        dirty,
        now_ms,
        build,
        snapshot,
        policy,
        lock,
        cipher,
        drop_snapshots,
    } = request;
    let mut chunks = base.map(|b| b.chunks.clone()).unwrap_or_default();
    let mut by_month: BTreeMap<Month, Vec<_>> = dirty.iter().map(|m| (*m, Vec::new())).collect();
    for entry in &doc.payload.entries {
        if let Some(list) = by_month.get_mut(&Month::of(entry.date)) {
            list.push(entry.clone());
        }
    }
    let mut chunk_writes = Vec::new();
    for (month, entries) in by_month {
        if entries.is_empty() {
            chunks.remove(&month);
            continue;
        }
        let records = entries.len();
        let key = chunk_key(month, doc.revision);
        let chunk = Chunk {
            schema: SCHEMA_VERSION,
            month,
            entries,
            sealed: None,
        };
        let text = chunk_text(chunk, &key, cipher)?;
        chunks.insert(
            month,
            ChunkRef {
                key: key.clone(),
                chars: text.chars().count(),
                records,
            },
        );
        chunk_writes.push((key, text));
    }

    let mut snapshots = match base {
        Some(b) if !drop_snapshots => b.snapshots.clone(),
        _ => Vec::new(),
    };
    match snapshot {
        _ if drop_snapshots => {}
        SnapshotRequest::BeforeMigration { schema, legacy_key } => snapshots.push(Snapshot {
            revision: doc.revision,
            taken_at: now_ms,
            reason: SnapshotReason::BeforeMigration,
            chunks: BTreeMap::new(),
            legacy_key: Some(legacy_key),
            schema,
        }),
        request => {
            if let Some(base) = base.filter(|b| !b.chunks.is_empty()) {
                let last_rolling = snapshots
                    .iter()
                    .rev()
                    .find(|s| s.reason == SnapshotReason::Rolling)
                    .map(|s| s.taken_at);
                let due =
                    last_rolling.is_none_or(|t| now_ms.saturating_sub(t) >= policy.interval_ms);
                if request == SnapshotRequest::Force || due {
                    snapshots.push(Snapshot {
                        revision: base.revision,
                        taken_at: now_ms,
                        reason: SnapshotReason::Rolling,
                        chunks: base.chunks.clone(),
                        legacy_key: None,
                        schema: base.schema,
                    });
                }
            }
        }
    }
    keep_newest(&mut snapshots, SnapshotReason::Rolling, policy.keep_rolling);
    keep_newest(
        &mut snapshots,
        SnapshotReason::BeforeMigration,
        policy.keep_before_migration,
    );

    let index = Index {
        schema: SCHEMA_VERSION,
        revision: doc.revision,
        written_by: build.to_string(),
        saved_at: now_ms,
        chunks,
        snapshots,
        lock: lock.cloned(),
    };
    let live = index.live_keys();
    let deletes = base
        .map(|b| {
            b.live_keys()
                .into_iter()
                .filter(|k| !live.contains(k))
                .collect()
        })
        .unwrap_or_default();
    let index_text = serde_json::to_string(&index).map_err(|e| e.to_string())?;
    Ok(SavePlan {
        chunk_writes,
        index,
        index_text,
        deletes,
    })
}

fn keep_newest(snapshots: &mut Vec<Snapshot>, reason: SnapshotReason, keep: usize) {
    let count = snapshots.iter().filter(|s| s.reason == reason).count();
    let mut extra = count.saturating_sub(keep);
    snapshots.retain(|s| {
        if s.reason == reason && extra > 0 {
            extra -= 1;
            false
        } else {
            true
        }
    });
}
