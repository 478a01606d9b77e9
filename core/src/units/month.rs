//! A calendar month, the unit Tend stores records in.
//!
//! Storage is split by month so that logging one entry rewrites one month's chunk, however long
//! the history is. The month is written `YYYY-MM` in keys and files.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A year and month, ordered by time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// The month holding `date`.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// A month from its parts, if they make one (years 1 to 9999).
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    /// True if `date` falls in this month.
    pub fn contains(self, date: NaiveDate) -> bool {
        Month::of(date) == self
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month of the year, 1 to 12.
    pub fn number(self) -> u32 {
        self.month
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// The last day of the month.
    pub fn last_day(self) -> NaiveDate {
        self.next()
            .map(|m| m.first_day())
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or_default())
    }

    /// The month after, if it is within years 1 to 9999.
    pub fn next(self) -> Option<Month> {
        if self.month == 12 {
            Month::new(self.year + 1, 1)
        } else {
            Month::new(self.year, self.month + 1)
        }
    }

    /// The month before, if it is within years 1 to 9999.
    pub fn prev(self) -> Option<Month> {
        if self.month == 1 {
            Month::new(self.year - 1, 12)
        } else {
            Month::new(self.year, self.month - 1)
        }
    }

    /// Number of days in the month.
    pub fn days(self) -> u32 {
        self.last_day().day()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = String;

    fn from_str(s: &str) -> Result<Month, String> {
        let bad = || format!("\u{201c}{s}\u{201d} is not a month (YYYY-MM)");
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year = y.parse().map_err(|_| bad())?;
        let month = m.parse().map_err(|_| bad())?;
        Month::new(year, month).ok_or_else(bad)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_yyyy_mm() {
        let m: Month = "2026-03".parse().unwrap();
        assert_eq!(m.to_string(), "2026-03");
        assert_eq!(Month::of(NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()), m);
        for bad in [
            "2026-13", "2026-3", "26-03", "2026/03", "", "abcd-ef", "0000-01",
        ] {
            assert!(bad.parse::<Month>().is_err(), "{bad}");
        }
        assert!(Month::new(2026, 1).unwrap() < Month::new(2026, 2).unwrap());
    }

    #[test]
    fn steps_and_bounds() {
        let dec = Month::new(2026, 12).unwrap();
        assert_eq!(dec.next(), Month::new(2027, 1));
        assert_eq!(Month::new(2027, 1).unwrap().prev(), Some(dec));
        assert_eq!(
            dec.last_day(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
        );
        assert_eq!(Month::new(2028, 2).unwrap().days(), 29);
        assert_eq!(Month::new(9999, 12).unwrap().next(), None);
        assert_eq!(Month::new(9999, 12).unwrap().days(), 31);
        assert_eq!(Month::new(1, 1).unwrap().prev(), None);
    }
}
