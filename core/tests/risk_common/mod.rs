//! Builds a clinician's journal from a short description (weekly hours, working days, cases,
//! trauma share, pauses, vacation, supervision) so the risk tests read like the situations they
//! describe.

#![allow(dead_code)] // each test file uses a different part of the builder

use chrono::{Datelike, Days, NaiveDate};
use tend_core::risk::{risk_history, CheckSignals, RiskWeek};
use tend_core::{
    Action, BreakEntry, BreakId, BreakKind, Case, CaseId, Complexity, EntryId, Journal, Targets,
    WorkEntry, WorkKind,
};

/// Sunday 22 November 2026: the last day of the latest (complete) week.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// Monday of the latest week.
pub fn latest_monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 16).unwrap()
}

#[derive(Clone, Debug)]
pub struct Clinician {
    /// Weeks of history, ending with the week of [`today`].
    pub weeks: u64,
    /// Hours worked a week, spread evenly over the working days.
    pub hours: u32,
    /// Days worked a week from Monday: 5 (weekends off), 6 or 7 (no day off).
    pub days: u32,
    /// Open cases and their complexity.
    pub cases: u32,
    pub complexity: Complexity,
    /// Caseload capacity in points.
    pub capacity: u32,
    /// Share of direct session time flagged as trauma work, in percent.
    pub trauma: u32,
    /// Micro-breaks on each worked day.
    pub pauses: u32,
    /// A two-week vacation that ended this many weeks before the latest week's Sunday.
    pub vacation_weeks_ago: Option<u64>,
    /// Supervision received each week, in minutes (logged as work on Wednesdays).
    pub supervision: u32,
    /// Self-check results for the latest week.
    pub signals: CheckSignals,
}

impl Default for Clinician {
    fn default() -> Clinician {
        Clinician {
            weeks: 20,
            hours: 37,
            days: 5,
            cases: 14,
            complexity: Complexity::Moderate,
            capacity: 100,
            trauma: 20,
            pauses: 3,
            vacation_weeks_ago: Some(6),
            supervision: 60,
            signals: CheckSignals::default(),
        }
    }
}

impl Clinician {
    pub fn journal(&self) -> Journal {
        let first = today()
            .checked_sub_days(Days::new(7 * self.weeks - 1))
            .unwrap();
        let mut actions = vec![Action::SetTargets(Targets {
            capacity_points: self.capacity,
            ..Targets::default()
        })];
        for i in 0..self.cases {
            let mut case = Case::opened(
                CaseId(format!("c{i}")),
                &format!("C{i}"),
                self.complexity,
                first,
            );
            case.trauma_focused = false;
            actions.push(Action::AddCase(case));
        }
        let vacation = self.vacation_weeks_ago.map(|w| {
            let last = today().checked_sub_days(Days::new(7 * w)).unwrap();
            (last.checked_sub_days(Days::new(13)).unwrap(), last)
        });
        if let Some((from, until)) = vacation {
            actions.push(Action::AddBreak(BreakEntry {
                id: BreakId("vacation".into()),
                kind: BreakKind::Vacation,
                date: from,
                minutes: 0,
                until: Some(until),
            }));
        }
        let day_minutes = self.hours * 60 / self.days.max(1);
        let mut n = 0;
        let mut id = |prefix: &str| {
            n += 1;
            format!("{prefix}{n}")
        };
        for offset in 0..7 * self.weeks {
            let date = first.checked_add_days(Days::new(offset)).unwrap();
            let weekday = date.weekday().num_days_from_monday();
            let on_leave = vacation.is_some_and(|(a, b)| date >= a && date <= b);
            if weekday >= self.days || on_leave {
                continue;
            }
            let supervision = if weekday == 2 { self.supervision } else { 0 };
            let rest = day_minutes.saturating_sub(supervision);
            let direct = rest * 6 / 10;
            let trauma = direct * self.trauma / 100;
            let parts = [
                (trauma, WorkKind::DirectSession, true),
                (direct - trauma, WorkKind::DirectSession, false),
                (rest - direct, WorkKind::Documentation, false),
                (supervision, WorkKind::Supervision, false),
            ];
            for (minutes, kind, flagged) in parts.into_iter().filter(|p| p.0 > 0) {
                actions.push(Action::AddEntry(WorkEntry {
                    trauma: flagged,
                    ..WorkEntry::new(EntryId(id("e")), date, minutes, kind)
                }));
            }
            for _ in 0..self.pauses {
                actions.push(Action::AddBreak(BreakEntry {
                    id: BreakId(id("p")),
                    kind: BreakKind::MicroBreak,
                    date,
                    minutes: 5,
                    until: None,
                }));
            }
        }
        actions.iter().fold(Journal::default(), |j, a| {
            j.apply(a).expect("a valid record")
        })
    }

    /// The history, with this clinician's self-check results on the latest week.
    pub fn history(&self) -> Vec<RiskWeek> {
        history_of(&self.journal(), self.signals)
    }
}

/// The history of a journal with `signals` on the latest week only.
pub fn history_of(journal: &Journal, signals: CheckSignals) -> Vec<RiskWeek> {
    let latest = move |monday: NaiveDate| {
        if monday == latest_monday() {
            signals
        } else {
            CheckSignals::default()
        }
    };
    risk_history(journal, today(), &latest)
}

/// The latest week's index of a journal (0 when it has none), with `signals` on that week.
pub fn latest_index(journal: &Journal, signals: CheckSignals) -> u32 {
    history_of(journal, signals)
        .last()
        .and_then(|w| w.score.as_ref())
        .map_or(0, |s| s.index)
}
