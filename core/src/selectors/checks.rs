//! The self-checks as the journal holds them: every instrument it can score, a result with its
//! scores, and which checks are due on a day (the pulse a week after the last one, ProQOL 5
//! thirty days after, an imported instrument after its own cadence). A check never taken is due
//! at once; an instrument with a cadence of 0 is never due (it is taken when wanted).

use crate::checks::{builtins, find_in, CheckResult, Instrument, SubscaleScore};
use crate::journal::Journal;
use chrono::NaiveDate;

/// Every instrument the journal can score: the built-in ones, then those imported.
pub fn all_instruments(journal: &Journal) -> Vec<Instrument> {
    let mut all = builtins();
    all.extend(journal.instruments.iter().cloned());
    all
}

/// The instrument with this id, built in or imported.
pub fn find_instrument(journal: &Journal, id: &str) -> Option<Instrument> {
    find_in(&journal.instruments, id)
}

/// A result with its instrument's scores, for views and exports. `None` when the instrument is
/// unknown or the answers do not fit it (which the reducer does not let happen).
pub fn scored(journal: &Journal, result: &CheckResult) -> Option<(Instrument, Vec<SubscaleScore>)> {
    let instrument = find_instrument(journal, &result.instrument)?;
    let scores = instrument.score(&result.answers).ok()?;
    Some((instrument, scores))
}

/// A self-check that is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    /// The instrument's id.
    pub id: String,
    /// The instrument's name.
    pub name: String,
    /// When it was last taken, on or before the day asked about.
    pub last: Option<NaiveDate>,
}

/// The day each instrument was last taken on or before `date`.
pub fn last_taken(journal: &Journal, instrument: &str, date: NaiveDate) -> Option<NaiveDate> {
    journal
        .checks
        .iter()
        .filter(|c| c.instrument == instrument && c.date <= date)
        .map(|c| c.date)
        .max()
}

fn is_due(journal: &Journal, instrument: &Instrument, date: NaiveDate) -> Option<Due> {
    if instrument.cadence_days == 0 {
        return None;
    }
    let last = last_taken(journal, &instrument.id, date);
    let due =
        last.is_none_or(|last| (date - last).num_days() >= i64::from(instrument.cadence_days));
    due.then(|| Due {
        id: instrument.id.clone(),
        name: instrument.name.clone(),
        last,
    })
}

/// The self-checks due on `date`, built-in ones first.
pub fn due_on(journal: &Journal, date: NaiveDate) -> Vec<Due> {
    all_instruments(journal)
        .iter()
        .filter_map(|i| is_due(journal, i, date))
        .collect()
}
