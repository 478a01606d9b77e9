//! End-to-end encrypted sync between a clinician's devices, as pure code.
//!
//! Every change is stamped by a hybrid logical clock ([`clock`]); a device keeps a [`Replica`]
//! of its journal (each record's latest version and stamp, deletions as tombstones) and merges
//! other devices' versions record by record, newest stamp winning ([`replica`]). A merged
//! replica becomes a journal again with clashing links resolved ([`resolve`]); tombstones every
//! device has passed are forgotten ([`compact`]); and what a device shares travels in sealed
//! files only it writes ([`file`]), or in a whole replica carried by hand ([`carry`]). The network, the stored replica and the screens are the
//! shell's. `docs/sync.md` describes the model and the file format.

pub mod carry;
pub mod clock;
pub mod compact;
pub mod edits;
pub mod file;
pub mod keyed;
pub mod listing;
pub mod names;
pub mod own_files;
pub mod replica;
pub mod resolve;
pub mod session;
pub mod state;

pub use carry::{
    merge_carried, open_and_merge, open_carried, read_carried_header, same_group, save_carried,
    unlock_carried, unlock_own, CarriedHeader, CarryError, Opened, Saved, CARRIED_VERSION,
    MAX_CARRIED_BYTES,
};
pub use clock::{Clock, ClockError, DeviceId, Stamp, MAX_AHEAD_MS};
pub use compact::horizon;
pub use edits::{touched_by, Edits, Touched};
pub use file::{
    create_sync_key, open_file, open_named, read_header, unlock_sync_key, write_file, write_named,
    FileHeader, StoredKey, SyncFileError, SyncKey, FILE_VERSION, FORMAT,
};
pub use listing::parse_listing;
pub use names::{default_name, device_name, NameError};
pub use own_files::{deleted, forget_unlisted, sending, to_delete, OwnFiles};
pub use replica::{merge, Keyed, Replica, Versioned, Versions};
pub use resolve::Resolved;
pub use session::{
    join_key, outgoing, plan, receive, uploaded, Fetched, Listed, Received, Summary, SyncError,
    Upload,
};
pub use state::{owner_of, DeviceSeen, ServerSettings, SyncState, FILE_SUFFIX};

/// Takes an opened file's versions into `replica`, after moving `clock` past the file's clock so
/// later local changes are stamped after them. A clock too far ahead refuses the whole file and
/// changes nothing. Returns how many versions changed.
pub fn receive_file(
    replica: &mut Replica,
    clock: &mut Clock,
    header: &FileHeader,
    body: &Replica,
    now_ms: u64,
) -> Result<usize, ClockError> {
    clock.receive(&header.clock, now_ms)?;
    Ok(replica.merge(body))
}
