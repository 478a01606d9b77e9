//! The benchmark's sync figures: a laptop holding a benchmark history sets sync up, a phone
//! joins, then the laptop logs one entry and both sync again, through an in-memory WebDAV
//! folder that counts the bytes going up and down. The session is the app's: the core's
//! planner, merge, sealed files and rewriting, with only the network replaced.
//!
//! Used by the `bench-sync` example (`scripts/bench --sync`) and by `core/tests/sync_figures.rs`,
//! so the printed figures and the test's assertions come from the same run. The clock is the
//! caller's (this module also builds for the browser benchmark, where `std::time` has none).

use super::{generate, Profile};
use crate::entry::{EntryId, WorkEntry, WorkKind};
use crate::journal::{Action, Journal};
use crate::sync::{
    create_sync_key, deleted, forget_unlisted, outgoing, plan, receive, sending, to_delete,
    uploaded, DeviceId, Fetched, Listed, Replica, SyncKey, SyncState,
};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What one run measures.
#[derive(Clone, Debug, PartialEq)]
pub struct SyncFigures {
    /// The history's entries.
    pub entries: usize,
    /// Bytes the laptop's first sync uploaded (its full file).
    pub first_up: usize,
    /// Bytes the phone's first sync downloaded.
    pub first_down: usize,
    /// Milliseconds the phone's first sync took, opening and merging the whole history.
    pub first_merge_ms: f64,
    /// Bytes uploaded by both devices' syncs after the laptop logged one entry.
    pub one_up: usize,
    /// Bytes downloaded by those syncs.
    pub one_down: usize,
}

/// The in-memory folder: files by name with an ETag, and the bytes through it.
#[derive(Default)]
struct Folder {
    files: BTreeMap<String, (String, String)>,
    etags: u64,
    up: usize,
    down: usize,
}

struct Device {
    state: SyncState,
    replica: Replica,
    journal: Journal,
    names: u64,
}

impl Device {
    fn new(id: &str) -> Device {
        Device {
            state: SyncState::new(DeviceId(id.into())),
            replica: Replica::default(),
            journal: Journal::default(),
            names: 0,
        }
    }

    /// One session as the shell runs it: list, fetch, merge, upload, delete what was replaced.
    fn sync(&mut self, folder: &mut Folder, key: &SyncKey, now_ms: u64) -> Result<(), String> {
        let listing: Vec<Listed> = folder
            .files
            .iter()
            .map(|(name, (etag, _))| Listed {
                name: name.clone(),
                etag: etag.clone(),
            })
            .collect();
        forget_unlisted(&mut self.state, &listing);
        let mut fetched = Vec::new();
        for name in plan(&self.state, &listing) {
            let (etag, text) = folder.files.get(&name).cloned().ok_or("a file went")?;
            folder.down += text.len();
            fetched.push(Fetched { name, etag, text });
        }
        let got = receive(
            &self.state,
            &self.replica,
            &self.journal,
            key,
            &fetched,
            now_ms,
        )
        .map_err(|e| e.to_string())?;
        self.state = got.state;
        self.replica = got.replica;
        self.journal = got.journal;
        self.names += 1;
        let random = format!("{:016x}", self.names);
        let nonce = [u8::try_from(self.names % 251).unwrap_or(0); 24];
        let upload =
            outgoing(&self.state, &self.replica, key, &random, nonce).map_err(|e| e.to_string())?;
        if let Some(up) = upload {
            sending(&mut self.state, &up);
            folder.etags += 1;
            folder.up += up.text.len();
            let etag = format!("\"{}\"", folder.etags);
            folder
                .files
                .insert(up.name.clone(), (etag.clone(), up.text.clone()));
            uploaded(&mut self.state, &up, &etag);
        }
        for name in to_delete(&self.state) {
            folder.files.remove(&name);
            deleted(&mut self.state, &name);
        }
        Ok(())
    }
}

/// Runs the figures for `profile`'s history ending on `day`; `clock` gives milliseconds.
pub fn measure(
    profile: Profile,
    day: NaiveDate,
    clock: &mut dyn FnMut() -> f64,
) -> Result<SyncFigures, String> {
    let key = create_sync_key("river stone lantern", [3; 16], [4; 32], [5; 24])
        .map_err(|e| e.to_string())?;
    let start: u64 = 1_795_000_000_000;
    let minute = 60_000;
    let mut folder = Folder::default();
    let mut laptop = Device::new("laptop");
    laptop.journal = generate(profile, day).journal;
    let mut phone = Device::new("phone");
    laptop.sync(&mut folder, &key, start)?;
    let first_up = folder.up;
    let started = clock();
    phone.sync(&mut folder, &key, start + minute)?;
    let first_merge_ms = clock() - started;
    let first_down = folder.down;
    if phone.journal.entries.len() != laptop.journal.entries.len() {
        return Err("the phone did not get every entry".into());
    }
    let entry = WorkEntry::new(EntryId("one-more".into()), day, 50, WorkKind::DirectSession);
    laptop.journal = laptop
        .journal
        .apply(&Action::AddEntry(entry))
        .map_err(|e| e.to_string())?;
    let (up, down) = (folder.up, folder.down);
    laptop.sync(&mut folder, &key, start + 2 * minute)?;
    phone.sync(&mut folder, &key, start + 3 * minute)?;
    if phone.journal != laptop.journal {
        return Err("the devices do not agree after one entry".into());
    }
    Ok(SyncFigures {
        entries: laptop.journal.entries.len(),
        first_up,
        first_down,
        first_merge_ms,
        one_up: folder.up - up,
        one_down: folder.down - down,
    })
}
