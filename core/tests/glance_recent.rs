//! Hand-worked examples for the two selectors behind Today on the phone: the figures at a glance
//! (`selectors::glance`) and the recent combinations offered as one-tap entries
//! (`selectors::recent`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::{NaiveDate, NaiveTime, Weekday};
use tend_core::selectors::glance::{glance, next_planned};
use tend_core::selectors::recent::{recent_combos, Combo};
use tend_core::tracking::plan::{BreakPlan, PlannedBreak};
use tend_core::tracking::{
    BreakEntry, BreakId, BreakKind, Case, CaseId, Complexity, OpenPeriod, OrgId, Organisation,
};
use tend_core::{Action, Document, EntryId, WorkEntry, WorkKind};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn at(d: NaiveDate, h: u32, m: u32) -> chrono::NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

fn apply(doc: Document, action: Action) -> Document {
    doc.apply(&action, "test").unwrap()
}

fn org(id: &str) -> Action {
    Action::AddOrganisation(Organisation {
        id: OrgId(id.into()),
        name: format!("Org {id}"),
        ..Organisation::default()
    })
}

fn case(id: &str, org: &str, closed: Option<NaiveDate>) -> Action {
    let mut c = Case::opened(CaseId(id.into()), id, Complexity::Moderate, day(1));
    c.organisation = Some(OrgId(org.into()));
    c.periods = vec![OpenPeriod {
        opened: day(1),
        closed,
    }];
    Action::AddCase(c)
}

fn entry(
    n: u32,
    date: NaiveDate,
    minutes: u32,
    kind: WorkKind,
    case: Option<(&str, &str)>,
) -> WorkEntry {
    WorkEntry {
        id: EntryId(format!("e{n}")),
        date,
        minutes,
        kind,
        case: case.map(|(c, _)| CaseId(c.into())),
        organisation: case.map(|(_, o)| OrgId(o.into())),
        ..WorkEntry::default()
    }
}

fn combo(e: &WorkEntry) -> Combo {
    Combo::of(e)
}

#[test]
fn recent_combinations_come_from_the_last_fourteen_days_most_used_then_latest_first() {
    let mut doc = Document::new("test");
    for a in [
        org("a"),
        org("b"),
        case("c1", "a", None),
        case("c2", "b", None),
        case("c3", "a", Some(day(20))),
    ] {
        doc = apply(doc, a);
    }
    let direct = WorkKind::DirectSession;
    let x1 = entry(1, day(24), 50, direct, Some(("c1", "a")));
    let x2 = entry(2, day(25), 50, direct, Some(("c1", "a")));
    let mut y = entry(3, day(23), 50, direct, Some(("c2", "b")));
    y.trauma = true;
    let z = entry(4, day(25), 30, WorkKind::Documentation, None);
    let too_old = entry(5, day(11), 45, direct, Some(("c2", "b")));
    let w = entry(6, day(12), 60, WorkKind::Supervision, Some(("c2", "b")));
    let closed_case = entry(7, day(18), 50, direct, Some(("c3", "a")));
    let future = entry(8, day(26), 20, direct, None);
    for e in [&x1, &x2, &y, &z, &too_old, &w, &closed_case, &future] {
        doc = apply(doc, Action::AddEntry(e.clone()));
    }
    // Today is 25 November: the window is 12 to 25 November. X was logged twice; Z, Y and W once
    // each, latest first (Z on the 25th, Y on the 23rd, W on the 12th). The entry of the 11th is
    // too old, the closed case's is left out, and the 26th is after today.
    let found = recent_combos(&doc.payload, day(25));
    assert_eq!(found, vec![combo(&x2), combo(&z), combo(&y), combo(&w)]);
    assert!(found[2].trauma, "flags are part of the combination");
}

#[test]
fn at_most_six_combinations_are_offered_and_the_same_day_goes_by_the_order_logged() {
    let mut doc = Document::new("test");
    for n in 0..8u32 {
        let e = entry(n, day(25), 10 + n, WorkKind::Documentation, None);
        doc = apply(doc, Action::AddEntry(e));
    }
    let minutes: Vec<u32> = recent_combos(&doc.payload, day(25))
        .iter()
        .map(|c| c.minutes)
        .collect();
    assert_eq!(minutes, vec![17, 16, 15, 14, 13, 12]);
    assert!(recent_combos(&Document::new("test").payload, day(25)).is_empty());
}

fn pause(n: u32, date: NaiveDate, kind: BreakKind, minutes: u32) -> Action {
    Action::AddBreak(BreakEntry {
        id: BreakId(format!("b{n}")),
        kind,
        date,
        minutes,
        until: None,
    })
}

fn planned(weekday: Weekday, h: u32, m: u32) -> PlannedBreak {
    PlannedBreak {
        weekday,
        at: NaiveTime::from_hms_opt(h, m, 0).unwrap(),
        minutes: 10,
        kind: BreakKind::MicroBreak,
        since: None,
    }
}

#[test]
fn the_glance_adds_up_the_week_the_pauses_today_the_days_since_a_day_off_and_what_is_due() {
    let mut doc = Document::new("test");
    // Friday 20th worked, Saturday 21st not, then Sunday 22nd to Wednesday 25th worked.
    let work = [(20, 480), (22, 60), (23, 300), (24, 240), (25, 50)];
    for (n, (d, minutes)) in work.into_iter().enumerate() {
        doc = apply(
            doc,
            Action::AddEntry(entry(
                n as u32,
                day(d),
                minutes,
                WorkKind::DirectSession,
                None,
            )),
        );
    }
    doc = apply(doc, pause(1, day(25), BreakKind::MicroBreak, 10));
    doc = apply(doc, pause(2, day(25), BreakKind::MealBreak, 30));
    doc = apply(doc, pause(3, day(24), BreakKind::MicroBreak, 10));
    doc = apply(doc, pause(4, day(25), BreakKind::PeerSupport, 60));
    let mut plan = BreakPlan::default();
    plan.add(planned(Weekday::Wed, 9, 30)).unwrap();
    plan.add(planned(Weekday::Wed, 14, 0)).unwrap();

    // Wednesday 25 November at 10:00, in the week from Monday the 23rd.
    let g = glance(&doc.payload, &plan, at(day(25), 10, 0), day(23));
    // 300 + 240 + 50 minutes this week; Sunday's hour was last week. The default target is 37.5 h.
    assert_eq!((g.week_minutes, g.target_minutes), (590, 2250));
    // A micro and a meal break today; peer support is not a pause, yesterday's break not today's.
    assert_eq!((g.breaks_today, g.breaks_target), (2, 3));
    // The 24th, 23rd and 22nd were worked, the 21st was not: four days back.
    assert_eq!(g.days_since_day_off, Some(4));
    // 09:30 has passed; 14:00 is next.
    assert_eq!(g.next_break.map(|o| o.at), Some(at(day(25), 14, 0)));
    // Nothing taken yet: the weekly pulse and ProQOL 5 are both due.
    let due: Vec<&str> = g.due.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(due, vec!["tend-pulse", "proqol-5"]);
}

#[test]
fn the_next_planned_break_looks_a_week_ahead_and_none_without_a_plan() {
    let mut plan = BreakPlan::default();
    plan.add(planned(Weekday::Wed, 9, 30)).unwrap();
    plan.add(planned(Weekday::Fri, 12, 0)).unwrap();
    // Wednesday 25th at 10:00: Friday the 27th at noon comes first.
    assert_eq!(
        next_planned(&plan, at(day(25), 10, 0)).map(|o| o.at),
        Some(at(day(27), 12, 0))
    );
    // Friday 27th at 13:00: only next Wednesday's is left, on 2 December.
    let next_wed = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    assert_eq!(
        next_planned(&plan, at(day(27), 13, 0)).map(|o| o.at),
        Some(at(next_wed, 9, 30))
    );
    // Exactly at a break's start it counts as begun: the next is the one after.
    assert_eq!(
        next_planned(&plan, at(day(27), 12, 0)).map(|o| o.at),
        Some(at(next_wed, 9, 30))
    );
    assert_eq!(
        next_planned(&BreakPlan::default(), at(day(25), 10, 0)),
        None
    );
}
