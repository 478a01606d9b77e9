//! Tombstone compaction: forgetting deletions once no device can bring the record back.
//!
//! A tombstone must be kept as long as an older version of its record might still arrive, or
//! that version would be taken in as new and the deleted record would come back. Compaction
//! drops the tombstones stamped at or before a *horizon* and raises the replica's floor to it;
//! from then on [`Replica::merge`] ignores any version stamped at or before the floor for an id
//! the replica no longer holds.
//!
//! Why this never resurrects a deleted record. Take `seen`, for every device of the sync group,
//! the newest stamp of its own that this replica has merged (its files are read in sequence and
//! each holds every change the device made since the one before, so everything that device
//! stamped up to there has been merged here). The horizon is the least of these. Then:
//! 1. every version anywhere stamped at or before the horizon was made by some device at or
//!    before its `seen` stamp, so it has already been merged here, and a tombstone at or before
//!    the horizon has already beaten it (or a newer version replaced both);
//! 2. every version a device makes later is stamped after its `seen` stamp (its clock never
//!    goes back), so after the horizon, and the floor never hides it.
//!
//! So the only versions the floor turns away are ones this replica already merged and deleted.
//! The condition is on the input: `seen` must name every device of the group, including one
//! that joined but has not written yet (it announces itself with an empty file first). A
//! device missing from `seen` could make a change stamped before the horizon that would be
//! ignored here. None of this says what the *other* devices have merged, so a device's full
//! file on the server keeps every tombstone, and none is written from a replica with a floor
//! ([`super::own_files`] says why).

use super::clock::{DeviceId, Stamp};
use super::replica::{Keyed, Replica, Versions};
use std::collections::BTreeMap;

/// The horizon for compaction: the oldest of the devices' last merged stamps, or `None` when no
/// device is known (then nothing may be compacted).
pub fn horizon(seen: &BTreeMap<DeviceId, Stamp>) -> Option<Stamp> {
    seen.values().min().cloned()
}

/// Drops the tombstones stamped at or before `horizon`; returns how many.
fn drop_tombstones<T: Keyed>(versions: &mut Versions<T>, horizon: &Stamp) -> usize {
    let before = versions.len();
    versions.retain(|_, v| v.value.is_some() || v.stamp > *horizon);
    before - versions.len()
}

impl Replica {
    /// Forgets the tombstones stamped at or before `horizon` (see [`horizon`] for how to choose
    /// it safely) and raises the floor to it. Returns how many tombstones were dropped. The
    /// journal the replica stands for is unchanged.
    pub fn compact(&mut self, horizon: &Stamp) -> usize {
        let dropped = drop_tombstones(&mut self.entries, horizon)
            + drop_tombstones(&mut self.breaks, horizon)
            + drop_tombstones(&mut self.organisations, horizon)
            + drop_tombstones(&mut self.cases, horizon)
            + drop_tombstones(&mut self.checks, horizon)
            + drop_tombstones(&mut self.instruments, horizon)
            + drop_tombstones(&mut self.requirement_sets, horizon)
            + drop_tombstones(&mut self.ce_activities, horizon);
        if self.floor.as_ref().is_none_or(|f| f < horizon) {
            self.floor = Some(horizon.clone());
        }
        dropped
    }
}
