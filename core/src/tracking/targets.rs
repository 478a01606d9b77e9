//! The clinician's own targets and settings for the tracking views.
//!
//! Research offers no universal safe number of weekly hours or direct-care hours for therapists,
//! so every threshold Tend compares against is the clinician's own choice. The defaults are only
//! a starting point: a standard full-time week, a modest direct-care ceiling, the 100-point
//! full-time capacity of UK caseload weighting schemes, a few pauses a day and a Monday-to-Friday
//! week.

use super::case::WeightScale;
use super::error::RecordError;
use super::org::MAX_RATE;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::de::{self, Deserializer};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

/// The days of the week the clinician normally works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WorkingDays(u8);

const DAY_SLUGS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl WorkingDays {
    /// Monday to Friday.
    pub const WEEKDAYS: WorkingDays = WorkingDays(0b001_1111);
    /// No days.
    pub const NONE: WorkingDays = WorkingDays(0);

    /// The set of these days.
    pub fn of(days: &[Weekday]) -> WorkingDays {
        WorkingDays(
            days.iter()
                .fold(0, |bits, d| bits | 1 << d.num_days_from_monday()),
        )
    }

    /// True if `day` is a working day.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// True if `date` falls on a working day.
    pub fn includes(self, date: NaiveDate) -> bool {
        self.contains(date.weekday())
    }

    /// The set with `day` added or removed.
    pub fn with(self, day: Weekday, working: bool) -> WorkingDays {
        let bit = 1 << day.num_days_from_monday();
        WorkingDays(if working { self.0 | bit } else { self.0 & !bit })
    }

    /// Number of working days in a week.
    pub fn count(self) -> u32 {
        self.0.count_ones()
    }
}

impl Default for WorkingDays {
    fn default() -> WorkingDays {
        WorkingDays::WEEKDAYS
    }
}

/// Stored as a list of day names, `["mon", "tue", ...]`, which reads clearly in a backup file.
impl Serialize for WorkingDays {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.count() as usize))?;
        for (i, slug) in DAY_SLUGS.iter().enumerate() {
            if self.0 & (1 << i) != 0 {
                seq.serialize_element(slug)?;
            }
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for WorkingDays {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<WorkingDays, D::Error> {
        let names = Vec::<String>::deserialize(d)?;
        names.iter().try_fold(WorkingDays::NONE, |set, name| {
            DAY_SLUGS
                .iter()
                .position(|s| s == name)
                .map(|i| WorkingDays(set.0 | 1 << i))
                .ok_or_else(|| de::Error::custom(format!("{name:?} is not a day of the week")))
        })
    }
}

/// The most weekly minutes a target may name (a whole week).
const WEEK_MINUTES: u32 = 7 * 24 * 60;
/// The most points a capacity may have.
pub const MAX_CAPACITY: u32 = 1000;
/// The most pauses a day a target may ask for.
pub const MAX_BREAKS_PER_DAY: u32 = 24;

/// The clinician's targets. Every field has a default, so a partial stored record reads back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Targets {
    /// Sustainable working time per week, in minutes. Time over it is overtime.
    pub weekly_minutes: u32,
    /// The most direct client time per week, in minutes.
    pub max_direct_minutes: u32,
    /// Weighted caseload points the clinician can hold (100% of capacity).
    pub capacity_points: u32,
    /// Points per complexity level.
    pub weights: WeightScale,
    /// Pauses (micro-breaks, meals, self-care) aimed for on each day worked.
    pub breaks_per_day: u32,
    /// The days normally worked.
    pub working_days: WorkingDays,
    /// The clinician's usual hourly rate in minor currency units, used to value pro bono time
    /// ("value forgone"). `None` until set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usual_rate: Option<u64>,
}

impl Default for Targets {
    fn default() -> Targets {
        Targets {
            weekly_minutes: 37 * 60 + 30,
            max_direct_minutes: 20 * 60,
            capacity_points: 100,
            weights: WeightScale::default(),
            breaks_per_day: 3,
            working_days: WorkingDays::WEEKDAYS,
            usual_rate: None,
        }
    }
}

impl Targets {
    /// True if nothing differs from the defaults (then nothing needs storing).
    pub fn is_default(&self) -> bool {
        *self == Targets::default()
    }

    /// Checks every target is in a sensible range.
    pub fn validate(&self) -> Result<(), RecordError> {
        let range = |what, value: u32, min: u32, max: u32| {
            if value < min || value > max {
                Err(RecordError::TargetOutOfRange {
                    what,
                    value,
                    min,
                    max,
                })
            } else {
                Ok(())
            }
        };
        range(
            "sustainable weekly time (minutes)",
            self.weekly_minutes,
            1,
            WEEK_MINUTES,
        )?;
        range(
            "maximum weekly direct time (minutes)",
            self.max_direct_minutes,
            1,
            WEEK_MINUTES,
        )?;
        range(
            "caseload capacity (points)",
            self.capacity_points,
            1,
            MAX_CAPACITY,
        )?;
        range(
            "breaks per working day",
            self.breaks_per_day,
            0,
            MAX_BREAKS_PER_DAY,
        )?;
        self.weights.validate()?;
        if self.working_days.count() == 0 {
            return Err(RecordError::NoWorkingDays);
        }
        match self.usual_rate {
            Some(0) => Err(RecordError::UsualRateZero),
            Some(rate) if rate > MAX_RATE => Err(RecordError::RateTooHigh(rate)),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_omitted_fields_take_them() {
        assert_eq!(Targets::default().validate(), Ok(()));
        let partial: Targets = serde_json::from_str(r#"{"capacity_points":90}"#).unwrap();
        assert_eq!(partial.capacity_points, 90);
        assert_eq!(partial.weekly_minutes, Targets::default().weekly_minutes);
    }

    #[test]
    fn working_days_are_stored_by_name() {
        let days = WorkingDays::of(&[Weekday::Mon, Weekday::Wed, Weekday::Sat]);
        let text = serde_json::to_string(&days).unwrap();
        assert_eq!(text, r#"["mon","wed","sat"]"#);
        assert_eq!(serde_json::from_str::<WorkingDays>(&text).unwrap(), days);
        assert!(serde_json::from_str::<WorkingDays>(r#"["someday"]"#).is_err());
        assert!(days.contains(Weekday::Sat) && !days.contains(Weekday::Sun));
        assert_eq!(days.with(Weekday::Sat, false).count(), 2);
    }

    #[test]
    fn refuses_targets_out_of_range() {
        let none = Targets {
            working_days: WorkingDays::NONE,
            ..Targets::default()
        };
        assert_eq!(none.validate(), Err(RecordError::NoWorkingDays));
        let zero = Targets {
            capacity_points: 0,
            ..Targets::default()
        };
        let err = zero.validate().unwrap_err();
        assert!(err.to_string().contains("caseload capacity"), "{err}");
    }
}
