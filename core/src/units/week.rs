//! The first day of a week, for weeks that begin on any weekday.
//!
//! It sits with the units because both the selectors and the requirement rules (which the journal
//! stores, so they may not read the selectors) cut time into weeks the same way.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The first day of the week holding `date`, for weeks that begin on `first`.
pub fn week_start_on(date: NaiveDate, first: Weekday) -> NaiveDate {
    let back = u64::from(date.weekday().days_since(first));
    date.checked_sub_days(Days::new(back)).unwrap_or(date)
}
