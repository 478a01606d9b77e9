//! The compassion-fatigue risk model: an explainable index from 0 to 100 for every ISO week.
//!
//! Tend is a self-check, not a diagnosis. The index adds up points from factors that research
//! links to burnout and secondary traumatic stress (hours and overtime against the clinician's
//! own target, caseload against capacity, trauma-focused work, breaks, time since a day off and a
//! vacation, self-check results) and takes points off for protective ones (supervision and peer
//! support, satisfaction in the work). Every point can be traced to a factor, its reason in plain
//! words and its source; `docs/risk-model.md` lists them all. Like the rest of the core, this is
//! pure: "today" and the self-check results come in from the caller.

pub mod explain;
pub mod factors;
pub mod history;
pub mod inputs;
pub mod insights;
pub mod score;
pub mod signals;
pub mod week_signals;
pub mod whatif;

pub use factors::Factor;
pub use history::{latest_risk, risk_history, RiskWeek};
pub use inputs::WeekInputs;
pub use insights::{insights, Insight, Insights};
pub use score::{score, Band, Part, Score};
pub use signals::{CheckSignals, ProqolScores};
pub use week_signals::signals_for_week;
pub use whatif::{project, Projected, WhatIf};

use chrono::{Days, NaiveDate};

/// The days from `first` to `last` inclusive (at most about ten years).
pub(crate) fn days_between(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let count = u64::try_from((last - first).num_days() + 1)
        .unwrap_or(0)
        .min(crate::selectors::MAX_DAYS);
    (0..count).map_while(move |i| first.checked_add_days(Days::new(i)))
}

/// True when a week calls for the calm "look after yourself" card: its index is in the high
/// band, or its ProQOL Burnout or Secondary Traumatic Stress is in the ProQOL high band.
pub fn calls_for_care(week: &RiskWeek) -> bool {
    let high_index = week.score.as_ref().is_some_and(|s| s.band == Band::High);
    let high_proqol = week
        .inputs
        .signals
        .proqol
        .is_some_and(|p| p.bo >= signals::PROQOL_HIGH_MIN || p.sts >= signals::PROQOL_HIGH_MIN);
    high_index || high_proqol
}

/// The latest week with a score, if any.
pub fn latest_scored(history: &[RiskWeek]) -> Option<&RiskWeek> {
    history.iter().rev().find(|w| w.score.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(strain: Option<f64>, proqol: Option<ProqolScores>) -> RiskWeek {
        let inputs = WeekInputs {
            days_since_vacation: 200,
            days_since_day_off: 60,
            signals: CheckSignals {
                pulse_strain: strain,
                proqol,
                ..CheckSignals::default()
            },
            ..WeekInputs::default()
        };
        RiskWeek {
            monday: NaiveDate::from_ymd_opt(2026, 11, 16).unwrap_or_default(),
            inputs,
            score: Some(score(&inputs)),
        }
    }

    #[test]
    fn the_care_card_follows_the_highest_bands() {
        let proqol = |bo, sts| Some(ProqolScores { cs: 30, bo, sts });
        // 9 + 7 points from the clocks, 30 × 0.9 from the pulse: 43, elevated.
        assert!(!calls_for_care(&week(Some(90.0), None)));
        // With BO 41 (19 of 20 points) and CS 30 (2.4 taken off) as well: 60, high.
        assert!(calls_for_care(&week(Some(90.0), proqol(41, 30))));
        // STS in the ProQOL high band is enough on its own, even with a lower index.
        assert!(calls_for_care(&week(None, proqol(25, 42))));
        assert!(!calls_for_care(&week(None, proqol(41, 41))));
    }
}
