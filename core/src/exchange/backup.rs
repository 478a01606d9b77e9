//! The backup file: one self-describing JSON document holding every record.
//!
//! It names its format and version, the schema of the records, when it was made and by which
//! build, so that any later Tend can tell what it is reading. With the passphrase lock on, the
//! records are sealed with the data key and the lock header travels in the file, so the same
//! passphrase opens it on another device. Reading never trusts the file: each way it can be wrong
//! has its own [`BackupError`] with a sentence that names the problem.

use crate::document::SCHEMA_VERSION;
use crate::journal::Journal;
use crate::lock::LockHeader;
use crate::storage::Cipher;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `format` field of every Tend backup.
pub const BACKUP_FORMAT: &str = "tend-backup";
/// The version of the backup file layout this build writes and reads.
pub const BACKUP_VERSION: u32 = 1;
/// Files larger than this are refused before they are parsed.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// What sealed records are bound to, so they cannot be passed off as something else.
const SEALED_AS: &str = "tend-backup/records";

/// A backup as stored in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupFile {
    /// Always [`BACKUP_FORMAT`].
    pub format: String,
    /// The layout version of this file.
    pub version: u32,
    /// The schema of the records.
    pub schema: u32,
    /// When the backup was made, milliseconds since 1970.
    pub exported_at: i64,
    /// The build that made it.
    #[serde(default)]
    pub app: String,
    /// The records, when not sealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<Journal>,
    /// With the lock on: how to derive the key from the passphrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock: Option<LockHeader>,
    /// With the lock on: the records, sealed with the data key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<String>,
}

/// Why a file could not be read as a backup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// The file is over the size limit.
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// The file is empty.
    Empty,
    /// The file is not text, or not JSON (or is cut short).
    NotJson(String),
    /// The file is JSON but not a Tend backup.
    NotABackup,
    /// A newer Tend made the file.
    Newer {
        /// What is newer: the backup format or the document schema.
        what: &'static str,
        /// The number the file gives.
        found: u32,
    },
    /// The file says it is a backup but its contents do not fit.
    Damaged(String),
    /// The records are sealed; the passphrase is needed to open them.
    Locked(LockHeader),
    /// Sealing or opening failed.
    Seal(String),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::TooLarge { bytes } => write!(
                f,
                "This file is {:.1} MB; a Tend backup is never larger than {} MB, so it was not read.",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
            BackupError::Empty => f.write_str("This file is empty."),
            BackupError::NotJson(why) => write!(
                f,
                "This file is not a Tend backup: it is not readable JSON ({why}). If it was cut \
                 short while copying, try the original."
            ),
            BackupError::NotABackup => f.write_str(
                "This file is JSON but not a Tend backup (it has no \"format\": \"tend-backup\").",
            ),
            BackupError::Newer { what, found } => write!(
                f,
                "This backup was made by a newer version of Tend ({what} {found}). Reload to get \
                 the newest Tend, then restore it."
            ),
            BackupError::Damaged(why) => write!(f, "This backup is damaged: {why}."),
            BackupError::Locked(_) => {
                f.write_str("This backup is locked with a passphrase. Enter it to open the file.")
            }
            BackupError::Seal(why) => write!(f, "{why}"),
        }
    }
}

/// The text of a backup of `journal`, sealed when `lock` is given.
pub fn export_backup(
    journal: &Journal,
    now_ms: i64,
    build: &str,
    lock: Option<(&LockHeader, &dyn Cipher)>,
) -> Result<String, BackupError> {
    let mut file = BackupFile {
        format: BACKUP_FORMAT.into(),
        version: BACKUP_VERSION,
        schema: SCHEMA_VERSION,
        exported_at: now_ms,
        app: build.into(),
        records: None,
        lock: None,
        sealed: None,
    };
    match lock {
        None => file.records = Some(journal.clone()),
        Some((header, cipher)) => {
            let plain =
                serde_json::to_string(journal).map_err(|e| BackupError::Seal(e.to_string()))?;
            file.sealed = Some(cipher.seal(&plain, SEALED_AS).map_err(BackupError::Seal)?);
            file.lock = Some(header.clone());
        }
    }
    serde_json::to_string_pretty(&file).map_err(|e| BackupError::Seal(e.to_string()))
}

/// Reads a backup file's bytes. Sealed records are opened with `unlocked` when it is given;
/// without it a sealed file returns [`BackupError::Locked`] with the header to unlock.
pub fn read_backup(
    bytes: &[u8],
    unlocked: Option<&dyn Cipher>,
) -> Result<(BackupFile, Journal), BackupError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(BackupError::TooLarge { bytes: bytes.len() });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(BackupError::Empty);
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| BackupError::NotJson("it is not text".into()))?;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| BackupError::NotJson(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(BACKUP_FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let number = |key: &str| {
        value
            .get(key)
            .and_then(|v| v.as_u64())
            .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
    };
    match number("version") {
        Some(v) if v > BACKUP_VERSION => {
            return Err(BackupError::Newer {
                what: "file version",
                found: v,
            })
        }
        None | Some(0) => return Err(BackupError::Damaged("it has no valid version".into())),
        _ => {}
    }
    let schema = number("schema").ok_or_else(|| BackupError::Damaged("it has no schema".into()))?;
    if schema > SCHEMA_VERSION {
        return Err(BackupError::Newer {
            what: "record format",
            found: schema,
        });
    }
    let file: BackupFile =
        serde_json::from_value(value).map_err(|e| BackupError::Damaged(e.to_string()))?;
    let journal = match (&file.records, &file.sealed, &file.lock) {
        (Some(records), None, _) => records.clone(),
        (None, Some(sealed), Some(header)) => {
            let cipher = unlocked.ok_or_else(|| BackupError::Locked(header.clone()))?;
            let plain = cipher.open(sealed, SEALED_AS).map_err(BackupError::Seal)?;
            crate::json::from_text(&plain).map_err(|e| BackupError::Damaged(e.to_string()))?
        }
        _ => {
            return Err(BackupError::Damaged(
                "it holds neither plain nor sealed records".into(),
            ))
        }
    };
    journal.check().map_err(BackupError::Damaged)?;
    Ok((file, journal))
}
