//! What the self-checks say about one week, in the shape the risk model reads: the pulse's strain
//! and satisfaction (0-100) and the latest ProQOL 5 raw sums. Self-checks are the strongest
//! signals the model has, so this reading states exactly which result counts for a week.

use super::signals::{CheckSignals, ProqolScores};
use crate::checks::builtin::{
    proqol, pulse, PROQOL_ID, PULSE_ID, PULSE_SATISFACTION, PULSE_STRAIN,
};
use crate::checks::CheckResult;
use crate::journal::Journal;
use chrono::{Days, NaiveDate};

/// How far back a pulse may be and still count for a week: that ISO week or the one before.
pub const PULSE_LOOKBACK_DAYS: u64 = 7;
/// How far back a ProQOL 5 result may be and still count for a week, from the week's last day.
pub const PROQOL_LOOKBACK_DAYS: u64 = 35;

/// The latest result of an instrument dated from `first` to `last`; on the same day, the one
/// logged later.
fn latest<'a>(
    journal: &'a Journal,
    instrument: &str,
    first: NaiveDate,
    last: NaiveDate,
) -> Option<&'a CheckResult> {
    journal
        .checks
        .iter()
        .filter(|c| c.instrument == instrument && c.date >= first && c.date <= last)
        .fold(None, |best: Option<&CheckResult>, c| match best {
            Some(b) if b.date > c.date => Some(b),
            _ => Some(c),
        })
}

/// The self-check signals for the ISO week containing `week_start` (any day of it may be given).
pub fn signals_for_week(journal: &Journal, week_start: NaiveDate) -> CheckSignals {
    let monday = crate::selectors::week::week_start(week_start);
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    let from = |days: u64| sunday.checked_sub_days(Days::new(days)).unwrap_or(sunday);
    let mut signals = CheckSignals::default();
    let pulse_from = monday
        .checked_sub_days(Days::new(PULSE_LOOKBACK_DAYS))
        .unwrap_or(monday);
    if let Some(result) = latest(journal, PULSE_ID, pulse_from, sunday) {
        if let Ok(scores) = pulse().score(&result.answers) {
            let value = |id: &str| scores.iter().find(|s| s.id == id).map(|s| s.score.value());
            signals.pulse_strain = value(PULSE_STRAIN);
            signals.pulse_satisfaction = value(PULSE_SATISFACTION);
        }
    }
    if let Some(result) = latest(journal, PROQOL_ID, from(PROQOL_LOOKBACK_DAYS - 1), sunday) {
        if let Ok(scores) = proqol().score(&result.answers) {
            let sum = |id: &str| {
                scores
                    .iter()
                    .find(|s| s.id == id)
                    .map_or(0, |s| u8::try_from(s.score.0 / 1000).unwrap_or(0))
            };
            signals.proqol = Some(ProqolScores {
                cs: sum("cs"),
                bo: sum("bo"),
                sts: sum("sts"),
            });
        }
    }
    signals
}
