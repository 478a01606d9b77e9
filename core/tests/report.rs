//! The report's numbers on a small journal worked out by hand, the period choices, and the
//! weeks chart drawn from them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::NaiveDate;
use tend_core::charts::report_weeks::{describe_weeks, render_weeks_svg};
use tend_core::selectors::report::{report, Period};
use tend_core::{
    Action, Arrangement, BreakEntry, BreakId, BreakKind, Case, CaseId, Complexity, EntryId,
    Journal, OrgId, Organisation, WorkEntry, WorkKind,
};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn entry(id: &str, date: &str, minutes: u32, kind: WorkKind, org: Option<&str>) -> Action {
    Action::AddEntry(WorkEntry {
        organisation: org.map(|o| OrgId(o.into())),
        ..WorkEntry::new(EntryId(id.into()), day(date), minutes, kind)
    })
}

fn org(id: &str, name: &str, arrangement: Arrangement) -> Action {
    Action::AddOrganisation(Organisation {
        id: OrgId(id.into()),
        name: name.into(),
        arrangement,
        rate: (arrangement != Arrangement::ProBono && arrangement != Arrangement::Salaried)
            .then_some(9000),
        weekly_minutes: 0,
        start: day("2026-01-01"),
        end: None,
    })
}

fn journal() -> Journal {
    let mut actions = vec![
        org("paid", "Northside", Arrangement::Hourly),
        org("free", "Free clinic", Arrangement::ProBono),
    ];
    // Week 45 (2-8 Nov): five days of 8 h = 40 h, 2 h 30 min over the 37 h 30 min target.
    for (i, d) in ["02", "03", "04", "05", "06"].iter().enumerate() {
        actions.push(entry(
            &format!("a{i}"),
            &format!("2026-11-{d}"),
            360,
            WorkKind::DirectSession,
            Some("paid"),
        ));
        actions.push(entry(
            &format!("b{i}"),
            &format!("2026-11-{d}"),
            120,
            WorkKind::Documentation,
            None,
        ));
    }
    // Week 46 (9-15 Nov): 3 h at the free clinic and 1 h supervision.
    actions.push(entry(
        "c",
        "2026-11-10",
        180,
        WorkKind::GroupSession,
        Some("free"),
    ));
    actions.push(entry("d", "2026-11-11", 60, WorkKind::Supervision, None));
    // Outside the period.
    actions.push(entry("e", "2026-10-30", 600, WorkKind::Admin, None));
    actions.push(Action::AddBreak(BreakEntry {
        id: BreakId("off".into()),
        kind: BreakKind::Vacation,
        date: day("2026-11-12"),
        minutes: 0,
        until: Some(day("2026-11-13")),
    }));
    actions.push(Action::AddBreak(BreakEntry {
        id: BreakId("p".into()),
        kind: BreakKind::MealBreak,
        date: day("2026-11-02"),
        minutes: 30,
        until: None,
    }));
    actions.push(Action::AddCase(Case::opened(
        CaseId("k".into()),
        "AB",
        Complexity::High,
        day("2026-11-01"),
    )));
    actions
        .iter()
        .fold(Journal::default(), |j, a| j.apply(a).unwrap())
}

#[test]
fn a_period_of_two_whole_weeks_and_a_part() {
    // Monday 2 to Wednesday 18 November: weeks 45 and 46 whole, week 47 three days.
    let r = report(
        &journal(),
        Period::custom(day("2026-11-02"), day("2026-11-18")).unwrap(),
    );
    assert_eq!(r.period.days(), 17);
    assert_eq!(r.total_minutes(), 5 * 480 + 180 + 60);
    assert_eq!(r.by_kind[WorkKind::DirectSession.index()], 1800);
    assert_eq!(r.direct_minutes(), 1800 + 180);
    assert_eq!(r.weeks.len(), 3);
    assert!(r.weeks[0].whole && r.weeks[1].whole && !r.weeks[2].whole);
    assert_eq!(r.weeks[0].total(), 2400);
    assert_eq!(r.weeks[0].overtime, 150);
    assert_eq!(r.overtime_minutes(), 150);
    assert_eq!(r.weeks_over_target(), 1);
    assert_eq!(r.days_worked, 7);
    assert_eq!(r.vacation_days, 2);
    assert_eq!(r.days_off, 0);
    // One pause on seven worked days with a target of three: 0.1 per day, no day met.
    assert_eq!(
        (r.breaks.pauses, r.breaks.days_met, r.breaks.per_day_tenths),
        (1, 0, 1)
    );
    // One high-complexity case throughout.
    assert_eq!(r.caseload_end.open_cases, 1);
    assert_eq!(r.caseload_peak.points, r.caseload_end.points);
    // Northside 30 h, Free clinic 3 h (all pro bono), then the 11 h without organisation.
    let names: Vec<(&str, u32, u32)> = r
        .organisations
        .iter()
        .map(|o| (o.name.as_str(), o.minutes, o.pro_bono_minutes))
        .collect();
    assert_eq!(
        names,
        [
            ("Northside", 1800, 0),
            ("Free clinic", 180, 180),
            ("No organisation", 660, 0)
        ]
    );
    assert_eq!(r.pro_bono_minutes(), 180);
}

#[test]
fn period_choices() {
    let today = day("2026-11-23");
    assert_eq!(
        Period::last_four_weeks(today),
        Period {
            from: day("2026-10-27"),
            to: today
        }
    );
    assert_eq!(
        Period::last_quarter(today),
        Period {
            from: day("2026-07-01"),
            to: day("2026-09-30")
        }
    );
    assert_eq!(
        Period::last_quarter(day("2026-02-10")),
        Period {
            from: day("2025-10-01"),
            to: day("2025-12-31")
        }
    );
    let err = Period::custom(day("2026-11-02"), day("2026-11-01")).unwrap_err();
    assert!(err.contains("ends earlier"), "{err}");
    assert!(Period::custom(day("2000-01-01"), day("2026-01-01")).is_err());
}

#[test]
fn the_weeks_chart_names_its_period_and_kinds() {
    let r = report(
        &journal(),
        Period::custom(day("2026-11-02"), day("2026-11-18")).unwrap(),
    );
    let svg = render_weeks_svg(&r, 720, 360).unwrap();
    assert!(svg.contains("Hours by week, 2 Nov 2026 to 18 Nov 2026"));
    for kind in [
        "Direct session",
        "Documentation",
        "Group session",
        "Supervision",
    ] {
        assert!(svg.contains(kind), "legend has {kind}");
    }
    assert!(!svg.contains("Travel"));
    let text = describe_weeks(&r);
    assert!(
        text.contains("44 h in all") && text.contains("busiest week 45 with 40 h"),
        "{text}"
    );
    assert!(text.contains("2 h 30 min of overtime"), "{text}");
    let empty = report(
        &Journal::default(),
        Period::last_four_weeks(day("2026-11-23")),
    );
    assert!(render_weeks_svg(&empty, 720, 360).is_ok());
    assert!(describe_weeks(&empty).contains("no work logged"));
}
