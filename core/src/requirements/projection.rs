//! When a licensure log would be complete at the recent pace.
//!
//! The pace is what was counted (after the weekly rules: qualifying weeks, counting double, weekly
//! caps) in the log's most recent complete weeks: `pace_weeks` of them (12 unless the set says
//! otherwise), ending with the week before the current one, and never reaching back before the
//! week the log starts in. Each category is taken to go on at its own pace, day by day, until its
//! cap; the projected date is the first day on which the capped categories reach the total and
//! every category minimum is met. Everything is whole numbers (minutes times the days of the
//! window), so the date is exact.

use super::definition::{LicensureLog, WeekStarts};
use crate::units::week::week_start_on;
use chrono::{Days, NaiveDate};

/// How far ahead a projection looks: about fifty years.
pub const HORIZON_DAYS: u64 = 50 * 366;

/// The recent weeks a pace is measured over, and what each category counted in them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pace {
    /// The first day of the first week measured (the current week's first day when none is).
    pub first: NaiveDate,
    /// How many complete weeks were measured.
    pub weeks: u32,
    /// Minutes counted in each category over those weeks, in the log's category order.
    pub minutes: Vec<u64>,
}

/// When the log would be complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Projection {
    /// It is complete already.
    Complete,
    /// On this day, at the recent pace.
    On(NaiveDate),
    /// No complete week since the log started, so there is no pace yet.
    TooLittleHistory,
    /// Nothing was counted in the recent weeks.
    NoRecentHours,
    /// Not within about fifty years at the recent pace (or never, because a category that is
    /// still needed has had no recent hours, or its cap stops it).
    NotWithinHorizon,
}

/// The pace window: the first day of its first week and how many complete weeks it spans, for a
/// log whose hours start in the week holding `anchor`.
pub(crate) fn window(
    today: NaiveDate,
    starts: WeekStarts,
    anchor: Option<NaiveDate>,
    pace_weeks: u32,
) -> (NaiveDate, u32) {
    let current = week_start_on(today, starts.weekday());
    let Some(anchor) = anchor.map(|a| week_start_on(a, starts.weekday())) else {
        return (current, 0);
    };
    let back = current
        .checked_sub_days(Days::new(7 * u64::from(pace_weeks)))
        .unwrap_or(anchor);
    let first = back.max(anchor).min(current);
    let weeks = u32::try_from((current - first).num_days() / 7).unwrap_or(0);
    (first, weeks)
}

/// When `log` would be complete from `before_caps` (each category's counted minutes before its
/// overall cap) at `pace`.
pub(crate) fn project(
    log: &LicensureLog,
    before_caps: &[u64],
    pace: &Pace,
    today: NaiveDate,
) -> Projection {
    let scale = 7 * u128::from(pace.weeks);
    let reached = |days: u64, scale: u128| {
        let mut sum: u128 = 0;
        for (i, category) in log.categories.iter().enumerate() {
            let now = u128::from(before_caps.get(i).copied().unwrap_or(0));
            let rate = u128::from(pace.minutes.get(i).copied().unwrap_or(0));
            let mut value = now * scale + u128::from(days) * rate;
            if let Some(cap) = category.cap_minutes {
                value = value.min(u128::from(cap) * scale);
            }
            if category
                .min_minutes
                .is_some_and(|min| value < u128::from(min) * scale)
            {
                return false;
            }
            sum += value;
        }
        sum >= u128::from(log.total_minutes) * scale
    };
    if reached(0, 1) {
        return Projection::Complete;
    }
    if pace.weeks == 0 {
        return Projection::TooLittleHistory;
    }
    if pace.minutes.iter().all(|m| *m == 0) {
        return Projection::NoRecentHours;
    }
    if !reached(HORIZON_DAYS, scale) {
        return Projection::NotWithinHorizon;
    }
    // The smallest number of days that reaches it: progress never falls as days pass.
    let (mut low, mut high) = (0, HORIZON_DAYS);
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if reached(mid, scale) {
            high = mid;
        } else {
            low = mid;
        }
    }
    today
        .checked_add_days(Days::new(high))
        .map_or(Projection::NotWithinHorizon, Projection::On)
}
