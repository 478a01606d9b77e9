//! Sync's side of the store: the device's sync state, the step a sync session is at, and the
//! reducer steps that move it on. Every decision is the core's (`tend_core::sync::session`);
//! the requests are made by the driver ([`driver`]), which reports each answer back as a
//! [`SyncMsg`], so the merge always runs against the journal as it is at that moment. The merge
//! step itself, which stamps local changes with their noted times, is in `merge.rs`.

pub mod carry;
pub mod driver;
mod merge;
pub mod part;

use crate::platform::webdav::DavError;
use crate::store::AppState;
use merge::merge;
use std::rc::Rc;
use tend_core::sync::{
    deleted, forget_unlisted, plan, same_group, to_delete, uploaded, DeviceId, Edits, Fetched,
    Listed, Replica, ServerSettings, SyncKey, SyncState, Touched, Upload,
};

/// A device's sync set-up: its state, its replica and the group key.
#[derive(Debug)]
pub struct Synced {
    /// The state, as stored.
    pub state: SyncState,
    /// The replica, as stored.
    pub replica: Rc<Replica>,
    /// The group key.
    pub key: Rc<SyncKey>,
}

/// Where a sync session is.
#[derive(Clone, Debug, Default)]
pub enum Step {
    /// Not syncing.
    #[default]
    Idle,
    /// Listing the folder.
    List,
    /// Fetching these files.
    Fetch(Rc<Vec<String>>),
    /// Uploading this device's next file.
    Upload(Rc<Upload>),
    /// Deleting this device's files that its newest full file replaced.
    Delete(Rc<Vec<String>>),
}

/// Randomness and time for a step, from the driver (the reducer makes none).
#[derive(Clone, Debug)]
pub struct Fresh {
    /// Now, in milliseconds.
    pub now: u64,
    /// A random part for a new file name.
    pub name: String,
    /// A random nonce for sealing a file.
    pub nonce: [u8; 24],
    /// The times of local changes as stored now, every tab's (see [`SyncSide::edits`]).
    pub edits: Rc<Edits>,
}

/// Sync's part of the app state.
#[derive(Clone, Debug, Default)]
pub struct SyncSide {
    /// Storage was read (or could not be, and why).
    pub loaded: bool,
    /// The set-up, once there is one.
    pub synced: Option<Rc<Synced>>,
    /// The session's step.
    pub step: Step,
    /// Raised at every step, so the driver knows to act.
    pub serial: u64,
    /// Raised when the state must be saved; `rewrite` saves every chunk (the lock changed).
    pub save_serial: u64,
    /// Whether the next save rewrites every chunk.
    pub rewrite: bool,
    /// The last failure in words, if the last session failed.
    pub problem: Option<String>,
    /// The last session found the server unreachable (not an error: changes wait).
    pub offline: bool,
    /// Another sync was asked for while one ran.
    pub again: bool,
    /// Sessions ended (completed or failed) since the page opened.
    pub sessions: u64,
    /// When each change this tab made was made, noted as the reducer took it, until a sync
    /// stamps it. Written through to storage (`tend.sync.edits`, added to and never replaced, so
    /// another tab's notes stay) whenever `edits_serial` moves; a sync reads the stored ones.
    pub edits: Rc<Edits>,
    /// Raised when a change is noted, so the driver writes the notes.
    pub edits_serial: u64,
    /// The times the last sync stamped: forgotten in storage once its state is saved.
    pub stamped: Rc<Edits>,
    /// What saving or opening a carried sync file last did, in words, and whether it failed.
    pub carry_note: Option<(String, bool)>,
}

impl PartialEq for SyncSide {
    fn eq(&self, other: &SyncSide) -> bool {
        self.serial == other.serial
            && self.save_serial == other.save_serial
            && self.loaded == other.loaded
            && self.problem == other.problem
            && self.offline == other.offline
            && self.sessions == other.sessions
            && self.edits_serial == other.edits_serial
            && self.carry_note == other.carry_note
            && match (&self.synced, &other.synced) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// What the driver and the Sync card tell the store.
pub enum SyncMsg {
    /// Storage was read: the set-up found, none, or why it could not be read.
    Loaded(Result<Option<Rc<Synced>>, String>),
    /// Sync was set up or joined on this device.
    Begin {
        /// The server.
        server: ServerSettings,
        /// The group key.
        key: Rc<SyncKey>,
        /// This device's new random id.
        device: String,
    },
    /// Sync now (the button, a timer, the network coming back, a change).
    Start,
    /// The folder's listing, or why not.
    Listed(Result<Vec<Listed>, DavError>, Fresh),
    /// The fetched files, or why not.
    Fetched(Result<Vec<Fetched>, DavError>, Fresh),
    /// The upload's ETag, or why not.
    Uploaded(Result<String, DavError>),
    /// The replaced files deleted, and whether the rest were too (or why not).
    Deleted(Vec<String>, Result<(), DavError>),
    /// The state could not be saved.
    SaveFailed(String),
    /// Sync was left on this device.
    Left,
    /// Another device's files were removed from the server.
    DeviceRemoved(DeviceId),
    /// Save a carried sync file; `new_key` starts a set-up with no server on a device without one.
    SaveFile {
        /// A new group key, made from a new sync passphrase, if this device has none.
        new_key: Option<Rc<SyncKey>>,
        /// A new random device id, used only if this device has no set-up.
        device: String,
        /// Now, in milliseconds.
        now: u64,
        /// A random nonce for sealing the file.
        nonce: [u8; 24],
    },
    /// Merge a carried sync file whose key the card opened with the sync passphrase.
    OpenFile {
        /// The file's text.
        text: Rc<String>,
        /// The file's group key.
        key: Rc<SyncKey>,
        /// A new random device id, used only if this device has no set-up.
        device: String,
        /// Now, in milliseconds.
        now: u64,
    },
    /// This device was given a name (already checked by `tend_core::sync::device_name`).
    Rename(String),
}

impl SyncSide {
    fn go(&mut self, step: Step) {
        self.step = step;
        self.serial = self.serial.wrapping_add(1);
    }

    fn save(&mut self) {
        self.rewrite = false;
        self.save_serial = self.save_serial.wrapping_add(1);
    }

    /// Saves every chunk again (sealed or plain) after the lock changed.
    pub fn resave_all(&mut self) {
        if self.synced.is_some() {
            self.save();
            self.rewrite = true;
        }
    }

    /// Notes that a change this tab made just now touched these records (only while sync is set
    /// up: a device that does not sync keeps nothing more). Costs nothing in the history's
    /// length: the records come from the action alone. Reads the browser's clock, the one thing
    /// the store's reducer reads: the time must be the change's own.
    pub fn note(&mut self, touched: &Touched) {
        if self.synced.is_some() {
            let now = u64::try_from(crate::platform::now_ms()).unwrap_or(0);
            Rc::make_mut(&mut self.edits).note(touched, now);
            self.edits_serial = self.edits_serial.wrapping_add(1);
        }
    }

    fn fail(&mut self, problem: String, offline: bool) {
        self.offline = offline;
        self.problem = (!offline).then_some(problem);
        self.again = false;
        self.sessions += 1;
        self.go(Step::Idle);
    }
}

/// Runs one sync message against the app state (through [`part::Steps`]).
fn reduce(app: &mut AppState, msg: SyncMsg) {
    match msg {
        SyncMsg::Loaded(found) => {
            app.sync.loaded = true;
            match found {
                Ok(synced) => {
                    // A device set up before names gets its default one (and sends it).
                    if let Some(unnamed) = synced.as_ref().filter(|s| s.state.name.is_none()) {
                        let mut state = unnamed.state.clone();
                        state.name = Some(driver::default_device_name());
                        set_state(app, unnamed, state, None);
                    } else {
                        app.sync.synced = synced;
                    }
                    start(app);
                }
                Err(why) => app.sync.problem = Some(why),
            }
        }
        SyncMsg::Begin {
            server,
            key,
            device,
        } => {
            // A device that so far only carried files keeps its replica if the group is the same.
            let kept = app.sync.synced.clone().filter(|s| same_group(&s.key, &key));
            let (mut state, replica) = match kept {
                Some(s) => (s.state.clone(), s.replica.clone()),
                None => (
                    SyncState::new(DeviceId(device)),
                    Rc::new(Replica::default()),
                ),
            };
            state.server = Some(server);
            state.key = Some(key.to_stored());
            // A device that carried files first may have been named already.
            state.name.get_or_insert_with(driver::default_device_name);
            app.sync.synced = Some(Rc::new(Synced {
                state,
                replica,
                key,
            }));
            app.sync.problem = None;
            app.sync.save();
            app.sync.go(Step::Idle);
            start(app);
        }
        SyncMsg::Start => start(app),
        SyncMsg::Listed(Ok(listing), fresh) => {
            let Some(synced) = app.sync.synced.clone() else {
                return;
            };
            let mut state = synced.state.clone();
            forget_unlisted(&mut state, &listing);
            let names = plan(&state, &listing);
            if state != synced.state {
                set_state(app, &synced, state, None);
            }
            if names.is_empty() {
                merge(app, &[], &fresh);
            } else {
                app.sync.go(Step::Fetch(Rc::new(names)));
            }
        }
        SyncMsg::Fetched(Ok(files), fresh) => merge(app, &files, &fresh),
        SyncMsg::Listed(Err(e), _) | SyncMsg::Fetched(Err(e), _) | SyncMsg::Uploaded(Err(e)) => {
            let offline = e == DavError::Unreachable;
            app.sync.fail(e.to_string(), offline);
        }
        SyncMsg::Uploaded(Ok(etag)) => {
            if let (Some(synced), Step::Upload(up)) = (app.sync.synced.clone(), &app.sync.step) {
                let mut state = synced.state.clone();
                uploaded(&mut state, up, &etag);
                set_state(app, &synced, state, None);
            }
            delete_or_finish(app);
        }
        SyncMsg::Deleted(done, result) => {
            forget_deleted(app, &done);
            match result {
                Ok(()) => finish(app),
                Err(e) => {
                    let offline = e == DavError::Unreachable;
                    app.sync.fail(e.to_string(), offline);
                }
            }
        }
        SyncMsg::SaveFailed(why) => {
            app.sync.problem = Some(format!("Sync's state could not be saved here ({why})."));
        }
        SyncMsg::Left => {
            app.sync = SyncSide {
                loaded: true,
                serial: app.sync.serial.wrapping_add(1),
                ..SyncSide::default()
            };
            app.notice(
                "Sync is off on this device. Your records here are unchanged.",
                false,
            );
        }
        msg @ (SyncMsg::SaveFile { .. } | SyncMsg::OpenFile { .. }) => carry::reduce(app, msg),
        SyncMsg::Rename(name) => {
            if let Some(synced) = app.sync.synced.clone() {
                let mut state = synced.state.clone();
                state.name = Some(name);
                set_state(app, &synced, state, None);
                start(app);
            }
        }
        SyncMsg::DeviceRemoved(device) => {
            if let Some(synced) = app.sync.synced.clone() {
                let mut state = synced.state.clone();
                state.devices.remove(&device);
                set_state(app, &synced, state, None);
            }
        }
    }
}

fn set_state(app: &mut AppState, synced: &Synced, state: SyncState, replica: Option<Replica>) {
    app.sync.synced = Some(Rc::new(Synced {
        state,
        replica: replica
            .map(Rc::new)
            .unwrap_or_else(|| synced.replica.clone()),
        key: synced.key.clone(),
    }));
    app.sync.save();
}

fn start(app: &mut AppState) {
    let no_server = app
        .sync
        .synced
        .as_ref()
        .is_none_or(|s| s.state.server.is_none());
    if no_server || app.locked_out() {
        return;
    }
    match app.sync.step {
        Step::Idle => app.sync.go(Step::List),
        _ => app.sync.again = true,
    }
}

/// Records the files deleted from the server.
fn forget_deleted(app: &mut AppState, done: &[String]) {
    if let Some(synced) = app.sync.synced.clone() {
        let mut state = synced.state.clone();
        for name in done {
            deleted(&mut state, name);
        }
        set_state(app, &synced, state, None);
    }
}

/// Deletes the files a full file replaced, if any, else ends the session.
fn delete_or_finish(app: &mut AppState) {
    let names = app
        .sync
        .synced
        .as_ref()
        .map(|s| to_delete(&s.state))
        .unwrap_or_default();
    if names.is_empty() {
        finish(app);
    } else {
        app.sync.go(Step::Delete(Rc::new(names)));
    }
}

fn finish(app: &mut AppState) {
    app.sync.problem = None;
    app.sync.offline = false;
    app.sync.sessions += 1;
    app.sync.go(Step::Idle);
    if std::mem::take(&mut app.sync.again) {
        start(app);
    }
}
