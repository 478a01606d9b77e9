//! The app's single store: the core's save ledger plus what the page shows about it.
//!
//! Views send [`Msg`]s. Every change, a restore included, goes through the core's
//! [`Ledger`], which runs the journal's rules and keeps what storage has not accepted yet
//! (replayed on top of another tab's data if that tab saved first). The store never touches the
//! browser: the root component saves whenever [`AppState::needs_save`] says so and reports the
//! outcome back as a message. What stays here is the page's side: notices, the undo offer, the
//! lock's key, settings, and what was set aside. It reads one thing from the browser: the time a
//! change is made, which sync notes so that an edit made offline keeps its own time.

use crate::platform::lock::KeyHandle;
use crate::platform::Boot;
use crate::undo::Undo;
use std::rc::Rc;
use tend_core::lock::LockHeader;
use tend_core::settings::{DeviceSettings, Persistence as Protection};
use tend_core::storage::{
    describe_key, Ledger, Loaded, SaveDone, SaveError, SnapshotRequest, Unreadable, Usage,
};
use tend_core::undo::undo_removal;
use tend_core::{Action, Document, Index, Journal, SCHEMA_VERSION};
use yew::prelude::*;

/// A message shown near the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The plain-language text.
    pub text: String,
    /// True for problems, false for confirmations.
    pub is_error: bool,
}

/// Whether changes reach storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Saved after every change.
    Saved,
    /// Kept only in this tab; the message says why.
    MemoryOnly(String),
    /// Nothing is written; the message says why.
    ReadOnly(String),
}

/// Stored text that could not be read, kept for download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    /// What it was and what was wrong.
    pub reason: String,
    /// The key it was under.
    pub key: String,
    /// The text exactly as found.
    pub raw: Rc<str>,
}

/// Everything the views render from.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The records and what of them storage has not accepted yet: every rule about saving lives
    /// there, in the core.
    pub ledger: Ledger,
    /// Whether changes are being saved.
    pub persistence: Persistence,
    /// Unreadable stored text found at start-up.
    pub quarantined: Vec<Quarantined>,
    /// The index was missing or unreadable and the records were gathered again: what happened.
    pub rebuilt: Option<String>,
    /// Keys kept aside in storage (set-aside text, pieces no index names), to offer and remove.
    pub kept: Vec<String>,
    /// The outcome of the last action, shown by the form.
    pub notice: Option<Notice>,
    /// Storage used, after the last load or save.
    pub usage: Option<Usage>,
    /// This browser's settings.
    pub settings: DeviceSettings,
    /// Characters the last save wrote.
    pub last_write: usize,
    /// The passphrase lock's header, when the lock is on.
    pub lock: Option<LockHeader>,
    /// The unlocked data key; `None` while locked.
    pub key: Option<KeyHandle>,
    /// The last removal, while it can be undone.
    pub undo: Option<Undo>,
    /// The serial the next undo offer gets.
    pub undo_serial: u64,
    /// Sync between devices: the set-up and where a session is.
    pub sync: crate::sync::SyncSide,
}

/// What the views and the save effect can ask of the store.
pub enum Msg {
    /// Apply a core action; `done` is the confirmation shown if it succeeds.
    Apply { action: Action, done: String },
    /// A save finished; `usage` is storage used afterwards.
    Saved {
        done: SaveDone,
        usage: Option<Usage>,
    },
    /// A save failed.
    SaveFailed(SaveError),
    /// Storage changed under this tab (another tab saved): here is what it holds now.
    Reloaded(Box<Loaded>),
    /// Replace the records with an earlier state; `label` names it for the confirmation.
    Restore { journal: Journal, label: String },
    /// Settings changed (a backup was downloaded, the browser answered about persistence).
    Settings(DeviceSettings),
    /// Something went wrong outside an action; tell the clinician.
    Problem(String),
    /// Merge records from a backup, keeping the current state as a snapshot first.
    Import { journal: Journal, done: String },
    /// The passphrase opened the lock: the data as read with the key.
    Unlocked { loaded: Box<Loaded>, key: KeyHandle },
    /// The lock was turned on, changed or turned off. `rewrite` means every month must be
    /// written again (sealed or plain) and old snapshots forgotten.
    LockChanged {
        lock: Option<LockHeader>,
        key: Option<KeyHandle>,
        rewrite: bool,
        done: String,
    },
    /// Apply an action and offer to undo it with `undo` (a one-tap entry or break, which the
    /// clinician may have tapped by mistake).
    ApplyUndoable {
        action: Action,
        done: String,
        undo: Vec<Action>,
    },
    /// Put back what the removal with this serial took away.
    Undo(u64),
    /// The offer to undo the removal with this serial has run out.
    UndoExpired(u64),
    /// A key kept aside was removed at the clinician's request.
    KeptRemoved(String),
    /// Sync's steps and answers.
    Sync(crate::sync::SyncMsg),
}

impl AppState {
    /// The state at start-up, from what storage held.
    pub fn from_boot(boot: Boot, settings: DeviceSettings, usage: Option<Usage>) -> AppState {
        let Boot {
            mut loaded,
            storage_error,
            quarantine_failed,
            kept,
        } = boot;
        let lock = lock_of(&loaded);
        let ledger = Ledger::boot(&mut loaded);
        let mut persistence = match storage_error {
            Some(e) => Persistence::MemoryOnly(e.message()),
            None => Persistence::Saved,
        };
        if let Some(found) = loaded.newer {
            persistence = Persistence::ReadOnly(format!(
                "The saved data was written by a newer version of Tend (format {found}; this \
                 version reads up to {}). To protect it, this tab will not change anything: \
                 reload the page to get the newest Tend.",
                SCHEMA_VERSION
            ));
        } else if quarantine_failed {
            persistence = Persistence::ReadOnly(
                "Tend could not set aside data it could not read, so it will not save over it. \
                 Download it below first."
                    .into(),
            );
        }
        AppState {
            quarantined: loaded.unreadable.iter().map(Quarantined::of).collect(),
            rebuilt: loaded.rebuilt.clone(),
            kept,
            ledger,
            persistence,
            notice: None,
            usage,
            settings,
            last_write: 0,
            lock,
            key: None,
            undo: None,
            undo_serial: 0,
            sync: crate::sync::SyncSide::default(),
        }
    }

    /// The records as this tab has them, saved or not.
    pub fn doc(&self) -> &Rc<Document> {
        self.ledger.doc()
    }

    /// The index last read or written, with its snapshots.
    pub fn base(&self) -> Option<&Index> {
        self.ledger.base()
    }

    /// True while the data is locked and the passphrase has not been given.
    pub fn locked_out(&self) -> bool {
        self.lock.is_some() && self.key.is_none()
    }

    /// The header and key to seal and open with, when unlocked.
    pub fn unlocked_key(&self) -> Option<(&LockHeader, &KeyHandle)> {
        self.lock.as_ref().zip(self.key.as_ref())
    }

    /// True when there are changes that storage has not accepted and may be written.
    pub fn needs_save(&self) -> bool {
        !self.read_only() && !self.locked_out() && self.ledger.has_unsaved()
    }

    /// True when changes are refused to protect stored data.
    pub fn read_only(&self) -> bool {
        matches!(self.persistence, Persistence::ReadOnly(_))
    }

    pub(crate) fn notice(&mut self, text: impl Into<String>, is_error: bool) {
        self.notice = Some(Notice {
            text: text.into(),
            is_error,
        });
    }
}

impl Quarantined {
    fn of(u: &Unreadable) -> Quarantined {
        Quarantined {
            reason: u.reason.clone(),
            key: u.key.clone(),
            raw: Rc::from(u.raw.as_str()),
        }
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Apply { action, done } => next.apply(action, done, None),
            Msg::Saved { done, usage } => {
                next.ledger.saved(&done);
                next.persistence = Persistence::Saved;
                next.usage = usage.or(next.usage);
                next.last_write = done.written;
            }
            Msg::SaveFailed(err) => next.persistence = Persistence::MemoryOnly(err.message()),
            Msg::Reloaded(loaded) => next.take_reload(*loaded),
            Msg::Restore { journal, label } => next.apply(
                Action::ReplaceAll(journal),
                format!("Restored {label}. The state before it was kept as a snapshot."),
                Some(SnapshotRequest::Force),
            ),
            Msg::Settings(settings) => next.settings = settings,
            Msg::Problem(text) => next.notice(text, true),
            Msg::Import { journal, done } => {
                next.apply(Action::Restore(journal), done, Some(SnapshotRequest::Force))
            }
            Msg::Unlocked { loaded, key } => {
                next.key = Some(key);
                next.take_reload(*loaded);
                next.notice("Unlocked.", false);
            }
            Msg::LockChanged {
                lock,
                key,
                rewrite,
                done,
            } => {
                next.lock = lock;
                next.key = key;
                next.ledger.lock_changed(rewrite);
                next.sync.resave_all();
                next.notice(done, false);
            }
            Msg::ApplyUndoable { action, done, undo } => next.apply_undoable(action, done, undo),
            Msg::Undo(serial) => next.undo(serial),
            Msg::KeptRemoved(key) => {
                next.kept.retain(|k| *k != key);
                next.notice(
                    format!("Removed {} from storage.", describe_key(&key)),
                    false,
                );
            }
            Msg::Sync(msg) => crate::sync::part::reduce(&mut next, msg),
            Msg::UndoExpired(serial) => {
                if next.undo.as_ref().is_some_and(|u| u.serial == serial) {
                    next.undo = None;
                }
            }
        }
        Rc::new(next)
    }
}

impl AppState {
    /// Applies a core action through the ledger, offering to undo a removal; `snapshot` asks
    /// the next save to keep a snapshot first.
    pub(crate) fn apply(
        &mut self,
        action: Action,
        done: String,
        snapshot: Option<SnapshotRequest>,
    ) {
        if self.read_only() {
            self.notice(
                "Nothing was changed: this tab is read-only until it is reloaded.",
                true,
            );
            return;
        }
        let undo = undo_removal(&self.doc().payload, &action);
        let touched = tend_core::sync::touched_by(&action);
        match self.ledger.apply(action, crate::platform::BUILD, snapshot) {
            Ok(()) => {
                self.sync.note(&touched);
                if let Some(actions) = undo {
                    self.undo_serial = self.undo_serial.wrapping_add(1);
                    self.undo = Some(Undo {
                        text: done.clone(),
                        actions,
                        serial: self.undo_serial,
                    });
                }
                self.notice(done, false);
            }
            Err(e) => self.notice(e.to_string(), true),
        }
    }

    /// Adopts what another tab saved (or what unlocking revealed), replaying this tab's unsaved
    /// actions on top through the ledger, and names what could not be read.
    fn take_reload(&mut self, mut loaded: Loaded) {
        if loaded.rebuilt.is_some() {
            self.rebuilt = loaded.rebuilt.clone();
        }
        for key in &loaded.unnamed {
            if !self.kept.contains(key) {
                self.kept.push(key.clone());
            }
        }
        if loaded.locked.is_some() {
            // Locked under a lock this tab does not hold the key to: ask for the passphrase.
            self.key = None;
        }
        self.lock = lock_of(&loaded);
        if let Some(found) = loaded.newer {
            self.persistence = Persistence::ReadOnly(format!(
                "Another tab saved data in a newer format ({found}); reload this tab to use it."
            ));
            return;
        }
        for u in &loaded.unreadable {
            if !self.quarantined.iter().any(|q| q.key == u.key) {
                self.quarantined.push(Quarantined::of(u));
            }
        }
        let dropped = self.ledger.reload(&mut loaded, crate::platform::BUILD);
        if !dropped.is_empty() {
            let reasons: Vec<String> = dropped.iter().map(|(_, e)| e.to_string()).collect();
            self.notice(
                format!(
                    "Another tab changed the same records. {}",
                    reasons.join(" ")
                ),
                true,
            );
        }
        if matches!(self.persistence, Persistence::MemoryOnly(_))
            && self.ledger.pending().is_empty()
        {
            self.persistence = Persistence::Saved;
        }
    }
}

/// The lock header in force for what was loaded, whether or not it could be opened.
fn lock_of(loaded: &Loaded) -> Option<LockHeader> {
    loaded
        .locked
        .clone()
        .or_else(|| loaded.index.as_ref().and_then(|i| i.lock.clone()))
}

/// How the views describe the browser's answer about persistent storage.
pub fn protection_label(p: Protection) -> &'static str {
    match p {
        Protection::NotAsked => "not asked yet (Tend asks after the first save)",
        Protection::Granted => "yes: the browser has agreed not to clear Tend's data on its own",
        Protection::Denied => {
            "no: the browser may clear Tend's data if space runs low or the site goes unused; \
             keep backups"
        }
    }
}

/// The store handle shared with every view through a context.
pub type Store = UseReducerHandle<AppState>;
