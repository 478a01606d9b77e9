//! Breaks, time off and self-care.
//!
//! Recovery is the other half of workload: short breaks during the day lift vigour and ease
//! fatigue, and a vacation helps for a while and then fades, so the time since the last one
//! matters. Tend records both kinds of rest the way a clinician thinks of them: short timed
//! pauses (a micro-break, a meal, a walk, peer support, personal therapy) with a duration, and
//! whole days away (a day off, a vacation, a sick day), where a vacation or a sickness can span a
//! range of days.

use super::error::RecordError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest a whole-day record may span, in days (a year).
pub const MAX_RANGE_DAYS: i64 = 366;

/// The longest timed break, in minutes (a day).
pub const MAX_BREAK_MINUTES: u32 = 24 * 60;

/// A break record's stable identity, made by the shell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BreakId(pub String);

impl fmt::Display for BreakId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of rest or support a record is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum BreakKind {
    /// A few minutes away from work.
    #[default]
    MicroBreak,
    /// A meal away from work.
    MealBreak,
    /// Exercise or another self-care activity.
    SelfCare,
    /// Supervision or peer support sought for oneself (not supervision logged as work).
    PeerSupport,
    /// The clinician's own therapy.
    PersonalTherapy,
    /// A whole day off.
    DayOff,
    /// Vacation: one day or a range of days.
    Vacation,
    /// Sick leave: one day or a range of days.
    SickDay,
}

impl BreakKind {
    /// Every kind, in display order: timed kinds first.
    pub const ALL: [BreakKind; 8] = [
        BreakKind::MicroBreak,
        BreakKind::MealBreak,
        BreakKind::SelfCare,
        BreakKind::PeerSupport,
        BreakKind::PersonalTherapy,
        BreakKind::DayOff,
        BreakKind::Vacation,
        BreakKind::SickDay,
    ];

    /// The plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            BreakKind::MicroBreak => "Micro-break",
            BreakKind::MealBreak => "Meal break",
            BreakKind::SelfCare => "Exercise or other self-care",
            BreakKind::PeerSupport => "Supervision or peer support",
            BreakKind::PersonalTherapy => "Personal therapy",
            BreakKind::DayOff => "Day off",
            BreakKind::Vacation => "Vacation",
            BreakKind::SickDay => "Sick day",
        }
    }

    /// A stable machine name, as stored.
    pub fn slug(self) -> &'static str {
        match self {
            BreakKind::MicroBreak => "micro_break",
            BreakKind::MealBreak => "meal_break",
            BreakKind::SelfCare => "self_care",
            BreakKind::PeerSupport => "peer_support",
            BreakKind::PersonalTherapy => "personal_therapy",
            BreakKind::DayOff => "day_off",
            BreakKind::Vacation => "vacation",
            BreakKind::SickDay => "sick_day",
        }
    }

    /// The kind with this machine name, if there is one.
    pub fn from_slug(slug: &str) -> Option<BreakKind> {
        BreakKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// The kind's code in schema 3's compact rows (docs/storage.md). Fixed for good: reordering
    /// [`BreakKind::ALL`] never changes it.
    pub fn code(self) -> u8 {
        match self {
            BreakKind::MicroBreak => 0,
            BreakKind::MealBreak => 1,
            BreakKind::SelfCare => 2,
            BreakKind::PeerSupport => 3,
            BreakKind::PersonalTherapy => 4,
            BreakKind::DayOff => 5,
            BreakKind::Vacation => 6,
            BreakKind::SickDay => 7,
        }
    }

    /// The kind stored as `code`, or `None` for a code no kind has.
    pub fn from_code(code: u8) -> Option<BreakKind> {
        match code {
            0 => Some(BreakKind::MicroBreak),
            1 => Some(BreakKind::MealBreak),
            2 => Some(BreakKind::SelfCare),
            3 => Some(BreakKind::PeerSupport),
            4 => Some(BreakKind::PersonalTherapy),
            5 => Some(BreakKind::DayOff),
            6 => Some(BreakKind::Vacation),
            7 => Some(BreakKind::SickDay),
            _ => None,
        }
    }

    /// True for support the clinician sought for themself (peer support or supervision sought,
    /// and personal therapy): with supervision logged as work, the "support" the risk model
    /// counts per week.
    pub fn is_support(self) -> bool {
        matches!(self, BreakKind::PeerSupport | BreakKind::PersonalTherapy)
    }

    /// True for records of whole days (day off, vacation, sick day), which have no minutes.
    pub fn is_whole_day(self) -> bool {
        matches!(
            self,
            BreakKind::DayOff | BreakKind::Vacation | BreakKind::SickDay
        )
    }

    /// True for the pauses counted against the "breaks per working day" target: micro-breaks,
    /// meal breaks and self-care. Support and therapy are recorded but are not pauses in the
    /// working day.
    pub fn is_pause(self) -> bool {
        matches!(
            self,
            BreakKind::MicroBreak | BreakKind::MealBreak | BreakKind::SelfCare
        )
    }

    /// True for whole days that count as rest: a day off or vacation.
    pub fn is_rest_day(self) -> bool {
        matches!(self, BreakKind::DayOff | BreakKind::Vacation)
    }
}

impl fmt::Display for BreakKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One break or stretch of time off.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakEntry {
    /// Stable identity.
    pub id: BreakId,
    /// What it was.
    pub kind: BreakKind,
    /// The day (the first day, for a range).
    pub date: NaiveDate,
    /// Length in minutes for timed kinds, 1 to 1440; 0 for whole days.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub minutes: u32,
    /// The last day of a range of whole days; `None` for a single day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

fn is_zero(m: &u32) -> bool {
    *m == 0
}

impl BreakEntry {
    /// The last day the record covers.
    pub fn last_day(&self) -> NaiveDate {
        self.until.unwrap_or(self.date).max(self.date)
    }

    /// True if the record covers `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.date && date <= self.last_day()
    }

    /// Checks the record on its own: whole days have no minutes and may span a range of up to
    /// [`MAX_RANGE_DAYS`]; timed kinds last 1 to 1440 minutes on one day.
    pub fn validate(&self) -> Result<(), RecordError> {
        if self.kind.is_whole_day() {
            if self.minutes != 0 {
                return Err(RecordError::MinutesOnWholeDay(self.kind));
            }
            if let Some(until) = self.until {
                if until < self.date {
                    return Err(RecordError::EndsBeforeStart {
                        start: self.date,
                        end: until,
                    });
                }
                let days = (until - self.date).num_days() + 1;
                if days > MAX_RANGE_DAYS {
                    return Err(RecordError::RangeTooLong(days));
                }
            }
            return Ok(());
        }
        if self.until.is_some() {
            return Err(RecordError::RangeNotAllowed(self.kind));
        }
        match self.minutes {
            0 => Err(RecordError::BreakNeedsMinutes(self.kind)),
            m if m > MAX_BREAK_MINUTES => Err(RecordError::BreakTooLong(m)),
            _ => Ok(()),
        }
    }

    /// True if both are whole-day records covering a common day.
    pub fn overlaps(&self, other: &BreakEntry) -> bool {
        self.kind.is_whole_day()
            && other.kind.is_whole_day()
            && self.date <= other.last_day()
            && other.date <= self.last_day()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_codes_are_docs_storage_md_s_and_read_back() {
        let codes: Vec<u8> = BreakKind::ALL.into_iter().map(BreakKind::code).collect();
        assert_eq!(codes, [0, 1, 2, 3, 4, 5, 6, 7]);
        assert!(BreakKind::ALL
            .into_iter()
            .all(|k| BreakKind::from_code(k.code()) == Some(k)));
        assert_eq!(BreakKind::from_code(8), None);
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn record(kind: BreakKind, minutes: u32, until: Option<NaiveDate>) -> BreakEntry {
        BreakEntry {
            id: BreakId("b".into()),
            kind,
            date: day(7, 1),
            minutes,
            until,
        }
    }

    #[test]
    fn whole_days_have_no_minutes_and_vacations_span_ranges() {
        let trip = record(BreakKind::Vacation, 0, Some(day(7, 14)));
        assert_eq!(trip.validate(), Ok(()));
        assert!(trip.covers(day(7, 1)) && trip.covers(day(7, 14)) && !trip.covers(day(7, 15)));
        assert_eq!(
            record(BreakKind::DayOff, 30, None).validate(),
            Err(RecordError::MinutesOnWholeDay(BreakKind::DayOff))
        );
        assert!(matches!(
            record(BreakKind::Vacation, 0, Some(day(6, 30))).validate(),
            Err(RecordError::EndsBeforeStart { .. })
        ));
        assert_eq!(
            record(
                BreakKind::SickDay,
                0,
                Some(day(7, 1) + chrono::Days::new(400))
            )
            .validate(),
            Err(RecordError::RangeTooLong(401))
        );
        let day_off = BreakEntry {
            date: day(7, 14),
            ..record(BreakKind::DayOff, 0, None)
        };
        assert!(trip.overlaps(&day_off));
        assert!(!trip.overlaps(&record(BreakKind::MicroBreak, 5, None)));
    }

    #[test]
    fn timed_breaks_need_minutes_and_a_single_day() {
        assert_eq!(record(BreakKind::MicroBreak, 5, None).validate(), Ok(()));
        assert_eq!(
            record(BreakKind::MealBreak, 0, None).validate(),
            Err(RecordError::BreakNeedsMinutes(BreakKind::MealBreak))
        );
        assert_eq!(
            record(BreakKind::SelfCare, 30, Some(day(7, 2))).validate(),
            Err(RecordError::RangeNotAllowed(BreakKind::SelfCare))
        );
        assert_eq!(
            record(BreakKind::PersonalTherapy, 1441, None).validate(),
            Err(RecordError::BreakTooLong(1441))
        );
        for kind in BreakKind::ALL {
            assert_eq!(BreakKind::from_slug(kind.slug()), Some(kind));
        }
    }
}
