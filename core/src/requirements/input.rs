//! The plain inputs requirement sets are evaluated against: hours of work by day and kind, and
//! continuing-education activities.
//!
//! Evaluation never reads the journal itself, so it can be tested with a handful of literal
//! values; `selectors::requirements::work_from_journal` is the one thin step from the journal to
//! these inputs. Only hours and categories come in: nothing about a client. A [`CeActivity`] is
//! also a record the journal keeps, so it carries an id.

use super::definition::SupervisionFormat;
use crate::entry::WorkKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The id of a CE activity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CeId(pub String);

impl fmt::Display for CeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Minutes of one kind of work on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoggedWork {
    /// The day the minutes count on.
    pub date: NaiveDate,
    /// How long.
    pub minutes: u32,
    /// What kind of work.
    pub kind: WorkKind,
    /// For supervision, whether it was individual or group, when known. `None` (as for every
    /// entry Tend keeps today) takes the set's `unmarked_supervision`.
    pub format: Option<SupervisionFormat>,
}

impl LoggedWork {
    /// Minutes of work whose supervision format, if any, is not known.
    pub fn new(date: NaiveDate, minutes: u32, kind: WorkKind) -> LoggedWork {
        LoggedWork {
            date,
            minutes,
            kind,
            format: None,
        }
    }

    /// The supervision format these minutes count as: `None` for work that is not supervision.
    pub fn supervision(&self, unmarked: SupervisionFormat) -> Option<SupervisionFormat> {
        (self.kind == WorkKind::Supervision).then(|| self.format.unwrap_or(unmarked))
    }
}

/// One continuing-education activity: when, how long, in which category, from whom, and where the
/// certificate is kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CeActivity {
    /// The record's id, given when it is logged.
    pub id: CeId,
    /// The day it was completed.
    pub date: NaiveDate,
    /// The CE time it gives, in minutes.
    pub minutes: u32,
    /// The category it counts in, matched exactly against a cycle's required categories (such as
    /// `ethics`); any other value counts towards the total only.
    #[serde(default)]
    pub category: String,
    /// Who provided it.
    #[serde(default)]
    pub provider: String,
    /// Where the certificate is kept (a folder, a file name, a provider's portal).
    #[serde(default)]
    pub certificate: String,
}

/// The longest one CE activity may be: 100 hours.
pub const MAX_CE_MINUTES: u32 = 100 * 60;
/// The longest text in a CE activity's fields, in characters.
pub const MAX_CE_TEXT: usize = 200;

impl CeActivity {
    /// Every problem with this activity in plain sentences; empty when it can be kept.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.id.0.is_empty() || self.id.0.chars().count() > MAX_CE_TEXT {
            out.push("An activity needs an id of at most 200 characters.".to_string());
        }
        if self.minutes == 0 || self.minutes > MAX_CE_MINUTES {
            out.push(format!(
                "An activity must give from 1 minute to {} hours of CE.",
                MAX_CE_MINUTES / 60
            ));
        }
        for (name, text) in [
            ("category", &self.category),
            ("provider", &self.provider),
            ("certificate", &self.certificate),
        ] {
            if text.chars().count() > MAX_CE_TEXT {
                out.push(format!(
                    "The {name} is longer than {MAX_CE_TEXT} characters."
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_activity_s_problems_are_listed() {
        let activity = CeActivity {
            id: CeId("a".into()),
            minutes: 0,
            provider: "p".repeat(MAX_CE_TEXT + 1),
            ..CeActivity::default()
        };
        assert_eq!(activity.problems().len(), 2);
        let fine = CeActivity {
            id: CeId("b".into()),
            minutes: 90,
            ..CeActivity::default()
        };
        assert!(fine.problems().is_empty());
    }
}
