//! Self-checks: instruments as data, their generic scoring, the results a clinician keeps, when
//! each check is due, and the signals the risk model reads.
//!
//! Tend ships two instruments, its own weekly pulse and the scoring of ProQOL 5
//! ([`builtin`]); a clinician can import another from a JSON file ([`import`]). Every
//! instrument is an [`Instrument`] value scored by the same code ([`score`]). Results are dated
//! records in the journal ([`CheckResult`]); imported definitions live beside organisations and
//! cases. Like the rest of the core, nothing here reads the clock: dates come in with actions.
//! `docs/self-checks.md` describes the instruments, the scoring and the file format.

pub mod builtin;
pub mod cadence;
pub mod error;
pub mod import;
pub mod instrument;
pub mod record;
pub mod score;
pub mod signals;
mod validate;

pub use builtin::{builtins, proqol, pulse, PROQOL_ID, PULSE_ID};
pub use cadence::{due_on, Due};
pub use error::CheckError;
pub use import::{read_instrument, MAX_INSTRUMENT_BYTES};
pub use instrument::{Band, Direction, Instrument, Scale, Score, Scoring, Subscale};
pub use record::{CheckId, CheckResult};
pub use score::{AnswerError, SubscaleScore};
pub use signals::{signals_for_week, CheckSignals, ProqolScores};

use crate::journal::Journal;

/// Every instrument the journal can score: the built-in ones, then those imported.
pub fn all_instruments(journal: &Journal) -> Vec<Instrument> {
    let mut all = builtins();
    all.extend(journal.instruments.iter().cloned());
    all
}

/// The instrument with this id, built in or imported.
pub fn find_instrument(journal: &Journal, id: &str) -> Option<Instrument> {
    builtins()
        .into_iter()
        .find(|i| i.id == id)
        .or_else(|| journal.instruments.iter().find(|i| i.id == id).cloned())
}

/// A result with its instrument's scores, for views and exports. `None` when the instrument is
/// unknown or the answers do not fit it (which the reducer does not let happen).
pub fn scored(journal: &Journal, result: &CheckResult) -> Option<(Instrument, Vec<SubscaleScore>)> {
    let instrument = find_instrument(journal, &result.instrument)?;
    let scores = instrument.score(&result.answers).ok()?;
    Some((instrument, scores))
}
