//! Tests of the income module, kept apart so the rules read on one screen.
use super::*;
use crate::entry::{WorkEntry, WorkKind};
use crate::journal::Action;
use crate::tracking::{Case, CaseId, Complexity};
use chrono::NaiveTime;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn month(y: i32, m: u32) -> Month {
    Month::new(y, m).unwrap()
}

fn org(id: &str, arrangement: Arrangement, rate: Option<u64>) -> Organisation {
    Organisation {
        id: OrgId(id.into()),
        name: id.to_uppercase(),
        arrangement,
        rate,
        weekly_minutes: 0,
        start: day(2026, 1, 1),
        end: None,
    }
}

fn work(id: &str, org: &str, date: NaiveDate, minutes: u32, kind: WorkKind) -> WorkEntry {
    WorkEntry {
        organisation: Some(OrgId(org.into())),
        ..WorkEntry::new(EntryId(id.into()), date, minutes, kind)
    }
}

fn build(orgs: Vec<Organisation>, entries: Vec<WorkEntry>) -> Journal {
    let mut j = Journal::default();
    for o in orgs {
        j = j.apply(&Action::AddOrganisation(o)).unwrap();
    }
    for e in entries {
        j = j.apply(&Action::AddEntry(e)).unwrap();
    }
    j
}

#[test]
fn each_arrangement_earns_by_its_own_terms() {
    let mut salaried = org("s", Arrangement::Salaried, None);
    salaried.weekly_minutes = 15 * 60;
    let j = build(
        vec![
            org("h", Arrangement::Hourly, Some(6000)),
            org("p", Arrangement::PerSession, Some(8000)),
            salaried,
            org("b", Arrangement::ProBono, None),
        ],
        vec![
            work("h1", "h", day(2026, 3, 2), 50, WorkKind::DirectSession),
            work("h2", "h", day(2026, 3, 2), 25, WorkKind::Documentation),
            work("p1", "p", day(2026, 3, 3), 50, WorkKind::DirectSession),
            work("p2", "p", day(2026, 3, 3), 90, WorkKind::GroupSession),
            work("p3", "p", day(2026, 3, 3), 60, WorkKind::Assessment),
            work("p4", "p", day(2026, 3, 3), 30, WorkKind::Documentation),
            work("s1", "s", day(2026, 3, 4), 400, WorkKind::DirectSession),
            work("b1", "b", day(2026, 3, 5), 90, WorkKind::DirectSession),
            WorkEntry {
                pro_bono: true,
                ..work("h3", "h", day(2026, 3, 6), 60, WorkKind::DirectSession)
            },
            WorkEntry::new(EntryId("n1".into()), day(2026, 3, 6), 45, WorkKind::Admin),
        ],
    );
    let mut j = j;
    j.targets.usual_rate = Some(9000);
    let income = month_income(&j, month(2026, 3));
    let row = |name: &str| {
        income
            .organisations
            .iter()
            .find(|o| o.name == name)
            .unwrap()
            .clone()
    };
    // 75 paid minutes at 60.00 an hour: 75.00; the pro bono hour earns nothing.
    let h = row("H");
    assert_eq!(
        (h.paid_minutes, h.pro_bono_minutes, h.earnings),
        (75, 60, 7500)
    );
    assert_eq!(h.value_forgone, Some(9000));
    // Two billable sessions (individual and group) at 80.00; assessment and notes unpaid.
    let p = row("P");
    assert_eq!((p.sessions, p.earnings, p.minutes), (2, 16000, 230));
    // Salaried: no earnings per entry; agreed 15 h a week over 31 days is 66 h 26 min.
    let s = row("S");
    assert_eq!((s.earnings, s.minutes), (0, 400));
    assert_eq!(s.agreed_minutes, Some(3986));
    let b = row("B");
    assert_eq!((b.earnings, b.pro_bono_minutes), (0, 90));
    assert_eq!(b.value_forgone, Some(13500));
    assert_eq!(row("No organisation").minutes, 45);
    assert_eq!(income.total_earnings(), 23500);
    assert_eq!(income.pro_bono_minutes(), 150);
    assert_eq!(income.value_forgone(), Some(22500));
    assert_eq!(income.total_minutes(), 75 + 60 + 230 + 400 + 90 + 45);
}

#[test]
fn work_after_a_contract_ends_earns_nothing_and_is_flagged() {
    let mut ended = org("h", Arrangement::Hourly, Some(6000));
    ended.end = Some(day(2026, 4, 15));
    let j = build(
        vec![ended],
        vec![
            work("in", "h", day(2026, 4, 15), 60, WorkKind::DirectSession),
            work("out", "h", day(2026, 4, 16), 60, WorkKind::DirectSession),
        ],
    );
    let income = month_income(&j, month(2026, 4));
    let h = &income.organisations[0];
    assert_eq!((h.minutes, h.paid_minutes, h.earnings), (120, 60, 6000));
    let flagged: Vec<_> = income.flagged().collect();
    assert_eq!(flagged.len(), 1);
    assert_eq!(flagged[0].id, EntryId("out".into()));
    assert_eq!(flagged[0].reason, FlagReason::OutsideContract);
    // A month wholly after the contract lists the organisation only if work was logged.
    assert!(month_income(&j, month(2026, 5)).organisations.is_empty());
}

#[test]
fn a_session_over_a_month_end_splits_its_minutes_but_counts_once() {
    let j = build(
        vec![org("h", Arrangement::Hourly, Some(6000))],
        vec![WorkEntry {
            start: NaiveTime::from_hms_opt(23, 30, 0),
            ..work("late", "h", day(2026, 1, 31), 90, WorkKind::DirectSession)
        }],
    );
    let jan = month_income(&j, month(2026, 1));
    let feb = month_income(&j, month(2026, 2));
    assert_eq!(jan.organisations[0].minutes, 30);
    assert_eq!(feb.organisations[0].minutes, 60);
    assert_eq!(jan.total_earnings() + feb.total_earnings(), 9000);
    assert_eq!(jan.organisations[0].sessions, 1);
    assert_eq!(feb.organisations[0].sessions, 0);
}

#[test]
fn an_entry_without_an_organisation_takes_its_cases() {
    let mut j = build(vec![org("p", Arrangement::PerSession, Some(5000))], vec![]);
    let case = Case {
        organisation: Some(OrgId("p".into())),
        ..Case::opened(CaseId("c".into()), "JD", Complexity::Low, day(2026, 1, 1))
    };
    j = j.apply(&Action::AddCase(case)).unwrap();
    let entry = WorkEntry {
        case: Some(CaseId("c".into())),
        ..WorkEntry::new(
            EntryId("e".into()),
            day(2026, 2, 2),
            50,
            WorkKind::DirectSession,
        )
    };
    j = j.apply(&Action::AddEntry(entry)).unwrap();
    assert_eq!(month_income(&j, month(2026, 2)).total_earnings(), 5000);
}

#[test]
fn variability_is_the_coefficient_of_variation_of_monthly_earnings() {
    // 100.00, 300.00 and nothing (work, but pro bono): mean 133.33, population standard
    // deviation 124.72, CV 93.54%.
    let entries = vec![
        work("a", "h", day(2026, 1, 5), 100, WorkKind::Admin),
        work("b", "h", day(2026, 2, 5), 300, WorkKind::Admin),
        WorkEntry {
            pro_bono: true,
            ..work("c", "h", day(2026, 3, 5), 60, WorkKind::Admin)
        },
    ];
    let j = build(vec![org("h", Arrangement::Hourly, Some(6000))], entries);
    let v = income_variability(&j, month(2026, 3), 6);
    assert_eq!(
        v.months,
        vec![
            (month(2026, 1), 10000),
            (month(2026, 2), 30000),
            (month(2026, 3), 0)
        ],
        "months before the first entry are left out"
    );
    assert_eq!(v.mean, 13333);
    assert_eq!(v.cv_basis_points, Some(9354));
    let steady = income_variability(&j, month(2026, 1), 6);
    assert_eq!(steady.cv_basis_points, None, "one month has no spread");
    assert_eq!(
        income_variability(&Journal::default(), month(2026, 1), 6).months,
        vec![]
    );
}
