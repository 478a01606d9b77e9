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
pub mod whatif;

pub use factors::Factor;
pub use history::{risk_history, RiskWeek};
pub use inputs::WeekInputs;
pub use insights::{insights, Insight, Insights};
pub use score::{score, Band, Part, Score};
pub use signals::{CheckSignals, ProqolScores};
pub use whatif::{project, Projected, WhatIf};

use chrono::{Days, NaiveDate};

/// The days from `first` to `last` inclusive (at most about ten years).
pub(crate) fn days_between(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let count = u64::try_from((last - first).num_days() + 1)
        .unwrap_or(0)
        .min(crate::tracking::selectors::MAX_DAYS);
    (0..count).map_while(move |i| first.checked_add_days(Days::new(i)))
}

/// The latest week with a score, if any.
pub fn latest_scored(history: &[RiskWeek]) -> Option<&RiskWeek> {
    history.iter().rev().find(|w| w.score.is_some())
}
