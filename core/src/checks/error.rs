//! Why a change to the self-check records was refused: the error the journal's rules for results
//! and instruments (`journal/checks.rs`) return, kept with the records it speaks of.

use super::record::CheckId;
use super::score::AnswerError;
use std::fmt;

/// Why a self-check change was refused. The journal is unchanged when one is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckError {
    /// No built-in or imported instrument has this id.
    UnknownInstrument(String),
    /// The answers do not fit the instrument.
    Answers(AnswerError),
    /// A result with this id is already stored.
    DuplicateId(CheckId),
    /// No result has this id.
    UnknownCheck(CheckId),
    /// The definition is not valid; every problem is listed.
    Invalid(Vec<String>),
    /// An instrument with this id already exists (built in or imported).
    InstrumentExists(String),
    /// Built-in instruments cannot be removed.
    BuiltIn(String),
    /// Results still use the instrument.
    InstrumentInUse {
        /// The instrument's name.
        name: String,
        /// How many results use it.
        results: usize,
    },
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::UnknownInstrument(id) => write!(
                f,
                "Tend does not know the instrument \"{id}\"; import its definition first."
            ),
            CheckError::Answers(e) => e.fmt(f),
            CheckError::DuplicateId(id) => write!(f, "A self-check with id {id} is already saved."),
            CheckError::UnknownCheck(_) => {
                f.write_str("That self-check is no longer there; it may have been deleted already.")
            }
            CheckError::Invalid(problems) => {
                write!(f, "The instrument cannot be used: {}", problems.join(" "))
            }
            CheckError::InstrumentExists(id) => write!(
                f,
                "An instrument with the id \"{id}\" is already in Tend. To replace it, remove the \
                 old one first (only possible while it has no results), or give the new one \
                 another id."
            ),
            CheckError::BuiltIn(name) => write!(f, "{name} is built into Tend and stays."),
            CheckError::InstrumentInUse { name, results } => write!(
                f,
                "{name} has {results} saved result{}; delete {} first to remove the instrument.",
                if *results == 1 { "" } else { "s" },
                if *results == 1 { "it" } else { "them" }
            ),
        }
    }
}
