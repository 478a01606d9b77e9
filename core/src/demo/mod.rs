//! Demo data: a realistic, clearly labelled sample for "Try it with demo data".
//!
//! A new user learns what Tend shows faster from a filled-in month than from empty charts. The
//! sample is made of ordinary actions, so it passes the same checks as typed records, and it is
//! pure: the same seed and "today" always give the same records, and nothing reads the clock.
//! Everything in it is marked as a sample: ids start with [`DEMO_PREFIX`], organisation names
//! with "Sample:" and case labels with "S-", so a view can label it and a user can remove it.
//!
//! What it holds: two organisations (an hourly contract and a pro bono service), eight cases of
//! mixed complexity (one closed during the four weeks, one closed earlier and reopened, one
//! newly opened), four weeks of work up to "today" (sessions, a weekly group, assessments,
//! notes, admin, travel, supervision, a pro bono evening and one on-call night running past
//! midnight), breaks on most working days, one day off, one sick day, weekend self-care, a
//! vacation about ten weeks earlier, and weekly pulses and two ProQOL 5 results
//! ([`checks`]).

mod checks;

use crate::entry::{EntryId, WorkEntry, WorkKind};
use crate::journal::{Action, ActionError, Journal};
use crate::tracking::{
    Arrangement, BreakEntry, BreakId, BreakKind, Case, CaseId, Complexity, OrgId, Organisation,
    Targets,
};
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

pub use crate::journal::{is_demo_id, DEMO_PREFIX};

/// SplitMix64: a tiny, well-mixed generator; enough for plausible variety, and deterministic.
/// The benchmark histories (`bench`, behind the cargo feature of that name) use it too.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number from `low` to `high` inclusive.
    pub(crate) fn range(&mut self, low: u32, high: u32) -> u32 {
        let span = u64::from(high.saturating_sub(low)) + 1;
        low + (self.next() % span) as u32
    }

    /// True with probability `percent` in 100.
    pub(crate) fn chance(&mut self, percent: u32) -> bool {
        self.range(0, 99) < percent
    }
}

fn back(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn time(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

struct Builder {
    rng: Rng,
    actions: Vec<Action>,
    next_id: u32,
    cases: Vec<Case>,
}

impl Builder {
    fn id(&mut self, kind: &str) -> String {
        self.next_id += 1;
        format!("{DEMO_PREFIX}{kind}-{}", self.next_id)
    }

    #[allow(clippy::too_many_arguments)]
    fn work(
        &mut self,
        date: NaiveDate,
        start: (u32, u32),
        minutes: u32,
        kind: WorkKind,
        org: &OrgId,
        case: Option<&Case>,
        pro_bono: bool,
    ) {
        let trauma = case.is_some_and(|c| c.trauma_focused) && self.rng.chance(70);
        let id = self.id("entry");
        self.actions.push(Action::AddEntry(WorkEntry {
            id: EntryId(id),
            date,
            minutes,
            kind,
            start: time(start.0, start.1),
            organisation: Some(org.clone()),
            case: case.map(|c| c.id.clone()),
            trauma,
            pro_bono,
        }));
    }

    fn rest(&mut self, date: NaiveDate, kind: BreakKind, minutes: u32, until: Option<NaiveDate>) {
        let id = self.id("break");
        self.actions.push(Action::AddBreak(BreakEntry {
            id: BreakId(id),
            kind,
            date,
            minutes,
            until,
        }));
    }

    /// A case of `org` open on `date`, picked at random among those open.
    fn case_on(&mut self, date: NaiveDate, org: &OrgId) -> Option<Case> {
        let open: Vec<Case> = self
            .cases
            .iter()
            .filter(|c| c.organisation.as_ref() == Some(org) && c.is_open_on(date))
            .cloned()
            .collect();
        if open.is_empty() {
            return None;
        }
        let i = self.rng.range(0, open.len() as u32 - 1) as usize;
        open.get(i).cloned()
    }
}

/// The actions that create the sample, in the order to apply them.
pub fn demo_actions(seed: u64, today: NaiveDate) -> Vec<Action> {
    let mut b = Builder {
        rng: Rng(seed),
        actions: Vec::new(),
        next_id: 0,
        cases: Vec::new(),
    };
    b.actions.push(Action::SetTargets(Targets {
        usual_rate: Some(9000),
        ..Targets::default()
    }));

    let clinic = OrgId(format!("{DEMO_PREFIX}org-clinic"));
    let pro_bono = OrgId(format!("{DEMO_PREFIX}org-pro-bono"));
    b.actions.push(Action::AddOrganisation(Organisation {
        id: clinic.clone(),
        name: "Sample: Harbour Therapy Centre".into(),
        arrangement: Arrangement::Hourly,
        rate: Some(6500),
        weekly_minutes: 24 * 60,
        start: back(today, 400),
        end: None,
    }));
    b.actions.push(Action::AddOrganisation(Organisation {
        id: pro_bono.clone(),
        name: "Sample: Community Counselling (pro bono)".into(),
        arrangement: Arrangement::ProBono,
        rate: None,
        weekly_minutes: 3 * 60,
        start: back(today, 200),
        end: None,
    }));

    // Eight cases: six at the clinic, two pro bono.
    for n in 1..=8u32 {
        let complexity = Complexity::ALL[b.rng.range(0, 3) as usize];
        let opened = match n {
            8 => back(today, 10),
            _ => back(today, u64::from(b.rng.range(40, 120))),
        };
        let mut case = Case {
            organisation: Some(if n <= 6 {
                clinic.clone()
            } else {
                pro_bono.clone()
            }),
            trauma_focused: b.rng.chance(35),
            ..Case::opened(
                CaseId(format!("{DEMO_PREFIX}case-{n}")),
                &format!("S-{n:02}"),
                complexity,
                opened,
            )
        };
        b.actions.push(Action::AddCase(case.clone()));
        let mut change = |action: Action, case: &mut Case| {
            let next = match &action {
                Action::CloseCase { on, .. } => case.closed_on(*on),
                Action::ReopenCase { on, .. } => case.reopened_on(*on),
                _ => Ok(case.clone()),
            };
            if let Ok(next) = next {
                *case = next;
                b.actions.push(action);
            }
        };
        let id = case.id.clone();
        if n == 3 {
            change(
                Action::CloseCase {
                    id,
                    on: back(today, 20),
                },
                &mut case,
            );
        } else if n == 5 {
            change(
                Action::CloseCase {
                    id: id.clone(),
                    on: back(today, 35),
                },
                &mut case,
            );
            change(
                Action::ReopenCase {
                    id,
                    on: back(today, 14),
                },
                &mut case,
            );
        }
        b.cases.push(case);
    }

    // A vacation about ten weeks ago.
    b.rest(
        back(today, 75),
        BreakKind::Vacation,
        0,
        Some(back(today, 66)),
    );

    let first = back(today, 27);
    let day_off = (0..28u64)
        .map(|i| back(today, 27 - i))
        .filter(|d| d.weekday() == Weekday::Fri)
        .nth(1);
    let sick_day = (0..28u64)
        .map(|i| back(today, 27 - i))
        .find(|d| d.weekday() == Weekday::Mon && *d > first);
    let mut night_done = false;

    for i in 0..28u64 {
        let date = back(today, 27 - i);
        match date.weekday() {
            Weekday::Sat => {
                if b.rng.chance(40) {
                    b.work(date, (10, 0), 60, WorkKind::Admin, &clinic, None, false);
                }
                continue;
            }
            Weekday::Sun => {
                let minutes = b.rng.range(30, 75);
                b.rest(date, BreakKind::SelfCare, minutes, None);
                continue;
            }
            _ => {}
        }
        if Some(date) == day_off {
            b.rest(date, BreakKind::DayOff, 0, None);
            continue;
        }
        if Some(date) == sick_day {
            b.rest(date, BreakKind::SickDay, 0, None);
            continue;
        }
        // Morning and early-afternoon sessions around a lunch break.
        let sessions = b.rng.range(3, 5);
        for (s, hour) in [9u32, 10, 11, 13, 14]
            .into_iter()
            .take(sessions as usize)
            .enumerate()
        {
            let case = b.case_on(date, &clinic);
            let kind = if s == 0 && date.weekday() == Weekday::Mon && b.rng.chance(50) {
                WorkKind::Assessment
            } else {
                WorkKind::DirectSession
            };
            b.work(date, (hour, 0), 50, kind, &clinic, case.as_ref(), false);
            if b.rng.chance(45) {
                let minutes = b.rng.range(5, 10);
                b.rest(date, BreakKind::MicroBreak, minutes, None);
            }
        }
        if b.rng.chance(85) {
            b.rest(date, BreakKind::MealBreak, 30, None);
        }
        match date.weekday() {
            Weekday::Wed => b.work(
                date,
                (15, 0),
                90,
                WorkKind::GroupSession,
                &clinic,
                None,
                false,
            ),
            Weekday::Thu => b.work(
                date,
                (15, 0),
                60,
                WorkKind::Supervision,
                &clinic,
                None,
                false,
            ),
            _ => {
                let minutes = b.rng.range(20, 45);
                b.work(
                    date,
                    (15, 0),
                    minutes,
                    WorkKind::Admin,
                    &clinic,
                    None,
                    false,
                );
            }
        }
        let notes = b.rng.range(30, 75);
        b.work(
            date,
            (16, 40),
            notes,
            WorkKind::Documentation,
            &clinic,
            None,
            false,
        );
        if b.rng.chance(30) {
            b.work(date, (8, 10), 40, WorkKind::Travel, &clinic, None, false);
        }
        if date.weekday() == Weekday::Tue {
            let case = b.case_on(date, &pro_bono);
            b.work(
                date,
                (18, 30),
                50,
                WorkKind::DirectSession,
                &pro_bono,
                case.as_ref(),
                true,
            );
        }
        if !night_done && date.weekday() == Weekday::Thu && (14..27).contains(&i) {
            // One on-call night: a crisis call from 23:30 running 90 minutes past midnight.
            b.work(date, (23, 30), 90, WorkKind::OnCall, &clinic, None, false);
            night_done = true;
        }
    }
    // Self-checks come last, so the records above stay the same as before they were added.
    let checks = checks::demo_check_actions(&mut b.rng, today);
    b.actions.extend(checks);
    b.actions
}

/// The sample as a journal, built by applying [`demo_actions`] to an empty one.
pub fn demo_journal(seed: u64, today: NaiveDate) -> Result<Journal, ActionError> {
    demo_actions(seed, today)
        .iter()
        .try_fold(Journal::default(), |j, a| j.apply(a))
}

#[cfg(test)]
mod tests;
