//! Selector: hours by kind per day and per ISO week, against the weekly targets.
//!
//! The week chart stacks each day's minutes by kind; this selector adds what the targets say
//! about them. Overtime is the time over the clinician's sustainable weekly target, and direct
//! time (individual and group sessions and assessments) is compared with the maximum the
//! clinician set, since no research-grade universal limit exists.

pub use super::week::daily_totals;
use crate::entry::WorkKind;
use crate::journal::Journal;
use crate::selectors::week::{week_start, DayTotals, WeekSummary};
use crate::tracking::WorkingDays;
use chrono::{Datelike, Days, IsoWeek, NaiveDate};

/// One ISO week's hours with the targets they are measured against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekHours {
    /// Minutes per day and kind (the same figures the week chart draws).
    pub summary: WeekSummary,
    /// The sustainable weekly target, in minutes.
    pub target_minutes: u32,
    /// The most direct minutes the clinician wants in a week.
    pub max_direct_minutes: u32,
    /// The clinician's usual working days.
    pub working_days: WorkingDays,
}

impl WeekHours {
    /// The week's Monday.
    pub fn monday(&self) -> NaiveDate {
        self.summary.monday()
    }

    /// The ISO year and week number.
    pub fn iso_week(&self) -> IsoWeek {
        self.monday().iso_week()
    }

    /// All minutes of the week.
    pub fn total_minutes(&self) -> u32 {
        self.summary.total_minutes()
    }

    /// Direct client minutes: individual and group sessions and assessments.
    pub fn direct_minutes(&self) -> u32 {
        WorkKind::ALL
            .into_iter()
            .filter(|k| k.is_direct())
            .map(|k| self.summary.kind_minutes(k))
            .sum()
    }

    /// Minutes over the sustainable target; 0 when within it.
    pub fn overtime_minutes(&self) -> u32 {
        self.total_minutes().saturating_sub(self.target_minutes)
    }

    /// Minutes left before the target is reached; 0 when reached.
    pub fn minutes_to_target(&self) -> u32 {
        self.target_minutes.saturating_sub(self.total_minutes())
    }

    /// Total time as a percentage of the target.
    pub fn target_percent(&self) -> u32 {
        super::caseload::percent_of(self.total_minutes(), self.target_minutes)
    }

    /// Direct minutes over the maximum; 0 when within it.
    pub fn direct_over_max_minutes(&self) -> u32 {
        self.direct_minutes()
            .saturating_sub(self.max_direct_minutes)
    }

    /// Direct time as a percentage of the maximum.
    pub fn direct_percent(&self) -> u32 {
        super::caseload::percent_of(self.direct_minutes(), self.max_direct_minutes)
    }

    /// Days with work logged that are not usual working days.
    pub fn days_worked_off_schedule(&self) -> u32 {
        self.summary
            .days
            .iter()
            .filter(|d| d.total() > 0 && !self.working_days.includes(d.date))
            .count() as u32
    }
}

/// The hours of the ISO week holding `date`.
pub fn week_hours(journal: &Journal, date: NaiveDate) -> WeekHours {
    let monday = week_start(date);
    weeks_hours(journal, monday, monday)
        .pop()
        .unwrap_or_else(|| with_targets(journal, WeekSummary::of(journal, date)))
}

/// The hours of the seven days from `first`, against the weekly targets: the week shown on
/// Today, which begins on the locale's first day.
pub fn hours_from(journal: &Journal, first: NaiveDate) -> WeekHours {
    with_targets(journal, WeekSummary::starting(journal, first))
}

/// The hours of every ISO week that overlaps `first..=last`, oldest first.
pub fn weeks_hours(journal: &Journal, first: NaiveDate, last: NaiveDate) -> Vec<WeekHours> {
    let monday = week_start(first);
    let sunday = week_start(last)
        .checked_add_days(Days::new(6))
        .unwrap_or(last);
    let daily = daily_totals(journal, monday, sunday);
    daily
        .chunks_exact(7)
        .filter_map(|week| <[DayTotals; 7]>::try_from(week.to_vec()).ok())
        .map(|days| with_targets(journal, WeekSummary { days }))
        .collect()
}

fn with_targets(journal: &Journal, summary: WeekSummary) -> WeekHours {
    WeekHours {
        summary,
        target_minutes: journal.targets.weekly_minutes,
        max_direct_minutes: journal.targets.max_direct_minutes,
        working_days: journal.targets.working_days,
    }
}

/// Hours logged in each week from the week holding `first` to the week holding `last`, as
/// (Monday, hours). Each entry counts on the days its minutes fall on.
pub fn weekly_hours(journal: &Journal, first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, f64)> {
    let start = week_start(first);
    let weeks = ((last - start).num_days() / 7 + 1).max(0) as usize;
    let mut minutes = vec![0u64; weeks];
    for (date, m) in journal.entries.iter().flat_map(|e| e.day_split().parts()) {
        let index = (date - start).num_days().div_euclid(7);
        if let Some(slot) = usize::try_from(index).ok().and_then(|i| minutes.get_mut(i)) {
            *slot += u64::from(m);
        }
    }
    minutes
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let monday = start
                .checked_add_days(Days::new(7 * i as u64))
                .unwrap_or(start);
            (monday, m as f64 / 60.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{EntryId, WorkEntry};
    use crate::selectors::days;
    use chrono::NaiveTime;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(date: NaiveDate, h: u32, m: u32, minutes: u32, kind: WorkKind) -> WorkEntry {
        WorkEntry {
            start: NaiveTime::from_hms_opt(h, m, 0),
            ..WorkEntry::new(EntryId(format!("{date}-{h}-{m}")), date, minutes, kind)
        }
    }

    #[test]
    fn a_session_past_midnight_is_split_by_its_start_time() {
        // Sunday 23:30 for 90 minutes: 30 minutes on Sunday, 60 on Monday, in the next week.
        let sunday = day(2026, 11, 29);
        let j = Journal {
            entries: vec![at(sunday, 23, 30, 90, WorkKind::OnCall)].into(),
            ..Journal::default()
        };
        let days = daily_totals(&j, sunday, day(2026, 11, 30));
        assert_eq!(days[0].of(WorkKind::OnCall), 30);
        assert_eq!(days[1].of(WorkKind::OnCall), 60);
        let weeks = weeks_hours(&j, sunday, day(2026, 11, 30));
        assert_eq!(weeks.len(), 2);
        assert_eq!(weeks[0].total_minutes(), 30);
        assert_eq!(weeks[1].total_minutes(), 60);
        assert_eq!(WeekSummary::of(&j, sunday).total_minutes(), 30);
        // Without a start time the whole entry counts on its date.
        let undated = Journal {
            entries: vec![WorkEntry::new(
                EntryId("x".into()),
                sunday,
                90,
                WorkKind::OnCall,
            )]
            .into(),
            ..Journal::default()
        };
        assert_eq!(week_hours(&undated, sunday).total_minutes(), 90);
        assert_eq!(undated.minutes_on(sunday), 90);
    }

    #[test]
    fn a_daylight_saving_change_does_not_alter_minute_sums() {
        // In much of Europe clocks went forward at 01:00 UTC on Sun 29 Mar 2026 and go back on
        // Sun 25 Oct 2026. Tend stores local calendar dates and lengths in minutes, so a
        // session logged as 01:30 for 120 minutes on either day is 120 minutes of that day,
        // whatever the wall clock did; a day is always counted as 1440 minutes.
        for date in [day(2026, 3, 29), day(2026, 10, 25)] {
            let j = Journal {
                entries: vec![at(date, 1, 30, 120, WorkKind::OnCall)].into(),
                ..Journal::default()
            };
            assert_eq!(j.minutes_on(date), 120);
            assert_eq!(week_hours(&j, date).total_minutes(), 120);
            let late = Journal {
                entries: vec![at(date, 23, 0, 120, WorkKind::OnCall)].into(),
                ..Journal::default()
            };
            assert_eq!(late.minutes_on(date), 60);
            assert_eq!(late.minutes_on(date.succ_opt().unwrap()), 60);
        }
    }

    #[test]
    fn overtime_and_direct_time_against_the_targets() {
        let monday = day(2026, 11, 23);
        let mut entries = Vec::new();
        for (i, d) in days(monday, day(2026, 11, 29)).enumerate() {
            entries.push(WorkEntry::new(
                EntryId(format!("d{i}")),
                d,
                5 * 60,
                WorkKind::DirectSession,
            ));
            entries.push(WorkEntry::new(
                EntryId(format!("g{i}")),
                d,
                60,
                WorkKind::GroupSession,
            ));
            entries.push(WorkEntry::new(
                EntryId(format!("a{i}")),
                d,
                30,
                WorkKind::Admin,
            ));
        }
        let j = Journal {
            entries: entries.into(),
            ..Journal::default()
        };
        let week = week_hours(&j, day(2026, 11, 25));
        assert_eq!(week.total_minutes(), 7 * 390);
        assert_eq!(week.direct_minutes(), 7 * 360);
        assert_eq!(week.overtime_minutes(), 7 * 390 - (37 * 60 + 30));
        assert_eq!(week.minutes_to_target(), 0);
        assert_eq!(week.direct_over_max_minutes(), 7 * 360 - 20 * 60);
        assert_eq!(week.direct_percent(), 210);
        assert_eq!(week.days_worked_off_schedule(), 2, "Saturday and Sunday");
        assert_eq!(week.target_percent(), 121);
    }

    #[test]
    fn week_53_and_week_1_across_the_new_year() {
        let j = Journal {
            entries: vec![
                WorkEntry::new(EntryId("a".into()), day(2027, 1, 1), 60, WorkKind::Admin),
                WorkEntry::new(EntryId("b".into()), day(2027, 1, 4), 30, WorkKind::Admin),
                at(day(2027, 1, 3), 23, 45, 30, WorkKind::Admin),
            ]
            .into(),
            ..Journal::default()
        };
        let weeks = weeks_hours(&j, day(2026, 12, 31), day(2027, 1, 4));
        let ids: Vec<_> = weeks
            .iter()
            .map(|w| (w.iso_week().year(), w.iso_week().week(), w.total_minutes()))
            .collect();
        assert_eq!(ids, vec![(2026, 53, 75), (2027, 1, 45)]);
    }
}
