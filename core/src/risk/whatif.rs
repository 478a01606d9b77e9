//! What-if: the index projected for the coming weeks under a changed workload or a planned
//! vacation, before the clinician commits to a new contract.
//!
//! The projection starts from a recent week's inputs and assumes the usual week continues: the
//! recent average hours (changed by the adjustment), the same caseload (plus or minus cases at
//! a given weight), the same share of trauma work, breaks, support and self-check results. Days
//! since a day off keep growing only if there was none in the last week; the vacation clock keeps
//! running until the planned vacation, which resets it and the day-off count.

use super::inputs::WeekInputs;
use super::score::{score, Band};
use chrono::{Days, NaiveDate};

/// The changes to try.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct WhatIf {
    /// Cases added (positive) or closed (negative).
    pub cases: i32,
    /// Points each of those cases carries (the clinician's moderate weight, say).
    pub case_points: u32,
    /// Hours a week more (positive) or fewer (negative).
    pub weekly_hours: i32,
    /// Days of a planned vacation; 0 for none.
    pub vacation_days: u32,
    /// Weeks from now until the vacation starts on a Monday (1 is next week).
    pub vacation_in_weeks: u32,
}

/// One projected week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Projected {
    /// The week's Monday.
    pub monday: NaiveDate,
    /// The projected index.
    pub index: u32,
    /// Its band.
    pub band: Band,
}

/// The most weeks projected.
pub const MAX_PROJECTED_WEEKS: usize = 26;

/// Projects the index for `weeks` weeks after the week starting `monday`, whose inputs are `base`.
pub fn project(
    base: &WeekInputs,
    monday: NaiveDate,
    what: &WhatIf,
    weeks: usize,
) -> Vec<Projected> {
    let hours = i64::from(base.recent_minutes) + i64::from(what.weekly_hours) * 60;
    let usual = u32::try_from(hours.max(0)).unwrap_or(u32::MAX);
    let load =
        i64::from(base.caseload_points) + i64::from(what.cases) * i64::from(what.case_points);
    let caseload = u32::try_from(load.max(0)).unwrap_or(u32::MAX);
    let vacation = (what.vacation_days > 0).then(|| {
        let first = 7 * u64::from(what.vacation_in_weeks.max(1));
        (first, first + u64::from(what.vacation_days) - 1)
    });
    let regular_days_off = base.days_since_day_off <= 7;
    let mut worked: Vec<u32> = Vec::new();
    (1..=weeks.min(MAX_PROJECTED_WEEKS) as u64)
        .map_while(|j| {
            let week_first = 7 * j;
            let week_last = week_first + 6;
            let on_leave = vacation.map_or(0, |(a, b)| overlap(week_first, week_last, a, b));
            worked.push((u64::from(usual) * (7 - on_leave) / 7) as u32);
            let recent = &worked[worked.len().saturating_sub(4)..];
            let recent = recent.iter().map(|m| u64::from(*m)).sum::<u64>() / recent.len() as u64;
            let grown = |days: u32| days.saturating_add((7 * j) as u32);
            let (since_vacation, since_off, logged) = match vacation {
                Some((a, b)) if a <= week_last => {
                    let since = week_last.saturating_sub(b) as u32;
                    let off = if regular_days_off {
                        base.days_since_day_off.min(since)
                    } else {
                        since
                    };
                    (since, off, true)
                }
                _ => (
                    grown(base.days_since_vacation),
                    if regular_days_off {
                        base.days_since_day_off
                    } else {
                        grown(base.days_since_day_off)
                    },
                    base.vacation_logged,
                ),
            };
            let inputs = WeekInputs {
                worked_minutes: *worked.last()?,
                recent_minutes: recent as u32,
                caseload_points: caseload,
                days_since_day_off: since_off,
                days_since_vacation: since_vacation,
                vacation_logged: logged,
                ..*base
            };
            let index = score(&inputs).index;
            Some(Projected {
                monday: monday.checked_add_days(Days::new(week_first))?,
                index,
                band: Band::of(index),
            })
        })
        .collect()
}

/// Days shared by `a..=b` and `c..=d`, at most 7.
fn overlap(a: u64, b: u64, c: u64, d: u64) -> u64 {
    (b.min(d) + 1).saturating_sub(a.max(c)).min(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 16).unwrap()
    }

    fn base() -> WeekInputs {
        WeekInputs {
            worked_minutes: 40 * 60,
            recent_minutes: 40 * 60,
            target_minutes: Some(40 * 60),
            caseload_points: 80,
            capacity_points: Some(100),
            pauses_target: 3,
            pauses_tenths: Some(30),
            days_since_day_off: 1,
            days_since_vacation: 100,
            vacation_logged: true,
            ..WeekInputs::default()
        }
    }

    #[test]
    fn without_a_vacation_the_clock_keeps_running() {
        let weeks = project(&base(), monday(), &WhatIf::default(), 12);
        assert_eq!(weeks.len(), 12);
        assert_eq!(
            weeks[0].monday,
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
        // Only the vacation clock moves: 9 × (100 + 7j − 14) / 166 points.
        let expected: Vec<u32> = (1..=12)
            .map(|j| (9.0 * f64::from(100 + 7 * j - 14) / 166.0).round() as u32)
            .collect();
        assert_eq!(weeks.iter().map(|w| w.index).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn a_planned_vacation_resets_the_clock_and_more_work_raises_the_index() {
        let plan = WhatIf {
            vacation_days: 14,
            vacation_in_weeks: 3,
            ..WhatIf::default()
        };
        let rested = project(&base(), monday(), &plan, 12);
        let as_is = project(&base(), monday(), &WhatIf::default(), 12);
        assert_eq!(rested[..2], as_is[..2], "nothing changes before it");
        assert_eq!((rested[2].index, rested[3].index), (0, 0), "on vacation");
        assert!(rested[11].index < as_is[11].index);
        let busier = WhatIf {
            cases: 5,
            case_points: 6,
            weekly_hours: 8,
            ..WhatIf::default()
        };
        let busy = project(&base(), monday(), &busier, 12);
        // 110 of 100 points (9 points), 8 h over target (6 × 480 / 600 = 4.8) and
        // 48 h against 40 (5 × 0.2 / 0.4 = 2.5), on top of the vacation clock.
        assert_eq!(
            busy[0].index,
            (9.0 + 4.8 + 2.5 + 9.0 * 79.0 / 166.0_f64).round() as u32
        );
        let fewer = WhatIf {
            cases: -100,
            case_points: 6,
            weekly_hours: -100,
            ..WhatIf::default()
        };
        assert_eq!(
            project(&base(), monday(), &fewer, 1)[0].index,
            as_is[0].index
        );
    }
}
