//! This device's own files on the server: when to replace them by one full file, and which
//! files that full file replaced are still to be deleted.
//!
//! Every upload adds a small delta file. Left alone they would grow without end: every sync of
//! every device lists the folder, and each file adds about [`LISTED_BYTES`] to that answer; a
//! joining device fetches each one. So a device now and then uploads a *full* file instead of a
//! delta ([`OwnFiles::due`]), records it, and only then deletes its older files.
//!
//! **Why deleting the older files loses nothing, even for a device that never read them.** The
//! full file is `made_by(device, None)` of this device's replica: every version of its own that
//! the replica still holds, tombstones included. Take any version `v` in one of its older files.
//! That file was written from this replica (or, if its upload's answer was lost, from the same
//! replica at an earlier moment: its name is recorded before the upload, [`sending`]), and a
//! replica only ever replaces a version by a newer one of the same record. So now the replica
//! holds either `v` itself or a newer version `w` of the record:
//! 1. `v` itself, or a newer `w` this device made: it is in the full file (a tombstone too).
//! 2. a newer `w` another device made: this device merged `w` from that device's file on the
//!    server. That file is still there, or was replaced by that device's own full file, which
//!    by this same argument holds `w` or a newer version again.
//!
//! So at every moment, for every version ever uploaded, the server holds that version or a
//! newer one of its record, and a device reading the server in any order, merging newest-wins,
//! ends with every record's newest version. (Two exceptions: removing another device from the
//! Sync card deletes its files with nothing replacing them; and in case 2 `w` may have come in a
//! file carried by hand ([`super::carry`]) from a device that does not sync through the server,
//! so the server lacks it until that device syncs there.) The full file is
//! uploaded first, with `If-None-Match: *`, and the files it replaces are the ones this state
//! recorded as written before it ([`SyncState::seen`]); a file this device's other tab wrote
//! meanwhile is not among them and stays.
//!
//! **Tombstones stay.** A full file keeps every tombstone. Dropping old ones
//! ([`super::compact`]) needs every device that will ever read the folder to have merged the
//! older versions they delete; a device offline since before the deletion, or one joining later
//! while another device's old delta still carries the deleted record, has not, and the record
//! would come back. The horizon only tells what *this* replica has merged, so the argument does
//! not carry over: no full file is written from a replica that has dropped tombstones
//! ([`Replica::floor`](super::replica::Replica) set), and tombstones are never dropped from one.
//!
//! **When** (figures from `docs/sync.md`): a delta after one entry is about 0.6 KB; a full file is
//! 81 KB on four weeks of history and 4.94 MB on five years. A full file is uploaded once and
//! downloaded again by every other device, while each delta left on the server adds about
//! [`LISTED_BYTES`] to every listing of every device. With `n` deltas kept, a listing carries
//! `n / 2` of them on average, so the bytes per sync are about `LISTED_BYTES * n / 2` for the
//! listings against `full / n` for rewriting; the sum is least at `n = sqrt(2 * full /
//! LISTED_BYTES)`: 23 deltas on four weeks, 181 on five years (a full file every few weeks of
//! ordinary use). A device also rewrites once its deltas hold more than half the full file's
//! bytes (a big import), so a joining device never fetches more than 1.5 full files' worth, and
//! never before [`MIN_DELTAS`] deltas, so a tiny history is not rewritten at every sync.

use super::replica::Replica;
use super::session::{Listed, Upload};
use super::state::SyncState;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// About how many bytes each file adds to a folder listing (Apache's `PROPFIND` answer has
/// about 320 per file, Nextcloud's more; the lower figure rewrites less often).
pub const LISTED_BYTES: u64 = 300;
/// Never rewrite with fewer deltas than this.
pub const MIN_DELTAS: u64 = 8;
/// When the full file's size is not known (a device that synced before files were rewritten),
/// rewrite after this many deltas: the figure for five years of history.
pub const UNKNOWN_SIZE_DELTAS: u64 = 200;

/// What this device knows of its own files on the server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnFiles {
    /// The sequence number of its newest full file (0: not recorded; the first file, 1, was
    /// full).
    #[serde(default)]
    pub full_seq: u64,
    /// That full file's size in bytes, when recorded.
    #[serde(default)]
    pub full_bytes: Option<u64>,
    /// The bytes of the deltas uploaded since.
    #[serde(default)]
    pub delta_bytes: u64,
    /// Files a full file replaced that are still to be deleted from the server.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub replaced: BTreeSet<String>,
}

impl OwnFiles {
    /// How many deltas follow the newest full file, when this device's last file is `seq`.
    pub fn deltas(&self, seq: u64) -> u64 {
        seq.saturating_sub(self.full_seq.max(1))
    }

    /// True when the next upload should be a full file replacing the others (see the module's
    /// doc for why these figures).
    pub fn due(&self, seq: u64) -> bool {
        let deltas = self.deltas(seq);
        if deltas < MIN_DELTAS {
            return false;
        }
        match self.full_bytes {
            None => deltas >= UNKNOWN_SIZE_DELTAS,
            Some(full) => {
                self.delta_bytes.saturating_mul(2) > full
                    || deltas.saturating_mul(deltas).saturating_mul(LISTED_BYTES)
                        >= full.saturating_mul(2)
            }
        }
    }
}

/// When this device's next upload should be a full file: the files it replaces (every file of
/// this device's that its state knows of), or `None` for a delta. Never from a replica that
/// dropped tombstones (one with a floor).
pub fn rewrite(state: &SyncState, replica: &Replica) -> Option<Vec<String>> {
    let due = state.seq > 0 && replica.floor.is_none() && state.own.due(state.seq);
    due.then(|| {
        state
            .seen
            .keys()
            .filter(|n| state.is_own(n))
            .cloned()
            .collect()
    })
}

/// Records the name of a file about to be uploaded among the files written here, before the
/// upload: if the upload happens but its answer is lost, a later full file still replaces it.
pub fn sending(state: &mut SyncState, upload: &Upload) {
    state.seen.entry(upload.name.clone()).or_default();
}

/// Forgets the files no longer in the folder's listing: merged files of other devices (so the
/// state does not grow for ever as devices rewrite theirs) and replaced files already deleted.
pub fn forget_unlisted(state: &mut SyncState, listing: &[Listed]) {
    let listed: BTreeSet<&str> = listing.iter().map(|f| f.name.as_str()).collect();
    state.seen.retain(|name, _| listed.contains(name.as_str()));
    state
        .own
        .replaced
        .retain(|name| listed.contains(name.as_str()));
}

/// The files to delete now: those a recorded full file replaced.
pub fn to_delete(state: &SyncState) -> Vec<String> {
    state.own.replaced.iter().cloned().collect()
}

/// Records that `name` was deleted from the server (or was already gone).
pub fn deleted(state: &mut SyncState, name: &str) {
    state.own.replaced.remove(name);
    state.seen.remove(name);
}
