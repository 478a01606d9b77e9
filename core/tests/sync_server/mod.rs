//! An in-memory model of a WebDAV folder and of devices syncing through it with the session
//! planner, with a failure injectable at any request: the shared part of the session tests.

#![allow(dead_code)]

use std::collections::BTreeMap;
use tend_core::sync::{
    create_sync_key, deleted, forget_unlisted, outgoing, plan, receive, sending, to_delete,
    uploaded, DeviceId, Fetched, Listed, Replica, StoredKey, SyncError, SyncKey, SyncState,
};
use tend_core::Journal;

pub const PASSPHRASE: &str = "river stone lantern";
pub const START_MS: u64 = 1_772_323_200_000;

/// The group's sync key, as each device stores it.
pub fn group_key() -> StoredKey {
    create_sync_key(PASSPHRASE, [3; 16], [4; 32], [5; 24])
        .unwrap()
        .to_stored()
}

/// What goes wrong with a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The request never reaches the server.
    Lost,
    /// The server carries it out but the answer never arrives.
    AnswerLost,
}

#[derive(Default)]
pub struct Server {
    pub files: BTreeMap<String, (String, String)>,
    next_etag: u64,
    pub requests: usize,
    pub fail_at: Option<(usize, Fault)>,
    /// Bytes of file text uploaded and downloaded.
    pub up: usize,
    pub down: usize,
}

impl Server {
    /// Counts a request; the fault due at this one, if any.
    fn fault(&mut self) -> Option<Fault> {
        let n = self.requests;
        self.requests += 1;
        self.fail_at.filter(|(at, _)| *at == n).map(|(_, f)| f)
    }

    pub fn list(&mut self) -> Result<Vec<Listed>, String> {
        match self.fault() {
            Some(_) => Err("listing failed".into()),
            None => Ok(self
                .files
                .iter()
                .map(|(name, (etag, _))| Listed {
                    name: name.clone(),
                    etag: etag.clone(),
                })
                .collect()),
        }
    }

    pub fn get(&mut self, name: &str) -> Result<Fetched, String> {
        let fault = self.fault();
        let (etag, text) = self.files.get(name).cloned().ok_or("gone")?;
        match fault {
            Some(_) => Err("fetch failed".into()),
            None => {
                self.down += text.len();
                Ok(Fetched {
                    name: name.into(),
                    etag,
                    text,
                })
            }
        }
    }

    /// A PUT with `If-None-Match: *`.
    pub fn put_new(&mut self, name: &str, text: &str) -> Result<String, String> {
        let fault = self.fault();
        if fault == Some(Fault::Lost) {
            return Err("upload failed".into());
        }
        if self.files.contains_key(name) {
            return Err("412".into());
        }
        self.next_etag += 1;
        self.up += text.len();
        let etag = format!("\"{}\"", self.next_etag);
        self.files.insert(name.into(), (etag.clone(), text.into()));
        match fault {
            Some(_) => Err("the answer was lost".into()),
            None => Ok(etag),
        }
    }

    /// A DELETE; a file already gone counts as deleted.
    pub fn delete(&mut self, name: &str) -> Result<(), String> {
        let fault = self.fault();
        if fault == Some(Fault::Lost) {
            return Err("delete failed".into());
        }
        self.files.remove(name);
        match fault {
            Some(_) => Err("the answer was lost".into()),
            None => Ok(()),
        }
    }

    /// The files of `device` on the server and their bytes.
    pub fn files_of(&self, device: &str) -> (usize, usize) {
        let prefix = format!("{device}-");
        self.files
            .iter()
            .filter(|(name, _)| name.starts_with(&prefix))
            .fold((0, 0), |(n, bytes), (_, (_, text))| {
                (n + 1, bytes + text.len())
            })
    }

    /// Replaces a file's text outside Tend (a new ETag, as a server gives).
    pub fn tamper(&mut self, name: &str, text: String) {
        self.next_etag += 1;
        self.files
            .insert(name.into(), (format!("\"{}\"", self.next_etag), text));
    }
}

#[derive(Clone)]
pub struct Device {
    pub state: SyncState,
    pub replica: Replica,
    pub journal: Journal,
    pub key: StoredKey,
    pub names: u64,
}

/// Why one device's sync stopped.
#[derive(Debug, PartialEq, Eq)]
pub enum Stop {
    Network(String),
    Refused(SyncError),
}

impl Device {
    pub fn new(id: &str, key: &StoredKey) -> Device {
        Device {
            state: SyncState::new(DeviceId(id.into())),
            replica: Replica::default(),
            journal: Journal::default(),
            key: key.clone(),
            names: 0,
        }
    }

    /// One sync session as the shell runs it. The merge is kept as soon as it is made, as the
    /// shell stores it; the upload follows, then the deletion of the files a full file replaced.
    pub fn sync(&mut self, server: &mut Server, now_ms: u64) -> Result<String, Stop> {
        let key = SyncKey::from_stored(&self.key).unwrap();
        let listing = server.list().map_err(Stop::Network)?;
        forget_unlisted(&mut self.state, &listing);
        let mut fetched = Vec::new();
        for name in plan(&self.state, &listing) {
            fetched.push(server.get(&name).map_err(Stop::Network)?);
        }
        let got = receive(
            &self.state,
            &self.replica,
            &self.journal,
            &key,
            &fetched,
            now_ms,
        )
        .map_err(Stop::Refused)?;
        self.state = got.state;
        self.replica = got.replica;
        self.journal = got.journal;
        self.names += 1;
        let random = format!("{:08x}", self.names * 7919 + now_ms % 1000);
        let upload = outgoing(
            &self.state,
            &self.replica,
            &key,
            &random,
            [self.names as u8; 24],
        )
        .map_err(Stop::Refused)?;
        if let Some(up) = upload {
            sending(&mut self.state, &up);
            let etag = server.put_new(&up.name, &up.text).map_err(Stop::Network)?;
            uploaded(&mut self.state, &up, &etag);
        }
        for name in to_delete(&self.state) {
            server.delete(&name).map_err(Stop::Network)?;
            deleted(&mut self.state, &name);
        }
        Ok(got.summary.describe().unwrap_or_default())
    }
}
