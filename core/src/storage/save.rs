//! Planning a save: which chunks to write, the new index, and which keys to delete afterwards.
//!
//! Only the months an action touched are rewritten, so a save costs a few kilobytes however long
//! the history. The plan is executed in order by the shell: chunk writes, then the index (the
//! commit point), then deletes. Snapshots keep earlier indexes, and with them their chunks, alive.

use super::layout::{chunk_key, Chunk, ChunkRef, Index, Snapshot, SnapshotReason};
use crate::document::{Document, SCHEMA_VERSION};
use crate::journal::{Action, Journal};
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
        Action::AddBreak(b) => vec![Month::of(b.date)],
        Action::RemoveBreak(id) => before
            .breaks
            .iter()
            .filter(|b| &b.id == id)
            .map(|b| Month::of(b.date))
            .collect(),
        Action::AddOrganisation(_) => Vec::new(),
        Action::UpdateOrganisation(_) => Vec::new(),
        Action::RemoveOrganisation(_) => Vec::new(),
        Action::AddCase(_) => Vec::new(),
        Action::UpdateCase(_) => Vec::new(),
        Action::CloseCase { .. } => Vec::new(),
        Action::ReopenCase { .. } => Vec::new(),
        Action::RemoveCase(_) => Vec::new(),
        Action::SetTargets(_) => Vec::new(),
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

/// Plans the save of `doc` over `base`, rewriting the `dirty` months.
pub fn plan_save(
    base: Option<&Index>,
    doc: &Document,
    dirty: &BTreeSet<Month>,
    now_ms: i64,
    build: &str,
    snapshot: SnapshotRequest,
    policy: SnapshotPolicy,
) -> SavePlan {
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
        let chunk = Chunk {
            schema: SCHEMA_VERSION,
            month,
            entries,
        };
        let text = serde_json::to_string(&chunk).unwrap_or_default();
        let key = chunk_key(month, doc.revision);
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

    let mut snapshots = base.map(|b| b.snapshots.clone()).unwrap_or_default();
    match snapshot {
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
    let index_text = serde_json::to_string(&index).unwrap_or_default();
    SavePlan {
        chunk_writes,
        index,
        index_text,
        deletes,
    }
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
