//! Planning a save: which chunks to write, the new index, and which keys to delete afterwards.
//!
//! Only the months an action touched are rewritten, so a save costs a few kilobytes however long
//! the history. The plan is executed in order by the shell: chunk writes, then the index (the
//! commit point), then deletes. Snapshots keep earlier indexes, and with them their chunks, alive.

use super::compact::{compact, CompactBody};
use super::layout::{
    chunk_key, registry_key, Chunk, ChunkBody, ChunkRef, Index, Registry, RegistryBody, Snapshot,
    SnapshotReason,
};
use super::Cipher;
use crate::document::{Document, SCHEMA_VERSION};
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

/// Everything a save needs to know.
pub struct SaveRequest<'a> {
    /// The index this save builds on, if any.
    pub base: Option<&'a Index>,
    /// The document to save.
    pub doc: &'a Document,
    /// The months to rewrite.
    pub dirty: &'a BTreeSet<Month>,
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
            registry_dirty: false,
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

/// Seals `body` into the text stored in `sealed` when a cipher is given.
fn seal_body<T: serde::Serialize>(
    body: &T,
    key: &str,
    cipher: Option<&dyn Cipher>,
) -> Result<Option<String>, String> {
    match cipher {
        None => Ok(None),
        Some(cipher) => {
            let plain = serde_json::to_string(body).map_err(|e| e.to_string())?;
            cipher.seal(&plain, key).map(Some)
        }
    }
}

fn chunk_text(
    month: Month,
    body: ChunkBody,
    key: &str,
    cipher: Option<&dyn Cipher>,
) -> Result<String, String> {
    let compact = compact(&body);
    let sealed = seal_body(&compact, key, cipher)?;
    let compact = if sealed.is_some() {
        CompactBody::default()
    } else {
        compact
    };
    let chunk = Chunk {
        schema: SCHEMA_VERSION,
        month,
        refs: compact.refs,
        rows: compact.rows,
        rests: compact.rests,
        checks: compact.checks,
        sealed,
        entries: Vec::new(),
        breaks: Vec::new(),
    };
    serde_json::to_string(&chunk).map_err(|e| e.to_string())
}

fn registry_text(
    body: RegistryBody,
    key: &str,
    cipher: Option<&dyn Cipher>,
) -> Result<String, String> {
    let sealed = seal_body(&body, key, cipher)?;
    serde_json::to_string(&Registry::new(SCHEMA_VERSION, body, sealed)).map_err(|e| e.to_string())
}

/// Plans the save of `doc` over `base`, rewriting the `dirty` months. Fails only if sealing does.
pub fn plan_save(request: SaveRequest<'_>) -> Result<SavePlan, String> {
    let SaveRequest {
        base,
        doc,
        dirty,
        registry_dirty,
        now_ms,
        build,
        snapshot,
        policy,
        lock,
        cipher,
        drop_snapshots,
    } = request;
    let mut chunks = base.map(|b| b.chunks.clone()).unwrap_or_default();
    // Filled by `extend`, not `collect()`: collecting into a B-tree sorts with its own copy of
    // the standard stable sort for each element type, kilobytes of wasm each (see `sorting`).
    let mut by_month: BTreeMap<Month, ChunkBody> = BTreeMap::new();
    by_month.extend(dirty.iter().map(|m| (*m, ChunkBody::default())));
    for entry in &doc.payload.entries {
        if let Some(body) = by_month.get_mut(&Month::of(entry.date)) {
            body.entries.push(entry.clone());
        }
    }
    for record in &doc.payload.breaks {
        if let Some(body) = by_month.get_mut(&Month::of(record.date)) {
            body.breaks.push(record.clone());
        }
    }
    for record in &doc.payload.checks {
        if let Some(body) = by_month.get_mut(&Month::of(record.date)) {
            body.checks.push(record.clone());
        }
    }
    let mut chunk_writes = Vec::new();
    for (month, body) in by_month {
        if body.records() == 0 {
            chunks.remove(&month);
            continue;
        }
        let records = body.records();
        let key = chunk_key(month, doc.revision);
        let text = chunk_text(month, body, &key, cipher)?;
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
    let mut registry = base.and_then(|b| b.registry.clone());
    if registry_dirty {
        let body = RegistryBody {
            organisations: doc.payload.organisations.clone(),
            cases: doc.payload.cases.clone(),
            targets: doc.payload.targets.clone(),
            instruments: doc.payload.instruments.clone(),
        };
        registry = if body.organisations.is_empty()
            && body.cases.is_empty()
            && body.instruments.is_empty()
            && body.targets.is_default()
        {
            None
        } else {
            let key = registry_key(doc.revision);
            let records = body.records();
            let text = registry_text(body, &key, cipher)?;
            let reference = ChunkRef {
                key: key.clone(),
                chars: text.chars().count(),
                records,
            };
            chunk_writes.push((key, text));
            Some(reference)
        };
    }

    // Snapshots are planned with their whole chunk maps and stored as differences from the new
    // current map once it is known.
    let mut snapshots: Vec<(Snapshot, BTreeMap<Month, ChunkRef>)> = match base {
        Some(b) if !drop_snapshots => b
            .snapshots
            .iter()
            .map(|s| (s.clone(), b.snapshot_chunks(s)))
            .collect(),
        _ => Vec::new(),
    };
    let snapshot_of = |revision, reason, registry, legacy_key, schema| Snapshot {
        revision,
        taken_at: now_ms,
        reason,
        changed: BTreeMap::new(),
        absent: Vec::new(),
        registry,
        legacy_key,
        schema,
    };
    match snapshot {
        _ if drop_snapshots => {}
        SnapshotRequest::BeforeMigration { schema, legacy_key } => snapshots.push((
            snapshot_of(
                doc.revision,
                SnapshotReason::BeforeMigration,
                None,
                Some(legacy_key),
                schema,
            ),
            BTreeMap::new(),
        )),
        request => {
            if let Some(base) = base.filter(|b| !b.chunks.is_empty()) {
                let last_rolling = snapshots
                    .iter()
                    .rev()
                    .find(|(s, _)| s.reason == SnapshotReason::Rolling)
                    .map(|(s, _)| s.taken_at);
                let due =
                    last_rolling.is_none_or(|t| now_ms.saturating_sub(t) >= policy.interval_ms);
                if request == SnapshotRequest::Force || due {
                    snapshots.push((
                        snapshot_of(
                            base.revision,
                            SnapshotReason::Rolling,
                            base.registry.clone(),
                            None,
                            base.schema,
                        ),
                        base.chunks.clone(),
                    ));
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
    let snapshots = snapshots
        .into_iter()
        .map(|(mut s, full)| {
            if s.legacy_key.is_none() {
                s.set_chunks(&full, &chunks);
            }
            s
        })
        .collect();

    let index = Index {
        schema: SCHEMA_VERSION,
        revision: doc.revision,
        written_by: build.to_string(),
        saved_at: now_ms,
        chunks,
        registry,
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

fn keep_newest<T>(snapshots: &mut Vec<(Snapshot, T)>, reason: SnapshotReason, keep: usize) {
    let count = snapshots.iter().filter(|(s, _)| s.reason == reason).count();
    let mut extra = count.saturating_sub(keep);
    snapshots.retain(|(s, _)| {
        if s.reason == reason && extra > 0 {
            extra -= 1;
            false
        } else {
            true
        }
    });
}
