//! Which earlier states a save keeps: a rolling snapshot at most once per interval (or at once
//! when asked, before a restore or an import), the state before a migration, the newest few of
//! each, and none at all when the lock is turned on or off (so no copy in the other form
//! survives). Snapshots are planned with their whole month maps and stored as differences from
//! the new index's map.

use super::layout::{ChunkRef, Index, Snapshot, SnapshotReason};
use crate::month::Month;
use std::collections::BTreeMap;

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

/// Why this save should keep a snapshot regardless of the interval.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotRequest {
    /// A rolling snapshot if the interval has passed.
    Auto,
    /// Keep the current state now (before restoring an older one, say).
    Force,
    /// Data was migrated from `schema`, whose text stays under `legacy_key`.
    BeforeMigration {
        /// The schema the data was migrated from.
        schema: u32,
        /// The storage key that keeps its text.
        legacy_key: String,
    },
}

/// How a save treats snapshots apart from the request: the policy, whether to forget them all,
/// and the clock.
pub(super) struct SnapshotRules {
    pub policy: SnapshotPolicy,
    pub drop_all: bool,
    pub now_ms: i64,
}

/// A snapshot with the whole month map it names.
pub(super) type Planned = (Snapshot, BTreeMap<Month, ChunkRef>);

/// The snapshots the next index keeps: the base's, plus the one `request` asks for, each kind
/// cut to its newest few.
pub(super) fn plan_snapshots(
    base: Option<&Index>,
    revision: u64,
    request: SnapshotRequest,
    rules: SnapshotRules,
) -> Vec<Planned> {
    let SnapshotRules {
        policy,
        drop_all,
        now_ms,
    } = rules;
    let mut snapshots: Vec<Planned> = match base {
        Some(b) if !drop_all => b
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
        recent: None,
        legacy_key,
        schema,
    };
    match request {
        _ if drop_all => {}
        SnapshotRequest::BeforeMigration { schema, legacy_key } => snapshots.push((
            snapshot_of(
                revision,
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
                    let mut taken = snapshot_of(
                        base.revision,
                        SnapshotReason::Rolling,
                        base.registry.clone(),
                        None,
                        base.schema,
                    );
                    taken.recent = base.recent.clone();
                    snapshots.push((taken, base.chunks.clone()));
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
    snapshots
}

/// The planned snapshots stored as differences from the new index's month map.
pub(super) fn as_differences(
    planned: Vec<Planned>,
    chunks: &BTreeMap<Month, ChunkRef>,
) -> Vec<Snapshot> {
    planned
        .into_iter()
        .map(|(mut s, full)| {
            if s.legacy_key.is_none() {
                s.set_chunks(&full, chunks);
            }
            s
        })
        .collect()
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
