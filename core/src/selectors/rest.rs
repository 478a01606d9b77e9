//! Selector: breaks on working days, days since the last full day off, and the vacation clock.
//!
//! Short pauses during the day help against fatigue, and the benefit of a vacation fades within
//! weeks of coming back, so Tend shows how often the clinician paused on the days they worked and
//! how long it has been since a day, and a vacation, away from work.
//!
//! Definitions, also in `docs/tracking-model.md`:
//! - A day counts for the breaks target if any work was logged on it (scheduled or not).
//!   Pauses are micro-breaks, meal breaks and self-care ([`crate::tracking::BreakKind::is_pause`]).
//! - A full day off is a day covered by a day-off or vacation record, or a day with no work
//!   counted on it (after splitting entries past midnight). Today counts only through a record,
//!   since work may still be logged today. Days before the first record are unknown.
//! - The vacation clock counts days since the last day of the most recent vacation begun by
//!   today: 0 while on vacation, `None` if no vacation is logged.

use super::{days, MAX_DAYS};
use crate::journal::Journal;
use crate::tracking::BreakKind;
use chrono::{Datelike, Days, NaiveDate};
use std::collections::HashSet;

/// One worked day's pauses against the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayBreaks {
    /// The day.
    pub date: NaiveDate,
    /// Minutes of work counted on it.
    pub worked_minutes: u32,
    /// Pauses logged on it.
    pub pauses: u32,
    /// Their total minutes.
    pub pause_minutes: u32,
    /// Pauses aimed for per working day.
    pub target: u32,
    /// True if the day is one of the usual working days.
    pub scheduled: bool,
}

impl DayBreaks {
    /// True if the day had at least the target number of pauses.
    pub fn met(&self) -> bool {
        self.pauses >= self.target
    }
}

/// Pauses on every day with work from `first` to `last` inclusive, oldest first.
pub fn breaks_per_working_day(
    journal: &Journal,
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<DayBreaks> {
    let worked = super::hours::daily_totals(journal, first, last);
    let targets = &journal.targets;
    worked
        .iter()
        .filter(|d| d.total() > 0)
        .map(|d| {
            let pauses = journal
                .breaks
                .dated(d.date, d.date)
                .filter(|b| b.kind.is_pause());
            let (count, minutes) = pauses.fold((0u32, 0u32), |(n, m), b| {
                (n + 1, m.saturating_add(b.minutes))
            });
            DayBreaks {
                date: d.date,
                worked_minutes: d.total(),
                pauses: count,
                pause_minutes: minutes,
                target: targets.breaks_per_day,
                scheduled: targets.working_days.includes(d.date),
            }
        })
        .collect()
}

/// A range's worked days summed up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BreaksSummary {
    /// Days with work.
    pub days_worked: u32,
    /// Of those, days that met the target.
    pub days_met: u32,
    /// Pauses on those days.
    pub pauses: u32,
    /// Pauses per worked day in tenths (25 means 2.5), rounded half up; 0 with no days.
    pub per_day_tenths: u32,
}

/// Sums up [`breaks_per_working_day`].
pub fn summarise_breaks(days: &[DayBreaks]) -> BreaksSummary {
    let days_worked = days.len() as u32;
    let pauses = days.iter().map(|d| d.pauses).sum();
    BreaksSummary {
        days_worked,
        days_met: days.iter().filter(|d| d.met()).count() as u32,
        pauses,
        per_day_tenths: u32::try_from(super::div_round(
            u128::from(pauses) * 10,
            u128::from(days_worked),
        ))
        .unwrap_or(u32::MAX),
    }
}

fn rest_record_covers(journal: &Journal, date: NaiveDate) -> bool {
    journal
        .breaks
        .iter()
        .any(|b| b.kind.is_rest_day() && b.covers(date))
}

/// True if `date` was a full day off: covered by a day-off or vacation record, or with no work
/// counted on it.
pub fn is_full_day_off(journal: &Journal, date: NaiveDate) -> bool {
    rest_record_covers(journal, date) || journal.minutes_on(date) == 0
}

/// Days since the last full day off, as of `today`: 0 if today is a recorded day off, 1 if
/// yesterday was a day off, and so on. `None` if there is none since the first record (or no
/// records at all), looking back at most about ten years.
pub fn days_since_full_day_off(journal: &Journal, today: NaiveDate) -> Option<u32> {
    if rest_record_covers(journal, today) {
        return Some(0);
    }
    let earliest = journal
        .entries
        .earliest()
        .into_iter()
        .chain(journal.breaks.earliest())
        .min()?;
    // Today's glance asks this after every entry logged, so it must not read every day of a long
    // history: it looks back 64 days first, then four times further each time nothing was found.
    let mut span = 64;
    loop {
        let from = today
            .checked_sub_days(Days::new(span))
            .unwrap_or(NaiveDate::MIN)
            .max(earliest);
        if let Some(back) = day_off_since(journal, today, from) {
            return Some(back);
        }
        if from <= earliest || span >= MAX_DAYS {
            return None;
        }
        span = (span * 4).min(MAX_DAYS);
    }
}

/// Days back from `today` to the latest full day off on or after `from`, if there is one.
fn day_off_since(journal: &Journal, today: NaiveDate, from: NaiveDate) -> Option<u32> {
    // An entry that starts the evening before `from` can count minutes on `from`.
    let reach = from.pred_opt().unwrap_or(from);
    let worked: HashSet<NaiveDate> = journal
        .entries
        .dated(reach, today)
        .flat_map(|e| e.day_split().parts())
        .filter(|(_, m)| *m > 0)
        .map(|(d, _)| d)
        .collect();
    let rest: Vec<_> = journal
        .breaks
        .iter()
        .filter(|b| b.kind.is_rest_day() && b.last_day() >= from && b.date <= today)
        .collect();
    (1..=MAX_DAYS)
        .map_while(|back| today.checked_sub_days(Days::new(back)).map(|d| (back, d)))
        .take_while(|(_, d)| *d >= from)
        .find(|(_, d)| !worked.contains(d) || rest.iter().any(|b| b.covers(*d)))
        .and_then(|(back, _)| u32::try_from(back).ok())
}

/// The vacation clock: days since the last day of the most recent vacation that began by
/// `today`; 0 while on vacation; `None` if no vacation is logged.
pub fn vacation_clock(journal: &Journal, today: NaiveDate) -> Option<u32> {
    let last = journal
        .breaks
        .iter()
        .filter(|b| b.kind == BreakKind::Vacation && b.date <= today)
        .map(|b| b.last_day().min(today))
        .max()?;
    u32::try_from((today - last).num_days()).ok()
}

/// Days in `first..=last` covered by a record of `kind` (for counting days off, vacation or
/// sick days in a period).
pub fn days_of(journal: &Journal, kind: BreakKind, first: NaiveDate, last: NaiveDate) -> u32 {
    days(first, last)
        .filter(|d| {
            journal
                .breaks
                .iter()
                .any(|b| b.kind == kind && b.covers(*d))
        })
        .count() as u32
}

/// One week of pauses on the days worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekBreaks {
    /// The Monday starting the week.
    pub monday: NaiveDate,
    /// Days with work in the week.
    pub days_worked: u32,
    /// Pauses logged on those days.
    pub pauses: u32,
    /// Pauses aimed for per working day.
    pub target: u32,
}

impl WeekBreaks {
    /// Average pauses per working day in tenths (0 when no day was worked).
    pub fn per_day_tenths(&self) -> u32 {
        (self.pauses * 10)
            .checked_div(self.days_worked)
            .unwrap_or_default()
    }

    /// True if the average met the target, or there was no work to pause from.
    pub fn met(&self) -> bool {
        self.pauses >= self.target * self.days_worked
    }
}

/// Pauses per working day for the `weeks` ISO weeks ending with the one holding `last`.
pub fn breaks_by_week(journal: &Journal, last: NaiveDate, weeks: u32) -> Vec<WeekBreaks> {
    let last_monday = last
        .checked_sub_days(Days::new(u64::from(last.weekday().num_days_from_monday())))
        .unwrap_or(last);
    let first = last_monday
        .checked_sub_days(Days::new(7 * u64::from(weeks.saturating_sub(1))))
        .unwrap_or(last_monday);
    let end = last_monday.checked_add_days(Days::new(6)).unwrap_or(last);
    let days = breaks_per_working_day(journal, first, end);
    (0..weeks)
        .filter_map(|w| first.checked_add_days(Days::new(7 * u64::from(w))))
        .map(|monday| {
            let in_week: Vec<_> = days
                .iter()
                .filter(|d| d.date >= monday && (d.date - monday).num_days() < 7)
                .collect();
            WeekBreaks {
                monday,
                days_worked: in_week.len() as u32,
                pauses: in_week.iter().map(|d| d.pauses).sum(),
                target: journal.targets.breaks_per_day,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{EntryId, WorkEntry, WorkKind};
    use crate::journal::Action;
    use crate::tracking::{BreakEntry, BreakId};
    use chrono::NaiveTime;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn rest(
        id: &str,
        kind: BreakKind,
        date: NaiveDate,
        minutes: u32,
        until: Option<NaiveDate>,
    ) -> Action {
        Action::AddBreak(BreakEntry {
            id: BreakId(id.into()),
            kind,
            date,
            minutes,
            until,
        })
    }

    fn work(id: &str, date: NaiveDate) -> Action {
        Action::AddEntry(WorkEntry::new(
            EntryId(id.into()),
            date,
            60,
            WorkKind::DirectSession,
        ))
    }

    fn build(actions: &[Action]) -> Journal {
        actions
            .iter()
            .fold(Journal::default(), |j, a| j.apply(a).unwrap())
    }

    #[test]
    fn pauses_are_counted_on_days_with_work() {
        let j = build(&[
            work("mon", day(11, 23)),
            work("sat", day(11, 28)),
            rest("a", BreakKind::MicroBreak, day(11, 23), 5, None),
            rest("b", BreakKind::MealBreak, day(11, 23), 30, None),
            rest("c", BreakKind::SelfCare, day(11, 23), 20, None),
            rest("d", BreakKind::PersonalTherapy, day(11, 23), 50, None),
            rest("e", BreakKind::MicroBreak, day(11, 24), 5, None),
        ]);
        let days = breaks_per_working_day(&j, day(11, 23), day(11, 29));
        assert_eq!(days.len(), 2, "only days with work");
        assert_eq!((days[0].pauses, days[0].pause_minutes), (3, 55));
        assert!(days[0].met() && days[0].scheduled);
        assert_eq!(days[1].pauses, 0);
        assert!(!days[1].met() && !days[1].scheduled);
        let summary = summarise_breaks(&days);
        assert_eq!(
            summary,
            BreaksSummary {
                days_worked: 2,
                days_met: 1,
                pauses: 3,
                per_day_tenths: 15
            }
        );
        assert_eq!(summarise_breaks(&[]).per_day_tenths, 0);
    }

    #[test]
    fn days_since_a_full_day_off() {
        let mut actions: Vec<Action> = (1..=20)
            .filter(|d| *d != 8)
            .map(|d| work(&format!("w{d}"), day(6, d)))
            .collect();
        assert_eq!(build(&actions).entries.len(), 19);
        // Worked every day but the 8th: on the 20th the last day off was 12 days ago.
        assert_eq!(
            days_since_full_day_off(&build(&actions), day(6, 20)),
            Some(12)
        );
        // Today without work yet is not counted; yesterday without work is.
        assert_eq!(
            days_since_full_day_off(&build(&actions), day(6, 22)),
            Some(1)
        );
        // A day off logged on a day with some work still counts as a day off.
        actions.push(rest("off", BreakKind::DayOff, day(6, 15), 0, None));
        assert_eq!(
            days_since_full_day_off(&build(&actions), day(6, 20)),
            Some(5)
        );
        actions.push(rest(
            "now",
            BreakKind::Vacation,
            day(6, 20),
            0,
            Some(day(6, 25)),
        ));
        assert_eq!(
            days_since_full_day_off(&build(&actions), day(6, 20)),
            Some(0)
        );
        // A sick day is not a rest record, but a day with no work is a day off all the same.
        let sick = build(&[
            work("a", day(6, 1)),
            rest("s", BreakKind::SickDay, day(6, 2), 0, None),
            work("b", day(6, 2)),
            work("c", day(6, 3)),
        ]);
        assert_eq!(days_since_full_day_off(&sick, day(6, 3)), None);
        assert_eq!(
            days_since_full_day_off(&Journal::default(), day(6, 3)),
            None
        );
    }

    #[test]
    fn the_spill_of_a_night_session_makes_the_next_day_a_worked_day() {
        let night = WorkEntry {
            start: NaiveTime::from_hms_opt(23, 0, 0),
            ..WorkEntry::new(EntryId("n".into()), day(3, 1), 120, WorkKind::OnCall)
        };
        let j = build(&[work("a", day(2, 28)), Action::AddEntry(night)]);
        assert!(!is_full_day_off(&j, day(3, 2)));
        assert!(is_full_day_off(&j, day(3, 3)));
        assert_eq!(days_since_full_day_off(&j, day(3, 3)), None);
        assert_eq!(days_since_full_day_off(&j, day(3, 4)), Some(1));
    }

    #[test]
    fn the_vacation_clock() {
        let j = build(&[
            rest("v1", BreakKind::Vacation, day(1, 5), 0, Some(day(1, 9))),
            rest("v2", BreakKind::Vacation, day(8, 3), 0, Some(day(8, 14))),
            rest("d", BreakKind::DayOff, day(3, 1), 0, None),
        ]);
        assert_eq!(vacation_clock(&j, day(1, 1)), None);
        assert_eq!(vacation_clock(&j, day(1, 7)), Some(0));
        assert_eq!(vacation_clock(&j, day(3, 10)), Some(60));
        assert_eq!(vacation_clock(&j, day(8, 14)), Some(0));
        assert_eq!(vacation_clock(&j, day(8, 20)), Some(6));
        assert_eq!(days_of(&j, BreakKind::Vacation, day(1, 1), day(12, 31)), 17);
    }
}
