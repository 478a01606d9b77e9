//! The generator of benchmark histories: a heavy clinician's working weeks, record by record.
//!
//! Each kind of record has its own function ([`Generator::organisations`], [`Generator::cases`],
//! [`Generator::work_day`], [`Generator::breaks_of_day`], [`Generator::time_off`],
//! [`Generator::weekly_pulse`], [`Generator::monthly_proqol`]), so a record kind added to Tend
//! later is added to the benchmark in one place.

use super::Profile;
use crate::checks::{CheckId, CheckResult, PROQOL_ID, PULSE_ID};
use crate::demo::Rng;
use crate::entry::{EntryId, WorkEntry, WorkKind};
use crate::journal::Journal;
use crate::tracking::{
    Arrangement, BreakEntry, BreakId, BreakKind, Case, CaseId, Complexity, OpenPeriod, OrgId,
    Organisation, Targets,
};
use crate::units::Month;
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

/// Days between two case openings; every case stays open for [`OPEN_STEPS`] of these, so about
/// twelve cases are open on any day.
pub const CASE_STEP_DAYS: u64 = 37;
/// How many steps a case stays open.
pub const OPEN_STEPS: u64 = 12;
/// Session start times: eight sessions of 50 minutes around a lunch break.
const SESSION_HOURS: [u32; 8] = [8, 9, 10, 11, 13, 14, 15, 16];
/// Length of every session, in minutes.
pub const SESSION_MINUTES: u32 = 50;

/// A generated history and where the self-check records will go once Tend has them.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchHistory {
    /// Every record Tend keeps today.
    pub journal: Journal,
    /// The first day of the history.
    pub first_day: NaiveDate,
    /// The last day of the history ("today").
    pub last_day: NaiveDate,
    /// The days a weekly pulse is due (the Friday of each working week).
    pub pulse_days: Vec<NaiveDate>,
    /// The days a monthly ProQOL is due (the last working day of each month).
    pub proqol_days: Vec<NaiveDate>,
}

pub(super) struct Generator {
    rng: Rng,
    journal: Journal,
    pulse_days: Vec<NaiveDate>,
    proqol_days: Vec<NaiveDate>,
    clinic: OrgId,
    practice: OrgId,
    pro_bono: OrgId,
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

fn sub_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

impl Generator {
    pub(super) fn new(seed: u64) -> Generator {
        Generator {
            rng: Rng(seed),
            journal: Journal::default(),
            pulse_days: Vec::new(),
            proqol_days: Vec::new(),
            clinic: OrgId("bench-org-clinic".into()),
            practice: OrgId("bench-org-practice".into()),
            pro_bono: OrgId("bench-org-pro-bono".into()),
        }
    }

    /// An id shaped like the ones the browser makes (milliseconds and 32 random bits, in hex),
    /// so stored sizes are those of real data.
    fn id(&mut self, date: NaiveDate, minute_of_day: u32) -> String {
        let days = i64::from(date.num_days_from_ce() - 719_163);
        let millis = days * 86_400_000 + i64::from(minute_of_day) * 60_000;
        let noise = self.rng.next() as u32;
        format!("{millis:x}-{noise:08x}")
    }

    /// Targets, and three organisations: an hourly clinic, a per-session practice and a pro
    /// bono service, all running from well before the first day.
    pub(super) fn organisations(&mut self, first_day: NaiveDate) {
        self.journal.targets = Targets {
            usual_rate: Some(9000),
            ..Targets::default()
        };
        let start = sub_days(first_day, CASE_STEP_DAYS * OPEN_STEPS + 30);
        let org = |id: &OrgId, name: &str, arrangement, rate, weekly_minutes| Organisation {
            id: id.clone(),
            name: name.into(),
            arrangement,
            rate,
            weekly_minutes,
            start,
            end: None,
        };
        self.journal.organisations = vec![
            org(
                &self.clinic,
                "Harbour Therapy Centre",
                Arrangement::Hourly,
                Some(6500),
                24 * 60,
            ),
            org(
                &self.practice,
                "Private practice",
                Arrangement::PerSession,
                Some(9000),
                10 * 60,
            ),
            org(
                &self.pro_bono,
                "Community Counselling",
                Arrangement::ProBono,
                None,
                3 * 60,
            ),
        ];
    }

    /// `count` cases, one opening every [`CASE_STEP_DAYS`] (the first eleven before the first
    /// day), each closing [`OPEN_STEPS`] steps later unless that is after the last day.
    pub(super) fn cases(&mut self, count: u64, first_day: NaiveDate, last_day: NaiveDate) {
        for i in 0..count {
            let opened = if i < OPEN_STEPS - 1 {
                sub_days(first_day, (OPEN_STEPS - 1 - i) * CASE_STEP_DAYS)
            } else {
                add_days(first_day, (i + 1 - OPEN_STEPS) * CASE_STEP_DAYS)
            };
            let closes = add_days(opened, OPEN_STEPS * CASE_STEP_DAYS - 1);
            let organisation = match i % 6 {
                5 => &self.pro_bono,
                1 | 3 => &self.practice,
                _ => &self.clinic,
            };
            self.journal.cases.push(Case {
                id: CaseId(format!("bench-case-{i}")),
                label: format!("K-{:02}", i + 1),
                organisation: Some(organisation.clone()),
                complexity: Complexity::ALL[self.rng.range(0, 3) as usize],
                trauma_focused: self.rng.chance(30),
                periods: vec![OpenPeriod {
                    opened,
                    closed: (closes <= last_day).then_some(closes),
                }],
            });
        }
    }

    fn entry(&mut self, date: NaiveDate, at: (u32, u32), minutes: u32, kind: WorkKind) {
        let id = self.id(date, at.0 * 60 + at.1);
        self.journal.entries.push(WorkEntry {
            id: EntryId(id),
            date,
            minutes,
            kind,
            start: NaiveTime::from_hms_opt(at.0, at.1, 0),
            organisation: Some(self.clinic.clone()),
            ..WorkEntry::default()
        });
    }

    /// Eight sessions (each with an open case, an assessment on Mondays and a group on
    /// Wednesdays) and three other entries: documentation, admin, and supervision on Thursdays
    /// or travel on other days.
    pub(super) fn work_day(&mut self, date: NaiveDate) {
        let open: Vec<Case> = self
            .journal
            .cases
            .iter()
            .filter(|c| c.is_open_on(date))
            .cloned()
            .collect();
        for (s, hour) in SESSION_HOURS.into_iter().enumerate() {
            let kind = match (date.weekday(), s) {
                (Weekday::Mon, 0) => WorkKind::Assessment,
                (Weekday::Wed, 7) => WorkKind::GroupSession,
                _ => WorkKind::DirectSession,
            };
            let pick = self.rng.range(0, open.len().saturating_sub(1) as u32) as usize;
            let case = open.get(pick).filter(|_| kind != WorkKind::GroupSession);
            let trauma = case.is_some_and(|c| c.trauma_focused) && self.rng.chance(70);
            self.entry(date, (hour, 0), SESSION_MINUTES, kind);
            if let (Some(entry), Some(case)) = (self.journal.entries.last_mut(), case) {
                entry.case = Some(case.id.clone());
                entry.organisation = case.organisation.clone();
                entry.trauma = trauma;
            }
        }
        let notes = self.rng.range(40, 75);
        self.entry(date, (17, 0), notes, WorkKind::Documentation);
        let admin = self.rng.range(15, 40);
        self.entry(date, (7, 30), admin, WorkKind::Admin);
        match date.weekday() {
            Weekday::Thu => self.entry(date, (18, 30), 60, WorkKind::Supervision),
            _ => self.entry(date, (7, 0), 25, WorkKind::Travel),
        }
    }

    fn rest(&mut self, date: NaiveDate, kind: BreakKind, minutes: u32, until: Option<NaiveDate>) {
        let id = self.id(date, 12 * 60 + self.journal.breaks.len() as u32 % 60);
        self.journal.breaks.push(BreakEntry {
            id: BreakId(id),
            kind,
            date,
            minutes,
            until,
        });
    }

    /// A meal break every working day and up to two short breaks between sessions.
    pub(super) fn breaks_of_day(&mut self, date: NaiveDate) {
        self.rest(date, BreakKind::MealBreak, 30, None);
        for _ in 0..self.rng.range(0, 2) {
            let minutes = self.rng.range(5, 10);
            self.rest(date, BreakKind::MicroBreak, minutes, None);
        }
    }

    /// Weekend self-care on some Sundays.
    pub(super) fn weekend(&mut self, date: NaiveDate) {
        if date.weekday() == Weekday::Sun && self.rng.chance(50) {
            let minutes = self.rng.range(30, 90);
            self.rest(date, BreakKind::SelfCare, minutes, None);
        }
    }

    /// A week's vacation (Monday to Friday) as one record.
    pub(super) fn time_off(&mut self, monday: NaiveDate) {
        self.rest(monday, BreakKind::Vacation, 0, Some(add_days(monday, 4)));
    }

    /// A weekly pulse on `day`: ten answers from 0 to 4, drifting with the generator.
    pub(super) fn weekly_pulse(&mut self, day: NaiveDate) {
        self.pulse_days.push(day);
        let answers = (0..10).map(|_| self.rng.range(0, 4) as u8).collect();
        self.check(day, PULSE_ID, answers);
    }

    /// A monthly ProQOL 5 result on `day`: thirty answers from 1 to 5.
    pub(super) fn monthly_proqol(&mut self, day: NaiveDate) {
        self.proqol_days.push(day);
        let answers = (0..30).map(|_| self.rng.range(1, 5) as u8).collect();
        self.check(day, PROQOL_ID, answers);
    }

    fn check(&mut self, day: NaiveDate, instrument: &str, answers: Vec<u8>) {
        let id = self.id(day, 20 * 60 + self.journal.checks.len() as u32 % 60);
        self.journal.checks.push(CheckResult {
            id: CheckId(id),
            instrument: instrument.into(),
            date: day,
            answers,
        });
    }

    pub(super) fn finish(self, first_day: NaiveDate, last_day: NaiveDate) -> BenchHistory {
        BenchHistory {
            journal: self.journal,
            first_day,
            last_day,
            pulse_days: self.pulse_days,
            proqol_days: self.proqol_days,
        }
    }
}

/// True if `date` falls in one of the profile's vacation weeks: the 30th week of every 52,
/// counted from the first day (so only histories longer than 30 weeks have them).
pub(super) fn in_vacation_week(first_day: NaiveDate, date: NaiveDate) -> bool {
    let week = (date - first_day).num_days() / 7;
    week % 52 == 30
}

/// Generates `profile`'s history ending on `last_day`.
pub(super) fn generate(profile: Profile, seed: u64, last_day: NaiveDate) -> BenchHistory {
    // Start on a Monday so every week is whole.
    let days = profile.weeks() * 7;
    let mut first_day = sub_days(last_day, days - 1);
    while first_day.weekday() != Weekday::Mon {
        first_day = add_days(first_day, 1);
    }
    let mut g = Generator::new(seed);
    g.organisations(first_day);
    g.cases(profile.cases(), first_day, last_day);
    let mut date = first_day;
    while date <= last_day {
        let working = date.weekday().num_days_from_monday() < 5;
        let vacation = in_vacation_week(first_day, date);
        if working && vacation && date.weekday() == Weekday::Mon {
            g.time_off(date);
        } else if working && !vacation {
            g.work_day(date);
            g.breaks_of_day(date);
            if date.weekday() == Weekday::Fri {
                g.weekly_pulse(date);
            }
        } else if !working {
            g.weekend(date);
        }
        let next = add_days(date, 1);
        let month_ends = Month::of(next) != Month::of(date);
        if month_ends || next > last_day {
            // The last working day of the month (or of the history) on or before `date`.
            let mut day = date;
            while day.weekday().num_days_from_monday() >= 5 || in_vacation_week(first_day, day) {
                day = sub_days(day, 1);
            }
            if Month::of(day) == Month::of(date) && day >= first_day {
                g.monthly_proqol(day);
            }
        }
        date = next;
    }
    g.finish(first_day, last_day)
}
