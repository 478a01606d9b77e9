//! Following another tab: adopting what it saved and replaying this tab's unsaved actions on top,
//! so that neither tab's changes are lost.

use super::boot::needs_migration_save;
use super::Ledger;
use crate::document::Document;
use crate::journal::{Action, ActionError};
use crate::storage::save::SnapshotRequest;
use crate::storage::touch::all_months;
use crate::storage::{Index, Loaded};
use std::rc::Rc;

impl Ledger {
    /// Adopts what storage now holds (another tab saved, or the data was just unlocked) and
    /// replays the pending actions on top. Actions that no longer apply (say, deleting an entry
    /// the other tab already deleted) are dropped and returned with the reason. Takes the
    /// document and index out of `loaded`; the caller must not call this when `loaded.newer` is
    /// set (data of a newer format is never written over).
    pub fn reload(&mut self, loaded: &mut Loaded, build: &str) -> Vec<(Action, ActionError)> {
        let index = loaded.index.take();
        let migrating = needs_migration_save(loaded, index.as_ref());
        let stored = std::mem::replace(&mut loaded.doc, Document::new(""));
        let (mut doc, dropped) = stored.rebase(&self.pending, build);
        if migrating {
            doc.revision = doc.revision.saturating_add(1);
        }
        self.pending
            .retain(|a| !dropped.iter().any(|(gone, _)| gone == a));
        // What this reading could not read (say, once unlocked) and the index names is replaced
        // by the next save; its text was set aside by the caller.
        let named = index.as_ref().map(Index::live_keys).unwrap_or_default();
        for u in loaded.unreadable.iter().filter(|u| named.contains(&u.key)) {
            match u.month {
                Some(month) => {
                    self.dirty.insert(month);
                }
                None => self.registry_dirty = true,
            }
        }
        self.doc = Rc::new(doc);
        self.base = index;
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
        dropped
    }
}
