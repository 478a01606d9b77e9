//! The save ledger: what this tab changed that storage has not accepted yet, and how the next
//! save is planned from it.
//!
//! Every change goes through [`Ledger::apply`], which runs the journal's rules and notes what the
//! next save must write: the months touched, the records only added (they wait in the recent
//! chunk), whether the registry changed, and which snapshot to keep. The actions themselves are
//! kept until saved, so that when another tab saved first they can be replayed on top of its data
//! ([`Ledger::reload`]) instead of overwriting it. [`Ledger::save`] plans and carries out a save
//! against any [`KeyStore`], undoing its own writes if one fails, and [`Ledger::saved`] takes the
//! outcome back. The shell holds one ledger and only supplies storage, the clock and the cipher.

mod boot;
mod reload;
mod run;

pub use run::{KeyStore, SaveContext, SaveDone, SaveError};

use super::save::SnapshotRequest;
use super::touch::{added_by, all_months, touched_months, touches_registry};
use super::{Added, Index};
use crate::document::Document;
use crate::journal::{Action, ActionError, Journal};
use crate::month::Month;
use std::collections::BTreeSet;
use std::rc::Rc;

/// The document this tab shows and what of it is not yet saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger {
    /// The records with their envelope. Shared, so that copying a ledger (the shell copies its
    /// state for each message) costs nothing however long the history.
    doc: Rc<Document>,
    /// The index last read or written: what the next save builds on.
    base: Option<Index>,
    /// Actions applied here but not yet saved.
    pending: Vec<Action>,
    /// Months those actions touched, or that must be written again for another reason.
    dirty: BTreeSet<Month>,
    /// Records those actions only added: the next save keeps them in the recent chunk.
    added: Vec<Added>,
    /// Whether the registry (organisations, cases, targets, instruments) must be written.
    registry_dirty: bool,
    /// Set when the next save must keep this snapshot (and, with `dirty`, rewrite what it says).
    full_write: Option<SnapshotRequest>,
    /// The next save forgets all snapshots (the lock was turned on or off).
    drop_snapshots: bool,
    /// Bumped when a save is needed for a reason other than a new revision.
    requests: u64,
}

impl Ledger {
    /// A ledger with nothing saved yet and nothing to save.
    pub fn new(doc: Document) -> Ledger {
        Ledger {
            doc: Rc::new(doc),
            base: None,
            pending: Vec::new(),
            dirty: BTreeSet::new(),
            added: Vec::new(),
            registry_dirty: false,
            full_write: None,
            drop_snapshots: false,
            requests: 0,
        }
    }

    /// The document as this tab has it, saved or not.
    pub fn doc(&self) -> &Rc<Document> {
        &self.doc
    }

    /// The index last read or written, if any.
    pub fn base(&self) -> Option<&Index> {
        self.base.as_ref()
    }

    /// Actions applied but not yet saved.
    pub fn pending(&self) -> &[Action] {
        &self.pending
    }

    /// True when there are changes or rewrites storage has not accepted yet.
    pub fn has_unsaved(&self) -> bool {
        !self.pending.is_empty()
            || self.full_write.is_some()
            || !self.dirty.is_empty()
            || self.registry_dirty
    }

    /// What a save effect should watch: it changes whenever a save may have become due.
    pub fn due(&self) -> (u64, Option<u64>, u64, bool) {
        (
            self.doc.revision,
            self.base.as_ref().map(|b| b.revision),
            self.requests,
            self.full_write.is_some(),
        )
    }

    /// Applies `action` through the journal's rules and notes what the next save must write;
    /// `snapshot` asks that save to keep one first. On refusal nothing changes.
    pub fn apply(
        &mut self,
        action: Action,
        build: &str,
        snapshot: Option<SnapshotRequest>,
    ) -> Result<(), ActionError> {
        let doc = self.doc.apply(&action, build)?;
        match added_by(&action) {
            Some(added) => self.added.push(added),
            None => self
                .dirty
                .extend(touched_months(&self.doc.payload, &action)),
        }
        self.registry_dirty |= touches_registry(&action);
        self.pending.push(action);
        self.doc = Rc::new(doc);
        if snapshot.is_some() {
            self.full_write = snapshot;
        }
        Ok(())
    }

    /// Goes back to an earlier state, keeping the current one as a snapshot first: the same rule
    /// as any action, so another tab's newer data is kept in that snapshot too.
    pub fn replace_all(&mut self, earlier: Journal, build: &str) -> Result<(), ActionError> {
        self.apply(
            Action::ReplaceAll(earlier),
            build,
            Some(SnapshotRequest::Force),
        )
    }

    /// The lock was turned on, changed or turned off. With `rewrite`, every month is written
    /// again (sealed or plain) under a new revision, so the live pieces stay untouched until the
    /// new index commits, and every snapshot (which holds the other form) is forgotten.
    pub fn lock_changed(&mut self, rewrite: bool) {
        self.full_write = Some(SnapshotRequest::Auto);
        if rewrite {
            self.doc = Rc::new(Document {
                revision: self.doc.revision.saturating_add(1),
                ..(*self.doc).clone()
            });
            self.dirty.extend(all_months(&self.doc, self.base.as_ref()));
            self.registry_dirty = true;
            self.drop_snapshots = true;
        }
        self.requests = self.requests.wrapping_add(1);
    }

    /// Takes a finished save back: the actions it carried are no longer pending, and its index
    /// is what the next save builds on.
    pub fn saved(&mut self, done: &SaveDone) {
        self.pending.drain(..done.actions.min(self.pending.len()));
        if self.pending.is_empty() {
            self.dirty.clear();
            self.added.clear();
            self.registry_dirty = false;
        }
        self.full_write = None;
        self.drop_snapshots = false;
        self.base = Some(done.index.clone());
    }
}
