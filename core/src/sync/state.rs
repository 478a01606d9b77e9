//! What one device keeps between syncs, apart from the replica itself: its clock (and so its id),
//! how far its own files go, which files of the other devices it has merged, when each device
//! last wrote, the server's settings and the group key.
//!
//! The replica is kept beside it in chunks (`storage::sync_store`), so this part stays small
//! and a sync after one entry rewrites it and one chunk. Nothing here makes a request or reads
//! a clock: the session planner ([`super::session`]) changes it and the shell stores it.

use super::clock::{Clock, DeviceId, Stamp};
use super::edits::Edits;
use super::file::StoredKey;
use super::own_files::OwnFiles;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where the clinician's WebDAV folder is and how to sign in to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerSettings {
    /// The folder's address, ending in `/`.
    pub url: String,
    /// The user name for Basic auth.
    pub user: String,
    /// The app password (kept sealed with the rest of this state when the lock is on).
    pub password: String,
}

/// What this device knows of another device of the group (or of itself).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceSeen {
    /// The highest file sequence number merged from it.
    pub seq: u64,
    /// Its clock's milliseconds when it wrote that file: when it last synced.
    pub millis: u64,
    /// Its name, from the newest of its files that carried one (for this device: the name its
    /// last upload carried).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// This device's sync state, as stored (the replica is stored apart, in chunks).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    /// This device's clock; its device is this device's id.
    pub clock: Clock,
    /// The sequence number of the last file this device uploaded (0: none yet).
    #[serde(default)]
    pub seq: u64,
    /// The newest stamp the uploaded files carry: the next delta holds what came after.
    #[serde(default)]
    pub sent: Option<Stamp>,
    /// Files on the server already merged (or written) here, by name, with their ETag.
    #[serde(default)]
    pub seen: BTreeMap<String, String>,
    /// Every device whose files were merged here, this one included once it uploads.
    #[serde(default)]
    pub devices: BTreeMap<DeviceId, DeviceSeen>,
    /// The server, once sync is set up.
    #[serde(default)]
    pub server: Option<ServerSettings>,
    /// The group key, once sync is set up or joined.
    #[serde(default)]
    pub key: Option<StoredKey>,
    /// When the last sync completed, in the device's milliseconds.
    #[serde(default)]
    pub last_sync_ms: Option<u64>,
    /// What the last sync that brought something took in, in words.
    #[serde(default)]
    pub last_came_in: Option<String>,
    /// When each local change not stamped yet was made, for the next sync to stamp it with
    /// ([`super::edits`]). Absent from a state stored before it existed: every change is then
    /// stamped with the sync's time, as it was. The shell keeps these under their own key
    /// (`storage::note_edits`), which every tab adds to, and puts them here for a session.
    #[serde(default, skip_serializing_if = "Edits::is_empty")]
    pub edits: Edits,
    /// This device's own files on the server (`super::own_files`).
    #[serde(default)]
    pub own: OwnFiles,
    /// This device's name (`super::names`), sealed into its files.
    #[serde(default)]
    pub name: Option<String>,
}

/// The suffix every sync file's name ends with.
pub const FILE_SUFFIX: &str = ".tsync";

impl SyncState {
    /// A fresh state for a new device id (random, from the shell).
    pub fn new(device: DeviceId) -> SyncState {
        SyncState {
            clock: Clock::new(device),
            seq: 0,
            sent: None,
            seen: BTreeMap::new(),
            devices: BTreeMap::new(),
            server: None,
            key: None,
            last_sync_ms: None,
            last_came_in: None,
            edits: Edits::default(),
            own: OwnFiles::default(),
            name: None,
        }
    }

    /// This device's id.
    pub fn device(&self) -> &DeviceId {
        self.clock.device()
    }

    /// True if a file name on the server is this device's own (each device writes only names
    /// starting with its id: random, so the name says nothing else).
    pub fn is_own(&self, name: &str) -> bool {
        owner_of(name).is_some_and(|d| d == self.device().0)
    }

    /// A name for this device's next file: its id and a random part from the shell.
    pub fn file_name(&self, random: &str) -> String {
        format!("{}-{random}{FILE_SUFFIX}", self.device().0)
    }
}

/// The device id a sync file's name starts with, if the name is a sync file's.
pub fn owner_of(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(FILE_SUFFIX)?;
    let (device, random) = stem.split_once('-')?;
    let plain = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric());
    (plain(device) && plain(random)).then_some(device)
}
