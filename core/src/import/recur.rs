//! Following a repeat rule on the wall clock: the starts it makes in a window of days.
//!
//! Each period (day, week, month or year, times INTERVAL) is visited in order and its selected
//! days found, so the work is bounded by the window's last day and a step budget shared by the
//! whole import; a rule without COUNT skips straight to the periods near the window. Rules are
//! read in `rrule`, which lists the supported subset.

use super::rrule::{Freq, Rule};
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime};
use std::cell::Cell;

/// A budget of expansion steps shared by everything one import expands. It is a `Cell` so that
/// the conversions called back during an expansion can spend from the same budget.
#[derive(Debug)]
pub struct Budget(Cell<u64>);

impl Budget {
    /// A budget of `steps` steps.
    pub fn new(steps: u64) -> Budget {
        Budget(Cell::new(steps))
    }

    /// Spends steps; false once the budget is used up.
    pub fn spend(&self, steps: usize) -> bool {
        let left = self.0.get().saturating_sub(steps as u64 + 1);
        self.0.set(left);
        left > 0
    }

    /// Whether the budget is used up.
    pub fn is_spent(&self) -> bool {
        self.0.get() == 0
    }
}

/// How an expansion ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    /// The rule ran out (COUNT, UNTIL) or passed the last day.
    Done,
    /// The step budget ran out first.
    OutOfBudget,
}

impl Rule {
    /// Finds the starts the rule makes from `start` (wall clock), calling `found` with each one
    /// on or after `first_day`, until COUNT or UNTIL ends the rule (`past_until` says whether a
    /// start lies after UNTIL), a start passes `last_day`, or `found` returns false.
    pub fn expand(
        &self,
        start: NaiveDateTime,
        first_day: NaiveDate,
        last_day: NaiveDate,
        budget: &Budget,
        mut past_until: impl FnMut(NaiveDateTime) -> bool,
        mut found: impl FnMut(NaiveDateTime) -> bool,
    ) -> Ended {
        let mut counted: u64 = 0;
        // Without COUNT, periods wholly before `first_day` need not be visited one by one.
        let mut period = match self.count {
            None => self.periods_between(start.date(), first_day) / u64::from(self.interval),
            Some(_) => 0,
        };
        loop {
            let Some(first) = self.period_start(start.date(), period) else {
                return Ended::Done;
            };
            if first > last_day {
                return Ended::Done;
            }
            let days = self.candidates(first, start.date());
            if !budget.spend(days.len()) {
                return Ended::OutOfBudget;
            }
            for day in days {
                let at = day.and_time(start.time());
                if at < start {
                    continue;
                }
                if day > last_day || past_until(at) {
                    return Ended::Done;
                }
                // RFC 5545 §3.3.10: "The DTSTART property value always counts as the first
                // occurrence", also when the rule itself would not make it (#17).
                if counted == 0 && at > start {
                    counted = 1;
                }
                counted += 1;
                if self.count.is_some_and(|c| counted > c) {
                    return Ended::Done;
                }
                if day >= first_day && !found(at) {
                    return Ended::Done;
                }
            }
            period += 1;
        }
    }

    /// How many whole periods (of one unit, before INTERVAL) lie between two dates.
    fn periods_between(&self, from: NaiveDate, to: NaiveDate) -> u64 {
        if to <= from {
            return 0;
        }
        let days = (to - from).num_days();
        let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
        let n = match self.freq {
            Freq::Daily => days,
            Freq::Weekly => days / 7 - 1,
            Freq::Monthly => i64::from(months) - 1,
            Freq::Yearly => i64::from(to.year() - from.year()) - 1,
        };
        n.max(0) as u64
    }

    /// The first day of period number `n` (counted in INTERVALs) of a rule starting on `start`.
    fn period_start(&self, start: NaiveDate, n: u64) -> Option<NaiveDate> {
        let steps = n.checked_mul(u64::from(self.interval))?;
        match self.freq {
            Freq::Daily => start.checked_add_days(Days::new(steps)),
            Freq::Weekly => {
                let back = (7 + start.weekday().num_days_from_monday()
                    - self.week_start.num_days_from_monday())
                    % 7;
                let week = start.checked_sub_days(Days::new(u64::from(back)))?;
                week.checked_add_days(Days::new(steps.checked_mul(7)?))
            }
            Freq::Monthly => start
                .with_day(1)?
                .checked_add_months(Months::new(u32::try_from(steps).ok()?)),
            Freq::Yearly => {
                let year = i64::from(start.year()).checked_add(i64::try_from(steps).ok()?)?;
                NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, 1, 1)
            }
        }
    }

    /// The days of the period beginning on `first` that the rule selects, in order.
    fn candidates(&self, first: NaiveDate, start: NaiveDate) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = match self.freq {
            Freq::Daily => vec![first],
            Freq::Weekly => (0..7)
                .filter_map(|i| first.checked_add_days(Days::new(i)))
                .collect(),
            Freq::Monthly => self.in_month(first.year(), first.month(), start.day()),
            Freq::Yearly if !self.by_month.is_empty() => (1..=12)
                .filter(|m| self.by_month.contains(m))
                .flat_map(|m| self.in_month(first.year(), m, start.day()))
                .collect(),
            // Without BYMONTH a numbered BYDAY counts within the year (RFC 5545 §3.3.10: "the
            // first Monday within the year"), also when BYMONTHDAY expands and BYDAY limits.
            Freq::Yearly if !self.by_month_day.is_empty() || !self.by_day.is_empty() => {
                self.in_year(first.year())
            }
            Freq::Yearly => NaiveDate::from_ymd_opt(first.year(), start.month(), start.day())
                .into_iter()
                .collect(),
        };
        days.retain(|d| self.by_month.is_empty() || self.by_month.contains(&d.month()));
        if matches!(self.freq, Freq::Daily | Freq::Weekly) {
            days.retain(|d| self.month_day_ok(*d));
            let default_day = [(0, start.weekday())];
            let wanted = if self.by_day.is_empty() && self.freq == Freq::Weekly {
                &default_day[..]
            } else {
                &self.by_day[..]
            };
            days.retain(|d| wanted.is_empty() || wanted.iter().any(|(_, w)| d.weekday() == *w));
        }
        // Every branch lists days in order, once each, and the filters keep that order.
        self.set_positions(days)
    }

    /// The days of one month selected by BYMONTHDAY and BYDAY (or the start's day of month).
    fn in_month(&self, year: i32, month: u32, default_day: u32) -> Vec<NaiveDate> {
        let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
            return Vec::new();
        };
        let all: Vec<NaiveDate> = first
            .iter_days()
            .take_while(|d| d.month() == month)
            .collect();
        let len = all.len() as i32;
        if self.by_month_day.is_empty() && self.by_day.is_empty() {
            return all.into_iter().filter(|d| d.day() == default_day).collect();
        }
        all.into_iter()
            .filter(|d| self.by_month_day.is_empty() || self.month_day_ok(*d))
            .filter(|d| {
                let (index, from_end) = (d.day() as i32 - 1, len - d.day() as i32);
                self.by_day.is_empty()
                    || self.by_day.iter().any(|(ord, w)| {
                        d.weekday() == *w && nth_matches(*ord, index / 7 + 1, from_end / 7 + 1)
                    })
            })
            .collect()
    }

    /// The days of one year selected by BYMONTHDAY and BYDAY, a numbered BYDAY counted within
    /// the year (yearly rules without BYMONTH only).
    fn in_year(&self, year: i32) -> Vec<NaiveDate> {
        let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            return Vec::new();
        };
        let all: Vec<NaiveDate> = first.iter_days().take_while(|d| d.year() == year).collect();
        let len = all.len() as i32;
        all.into_iter()
            .filter(|d| self.month_day_ok(*d))
            .filter(|d| {
                let index = d.ordinal0() as i32;
                self.by_day.is_empty()
                    || self.by_day.iter().any(|(ord, w)| {
                        d.weekday() == *w
                            && nth_matches(*ord, index / 7 + 1, (len - 1 - index) / 7 + 1)
                    })
            })
            .collect()
    }

    fn month_day_ok(&self, d: NaiveDate) -> bool {
        let len = days_in_month(d.year(), d.month()) as i32;
        self.by_month_day.is_empty()
            || self.by_month_day.iter().any(|n| {
                let day = if *n > 0 { *n } else { len + 1 + *n };
                day == d.day() as i32
            })
    }

    /// The days at the BYSETPOS positions (1 the first, -1 the last), in order.
    fn set_positions(&self, days: Vec<NaiveDate>) -> Vec<NaiveDate> {
        if self.by_set_pos.is_empty() {
            return days;
        }
        let len = days.len() as i32;
        let picked = |i: i32| {
            self.by_set_pos
                .iter()
                .any(|p| if *p > 0 { *p - 1 == i } else { len + *p == i })
        };
        (0..len)
            .zip(days)
            .filter(|(i, _)| picked(*i))
            .map(|(_, d)| d)
            .collect()
    }
}

/// Whether the `nth` weekday from the start (or `nth_from_end` from the end) matches an
/// ordinal: 0 matches every one, 2 the second, -1 the last.
fn nth_matches(ordinal: i32, nth: i32, nth_from_end: i32) -> bool {
    ordinal == 0 || ordinal == nth || -ordinal == nth_from_end
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(28, |d| d.day())
}
