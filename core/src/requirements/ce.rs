//! Evaluating a continuing-education cycle: which activities fall in the current cycle, the hours
//! counted in all and in each required category, and whether the due date is near or past.
//!
//! The cycle is the `months` months ending on the due date: from the day after the same date
//! `months` earlier (a cycle due 2027-06-30 over 24 months runs from 2025-07-01), so a cycle
//! crosses calendar years freely. Without a due date, it is the `months` months ending today. An
//! activity counts in a required category when its category equals the category's id (ignoring
//! case and surrounding spaces); every counted activity also counts towards the total.

use super::definition::CeCycle;
use super::due::{DueAbout, DueItem};
use super::input::CeActivity;
use chrono::{Days, Months, NaiveDate};
use std::fmt;

/// Why an activity does not count in the current cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CeExclusion {
    /// It is dated before the cycle began.
    BeforeCycle,
    /// It is dated after the due date, so it belongs to the next cycle.
    AfterDue,
    /// It is dated after today.
    AfterToday,
}

impl fmt::Display for CeExclusion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CeExclusion::BeforeCycle => "before this cycle began",
            CeExclusion::AfterDue => "after this cycle's due date (it counts in the next one)",
            CeExclusion::AfterToday => "dated after today",
        })
    }
}

/// How the cycle stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CeStatus {
    /// Every hour needed is done.
    Complete,
    /// Unfinished, with the due date more than the warning's days away.
    Open {
        /// Days until the due date.
        days_left: i64,
    },
    /// Unfinished, with the due date within the warning's days.
    DueSoon {
        /// Days until the due date (0 on the day itself).
        days_left: i64,
    },
    /// Unfinished, with the due date passed.
    Overdue {
        /// Days since the due date.
        days_past: i64,
    },
    /// Unfinished; the set gives no due date, so the cycle is the months ending today.
    NoDueDate,
}

/// A required category, evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CeCategoryProgress {
    /// The category's id.
    pub category: String,
    /// The category's name.
    pub name: String,
    /// What the cycle requires in it.
    pub required_minutes: u64,
    /// What was completed in it this cycle.
    pub counted_minutes: u64,
    /// What is still missing.
    pub missing_minutes: u64,
}

/// A CE cycle, evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CeProgress {
    /// The cycle's first day.
    pub first: NaiveDate,
    /// The cycle's last day: the due date, or today without one.
    pub last: NaiveDate,
    /// The due date, if the set gives one.
    pub due: Option<NaiveDate>,
    /// The hours the cycle requires, in minutes.
    pub required_minutes: u64,
    /// What was completed this cycle.
    pub counted_minutes: u64,
    /// What is still missing from the total.
    pub missing_minutes: u64,
    /// Each required category.
    pub categories: Vec<CeCategoryProgress>,
    /// The indices (in the activities given) of those counted.
    pub counted: Vec<usize>,
    /// The indices of those not counted, with why.
    pub not_counted: Vec<(usize, CeExclusion)>,
    /// How the cycle stands.
    pub status: CeStatus,
}

impl CeProgress {
    /// True when the total and every required category are done.
    pub fn complete(&self) -> bool {
        self.status == CeStatus::Complete
    }

    /// What is due soon or overdue: the total and each unfinished category.
    pub fn due_items(&self) -> Vec<DueItem> {
        let overdue = match self.status {
            CeStatus::DueSoon { .. } => false,
            CeStatus::Overdue { .. } => true,
            _ => return Vec::new(),
        };
        let mut out = Vec::new();
        if self.missing_minutes > 0 {
            out.push(DueItem {
                about: DueAbout::CeTotal,
                by: self.last,
                missing_minutes: self.missing_minutes,
                overdue,
            });
        }
        for c in self.categories.iter().filter(|c| c.missing_minutes > 0) {
            out.push(DueItem {
                about: DueAbout::CeCategory {
                    category: c.category.clone(),
                    name: c.name.clone(),
                },
                by: self.last,
                missing_minutes: c.missing_minutes,
                overdue,
            });
        }
        out
    }
}

/// The first day of the cycle of `months` months ending on `last`.
pub fn cycle_start(last: NaiveDate, months: u32) -> NaiveDate {
    last.checked_sub_months(Months::new(months))
        .and_then(|d| d.checked_add_days(Days::new(1)))
        .unwrap_or(NaiveDate::MIN)
}

/// Evaluates the current cycle of `cycle` against the activities, on `today`.
pub fn evaluate_ce(cycle: &CeCycle, activities: &[CeActivity], today: NaiveDate) -> CeProgress {
    let last = cycle.due.unwrap_or(today);
    let first = cycle_start(last, cycle.months);
    let mut counted = Vec::new();
    let mut not_counted = Vec::new();
    let mut total: u64 = 0;
    let mut by_category = vec![0u64; cycle.required.len()];
    for (i, activity) in activities.iter().enumerate() {
        let reason = if activity.date > today {
            Some(CeExclusion::AfterToday)
        } else if activity.date < first {
            Some(CeExclusion::BeforeCycle)
        } else if activity.date > last {
            Some(CeExclusion::AfterDue)
        } else {
            None
        };
        if let Some(reason) = reason {
            not_counted.push((i, reason));
            continue;
        }
        counted.push(i);
        let minutes = u64::from(activity.minutes);
        total = total.saturating_add(minutes);
        let category = activity.category.trim();
        for (slot, required) in by_category.iter_mut().zip(&cycle.required) {
            if category.eq_ignore_ascii_case(&required.category) {
                *slot = slot.saturating_add(minutes);
            }
        }
    }
    let categories: Vec<CeCategoryProgress> = cycle
        .required
        .iter()
        .zip(by_category)
        .map(|(required, done)| CeCategoryProgress {
            category: required.category.clone(),
            name: required.name.clone(),
            required_minutes: u64::from(required.minutes),
            counted_minutes: done,
            missing_minutes: u64::from(required.minutes).saturating_sub(done),
        })
        .collect();
    let missing = u64::from(cycle.minutes).saturating_sub(total);
    let complete = missing == 0 && categories.iter().all(|c| c.missing_minutes == 0);
    let status = match cycle.due {
        _ if complete => CeStatus::Complete,
        None => CeStatus::NoDueDate,
        Some(due) => {
            let days_left = (due - today).num_days();
            if days_left < 0 {
                CeStatus::Overdue {
                    days_past: -days_left,
                }
            } else if days_left <= i64::from(cycle.warn_days) {
                CeStatus::DueSoon { days_left }
            } else {
                CeStatus::Open { days_left }
            }
        }
    };
    CeProgress {
        first,
        last,
        due: cycle.due,
        required_minutes: u64::from(cycle.minutes),
        counted_minutes: total,
        missing_minutes: missing,
        categories,
        counted,
        not_counted,
        status,
    }
}
