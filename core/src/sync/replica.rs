//! The replica: a stamped view of a journal, and the merge that makes devices agree.
//!
//! Sync merges record by record, so for each kind of record the replica keeps, by id, the
//! latest version it knows and the stamp of the change that made it; a deletion is kept as a
//! tombstone (a version with no value) so it can beat older edits arriving later. Targets are
//! one register. Merging keeps, for each id, the version with the newer stamp: a last-writer-wins
//! map, so merging is commutative, associative and idempotent (`core/tests/sync_merge.rs`).
//!
//! Local changes are stamped by comparing the journal before and after a change
//! ([`Replica::record_change`]) rather than by reading the [`crate::journal::Action`]: a
//! diff covers every action the same way (restores, going back to a snapshot, removing the
//! demo, undo), and cannot drift from what the reducer actually did. When each change was made
//! comes from the times noted as the actions were taken ([`super::edits`]), so a change made
//! offline is stamped with its own time, not the sync's ([`Replica::record_change_at`]).

use super::clock::{Clock, DeviceId, Stamp};
use super::edits::{Edits, TARGETS};
pub use super::keyed::Keyed;
use crate::checks::{CheckResult, Instrument};
use crate::entry::WorkEntry;
use crate::journal::Journal;
use crate::requirements::{CeActivity, RequirementSet};
use crate::tracking::{BreakEntry, Case, Organisation, Targets};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

/// One version of a record: the stamp of the change that made it and the record, or `None` for a
/// deletion (a tombstone).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Versioned<T> {
    /// When the change was made, and on which device.
    pub stamp: Stamp,
    /// The record as changed, or `None` if it was deleted.
    pub value: Option<T>,
}

impl<T: Serialize> Versioned<T> {
    /// True if this version replaces `current` in a merge: its stamp is newer. Two versions
    /// with the same stamp (only possible if two devices share an id) are ordered by their
    /// stored text, so every device still picks the same one.
    pub fn beats(&self, current: &Versioned<T>) -> bool {
        match self.stamp.cmp(&current.stamp) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => {
                let text = |v: &Option<T>| serde_json::to_string(v).unwrap_or_default();
                text(&self.value) > text(&current.value)
            }
        }
    }
}

/// Versions of one record kind, by id.
pub type Versions<T> = BTreeMap<<T as Keyed>::Key, Versioned<T>>;

/// The stamped records of one journal, as sync merges them. Also the body of a sync file, which
/// holds only the versions it carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replica {
    /// Work entries.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub entries: Versions<WorkEntry>,
    /// Breaks, time off and self-care.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub breaks: Versions<BreakEntry>,
    /// Organisations and their contracts.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub organisations: Versions<Organisation>,
    /// Cases.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cases: Versions<Case>,
    /// Self-check results.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checks: Versions<CheckResult>,
    /// Imported instruments, by instrument id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub instruments: Versions<Instrument>,
    /// Requirement sets (supervision, licensure hours, CE), by set id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub requirement_sets: Versions<RequirementSet>,
    /// Continuing-education activities.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ce_activities: Versions<CeActivity>,
    /// The targets: one register (never deleted; `None` value means the defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Versioned<Targets>>,
    /// Set by compaction ([`super::compact`]): every version stamped at or before this has been
    /// merged here, so a version this old for an id the replica no longer holds was deleted
    /// and is not taken in again. `None` until the first compaction; never in a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<Stamp>,
}

/// Merges `from` into `into`, version by version; returns how many versions changed.
fn merge_versions<T: Keyed>(
    into: &mut Versions<T>,
    from: &Versions<T>,
    floor: Option<&Stamp>,
) -> usize {
    let mut changed = 0;
    for (key, incoming) in from {
        match into.get_mut(key) {
            Some(current) => {
                if incoming.beats(current) {
                    *current = incoming.clone();
                    changed += 1;
                }
            }
            None => {
                if floor.is_some_and(|f| incoming.stamp <= *f) {
                    continue;
                }
                into.insert(key.clone(), incoming.clone());
                changed += 1;
            }
        }
    }
    changed
}

/// A local change the diff found, waiting for its stamp: when it was made, and how to put it
/// in the replica once stamped.
struct Pending {
    at: u64,
    put: Put,
}

/// Puts a stamped change into the replica.
type Put = Box<dyn FnOnce(&mut Replica, Stamp)>;

/// Lists, in `after`'s order, every record that is new or changed since `before`, then a
/// tombstone for every record `before` had and `after` has not, each with when it was made.
fn diff_versions<'a, T: Keyed>(
    out: &mut Vec<Pending>,
    before: impl Iterator<Item = &'a T>,
    after: impl Iterator<Item = &'a T>,
    at: &dyn Fn(&str, &str) -> u64,
    slot: fn(&mut Replica) -> &mut Versions<T>,
) {
    let mut gone: HashMap<T::Key, &T> = before.map(|r| (r.key(), r)).collect();
    let mut order: Vec<T::Key> = gone.keys().cloned().collect();
    for record in after {
        let key = record.key();
        if gone.remove(&key).is_some_and(|old| old == record) {
            continue;
        }
        let value = Some(record.clone());
        out.push(Pending {
            at: at(T::KIND, &key.to_string()),
            put: Box::new(move |r, stamp| {
                slot(r).insert(key, Versioned { stamp, value });
            }),
        });
    }
    order.retain(|k| gone.contains_key(k));
    order.sort();
    for key in order {
        out.push(Pending {
            at: at(T::KIND, &key.to_string()),
            put: Box::new(move |r, stamp| {
                slot(r).insert(key, Versioned { stamp, value: None });
            }),
        });
    }
}

/// The versions `device` made after `after` (all of its versions when `after` is `None`).
fn made_by<T: Keyed>(
    versions: &Versions<T>,
    device: &DeviceId,
    after: Option<&Stamp>,
) -> Versions<T> {
    versions
        .iter()
        .filter(|(_, v)| &v.stamp.device == device && after.is_none_or(|a| v.stamp > *a))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

impl Replica {
    /// A replica of `journal` as it stands, every record stamped as a change made now on
    /// `clock`'s device (in the journal's order, so the order survives [`Replica::to_journal`]).
    pub fn seed(journal: &Journal, clock: &mut Clock, now_ms: u64) -> Replica {
        let mut replica = Replica::default();
        replica.record_change(&Journal::default(), journal, clock, now_ms);
        replica
    }

    /// Stamps the difference between `before` and `after` (a journal and the same journal after
    /// one or more actions) as changes made now on `clock`'s device: each new or changed record a
    /// new version, each removed one a tombstone. Records neither journal holds (versions this
    /// replica keeps but the journal set aside) are left as they are. Returns how many versions
    /// were made.
    pub fn record_change(
        &mut self,
        before: &Journal,
        after: &Journal,
        clock: &mut Clock,
        now_ms: u64,
    ) -> usize {
        self.record_change_at(before, after, clock, now_ms, &Edits::default())
    }

    /// As [`Replica::record_change`], but each change is stamped as made when `edits` says
    /// ([`Edits::time_of`]; `now_ms` when it does not know): the changes in the order of those
    /// times, each with the clock ticked at its time, so they carry the stamps they would have had
    /// if stamped when made. A time after `now_ms` counts as `now_ms` (the device's clock was set
    /// back since), and the clock never goes backwards: a time before its latest stamp gets the
    /// next stamp after it.
    pub fn record_change_at(
        &mut self,
        before: &Journal,
        after: &Journal,
        clock: &mut Clock,
        now_ms: u64,
        edits: &Edits,
    ) -> usize {
        let at = |kind: &str, id: &str| edits.time_of(kind, id, now_ms);
        let (b, a, p) = (before, after, &mut Vec::new());
        diff_versions(
            p,
            b.organisations.iter(),
            a.organisations.iter(),
            &at,
            |r| &mut r.organisations,
        );
        diff_versions(p, b.cases.iter(), a.cases.iter(), &at, |r| &mut r.cases);
        diff_versions(p, b.instruments.iter(), a.instruments.iter(), &at, |r| {
            &mut r.instruments
        });
        diff_versions(p, b.entries.iter(), a.entries.iter(), &at, |r| {
            &mut r.entries
        });
        diff_versions(p, b.breaks.iter(), a.breaks.iter(), &at, |r| &mut r.breaks);
        diff_versions(p, b.checks.iter(), a.checks.iter(), &at, |r| &mut r.checks);
        diff_versions(
            p,
            b.requirement_sets.iter(),
            a.requirement_sets.iter(),
            &at,
            |r| &mut r.requirement_sets,
        );
        diff_versions(
            p,
            b.ce_activities.iter(),
            a.ce_activities.iter(),
            &at,
            |r| &mut r.ce_activities,
        );
        if b.targets != a.targets {
            let value = Some(a.targets.clone());
            p.push(Pending {
                at: at(TARGETS, ""),
                put: Box::new(move |r, stamp| r.targets = Some(Versioned { stamp, value })),
            });
        }
        p.sort_by_key(|change| change.at);
        let made = p.len();
        for change in p.drain(..) {
            let stamp = clock.tick(change.at.min(now_ms));
            (change.put)(self, stamp);
        }
        made
    }

    /// Takes in every version of `other` that is newer than this replica's for the same id.
    /// Returns how many versions changed. This replica's compaction floor is kept and applied
    /// (see [`Replica::floor`]); `other`'s is ignored.
    pub fn merge(&mut self, other: &Replica) -> usize {
        let floor = self.floor.clone();
        let f = floor.as_ref();
        let mut changed = merge_versions(&mut self.entries, &other.entries, f);
        changed += merge_versions(&mut self.breaks, &other.breaks, f);
        changed += merge_versions(&mut self.organisations, &other.organisations, f);
        changed += merge_versions(&mut self.cases, &other.cases, f);
        changed += merge_versions(&mut self.checks, &other.checks, f);
        changed += merge_versions(&mut self.instruments, &other.instruments, f);
        changed += merge_versions(&mut self.requirement_sets, &other.requirement_sets, f);
        changed += merge_versions(&mut self.ce_activities, &other.ce_activities, f);
        if let Some(incoming) = &other.targets {
            let newer = self.targets.as_ref().is_none_or(|t| incoming.beats(t));
            if newer {
                self.targets = Some(incoming.clone());
                changed += 1;
            }
        }
        changed
    }

    /// The versions `device` made after `after`, or all of them when `after` is `None`: the body
    /// of that device's next delta file, or of its full file.
    pub fn made_by(&self, device: &DeviceId, after: Option<&Stamp>) -> Replica {
        Replica {
            entries: made_by(&self.entries, device, after),
            breaks: made_by(&self.breaks, device, after),
            organisations: made_by(&self.organisations, device, after),
            cases: made_by(&self.cases, device, after),
            checks: made_by(&self.checks, device, after),
            instruments: made_by(&self.instruments, device, after),
            requirement_sets: made_by(&self.requirement_sets, device, after),
            ce_activities: made_by(&self.ce_activities, device, after),
            targets: self
                .targets
                .as_ref()
                .filter(|t| &t.stamp.device == device && after.is_none_or(|a| t.stamp > *a))
                .cloned(),
            floor: None,
        }
    }

    /// Every version's stamp, tombstones included.
    pub fn stamps(&self) -> impl Iterator<Item = &Stamp> {
        self.entries
            .values()
            .map(|v| &v.stamp)
            .chain(self.breaks.values().map(|v| &v.stamp))
            .chain(self.organisations.values().map(|v| &v.stamp))
            .chain(self.cases.values().map(|v| &v.stamp))
            .chain(self.checks.values().map(|v| &v.stamp))
            .chain(self.instruments.values().map(|v| &v.stamp))
            .chain(self.requirement_sets.values().map(|v| &v.stamp))
            .chain(self.ce_activities.values().map(|v| &v.stamp))
            .chain(self.targets.iter().map(|v| &v.stamp))
    }

    /// How many tombstones the replica keeps.
    pub fn tombstones(&self) -> usize {
        fn dead<T: Keyed>(v: &Versions<T>) -> usize {
            v.values().filter(|v| v.value.is_none()).count()
        }
        dead(&self.entries)
            + dead(&self.breaks)
            + dead(&self.organisations)
            + dead(&self.cases)
            + dead(&self.checks)
            + dead(&self.instruments)
            + dead(&self.requirement_sets)
            + dead(&self.ce_activities)
    }

    /// True when the replica holds no version at all.
    pub fn is_empty(&self) -> bool {
        self.stamps().next().is_none()
    }
}

/// `a` and `b` merged into a new replica (the merge of two replicas without compaction floors
/// is commutative, associative and idempotent).
pub fn merge(a: &Replica, b: &Replica) -> Replica {
    let mut merged = a.clone();
    merged.merge(b);
    merged
}
