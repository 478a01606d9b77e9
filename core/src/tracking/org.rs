//! Organisations and the contract held with each.
//!
//! Many clinicians, contractors above all, work for several organisations at once, each with its
//! own terms: a salary, an hourly or per-session fee, or nothing at all for pro bono work. Paid
//! leave rarely comes with a contract, and unpaid work still costs time and energy. Knowing who
//! each block of work was for lets Tend split hours and income by organisation and notice work
//! logged outside a contract's dates.
//!
//! One record holds one set of terms. Editing the terms applies them to all past work too; to
//! keep a history of changed terms, end the contract and add a new organisation record.

use super::error::RecordError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most characters in an organisation's name.
pub const MAX_NAME_CHARS: usize = 80;

/// The highest rate accepted, in minor currency units (100,000.00 in a two-decimal currency).
/// It bounds every product Tend computes far below integer overflow.
pub const MAX_RATE: u64 = 10_000_000;

/// The most weekly hours an agreement can name, in minutes (a whole week).
pub const MAX_WEEKLY_MINUTES: u32 = 7 * 24 * 60;

/// An organisation's stable identity, made by the shell like an entry's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrgId(pub String);

impl fmt::Display for OrgId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How an organisation pays for the work.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Arrangement {
    /// A salary: agreed hours, no earnings per entry.
    #[default]
    Salaried,
    /// Paid per hour worked.
    Hourly,
    /// Paid per individual or group session held.
    PerSession,
    /// Unpaid.
    ProBono,
}

impl Arrangement {
    /// Every arrangement, in display order.
    pub const ALL: [Arrangement; 4] = [
        Arrangement::Salaried,
        Arrangement::Hourly,
        Arrangement::PerSession,
        Arrangement::ProBono,
    ];

    /// The plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            Arrangement::Salaried => "Salaried",
            Arrangement::Hourly => "Hourly contract",
            Arrangement::PerSession => "Per-session contract",
            Arrangement::ProBono => "Pro bono",
        }
    }

    /// A stable machine name, as stored.
    pub fn slug(self) -> &'static str {
        match self {
            Arrangement::Salaried => "salaried",
            Arrangement::Hourly => "hourly",
            Arrangement::PerSession => "per_session",
            Arrangement::ProBono => "pro_bono",
        }
    }

    /// The arrangement with this machine name, if there is one.
    pub fn from_slug(slug: &str) -> Option<Arrangement> {
        Arrangement::ALL.into_iter().find(|a| a.slug() == slug)
    }

    /// True if the arrangement pays by a rate, which must then be given.
    pub fn needs_rate(self) -> bool {
        matches!(self, Arrangement::Hourly | Arrangement::PerSession)
    }
}

impl fmt::Display for Arrangement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// An organisation the clinician works for, with the terms of the work.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// Stable identity.
    pub id: OrgId,
    /// The name shown in lists and reports.
    pub name: String,
    /// How the work is paid.
    pub arrangement: Arrangement,
    /// Per hour (hourly) or per session (per-session), in minor currency units. Required for
    /// those two arrangements and absent for the others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<u64>,
    /// Hours agreed per week, in minutes; 0 when none were agreed.
    #[serde(default)]
    pub weekly_minutes: u32,
    /// The first day of the contract.
    pub start: NaiveDate,
    /// The last day of the contract, if it has ended or will end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
}

impl Organisation {
    /// True if the contract runs on `date` (start and end days included).
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.start && self.end.is_none_or(|end| date <= end)
    }

    /// Days from `first` to `last` (inclusive) on which the contract runs.
    pub fn days_covered(&self, first: NaiveDate, last: NaiveDate) -> u32 {
        let from = first.max(self.start);
        let to = self.end.map_or(last, |end| end.min(last));
        u32::try_from((to - from).num_days() + 1).unwrap_or(0)
    }

    /// Checks the record on its own, returning it with the name trimmed.
    pub fn validated(&self) -> Result<Organisation, RecordError> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(RecordError::NameEmpty);
        }
        let chars = name.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(RecordError::NameTooLong(chars));
        }
        match (self.arrangement.needs_rate(), self.rate) {
            (true, None | Some(0)) => return Err(RecordError::RateMissing(self.arrangement)),
            (false, Some(_)) => return Err(RecordError::RateNotUsed(self.arrangement)),
            (_, Some(rate)) if rate > MAX_RATE => return Err(RecordError::RateTooHigh(rate)),
            _ => {}
        }
        if self.weekly_minutes > MAX_WEEKLY_MINUTES {
            return Err(RecordError::WeeklyHoursTooHigh(self.weekly_minutes));
        }
        if let Some(end) = self.end.filter(|end| *end < self.start) {
            return Err(RecordError::EndsBeforeStart {
                start: self.start,
                end,
            });
        }
        Ok(Organisation {
            name: name.to_string(),
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn org(arrangement: Arrangement, rate: Option<u64>) -> Organisation {
        Organisation {
            id: OrgId("o".into()),
            name: " Riverside ".into(),
            arrangement,
            rate,
            weekly_minutes: 600,
            start: day(1, 1),
            end: Some(day(6, 30)),
        }
    }

    #[test]
    fn covers_start_and_end_days() {
        let o = org(Arrangement::Salaried, None);
        assert!(!o.covers(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()));
        assert!(o.covers(day(1, 1)) && o.covers(day(6, 30)));
        assert!(!o.covers(day(7, 1)));
        assert_eq!(o.days_covered(day(6, 1), day(7, 31)), 30);
        assert_eq!(o.days_covered(day(8, 1), day(8, 31)), 0);
    }

    #[test]
    fn rates_follow_the_arrangement() {
        assert_eq!(
            org(Arrangement::Hourly, Some(6000))
                .validated()
                .unwrap()
                .name,
            "Riverside"
        );
        assert_eq!(
            org(Arrangement::Hourly, None).validated(),
            Err(RecordError::RateMissing(Arrangement::Hourly))
        );
        assert_eq!(
            org(Arrangement::PerSession, Some(0)).validated(),
            Err(RecordError::RateMissing(Arrangement::PerSession))
        );
        assert_eq!(
            org(Arrangement::ProBono, Some(10)).validated(),
            Err(RecordError::RateNotUsed(Arrangement::ProBono))
        );
        assert!(org(Arrangement::Hourly, Some(MAX_RATE + 1))
            .validated()
            .is_err());
        let mut backwards = org(Arrangement::Salaried, None);
        backwards.end = Some(day(1, 1).pred_opt().unwrap());
        assert!(matches!(
            backwards.validated(),
            Err(RecordError::EndsBeforeStart { .. })
        ));
        let mut unnamed = org(Arrangement::Salaried, None);
        unnamed.name = "   ".into();
        assert_eq!(unnamed.validated(), Err(RecordError::NameEmpty));
        for e in [
            RecordError::RateMissing(Arrangement::Hourly),
            RecordError::RateNotUsed(Arrangement::ProBono),
        ] {
            assert!(!e.to_string().is_empty());
        }
    }
}
