//! Selector: the hours of one week, day by day and kind by kind.
//!
//! Views never sum entries themselves; they ask for a [`WeekSummary`], which is what the week
//! chart, its text alternative and the totals all read. A week is seven days from a first day:
//! Monday for ISO weeks (the risk model and reports), or the first day of the week where the
//! clinician lives (Sunday in the United States, Saturday in parts of the Middle East) for the
//! week shown on Today.

use super::days;
use crate::entry::WorkKind;
use crate::journal::Journal;
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Minutes of each kind on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayTotals {
    /// The day.
    pub date: NaiveDate,
    /// Minutes per kind, indexed by [`WorkKind::index`].
    pub minutes: [u32; WorkKind::ALL.len()],
}

impl DayTotals {
    /// All minutes of the day.
    pub fn total(&self) -> u32 {
        self.minutes.iter().sum()
    }

    /// Minutes of one kind.
    pub fn of(&self, kind: WorkKind) -> u32 {
        self.minutes[kind.index()]
    }
}

/// Seven consecutive days of logged work: an ISO week (Monday to Sunday) unless made with
/// [`WeekSummary::starting`] on another day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekSummary {
    /// The seven days, first day first.
    pub days: [DayTotals; 7],
}

/// The Monday of the ISO week holding `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    week_start_on(date, Weekday::Mon)
}

pub use crate::units::week::week_start_on;

/// Minutes of each kind on every day from `first` to `last` inclusive (at most about ten years),
/// with entries past midnight split over their two days.
pub fn daily_totals(journal: &Journal, first: NaiveDate, last: NaiveDate) -> Vec<DayTotals> {
    let mut out: Vec<DayTotals> = days(first, last)
        .map(|date| DayTotals {
            date,
            minutes: [0; WorkKind::ALL.len()],
        })
        .collect();
    // An entry from the evening before `first` can count minutes on it.
    let reach = first.pred_opt().unwrap_or(first);
    for entry in journal
        .entries
        .dated(reach, last)
        .filter(|e| e.may_count_within(first, last))
    {
        for (date, minutes) in entry.day_split().parts() {
            let offset = (date - first).num_days();
            if let Some(day) = usize::try_from(offset).ok().and_then(|i| out.get_mut(i)) {
                let slot = &mut day.minutes[entry.kind.index()];
                *slot = slot.saturating_add(minutes);
            }
        }
    }
    out
}

impl WeekSummary {
    /// Sums the journal's entries for the ISO week that holds `date`. An entry with a start time
    /// that runs past midnight counts the minutes after midnight on the next day.
    pub fn of(journal: &Journal, date: NaiveDate) -> WeekSummary {
        WeekSummary::starting(journal, week_start(date))
    }

    /// Sums the journal's entries for the seven days from `first`.
    pub fn starting(journal: &Journal, first: NaiveDate) -> WeekSummary {
        let last = first.checked_add_days(Days::new(6)).unwrap_or(first);
        let mut totals = daily_totals(journal, first, last).into_iter();
        let days = std::array::from_fn(|i| {
            let date = first.checked_add_days(Days::new(i as u64)).unwrap_or(first);
            totals
                .next()
                .filter(|d| d.date == date)
                .unwrap_or(DayTotals {
                    date,
                    minutes: [0; WorkKind::ALL.len()],
                })
        });
        WeekSummary { days }
    }

    /// The week's first day (Monday in an ISO week).
    pub fn monday(&self) -> NaiveDate {
        self.days[0].date
    }

    /// The week's last day (Sunday in an ISO week).
    pub fn sunday(&self) -> NaiveDate {
        self.days[6].date
    }

    /// All minutes of the week.
    pub fn total_minutes(&self) -> u32 {
        self.days.iter().map(DayTotals::total).sum()
    }

    /// Minutes of one kind across the week.
    pub fn kind_minutes(&self, kind: WorkKind) -> u32 {
        self.days.iter().map(|d| d.of(kind)).sum()
    }

    /// The kinds with any time this week, in display order.
    pub fn kinds_present(&self) -> Vec<WorkKind> {
        WorkKind::ALL
            .into_iter()
            .filter(|k| self.kind_minutes(*k) > 0)
            .collect()
    }

    /// A title such as `Week 48 · 23–29 Nov 2026`; a week that does not begin on Monday has no
    /// ISO number, so it is named by its dates alone: `22–28 Nov 2026`.
    pub fn title(&self) -> String {
        let (mon, sun) = (self.monday(), self.sunday());
        let range = if mon.month() == sun.month() {
            format!("{}\u{2013}{}", mon.day(), sun.format("%-d %b %Y"))
        } else if mon.year() == sun.year() {
            format!(
                "{}\u{2013}{}",
                mon.format("%-d %b"),
                sun.format("%-d %b %Y")
            )
        } else {
            format!(
                "{}\u{2013}{}",
                mon.format("%-d %b %Y"),
                sun.format("%-d %b %Y")
            )
        };
        if mon.weekday() == Weekday::Mon {
            format!("Week {} \u{b7} {}", mon.iso_week().week(), range)
        } else {
            range
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{EntryId, WorkEntry};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn journal(entries: &[(NaiveDate, u32, WorkKind)]) -> Journal {
        Journal {
            entries: entries
                .iter()
                .enumerate()
                .map(|(i, (date, minutes, kind))| {
                    WorkEntry::new(EntryId(format!("e{i}")), *date, *minutes, *kind)
                })
                .collect(),
            ..Journal::default()
        }
    }

    #[test]
    fn week_starts_on_monday() {
        assert_eq!(week_start(day(2026, 11, 23)), day(2026, 11, 23));
        assert_eq!(week_start(day(2026, 11, 29)), day(2026, 11, 23));
        assert_eq!(week_start(day(2027, 1, 1)), day(2026, 12, 28));
    }

    #[test]
    fn weeks_can_start_on_the_locales_first_day() {
        // Sunday 22 November 2026 and Saturday 21 November 2026.
        let wednesday = day(2026, 11, 25);
        assert_eq!(week_start_on(wednesday, Weekday::Sun), day(2026, 11, 22));
        assert_eq!(week_start_on(wednesday, Weekday::Sat), day(2026, 11, 21));
        assert_eq!(
            week_start_on(day(2026, 11, 22), Weekday::Sun),
            day(2026, 11, 22)
        );
        assert_eq!(
            week_start_on(day(2026, 11, 21), Weekday::Sun),
            day(2026, 11, 15)
        );
        assert_eq!(
            week_start_on(day(2027, 1, 1), Weekday::Sun),
            day(2026, 12, 27)
        );
        for d in 0..60 {
            let date = day(2026, 12, 1) + Days::new(d);
            for first in [Weekday::Mon, Weekday::Sat, Weekday::Sun] {
                let start = week_start_on(date, first);
                assert_eq!(start.weekday(), first);
                assert!((date - start).num_days() < 7 && start <= date);
            }
        }
    }

    #[test]
    fn a_sunday_week_holds_the_sunday_before_the_iso_week() {
        let j = journal(&[
            (day(2026, 11, 22), 60, WorkKind::Admin),
            (day(2026, 11, 28), 30, WorkKind::Travel),
            (day(2026, 11, 29), 600, WorkKind::Admin),
        ]);
        let week = WeekSummary::starting(&j, day(2026, 11, 22));
        assert_eq!(week.days[0].of(WorkKind::Admin), 60);
        assert_eq!(week.days[6].of(WorkKind::Travel), 30);
        assert_eq!(week.total_minutes(), 90);
        assert_eq!(week.title(), "22\u{2013}28 Nov 2026");
        assert_eq!(WeekSummary::of(&j, day(2026, 11, 25)).total_minutes(), 630);
    }

    #[test]
    fn sums_by_day_and_kind_and_ignores_other_weeks() {
        let j = journal(&[
            (day(2026, 11, 23), 50, WorkKind::DirectSession),
            (day(2026, 11, 23), 50, WorkKind::DirectSession),
            (day(2026, 11, 23), 20, WorkKind::Documentation),
            (day(2026, 11, 29), 90, WorkKind::OnCall),
            (day(2026, 11, 22), 600, WorkKind::Admin),
            (day(2026, 11, 30), 600, WorkKind::Admin),
        ]);
        let week = WeekSummary::of(&j, day(2026, 11, 25));
        assert_eq!(week.monday(), day(2026, 11, 23));
        assert_eq!(week.days[0].of(WorkKind::DirectSession), 100);
        assert_eq!(week.days[0].total(), 120);
        assert_eq!(week.days[6].of(WorkKind::OnCall), 90);
        assert_eq!(week.total_minutes(), 210);
        assert_eq!(week.kind_minutes(WorkKind::Admin), 0);
        assert_eq!(
            week.kinds_present(),
            vec![
                WorkKind::DirectSession,
                WorkKind::Documentation,
                WorkKind::OnCall
            ]
        );
    }

    #[test]
    fn titles_cross_months_and_years() {
        let empty = Journal::default();
        assert_eq!(
            WeekSummary::of(&empty, day(2026, 11, 24)).title(),
            "Week 48 \u{b7} 23\u{2013}29 Nov 2026"
        );
        assert_eq!(
            WeekSummary::of(&empty, day(2026, 12, 1)).title(),
            "Week 49 \u{b7} 30 Nov\u{2013}6 Dec 2026"
        );
        assert_eq!(
            WeekSummary::of(&empty, day(2027, 1, 1)).title(),
            "Week 53 \u{b7} 28 Dec 2026\u{2013}3 Jan 2027"
        );
    }
}
