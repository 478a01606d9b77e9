//! The offer to undo a removal (or a one-tap entry), as the store keeps it, and taking it up: the
//! removed records are re-added (the added one removed) through the same reducer as any other
//! change, all or nothing.

use crate::store::AppState;
use tend_core::Action;

/// A removal that can still be undone: what was said about it and how to put it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    /// The confirmation of the removal, such as "Deleted 50 min direct session."
    pub text: String,
    /// Actions that re-add exactly what was removed (see `tend_core::undo`).
    pub actions: Vec<Action>,
    /// Tells one offer from the next, so an old timer never withdraws a newer offer.
    pub serial: u64,
}

impl AppState {
    /// Applies `action` and, if it was taken, offers `undo` for it under the same confirmation.
    pub(crate) fn apply_undoable(&mut self, action: Action, done: String, undo: Vec<Action>) {
        let before = self.doc().revision;
        self.apply(action, done.clone(), None);
        if self.doc().revision != before {
            self.undo_serial = self.undo_serial.wrapping_add(1);
            self.undo = Some(Undo {
                text: done,
                actions: undo,
                serial: self.undo_serial,
            });
        }
    }

    /// Re-adds what the offered removal took away, all or nothing.
    pub(crate) fn undo(&mut self, serial: u64) {
        let Some(offer) = self.undo.take().filter(|u| u.serial == serial) else {
            return;
        };
        let mut trial = self.clone();
        for action in offer.actions {
            trial.apply(action, String::new(), None);
            if let Some(problem) = trial.notice.as_ref().filter(|n| n.is_error) {
                let why = problem.text.clone();
                self.notice(format!("That could not be undone: {why}"), true);
                return;
            }
        }
        *self = trial;
        self.undo = None;
        self.notice("Undone: it is back as it was.", false);
    }
}
