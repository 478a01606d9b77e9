//! The app's single store: the core document plus what the shell must remember about saving.
//!
//! Views send [`Msg`]s; core actions go through `Document::apply`, so every rule lives in the
//! core. The store never touches the browser: the root component saves whenever
//! [`AppState::needs_save`] says so and reports the outcome back as a message. Changes not yet
//! saved are kept as `pending` actions, so that if another tab saved first they can be replayed
//! on top of its data instead of overwriting it.

use crate::platform::lock::KeyHandle;
use crate::platform::{Boot, SaveError};
use crate::undo::Undo;
use std::collections::BTreeSet;
use std::rc::Rc;
use tend_core::lock::LockHeader;
use tend_core::settings::{DeviceSettings, Persistence as Protection};
use tend_core::storage::{
    added_by, all_months, describe_key, touched_months, touches_registry, Added, Loaded,
    SnapshotRequest, Usage, LEGACY_KEY,
};
use tend_core::undo::undo_removal;
use tend_core::{Action, Document, Index, Journal, Month, SCHEMA_VERSION};
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
    /// The clinician's records with their envelope. Shared, so that copying the state for each
    /// message and comparing old and new states (Yew does both) costs nothing however long the
    /// history; a new document is made only by an action.
    pub doc: Rc<Document>,
    /// The index last read or written: what the next save builds on.
    pub base: Option<Index>,
    /// Actions applied here but not yet saved.
    pub pending: Vec<Action>,
    /// Months those actions touched.
    pub dirty: BTreeSet<Month>,
    /// Records those actions only added: the next save keeps them in the recent chunk.
    pub added: Vec<Added>,
    /// Whether those actions changed organisations, cases or targets.
    pub registry_dirty: bool,
    /// Set when the next save must rewrite everything and keep this snapshot.
    pub full_write: Option<SnapshotRequest>,
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
    /// The next save forgets all snapshots (the lock was turned on or off).
    pub drop_snapshots: bool,
    /// Bumped when a save is needed for a reason other than a new revision.
    pub save_requests: u64,
    /// The last removal, while it can be undone.
    pub undo: Option<Undo>,
    /// The serial the next undo offer gets.
    pub undo_serial: u64,
}

/// What the views and the save effect can ask of the store.
pub enum Msg {
    /// Apply a core action; `done` is the confirmation shown if it succeeds.
    Apply { action: Action, done: String },
    /// A save finished.
    Saved {
        index: Index,
        saved: usize,
        written: usize,
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
    /// Put back what the removal with this serial took away.
    Undo(u64),
    /// The offer to undo the removal with this serial has run out.
    UndoExpired(u64),
    /// A key kept aside was removed at the clinician's request.
    KeptRemoved(String),
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
        let migrating = needs_migration_save(&loaded);
        if migrating {
            // The migration's save must not reuse the keys the older state (kept as a snapshot)
            // lives in, and a tab of the older build must see it as newer than what it holds.
            loaded.doc.revision = loaded.doc.revision.saturating_add(1);
        }
        let loaded_lock = lock_of(&loaded);
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
        // Filled by `extend`, not `collect()`: collecting into a B-tree sorts with its own copy of
        // the standard stable sort for each element type, kilobytes of wasm each (see `sorting`).
        let mut dirty: BTreeSet<Month> = BTreeSet::new();
        // Only pieces the index names are replaced; others stay where they are, kept aside.
        let named = loaded
            .index
            .as_ref()
            .map(Index::live_keys)
            .unwrap_or_default();
        let replaced = || loaded.unreadable.iter().filter(|u| named.contains(&u.key));
        dirty.extend(replaced().filter_map(|u| u.month));
        let full_write = match (loaded.migrated_from, &loaded.index) {
            (Some(schema), _) => Some(SnapshotRequest::BeforeMigration {
                schema,
                legacy_key: LEGACY_KEY.into(),
            }),
            (None, None) if !loaded.doc.payload.entries.is_empty() => Some(SnapshotRequest::Auto),
            // An older layout (schema 2): rewrite every month in the compact form, keeping the
            // state as it was as a snapshot. Locked data waits until it is unlocked.
            (None, Some(_)) if needs_layout_rewrite(&loaded) => Some(SnapshotRequest::Force),
            // Schema 3: the same chunks, under schema 4's index and catalog.
            (None, Some(_)) if migrating => Some(SnapshotRequest::Auto),
            _ => None,
        };
        let registry_unreadable = replaced().any(|u| u.month.is_none());
        // Schema 3 needs only its catalog written; anything else asking for a full write
        // rewrites every month.
        let rewrite_all = full_write.is_some() && (!migrating || needs_layout_rewrite(&loaded));
        if rewrite_all {
            dirty.extend(all_months(&loaded.doc, None));
        }
        let registry_dirty = rewrite_all || registry_unreadable;
        AppState {
            quarantined: loaded
                .unreadable
                .iter()
                .map(|u| Quarantined {
                    reason: u.reason.clone(),
                    key: u.key.clone(),
                    raw: Rc::from(u.raw.as_str()),
                })
                .collect(),
            rebuilt: loaded.rebuilt.clone(),
            kept,
            doc: Rc::new(loaded.doc),
            base: loaded.index,
            pending: Vec::new(),
            dirty,
            added: Vec::new(),
            registry_dirty,
            full_write,
            persistence,
            notice: None,
            usage,
            settings,
            last_write: 0,
            lock: loaded_lock,
            key: None,
            drop_snapshots: false,
            save_requests: 0,
            undo: None,
            undo_serial: 0,
        }
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
        !self.read_only()
            && !self.locked_out()
            && (!self.pending.is_empty()
                || self.full_write.is_some()
                || !self.dirty.is_empty()
                || self.registry_dirty)
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

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Apply { action, done } => next.apply(&self, action, done, None),
            Msg::Saved {
                index,
                saved,
                written,
                usage,
            } => {
                next.pending.drain(..saved.min(next.pending.len()));
                if next.pending.is_empty() {
                    next.dirty.clear();
                    next.added.clear();
                    next.registry_dirty = false;
                }
                next.full_write = None;
                next.drop_snapshots = false;
                next.base = Some(index);
                next.persistence = Persistence::Saved;
                next.usage = usage.or(next.usage);
                next.last_write = written;
            }
            Msg::SaveFailed(err) => next.persistence = Persistence::MemoryOnly(err.message()),
            Msg::Reloaded(loaded) => next.take_reload(*loaded),
            Msg::Restore { journal, label } => {
                next.doc = Rc::new(Document {
                    schema: self.doc.schema,
                    revision: self.doc.revision.saturating_add(1),
                    written_by: self.doc.written_by.clone(),
                    payload: journal,
                });
                next.dirty = all_months(&next.doc, self.base.as_ref());
                next.dirty.extend(all_months(&self.doc, None));
                next.registry_dirty = true;
                next.full_write = Some(SnapshotRequest::Force);
                next.pending.clear();
                next.notice(
                    format!("Restored {label}. The state before it was kept as a snapshot."),
                    false,
                );
            }
            Msg::Settings(settings) => next.settings = settings,
            Msg::Problem(text) => next.notice(text, true),
            Msg::Import { journal, done } => next.apply(
                &self,
                Action::Restore(journal),
                done,
                Some(SnapshotRequest::Force),
            ),
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
                next.full_write = Some(SnapshotRequest::Auto);
                if rewrite {
                    // A new revision, so the rewritten chunks get new keys and the live ones
                    // stay untouched until the new index commits.
                    next.doc = Rc::new(Document {
                        revision: self.doc.revision.saturating_add(1),
                        ..(*self.doc).clone()
                    });
                    next.dirty.extend(all_months(&next.doc, next.base.as_ref()));
                    next.registry_dirty = true;
                    next.drop_snapshots = true;
                }
                next.save_requests += 1;
                next.notice(done, false);
            }
            Msg::Undo(serial) => next.undo(serial),
            Msg::KeptRemoved(key) => {
                next.kept.retain(|k| *k != key);
                next.notice(
                    format!("Removed {} from storage.", describe_key(&key)),
                    false,
                );
            }
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
    /// Applies a core action to `before` (the state the message arrived in), keeping it as
    /// pending until saved; `snapshot` asks the next save to keep a snapshot first.
    pub(crate) fn apply(
        &mut self,
        before: &AppState,
        action: Action,
        done: String,
        snapshot: Option<SnapshotRequest>,
    ) {
        if before.read_only() {
            self.notice(
                "Nothing was changed: this tab is read-only until it is reloaded.",
                true,
            );
            return;
        }
        match before.doc.apply(&action, crate::platform::BUILD) {
            Ok(doc) => {
                let undo = undo_removal(&before.doc.payload, &action);
                match added_by(&action) {
                    Some(added) => self.added.push(added),
                    None => self
                        .dirty
                        .extend(touched_months(&before.doc.payload, &action)),
                }
                self.registry_dirty |= touches_registry(&action);
                self.pending.push(action);
                self.doc = Rc::new(doc);
                if snapshot.is_some() {
                    self.full_write = snapshot;
                }
                if let Some(actions) = undo {
                    self.undo_serial = before.undo_serial.wrapping_add(1);
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

    /// Adopts what another tab saved, replaying this tab's unsaved actions on top.
    fn take_reload(&mut self, loaded: Loaded) {
        let lock = lock_of(&loaded);
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
        self.lock = lock;
        if let Some(found) = loaded.newer {
            self.persistence = Persistence::ReadOnly(format!(
                "Another tab saved data in a newer format ({found}); reload this tab to use it."
            ));
            return;
        }
        let migrating = needs_migration_save(&loaded);
        let (mut doc, dropped) = loaded.doc.rebase(&self.pending, crate::platform::BUILD);
        if migrating {
            doc.revision = doc.revision.saturating_add(1);
        }
        if !dropped.is_empty() {
            let reasons: Vec<String> = dropped.iter().map(|(_, e)| e.to_string()).collect();
            self.notice(
                format!(
                    "Another tab changed the same records. {}",
                    reasons.join(" ")
                ),
                true,
            );
            let kept: Vec<Action> = self
                .pending
                .iter()
                .filter(|a| !dropped.iter().any(|(d, _)| d == *a))
                .cloned()
                .collect();
            self.pending = kept;
        }
        // What this reading could not read (say, once unlocked) is named like at start-up, and
        // the pieces the index names are replaced by the next save (their text was set aside).
        let named = loaded
            .index
            .as_ref()
            .map(Index::live_keys)
            .unwrap_or_default();
        for u in &loaded.unreadable {
            if !self.quarantined.iter().any(|q| q.key == u.key) {
                self.quarantined.push(Quarantined {
                    reason: u.reason.clone(),
                    key: u.key.clone(),
                    raw: Rc::from(u.raw.as_str()),
                });
            }
            if named.contains(&u.key) {
                match u.month {
                    Some(month) => {
                        self.dirty.insert(month);
                    }
                    None => self.registry_dirty = true,
                }
            }
        }
        self.doc = Rc::new(doc);
        self.base = loaded.index;
        let older = self.base.as_ref().is_some_and(|b| b.schema < 3);
        if migrating {
            self.full_write.get_or_insert(SnapshotRequest::Auto);
        }
        if (self.base.is_none() && !self.doc.payload.entries.is_empty()) || older {
            self.full_write = Some(if older {
                SnapshotRequest::Force
            } else {
                SnapshotRequest::Auto
            });
            self.dirty.extend(all_months(&self.doc, self.base.as_ref()));
            self.registry_dirty = true;
        }
        if matches!(self.persistence, Persistence::MemoryOnly(_)) && self.pending.is_empty() {
            self.persistence = Persistence::Saved;
        }
    }
}

/// True when what was loaded (and could be read) is in an older layout that the next save must
/// rewrite whole: schema 2 chunks become compact rows.
fn needs_layout_rewrite(loaded: &Loaded) -> bool {
    needs_migration_save(loaded) && loaded.index.as_ref().is_some_and(|i| i.schema < 3)
}

/// True when what was loaded (and could be read) has an index from before schema 4, which the
/// next save writes as schema 4's head and catalog (schema 3 chunks stay as they are), or an
/// index rebuilt from the pieces found, which is written at once the same way.
fn needs_migration_save(loaded: &Loaded) -> bool {
    loaded.locked.is_none()
        && loaded.newer.is_none()
        && loaded.index.as_ref().is_some_and(|i| {
            i.schema < SCHEMA_VERSION || i.catalog.is_none() || loaded.rebuilt.is_some()
        })
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
