//! The weeks of a licensure log: what each holds, whether its hours count, and why not.
//!
//! A week is judged on its own (rules 2 to 4 of [`super::licensure`]): with a qualifying-week
//! rule it counts only with enough individual or group supervision, the current week waits rather
//! than fails, and each category's hours are multiplied by `counts_as` and then held to its weekly
//! cap.

use super::definition::{LicensureLog, QualifyingWeek};
use crate::units::duration::format_minutes;
use chrono::{Days, NaiveDate};
use std::fmt;

fn show(minutes: u64) -> String {
    format_minutes(u32::try_from(minutes).unwrap_or(u32::MAX))
}

/// Whether a week's hours count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekStatus {
    /// They count.
    Counts,
    /// They did not count: the week ended without enough supervision.
    NotEnoughSupervision {
        /// Individual supervision in the week.
        individual_minutes: u64,
        /// Group supervision in the week.
        group_minutes: u64,
        /// What the log asks for.
        rule: QualifyingWeek,
    },
    /// The current week: its hours count once it holds enough supervision.
    Waiting {
        /// Individual supervision so far.
        individual_minutes: u64,
        /// Group supervision so far.
        group_minutes: u64,
        /// What the log asks for.
        rule: QualifyingWeek,
    },
}

impl fmt::Display for WeekStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (individual, group, rule, lead) = match self {
            WeekStatus::Counts => return f.write_str("counts"),
            WeekStatus::NotEnoughSupervision {
                individual_minutes,
                group_minutes,
                rule,
            } => (individual_minutes, group_minutes, rule, "did not count"),
            WeekStatus::Waiting {
                individual_minutes,
                group_minutes,
                rule,
            } => (
                individual_minutes,
                group_minutes,
                rule,
                "counts once it has enough supervision",
            ),
        };
        let needed = match rule.group_minutes {
            Some(g) => format!(
                "{} individual or {} group",
                show(rule.individual_minutes.into()),
                show(g.into())
            ),
            None => format!("{} individual", show(rule.individual_minutes.into())),
        };
        write!(
            f,
            "{lead}: {} individual and {} group supervision, and a week needs {needed}",
            show(*individual),
            show(*group)
        )
    }
}

/// One week of the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogWeek {
    /// Its first day.
    pub first: NaiveDate,
    /// Its last day.
    pub last: NaiveDate,
    /// Minutes logged in each category (in the log's order).
    pub logged: Vec<u64>,
    /// Minutes counted in each category after `counts_as` and the weekly cap (0 when the week
    /// does not count); the overall caps come later.
    pub counted: Vec<u64>,
    /// Minutes each category's weekly cap took away.
    pub weekly_capped: Vec<u64>,
    /// Individual supervision received.
    pub individual_supervision_minutes: u64,
    /// Group supervision received.
    pub group_supervision_minutes: u64,
    /// Whether its hours count.
    pub status: WeekStatus,
}

pub(super) struct WeekSums {
    pub logged: Vec<u64>,
    pub individual: u64,
    pub group: u64,
}

pub(super) fn judge_week(
    log: &LicensureLog,
    first: NaiveDate,
    s: WeekSums,
    current: bool,
) -> LogWeek {
    let status = match log.qualifying_week {
        Some(rule)
            if s.individual < u64::from(rule.individual_minutes)
                && rule.group_minutes.is_none_or(|g| s.group < u64::from(g)) =>
        {
            let (individual_minutes, group_minutes) = (s.individual, s.group);
            if current {
                WeekStatus::Waiting {
                    individual_minutes,
                    group_minutes,
                    rule,
                }
            } else {
                WeekStatus::NotEnoughSupervision {
                    individual_minutes,
                    group_minutes,
                    rule,
                }
            }
        }
        _ => WeekStatus::Counts,
    };
    let counts = status == WeekStatus::Counts;
    let mut counted = Vec::with_capacity(s.logged.len());
    let mut weekly_capped = Vec::with_capacity(s.logged.len());
    for (category, logged) in log.categories.iter().zip(&s.logged) {
        let weighted = if counts {
            logged.saturating_mul(u64::from(category.counts_as))
        } else {
            0
        };
        let kept = category
            .weekly_cap_minutes
            .map_or(weighted, |cap| weighted.min(u64::from(cap)));
        counted.push(kept);
        weekly_capped.push(weighted - kept);
    }
    LogWeek {
        first,
        last: first.checked_add_days(Days::new(6)).unwrap_or(first),
        logged: s.logged,
        counted,
        weekly_capped,
        individual_supervision_minutes: s.individual,
        group_supervision_minutes: s.group,
        status,
    }
}
