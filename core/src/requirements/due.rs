//! What is due soon: the items each evaluation raises for the views to show first (supervision
//! still missing this month, a week whose hours count only once supervision is in it, a CE
//! deadline). Kept apart so a view can gather them from every rule and sort them by date.

use crate::units::duration::format_minutes;
use std::fmt;

use chrono::NaiveDate;

/// What a due item is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DueAbout {
    /// A supervision minimum (by its id) not yet met in the current period.
    Supervision {
        /// The minimum's id.
        rule: String,
        /// The minimum's name.
        name: String,
    },
    /// The current week's licensure hours count only once it holds enough supervision.
    QualifyingWeek,
    /// The CE cycle's total.
    CeTotal,
    /// A CE category's required hours.
    CeCategory {
        /// The category's id.
        category: String,
        /// The category's name.
        name: String,
    },
}

/// Something to do by a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    /// What it is about.
    pub about: DueAbout,
    /// The last day it can be done on.
    pub by: NaiveDate,
    /// The minutes still missing.
    pub missing_minutes: u64,
    /// True when `by` has already passed.
    pub overdue: bool,
}

impl fmt::Display for DueItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let missing = format_minutes(u32::try_from(self.missing_minutes).unwrap_or(u32::MAX));
        let when = if self.overdue { "was due" } else { "due" };
        match &self.about {
            DueAbout::Supervision { name, .. } => {
                write!(f, "{name}: {missing} more supervision {when} by {}", self.by)
            }
            DueAbout::QualifyingWeek => write!(
                f,
                "This week's hours count towards the licence only with {missing} more supervision by {}",
                self.by
            ),
            DueAbout::CeTotal => write!(f, "Continuing education: {missing} more {when} by {}", self.by),
            DueAbout::CeCategory { name, .. } => {
                write!(f, "Continuing education in {name}: {missing} more {when} by {}", self.by)
            }
        }
    }
}
