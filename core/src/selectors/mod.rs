//! Selectors: every read of the journal that views, charts, reports and the risk model use, as
//! pure functions from a journal (and a date or range) to figures.
//!
//! [`week`] sums one week day by day and kind by kind, [`checks`] reads the self-checks, [`hours`] measures weeks against the
//! targets, [`caseload`], [`income`] and [`rest`] read the tracking records, and [`report`] puts
//! a period's figures together from the others, [`requirements`] evaluates the stored requirement
//! sets against the journal; [`glance`] gathers Today's figures at a glance and
//! [`recent`] the clinician's recent combinations for one-tap logging.
//!
//! Every selector counts time the same way: an entry's minutes fall on calendar days by
//! [`crate::entry::WorkEntry::day_split`], weeks are ISO weeks (Monday to Sunday, numbered by
//! ISO 8601, so 2027-01-01 falls in week 53 of 2026), and months are calendar months. Ranges are
//! capped so that no input, however odd, makes a selector run for long or allocate much.

pub mod caseload;
pub mod checks;
pub mod glance;
pub mod hours;
pub mod income;
pub mod recent;
pub mod report;
pub mod requirements;
pub mod rest;
pub mod week;

use crate::entry::WorkEntry;
use crate::journal::Journal;
use crate::tracking::OrgId;
use chrono::{Days, NaiveDate};

/// The most days a selector walks (about ten years).
pub const MAX_DAYS: u64 = 3660;

/// The days from `first` to `last` inclusive, at most [`MAX_DAYS`] of them.
pub(crate) fn days(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let count = u64::try_from((last - first).num_days() + 1)
        .unwrap_or(0)
        .min(MAX_DAYS);
    (0..count).map_while(move |i| first.checked_add_days(Days::new(i)))
}

/// The organisation an entry's work was for: the one it names, or else its case's.
pub(crate) fn effective_org<'a>(journal: &'a Journal, entry: &'a WorkEntry) -> Option<&'a OrgId> {
    entry.organisation.as_ref().or_else(|| {
        let case = entry.case.as_ref()?;
        journal
            .cases
            .iter()
            .find(|c| &c.id == case)?
            .organisation
            .as_ref()
    })
}

/// `numerator / denominator` rounded half up, in wide integers; 0 for a zero denominator.
pub(crate) fn div_round(numerator: u128, denominator: u128) -> u128 {
    numerator.checked_div(denominator).map_or(0, |quotient| {
        let remainder = numerator % denominator;
        quotient + u128::from(remainder >= denominator - remainder)
    })
}
