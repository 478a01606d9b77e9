//! The app's single store: the core document plus what the shell must remember about saving.
//!
//! Views send [`Msg`]s; core actions go through `Document::apply`, so every rule lives in the
//! core. The store never touches the browser itself: the root component's effect saves each new
//! revision through `platform` and reports the outcome back as [`Msg::Saved`].

use crate::platform::{self, Loaded, Persistence, SaveError};
use std::rc::Rc;
use tend_core::{Action, Document};
use yew::prelude::*;

/// A message shown near the form or at the top of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The plain-language text.
    pub text: String,
    /// True for problems, false for confirmations.
    pub is_error: bool,
}

/// Everything the views render from.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The clinician's records with their envelope.
    pub doc: Document,
    /// The revision last written to (or read from) storage.
    pub saved_revision: u64,
    /// Whether changes are being saved.
    pub persistence: Persistence,
    /// A problem found in the stored data at start-up, shown as a banner.
    pub load_problem: Option<String>,
    /// The outcome of the last action, shown by the form.
    pub notice: Option<Notice>,
    /// Unreadable stored text set aside at start-up, offered for download.
    pub quarantined: Option<Rc<str>>,
}

/// What the views and the save effect can ask of the store.
pub enum Msg {
    /// Apply a core action; `done` is the confirmation shown if it succeeds.
    Apply { action: Action, done: String },
    /// The save effect's outcome for `revision`.
    Saved {
        revision: u64,
        result: Result<(), SaveError>,
    },
}

impl AppState {
    /// The state at start-up, from whatever storage holds.
    pub fn from_loaded(loaded: Loaded) -> AppState {
        AppState {
            saved_revision: loaded.doc.revision,
            doc: loaded.doc,
            persistence: loaded.persistence,
            load_problem: loaded.problem,
            notice: None,
            quarantined: loaded.quarantined.map(Rc::from),
        }
    }

    /// The state at start-up, read from browser storage.
    pub fn load() -> AppState {
        AppState::from_loaded(platform::load())
    }

    /// True when the document has changes storage has not yet accepted and may be written.
    /// After a failed save every later change tries again, so freeing space recovers.
    pub fn needs_save(&self) -> bool {
        !self.read_only() && self.doc.revision != self.saved_revision
    }

    /// True when changes are refused to protect data written by a newer Tend.
    pub fn read_only(&self) -> bool {
        matches!(self.persistence, Persistence::ReadOnly(_))
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Apply { action, done } => {
                if self.read_only() {
                    next.notice = Some(Notice {
                        text: "Nothing was changed: this tab is read-only until it is reloaded."
                            .into(),
                        is_error: true,
                    });
                } else {
                    match self.doc.apply(&action, platform::BUILD) {
                        Ok(doc) => {
                            next.doc = doc;
                            next.notice = Some(Notice {
                                text: done,
                                is_error: false,
                            });
                        }
                        Err(e) => {
                            next.notice = Some(Notice {
                                text: e.to_string(),
                                is_error: true,
                            })
                        }
                    }
                }
            }
            Msg::Saved { revision, result } => match result {
                Ok(()) => {
                    next.saved_revision = revision;
                    next.persistence = Persistence::Saved;
                }
                Err(err @ SaveError::Stale { .. }) => {
                    next.persistence = Persistence::ReadOnly(err.message())
                }
                Err(err) => next.persistence = Persistence::MemoryOnly(err.message()),
            },
        }
        Rc::new(next)
    }
}

/// The store handle shared with every view through a context.
pub type Store = UseReducerHandle<AppState>;
