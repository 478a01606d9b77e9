//! A simulated device for the carried sync file's tests: a journal and, once it has one, a
//! sync set-up, saving and opening carried files through the core's steps.

#![allow(dead_code)]

use tend_core::sync::{
    create_sync_key, open_and_merge, save_carried, CarryError, DeviceId, Replica, SyncKey,
    SyncState,
};
use tend_core::{Action, Journal};

pub const PASSPHRASE: &str = "river stone lantern";
pub const NOW: u64 = 1_772_323_200_000;

/// One device: its journal and, once it has one, its sync set-up.
pub struct Device {
    pub name: &'static str,
    pub journal: Journal,
    pub synced: Option<(SyncState, Replica, SyncKey)>,
}

impl Device {
    pub fn new(name: &'static str) -> Device {
        Device {
            name,
            journal: Journal::default(),
            synced: None,
        }
    }

    /// A device that set up the group (the key made from the passphrase).
    pub fn first(name: &'static str) -> Device {
        let mut state = SyncState::new(DeviceId(name.into()));
        let key = group_key();
        state.key = Some(key.to_stored());
        Device {
            name,
            journal: Journal::default(),
            synced: Some((state, Replica::default(), key)),
        }
    }

    pub fn apply(&mut self, action: Action) {
        self.journal = self.journal.apply(&action).unwrap();
    }

    pub fn save(&mut self, now: u64) -> String {
        let (state, replica, key) = self.synced.as_mut().unwrap();
        let saved = save_carried(state, replica, &self.journal, key, now, [9; 24]).unwrap();
        *state = saved.state;
        *replica = saved.replica;
        saved.text
    }

    /// Opens a carried file: what came in, in words, or why not (then nothing changed).
    pub fn open(
        &mut self,
        passphrase: &str,
        text: &str,
        now: u64,
    ) -> Result<Option<String>, CarryError> {
        let local = self.synced.as_ref().map(|(s, r, k)| (s, r, k));
        let (opened, file_key) = open_and_merge(
            passphrase,
            text,
            local,
            DeviceId(self.name.into()),
            &self.journal,
            now,
        )?;
        let got = opened.received;
        let key = match self.synced.take() {
            Some((_, _, key)) => {
                assert!(!opened.started);
                key
            }
            None => {
                assert!(opened.started);
                file_key
            }
        };
        self.journal = got.journal;
        self.synced = Some((got.state, got.replica, key));
        Ok(opened.words)
    }

    pub fn replica(&self) -> &Replica {
        &self.synced.as_ref().unwrap().1
    }
}

pub fn group_key() -> SyncKey {
    create_sync_key(PASSPHRASE, [3; 16], [4; 32], [5; 24]).unwrap()
}
