//! The sync file: what one device writes to the clinician's own storage, sealed.
//!
//! A file is two lines: a header in clear JSON ([`FileHeader`]: format and version, the sync
//! key's lock header with its Argon2id settings and salt, the writing device's id, the file's
//! sequence number, the device's clock when it wrote, and whether it is a delta or a full file)
//! and the body, a [`Replica`] holding only the versions this device made, sealed with
//! XChaCha20-Poly1305 by [`crate::lock::seal`] with the header line as associated data, so the
//! header cannot be altered unnoticed either.
//!
//! The sync key is a lock like the one for data at rest, made by [`crate::lock::create_lock`]
//! with a *sync* passphrase: a random group key wrapped under Argon2id. Every file carries the
//! wrapped key, so any device that knows the passphrase can open any file, and a changed
//! passphrase only re-wraps the key. The core makes no random numbers: salts, keys and nonces
//! come in from the shell. Opening a file never changes anything; every failure is a
//! [`SyncFileError`] with a message that says so.

use super::clock::{ClockError, DeviceId, Stamp};
use super::names::device_name;
use super::replica::{Keyed, Replica, Versions};
use crate::lock::{self, DataKey, LockError, LockHeader, KEY_LEN, NONCE_LEN, SALT_LEN};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `format` every sync file's header names.
pub const FORMAT: &str = "tend-sync";
/// The file format version this build writes and the newest it reads.
pub const FILE_VERSION: u32 = 1;

/// A sync file's header, in clear.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileHeader {
    /// Always [`FORMAT`].
    pub format: String,
    /// The file format version, [`FILE_VERSION`] when written by this build.
    pub version: u32,
    /// The sync key, wrapped under the sync passphrase, with its key-derivation settings.
    pub lock: LockHeader,
    /// The device that wrote the file (and made every version in it).
    pub device: DeviceId,
    /// The file's place in the device's sequence of files, from 1.
    pub seq: u64,
    /// The device's clock when it wrote the file: every stamp in the body is at or before it.
    pub clock: Stamp,
    /// `None` for a full file (every version the device made); `Some(n)` for a delta holding the
    /// versions the device made since its file `n`.
    pub since: Option<u64>,
}

/// The sync key: the lock header stored in every file and the key that seals them.
#[derive(Debug)]
pub struct SyncKey {
    /// The group key wrapped under the sync passphrase.
    pub header: LockHeader,
    pub(super) key: DataKey,
}

/// The sync key as this device keeps it between syncs: the wrapped header and the group key
/// itself in base64 (the shell seals it with the lock when the lock is on).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredKey {
    /// The group key wrapped under the sync passphrase, as every file carries it.
    pub header: LockHeader,
    /// The group key, base64.
    pub key: String,
}

impl SyncKey {
    /// The key to keep in this device's storage.
    pub fn to_stored(&self) -> StoredKey {
        StoredKey {
            header: self.header.clone(),
            key: self.key.to_base64(),
        }
    }

    /// The key kept by [`SyncKey::to_stored`], or `None` if the stored text is damaged.
    pub fn from_stored(stored: &StoredKey) -> Option<SyncKey> {
        Some(SyncKey {
            header: stored.header.clone(),
            key: DataKey::from_base64(&stored.key)?,
        })
    }
}

/// Why a sync file could not be written or opened. Nothing was merged or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncFileError {
    /// The sync passphrase does not open the file's key.
    WrongPassphrase,
    /// The file was sealed with another sync key (another group, or a key since replaced).
    OtherKey,
    /// The file is cut short, altered or not a sync file; the detail ends a sentence.
    Damaged(String),
    /// The file comes from a newer version of Tend.
    Newer {
        /// The file's format version.
        version: u32,
    },
    /// The file's clock is too far ahead of this device's.
    Clock(ClockError),
    /// The lock refused (a passphrase too short, settings out of range, no random bytes).
    Lock(LockError),
}

impl From<LockError> for SyncFileError {
    fn from(e: LockError) -> SyncFileError {
        match e {
            LockError::WrongPassphrase => SyncFileError::WrongPassphrase,
            other => SyncFileError::Lock(other),
        }
    }
}

impl fmt::Display for SyncFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncFileError::WrongPassphrase => f.write_str(
                "That sync passphrase does not open your synced data. It is the one you chose \
                 for sync, not the lock's. Nothing was merged or changed.",
            ),
            SyncFileError::OtherKey => f.write_str(
                "A file in your sync folder was sealed with another sync passphrase, perhaps by \
                 another Tend set-up. It was left alone; nothing was merged or changed.",
            ),
            SyncFileError::Damaged(why) => write!(
                f,
                "A file in your sync folder is damaged or was changed outside Tend ({why}). \
                 Nothing was merged or changed."
            ),
            SyncFileError::Newer { version } => write!(
                f,
                "A file in your sync folder was written by a newer version of Tend (format \
                 {version}). Update Tend on this device; nothing was merged or changed."
            ),
            SyncFileError::Clock(e) => e.fmt(f),
            SyncFileError::Lock(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SyncFileError {}

/// Makes a new sync key from the sync passphrase. `salt`, `group_key` and `nonce` must be fresh
/// random bytes.
pub fn create_sync_key(
    passphrase: &str,
    salt: [u8; SALT_LEN],
    group_key: [u8; KEY_LEN],
    nonce: [u8; NONCE_LEN],
) -> Result<SyncKey, SyncFileError> {
    let (header, key) = lock::create_lock(passphrase, salt, group_key, nonce)?;
    Ok(SyncKey { header, key })
}

/// Opens the sync key in a file's header with the sync passphrase (Argon2id with the header's
/// settings, so call it once, not per file).
pub fn unlock_sync_key(passphrase: &str, header: &FileHeader) -> Result<SyncKey, SyncFileError> {
    let key = lock::unlock(passphrase, &header.lock)?;
    Ok(SyncKey {
        header: header.lock.clone(),
        key,
    })
}

/// Writes a sync file. `body` must hold only versions `header.device` made, none after
/// `header.clock`; `nonce` must be fresh random bytes.
pub fn write_file(
    key: &SyncKey,
    header: &FileHeader,
    body: &Replica,
    nonce: [u8; NONCE_LEN],
) -> Result<String, SyncFileError> {
    write_named(key, header, body, None, nonce)
}

/// The sealed body's text: the versions, and the device's name (`super::names`) beside them
/// when it has one, so the name is sealed too. Builds without names ignore the extra field.
#[derive(Serialize)]
struct Sealed<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(flatten)]
    body: &'a Replica,
}

/// [`write_file`], with the writing device's name sealed in the body.
pub fn write_named(
    key: &SyncKey,
    header: &FileHeader,
    body: &Replica,
    name: Option<&str>,
    nonce: [u8; NONCE_LEN],
) -> Result<String, SyncFileError> {
    let line = serde_json::to_string(header)
        .map_err(|e| SyncFileError::Damaged(format!("the header could not be written: {e}")))?;
    let text = serde_json::to_string(&Sealed { name, body })
        .map_err(|e| SyncFileError::Damaged(format!("the changes could not be written: {e}")))?;
    let sealed = lock::seal(&key.key, nonce, &text, &line)?;
    Ok(format!("{line}\n{sealed}"))
}

/// Reads and checks a file's header without any key: its format, version and lock settings.
pub fn read_header(text: &str) -> Result<FileHeader, SyncFileError> {
    let line = text.split('\n').next().unwrap_or("");
    let value: serde_json::Value = serde_json::from_str(line)
        .map_err(|_| SyncFileError::Damaged("its header is unreadable".into()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(SyncFileError::Damaged("it is not a Tend sync file".into()));
    }
    if value.get("carried").is_some() {
        return Err(SyncFileError::Damaged(
            super::carry::NOT_FOR_A_FOLDER.into(),
        ));
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(FILE_VERSION) {
        return Err(SyncFileError::Newer {
            version: u32::try_from(version).unwrap_or(u32::MAX),
        });
    }
    let header: FileHeader = serde_json::from_value(value)
        .map_err(|_| SyncFileError::Damaged("its header is incomplete".into()))?;
    if header.version == 0 || header.seq == 0 || header.device.0.is_empty() {
        return Err(SyncFileError::Damaged("its header is incomplete".into()));
    }
    if header.clock.device != header.device {
        return Err(SyncFileError::Damaged(
            "its header names two devices".into(),
        ));
    }
    header.lock.check()?;
    Ok(header)
}

/// Opens a sync file with `key`: the header and the versions it carries. Checks that every
/// version was made by the file's device no later than its clock, is filed under its own id,
/// and is a record the reducer would accept.
pub fn open_file(key: &SyncKey, text: &str) -> Result<(FileHeader, Replica), SyncFileError> {
    open_named(key, text).map(|(header, body, _)| (header, body))
}

/// [`open_file`], with the writing device's name when the file carries one (a name that is not
/// a valid one, `super::names::device_name`, is left out; the file still opens).
pub fn open_named(
    key: &SyncKey,
    text: &str,
) -> Result<(FileHeader, Replica, Option<String>), SyncFileError> {
    let header = read_header(text)?;
    let Some((line, sealed)) = text.split_once('\n') else {
        return Err(SyncFileError::Damaged("it is cut short".into()));
    };
    let plain = lock::open(&key.key, sealed, line).map_err(|e| match e {
        LockError::WrongKey if header.lock != key.header => SyncFileError::OtherKey,
        LockError::WrongKey => SyncFileError::Damaged("it was cut short or altered".into()),
        LockError::Damaged(_) => SyncFileError::Damaged("it is cut short or altered".into()),
        other => SyncFileError::from(other),
    })?;
    let unreadable = || SyncFileError::Damaged("its changes are unreadable".into());
    let mut value: serde_json::Value = serde_json::from_str(&plain).map_err(|_| unreadable())?;
    let name = value
        .as_object_mut()
        .and_then(|fields| fields.remove("name"))
        .and_then(|n| n.as_str().and_then(|n| device_name(n).ok()));
    let body: Replica = serde_json::from_value(value).map_err(|_| unreadable())?;
    check_body(&header, &body).map_err(SyncFileError::Damaged)?;
    Ok((header, body, name))
}

/// True if every version is filed under its record's own id.
/// Refuses a body in which a record is filed under an id other than its own.
pub(super) fn filed_under_ids(body: &Replica) -> Result<(), String> {
    let filed = keys_match(&body.entries)
        && keys_match(&body.breaks)
        && keys_match(&body.organisations)
        && keys_match(&body.cases)
        && keys_match(&body.checks)
        && keys_match(&body.instruments)
        && keys_match(&body.requirement_sets)
        && keys_match(&body.ce_activities);
    if filed {
        Ok(())
    } else {
        Err("a record is filed under another id".into())
    }
}

fn keys_match<T: Keyed>(versions: &Versions<T>) -> bool {
    versions
        .iter()
        .all(|(k, v)| v.value.as_ref().is_none_or(|r| &r.key() == k))
}

/// The checks [`open_file`] makes on an opened body.
fn check_body(header: &FileHeader, body: &Replica) -> Result<(), String> {
    if body.floor.is_some() {
        return Err("it carries a compaction floor".into());
    }
    if body
        .stamps()
        .any(|s| s.device != header.device || *s > header.clock)
    {
        return Err("it holds changes its device did not make".into());
    }
    filed_under_ids(body)?;
    let resolved = body.to_journal().journal;
    resolved.check()
}
