//! Cases and their complexity weights.
//!
//! Counting cases says little about load: one client in crisis can take more than several who are
//! stable. Caseload weighting schemes used in UK social care give each case points by complexity
//! (4 to 10) against a full-time maximum of 100 points, so Tend does the same with a small scale
//! the clinician can edit. A case is known by a pseudonymous label only (see [`super::label`]).
//! Cases close and reopen, so a case keeps every period it was open rather than one pair of
//! dates; the weighted caseload of a day counts the cases open on it.

use super::error::RecordError;
use super::label::check_label;
use super::org::OrgId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most points one level of the scale may carry.
pub const MAX_WEIGHT: u32 = 100;

/// A case's stable identity, made by the shell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CaseId(pub String);

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How demanding a case is. The points for each level come from the [`WeightScale`].
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Complexity {
    /// Stable, straightforward work.
    Low,
    /// The usual case.
    #[default]
    Moderate,
    /// Frequent contact, risk or several agencies involved.
    High,
    /// Crisis, high risk or very intensive work.
    VeryHigh,
}

impl Complexity {
    /// Every level, lowest first.
    pub const ALL: [Complexity; 4] = [
        Complexity::Low,
        Complexity::Moderate,
        Complexity::High,
        Complexity::VeryHigh,
    ];

    /// The plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            Complexity::Low => "Low",
            Complexity::Moderate => "Moderate",
            Complexity::High => "High",
            Complexity::VeryHigh => "Very high",
        }
    }

    /// A stable machine name, as stored.
    pub fn slug(self) -> &'static str {
        match self {
            Complexity::Low => "low",
            Complexity::Moderate => "moderate",
            Complexity::High => "high",
            Complexity::VeryHigh => "very_high",
        }
    }

    /// The level with this machine name, if there is one.
    pub fn from_slug(slug: &str) -> Option<Complexity> {
        Complexity::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// Points per complexity level. The default, 4, 6, 8 and 10, spans the 4 to 10 points per case
/// of the UK council schemes; the clinician may change it to suit their service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WeightScale {
    /// Points for a low-complexity case.
    pub low: u32,
    /// Points for a moderate case.
    pub moderate: u32,
    /// Points for a high-complexity case.
    pub high: u32,
    /// Points for a very high-complexity case.
    pub very_high: u32,
}

impl Default for WeightScale {
    fn default() -> WeightScale {
        WeightScale {
            low: 4,
            moderate: 6,
            high: 8,
            very_high: 10,
        }
    }
}

impl WeightScale {
    /// The points of a level.
    pub fn points(&self, complexity: Complexity) -> u32 {
        match complexity {
            Complexity::Low => self.low,
            Complexity::Moderate => self.moderate,
            Complexity::High => self.high,
            Complexity::VeryHigh => self.very_high,
        }
    }

    /// Every level must be worth 1 to [`MAX_WEIGHT`] points, and no level less than the one
    /// below it.
    pub fn validate(&self) -> Result<(), RecordError> {
        let points = Complexity::ALL.map(|c| self.points(c));
        if points.iter().any(|p| *p == 0 || *p > MAX_WEIGHT) {
            return Err(RecordError::WeightOutOfRange);
        }
        if points.windows(2).any(|w| w[0] > w[1]) {
            return Err(RecordError::ScaleOutOfOrder);
        }
        Ok(())
    }
}

/// One stretch of time a case was open, both days included.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenPeriod {
    /// The day the case was opened.
    pub opened: NaiveDate,
    /// The day it was closed; `None` while it is still open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
}

impl OpenPeriod {
    /// True if the case was open on `date` under this period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        date >= self.opened && self.closed.is_none_or(|c| date <= c)
    }
}

/// A case on the clinician's caseload.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Stable identity.
    pub id: CaseId,
    /// Initials or a code; never a name or contact detail.
    pub label: String,
    /// The organisation the case is held for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<OrgId>,
    /// How demanding the case is.
    #[serde(default)]
    pub complexity: Complexity,
    /// True if the work is trauma-focused.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trauma_focused: bool,
    /// The periods the case was open, oldest first; only the last may still be open.
    pub periods: Vec<OpenPeriod>,
}

impl Case {
    /// A newly opened case.
    pub fn opened(id: CaseId, label: &str, complexity: Complexity, on: NaiveDate) -> Case {
        Case {
            id,
            label: label.to_string(),
            organisation: None,
            complexity,
            trauma_focused: false,
            periods: vec![OpenPeriod {
                opened: on,
                closed: None,
            }],
        }
    }

    /// True if the case was open on `date`.
    pub fn is_open_on(&self, date: NaiveDate) -> bool {
        self.periods.iter().any(|p| p.contains(date))
    }

    /// True if the case's last period has no closing day.
    pub fn is_open(&self) -> bool {
        self.periods.last().is_some_and(|p| p.closed.is_none())
    }

    /// Checks the open periods: at least one, each closing no earlier than it opened, in order,
    /// a reopening strictly after the previous closing, and only the last one open.
    pub fn check_periods(&self) -> Result<(), RecordError> {
        let Some(last) = self.periods.len().checked_sub(1) else {
            return Err(RecordError::NoOpenPeriod);
        };
        for (i, p) in self.periods.iter().enumerate() {
            match p.closed {
                Some(closed) if closed < p.opened => {
                    return Err(RecordError::ClosedBeforeOpened {
                        opened: p.opened,
                        closed,
                    })
                }
                None if i != last => return Err(RecordError::PeriodsOverlap),
                _ => {}
            }
        }
        let ordered = self
            .periods
            .windows(2)
            .all(|w| w[0].closed.is_some_and(|c| w[1].opened > c));
        if ordered {
            Ok(())
        } else {
            Err(RecordError::PeriodsOverlap)
        }
    }

    /// Checks a case as entered: a pseudonymous label and consistent periods. Returns the case
    /// with its label trimmed.
    pub fn validated(&self) -> Result<Case, RecordError> {
        let label = check_label(&self.label).map_err(RecordError::Label)?;
        self.check_periods()?;
        Ok(Case {
            label,
            ..self.clone()
        })
    }

    /// The case closed on `on`.
    pub fn closed_on(&self, on: NaiveDate) -> Result<Case, RecordError> {
        let mut next = self.clone();
        match next.periods.last_mut() {
            Some(p) if p.closed.is_none() => {
                if on < p.opened {
                    return Err(RecordError::ClosedBeforeOpened {
                        opened: p.opened,
                        closed: on,
                    });
                }
                p.closed = Some(on);
                Ok(next)
            }
            _ => Err(RecordError::CaseAlreadyClosed(self.label.clone())),
        }
    }

    /// The case reopened on `on`, which must be after it was last closed.
    pub fn reopened_on(&self, on: NaiveDate) -> Result<Case, RecordError> {
        match self.periods.last() {
            Some(OpenPeriod {
                closed: Some(closed),
                ..
            }) => {
                if on <= *closed {
                    return Err(RecordError::ReopenedTooEarly {
                        closed: *closed,
                        on,
                    });
                }
                let mut next = self.clone();
                next.periods.push(OpenPeriod {
                    opened: on,
                    closed: None,
                });
                Ok(next)
            }
            Some(_) => Err(RecordError::CaseAlreadyOpen(self.label.clone())),
            None => Err(RecordError::NoOpenPeriod),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn a_case_closed_and_reopened_keeps_both_periods() {
        let case = Case::opened(CaseId("c".into()), "JD", Complexity::High, day(1, 5));
        let closed = case.closed_on(day(2, 10)).unwrap();
        assert!(
            closed.is_open_on(day(2, 10)),
            "the closing day still counts"
        );
        assert!(!closed.is_open_on(day(2, 11)));
        assert_eq!(
            closed.reopened_on(day(2, 10)),
            Err(RecordError::ReopenedTooEarly {
                closed: day(2, 10),
                on: day(2, 10)
            })
        );
        let reopened = closed.reopened_on(day(3, 1)).unwrap();
        assert_eq!(reopened.periods.len(), 2);
        assert!(reopened.is_open_on(day(1, 20)));
        assert!(!reopened.is_open_on(day(2, 20)));
        assert!(reopened.is_open_on(day(12, 31)));
        assert!(reopened.validated().is_ok());
        assert_eq!(
            reopened.reopened_on(day(4, 1)),
            Err(RecordError::CaseAlreadyOpen("JD".into()))
        );
        assert_eq!(
            case.closed_on(day(1, 4)),
            Err(RecordError::ClosedBeforeOpened {
                opened: day(1, 5),
                closed: day(1, 4)
            })
        );
        assert_eq!(
            closed.closed_on(day(5, 1)),
            Err(RecordError::CaseAlreadyClosed("JD".into()))
        );
    }

    #[test]
    fn periods_must_be_ordered_with_only_the_last_open() {
        let mut case = Case::opened(CaseId("c".into()), "JD", Complexity::Low, day(1, 5));
        case.periods.insert(
            0,
            OpenPeriod {
                opened: day(1, 1),
                closed: None,
            },
        );
        assert_eq!(case.check_periods(), Err(RecordError::PeriodsOverlap));
        case.periods[0].closed = Some(day(1, 5));
        assert_eq!(case.check_periods(), Err(RecordError::PeriodsOverlap));
        case.periods[0].closed = Some(day(1, 4));
        assert_eq!(case.check_periods(), Ok(()));
        case.periods.clear();
        assert_eq!(case.check_periods(), Err(RecordError::NoOpenPeriod));
    }

    #[test]
    fn the_default_scale_follows_the_four_to_ten_point_practice() {
        let scale = WeightScale::default();
        assert_eq!(Complexity::ALL.map(|c| scale.points(c)), [4, 6, 8, 10]);
        assert_eq!(scale.validate(), Ok(()));
        let bad = WeightScale { high: 5, ..scale };
        assert_eq!(bad.validate(), Err(RecordError::ScaleOutOfOrder));
        let zero = WeightScale { low: 0, ..scale };
        assert_eq!(zero.validate(), Err(RecordError::WeightOutOfRange));
    }
}
