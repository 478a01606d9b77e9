//! The sync file carried by hand: saved on one device, opened on another, with no server.
//!
//! It is the server's file format over another carrier (a download, a USB stick, AirDrop, a
//! mail to oneself): two lines, a clear JSON header with the wrapped group key and its Argon2id
//! settings, and the body sealed with XChaCha20-Poly1305 with the header line as associated
//! data. Two things differ. The body is the device's *whole* replica (every device's versions
//! with their stamps, tombstones included), so a file carried from A to B and one saved on B
//! for C brings C what A made too. And the header says `"carried": true` with format version
//! [`CARRIED_VERSION`]: a server file may hold only its own device's changes, a carried one may
//! not. A Tend from before carried files reads the version and refuses the file as written by a
//! newer Tend (never misreading it), and the server's reader refuses a carried file by its
//! `carried` field, so one never passes for the other.
//!
//! Saving and opening go through the session's own steps: local changes are stamped first
//! (by [`super::receive`] with no files), the clock moves past the file's, the merge is the
//! replica's, and what changed is counted by the session's summary. Opening is all or nothing:
//! every failure is a [`CarryError`] in words, and nothing changes.

use super::clock::{ClockError, DeviceId, Stamp};
use super::file::{filed_under_ids, SyncKey, FORMAT};
use super::replica::Replica;
use super::session::{receive, summarise, Received};
use super::state::SyncState;
use crate::journal::Journal;
use crate::lock::{self, LockError, LockHeader, NONCE_LEN};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The format version of a carried file (server files are version 1).
pub const CARRIED_VERSION: u32 = 2;
/// The largest carried file Tend opens: five years of heavy history make about 5 MB.
pub const MAX_CARRIED_BYTES: usize = 64 * 1024 * 1024;
/// Why the server's reader refuses a carried file (the end of a sentence).
pub const NOT_FOR_A_FOLDER: &str =
    "it is a sync file saved to carry by hand: open it with Open a sync file in Your data";

/// A carried file's header, in clear.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedHeader {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`CARRIED_VERSION`].
    pub version: u32,
    /// Always `true`: the body is a whole replica, not one device's changes.
    pub carried: bool,
    /// The group key, wrapped under the sync passphrase, with its key-derivation settings.
    pub lock: LockHeader,
    /// The device that saved the file.
    pub device: DeviceId,
    /// That device's clock when it saved: every stamp in the body is at or before it.
    pub clock: Stamp,
}

/// Why a carried file could not be saved or opened. Nothing was merged or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CarryError {
    /// The file is not a Tend sync file at all.
    NotSync,
    /// A file from a sync folder on a server (one device's changes), not a carried one.
    ServerFile,
    /// The file comes from a newer version of Tend.
    Newer {
        /// The file's format version.
        version: u32,
    },
    /// The sync passphrase does not open the file's key.
    WrongPassphrase,
    /// The passphrase opens the file, but its group key is not this device's.
    OtherGroup,
    /// The file is cut short or altered; the detail ends a sentence.
    Damaged(String),
    /// The file's clock is too far ahead of this device's.
    Clock(ClockError),
    /// The lock refused (a passphrase too short, settings out of range, no random bytes).
    Lock(LockError),
}

impl From<LockError> for CarryError {
    fn from(e: LockError) -> CarryError {
        match e {
            LockError::WrongPassphrase => CarryError::WrongPassphrase,
            other => CarryError::Lock(other),
        }
    }
}

impl fmt::Display for CarryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nothing = "Nothing was merged or changed.";
        match self {
            CarryError::NotSync => write!(
                f,
                "That is not a Tend sync file. Choose a file saved with Save a sync file. \
                 {nothing}"
            ),
            CarryError::ServerFile => write!(
                f,
                "That file comes from a sync folder on a server and holds only one device's \
                 changes. Choose a file saved with Save a sync file. {nothing}"
            ),
            CarryError::Newer { version } => write!(
                f,
                "That sync file was saved by a newer version of Tend (format {version}). Update \
                 Tend on this device. {nothing}"
            ),
            CarryError::WrongPassphrase => write!(
                f,
                "That sync passphrase does not open this file. It is the one chosen for sync, \
                 not the lock's. {nothing}"
            ),
            CarryError::OtherGroup => write!(
                f,
                "That file belongs to another sync set-up: its key is not this device's sync \
                 key. {nothing}"
            ),
            CarryError::Damaged(why) => write!(
                f,
                "That sync file is damaged or was changed outside Tend ({why}). {nothing}"
            ),
            CarryError::Clock(e) => e.fmt(f),
            CarryError::Lock(e) => write!(f, "{e} {nothing}"),
        }
    }
}

impl std::error::Error for CarryError {}

/// Reads and checks a carried file's header without any key.
pub fn read_carried_header(text: &str) -> Result<CarriedHeader, CarryError> {
    let line = text.split('\n').next().unwrap_or("");
    let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
        let ours = line.starts_with(&format!("{{\"format\":\"{FORMAT}\""));
        return Err(if ours {
            CarryError::Damaged("it is cut short".into())
        } else {
            CarryError::NotSync
        });
    };
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(CarryError::NotSync);
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(CARRIED_VERSION) {
        return Err(CarryError::Newer {
            version: u32::try_from(version).unwrap_or(u32::MAX),
        });
    }
    if value.get("carried").is_none() {
        return Err(CarryError::ServerFile);
    }
    let header: CarriedHeader = serde_json::from_value(value)
        .map_err(|_| CarryError::Damaged("its header is incomplete".into()))?;
    if header.version != CARRIED_VERSION || !header.carried || header.device.0.is_empty() {
        return Err(CarryError::Damaged("its header is incomplete".into()));
    }
    if header.clock.device != header.device {
        return Err(CarryError::Damaged("its header names two devices".into()));
    }
    header.lock.check()?;
    Ok(header)
}

/// Opens the group key in a carried file's header with the sync passphrase (Argon2id with the
/// header's settings: call it once per file).
pub fn unlock_carried(passphrase: &str, header: &CarriedHeader) -> Result<SyncKey, CarryError> {
    let key = lock::unlock(passphrase, &header.lock)?;
    Ok(SyncKey {
        header: header.lock.clone(),
        key,
    })
}

/// True if two sync keys are the same group key (however each is wrapped).
pub fn same_group(a: &SyncKey, b: &SyncKey) -> bool {
    a.key.to_base64() == b.key.to_base64()
}

/// Opens a carried file with `key`: its header and the replica it carries, checked (no stamp
/// after the header's clock, every record under its own id, no compaction floor, records the
/// reducer accepts). Changes nothing.
pub fn open_carried(key: &SyncKey, text: &str) -> Result<(CarriedHeader, Replica), CarryError> {
    let header = read_carried_header(text)?;
    let Some((line, sealed)) = text.split_once('\n') else {
        return Err(CarryError::Damaged("it is cut short".into()));
    };
    let plain = lock::open(&key.key, sealed, line).map_err(|e| match e {
        LockError::WrongKey if header.lock != key.header => CarryError::OtherGroup,
        LockError::WrongKey | LockError::Damaged(_) => {
            CarryError::Damaged("it is cut short or altered".into())
        }
        other => CarryError::from(other),
    })?;
    let body: Replica = crate::json::from_text(&plain)
        .map_err(|_| CarryError::Damaged("its records are unreadable".into()))?;
    check_body(&header, &body).map_err(CarryError::Damaged)?;
    Ok((header, body))
}

fn check_body(header: &CarriedHeader, body: &Replica) -> Result<(), String> {
    if body.floor.is_some() {
        return Err("it carries a compaction floor".into());
    }
    if body.stamps().any(|s| *s > header.clock) {
        return Err("it holds changes dated after it was saved".into());
    }
    filed_under_ids(body)?;
    body.to_journal().journal.check()
}

/// Stamps the changes made to `current` since the replica last saw it, through the session's
/// own step, keeping the record of the last server sync as it was.
fn stamp_local(
    state: &SyncState,
    replica: &Replica,
    current: &Journal,
    key: &SyncKey,
    now_ms: u64,
) -> Result<Received, CarryError> {
    let mut got = receive(state, replica, current, key, &[], now_ms)
        .map_err(|e| CarryError::Damaged(e.to_string()))?;
    got.state.last_sync_ms = state.last_sync_ms;
    got.state.last_came_in = state.last_came_in.clone();
    Ok(got)
}

/// A carried file saved, with the state and replica to keep after stamping local changes.
#[derive(Clone, Debug)]
pub struct Saved {
    /// The file's text.
    pub text: String,
    /// The state after stamping (its clock moved on).
    pub state: SyncState,
    /// The replica after stamping: what the file carries.
    pub replica: Replica,
}

/// Saves this device's whole replica as a carried file, after stamping the local changes since
/// the last sync. `nonce` must be fresh random bytes.
pub fn save_carried(
    state: &SyncState,
    replica: &Replica,
    current: &Journal,
    key: &SyncKey,
    now_ms: u64,
    nonce: [u8; NONCE_LEN],
) -> Result<Saved, CarryError> {
    let got = stamp_local(state, replica, current, key, now_ms)?;
    let header = CarriedHeader {
        format: FORMAT.into(),
        version: CARRIED_VERSION,
        carried: true,
        lock: key.header.clone(),
        device: got.state.device().clone(),
        clock: got.state.clock.latest().clone(),
    };
    let body = Replica {
        floor: None,
        ..got.replica.clone()
    };
    let unwritable =
        |e: serde_json::Error| CarryError::Damaged(format!("it could not be written: {e}"));
    let line = serde_json::to_string(&header).map_err(unwritable)?;
    let text = serde_json::to_string(&body).map_err(unwritable)?;
    let sealed = lock::seal(&key.key, nonce, &text, &line)?;
    Ok(Saved {
        text: format!("{line}\n{sealed}"),
        state: got.state,
        replica: got.replica,
    })
}

/// A carried file merged in.
#[derive(Debug)]
pub struct Opened {
    /// The merge: journal, replica, state and summary, as a sync session gives them.
    pub received: Received,
    /// True if this device had no sync set-up before: it now has one, with the file's key.
    pub started: bool,
    /// "3 entries and 1 case from the file", or `None` when nothing changed.
    pub words: Option<String>,
}

/// This device's sync set-up, if it has one: its state, replica and group key.
pub type Local<'a> = Option<(&'a SyncState, &'a Replica, &'a SyncKey)>;

/// Opens the group key this device keeps with the sync passphrase: proof the passphrase is the
/// group's before the key is used again (setting up a server on a device that so far only
/// carried files).
pub fn unlock_own(passphrase: &str, key: &SyncKey) -> Result<SyncKey, CarryError> {
    let opened = lock::unlock(passphrase, &key.header)?;
    let again = SyncKey {
        header: key.header.clone(),
        key: opened,
    };
    if same_group(&again, key) {
        Ok(again)
    } else {
        Err(CarryError::OtherGroup)
    }
}

/// Merges a carried file, opened with `file_key` (from [`unlock_carried`]), into this device's
/// replica and `current` journal, all or nothing. A device without sync (`local` is `None`)
/// starts a set-up with the file's key under `new_device`, its records stamped as its own
/// changes. A device with one must share the file's group key.
pub fn merge_carried(
    file_key: &SyncKey,
    text: &str,
    local: Local<'_>,
    new_device: DeviceId,
    current: &Journal,
    now_ms: u64,
) -> Result<Opened, CarryError> {
    let fresh;
    let (state, replica, key) = match local {
        Some((state, replica, key)) => {
            if !same_group(key, file_key) {
                return Err(CarryError::OtherGroup);
            }
            (state, replica, key)
        }
        None => {
            let mut state = SyncState::new(new_device);
            state.key = Some(file_key.to_stored());
            fresh = (state, Replica::default());
            (&fresh.0, &fresh.1, file_key)
        }
    };
    let (header, body) = open_carried(file_key, text)?;
    let mut got = stamp_local(state, replica, current, key, now_ms)?;
    got.state
        .clock
        .receive(&header.clock, now_ms)
        .map_err(CarryError::Clock)?;
    got.replica.merge(&body);
    got.journal = got.replica.to_journal().journal;
    got.summary = summarise(current, &got.journal, 1);
    let words = got
        .summary
        .listed()
        .map(|list| format!("{list} from the file"));
    if let Some(words) = &words {
        got.state.last_came_in = Some(words.clone());
    }
    Ok(Opened {
        received: got,
        started: local.is_none(),
        words,
    })
}

/// [`merge_carried`] with the sync passphrase: reads the header, opens the file's key (the slow
/// step) and merges. Returns the file's key too, for a device that starts a set-up with it.
pub fn open_and_merge(
    passphrase: &str,
    text: &str,
    local: Local<'_>,
    new_device: DeviceId,
    current: &Journal,
    now_ms: u64,
) -> Result<(Opened, SyncKey), CarryError> {
    let header = read_carried_header(text)?;
    let file_key = unlock_carried(passphrase, &header)?;
    let opened = merge_carried(&file_key, text, local, new_device, current, now_ms)?;
    Ok((opened, file_key))
}
