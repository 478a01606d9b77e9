//! Self-checks: instruments as data, their generic scoring and the results a clinician keeps.
//! Reading them back from the journal (which are due, a result's scores) is in
//! [`crate::selectors::checks`]; what they say to the risk model is in `risk::week_signals`.
//!
//! Tend ships two instruments, its own weekly pulse and the scoring of ProQOL 5
//! ([`builtin`]); a clinician can import another from a JSON file ([`import`]). Every
//! instrument is an [`Instrument`] value scored by the same code ([`score`]). Results are dated
//! records in the journal ([`CheckResult`]); imported definitions live beside organisations and
//! cases. Like the rest of the core, nothing here reads the clock: dates come in with actions.
//! `docs/self-checks.md` describes the instruments, the scoring and the file format.

pub mod builtin;
pub mod error;
pub mod import;
pub mod instrument;
pub mod record;
pub mod score;
mod validate;

pub use builtin::{builtins, proqol, pulse, PROQOL_ID, PULSE_ID};
pub use error::CheckError;
pub use import::{read_instrument, MAX_INSTRUMENT_BYTES};
pub use instrument::{Band, Direction, Instrument, Scale, Score, Scoring, Subscale};
pub use record::{CheckId, CheckResult};
pub use score::{AnswerError, SubscaleScore};

/// The instrument with this id among the built-in ones and `imported`.
pub fn find_in(imported: &[Instrument], id: &str) -> Option<Instrument> {
    builtins()
        .into_iter()
        .find(|i| i.id == id)
        .or_else(|| imported.iter().find(|i| i.id == id).cloned())
}
