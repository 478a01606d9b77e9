//! Selector: Today at a glance, the few figures a clinician checks between sessions: this
//! week's hours against the sustainable target, today's pauses against the target, days since a
//! full day off, the next planned break and the self-checks due.
//!
//! Each figure comes from the selector that owns it ([`super::hours::hours_from`],
//! [`super::rest::days_since_full_day_off`], [`super::checks::due_on`]); the risk band is the
//! risk model's and is added by the shell, since selectors do not read the risk model. Pauses
//! today are counted as [`super::rest`] counts them (micro-breaks, meal breaks and self-care
//! logged on the day), whether or not work is logged yet. The next planned break is the first
//! one in the plan that starts after `now`, looking at most a week ahead.

use super::checks::{due_on, Due};
use super::hours::hours_from;
use super::rest::days_since_full_day_off;
use crate::journal::Journal;
use crate::tracking::plan::{BreakPlan, Occurrence};
use chrono::{Days, NaiveDate, NaiveDateTime};

/// The figures of Today at a glance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glance {
    /// Minutes logged in the week shown on Today.
    pub week_minutes: u32,
    /// The sustainable weekly target, in minutes.
    pub target_minutes: u32,
    /// Pauses logged today.
    pub breaks_today: u32,
    /// Pauses aimed for on a working day.
    pub breaks_target: u32,
    /// Days since the last full day off (`None` when nothing tells).
    pub days_since_day_off: Option<u32>,
    /// The next planned break after now, within a week.
    pub next_break: Option<Occurrence>,
    /// The self-checks due today.
    pub due: Vec<Due>,
}

/// Today at a glance as of `now`, for the week that starts on `week_first` (the locale's first
/// day of the week holding today).
pub fn glance(
    journal: &Journal,
    plan: &BreakPlan,
    now: NaiveDateTime,
    week_first: NaiveDate,
) -> Glance {
    let today = now.date();
    let week = hours_from(journal, week_first);
    Glance {
        week_minutes: week.total_minutes(),
        target_minutes: week.target_minutes,
        breaks_today: journal
            .breaks
            .dated(today, today)
            .filter(|b| b.kind.is_pause())
            .count() as u32,
        breaks_target: journal.targets.breaks_per_day,
        days_since_day_off: days_since_full_day_off(journal, today),
        next_break: next_planned(plan, now),
        due: due_on(journal, today),
    }
}

/// The first planned break starting after `now`, from today to the same weekday a week on.
pub fn next_planned(plan: &BreakPlan, now: NaiveDateTime) -> Option<Occurrence> {
    (0..=7u64)
        .filter_map(|d| now.date().checked_add_days(Days::new(d)))
        .flat_map(|date| {
            plan.breaks
                .iter()
                .filter(move |b| b.weekday == chrono::Datelike::weekday(&date))
                .map(move |b| Occurrence {
                    at: date.and_time(b.at),
                    planned: *b,
                })
        })
        .filter(|o| o.at > now)
        .min_by_key(|o| o.at)
}
