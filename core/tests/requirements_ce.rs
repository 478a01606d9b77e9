//! Continuing-education cycles on hand-worked examples (a cycle crossing a year, month ends, no
//! due date, due soon and overdue) and a whole set gathering what is due from every rule.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::NaiveDate;
use tend_core::requirements::{
    evaluate, evaluate_ce, examples, read_set, CeActivity, CeExclusion, CeStatus, DueAbout,
    LoggedWork, RequirementSet,
};
use tend_core::WorkKind;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn set(json: &str) -> RequirementSet {
    read_set(json.as_bytes()).unwrap_or_else(|p| panic!("{p:?}"))
}

fn activity(date: NaiveDate, hours: u32, category: &str) -> CeActivity {
    CeActivity {
        id: tend_core::requirements::CeId(format!("{date}-{category}")),
        date,
        minutes: hours * 60,
        category: category.into(),
        provider: "Provider".into(),
        certificate: "CE folder".into(),
    }
}

#[test]
fn a_ce_cycle_crossing_a_year() {
    let example = examples()
        .into_iter()
        .find(|s| s.id == "example-mn-licsw-ce")
        .unwrap();
    let mut cycle = example.ce.unwrap();
    cycle.due = Some(day(2027, 6, 30));
    // 24 months ending 30 June 2027 begin on 1 July 2025.
    let activities = [
        activity(day(2025, 6, 30), 6, "clinical"), // the day before: previous cycle
        activity(day(2025, 7, 1), 10, "general"),
        activity(day(2025, 12, 31), 2, "ethics"),
        activity(day(2026, 1, 1), 12, "clinical"),
        activity(day(2026, 11, 15), 12, " Clinical "),
        activity(day(2027, 1, 10), 3, "ethics"), // after today
    ];
    let progress = evaluate_ce(&cycle, &activities, day(2026, 12, 1));
    assert_eq!(
        (progress.first, progress.last),
        (day(2025, 7, 1), day(2027, 6, 30))
    );
    assert_eq!(progress.counted, [1, 2, 3, 4]);
    assert_eq!(
        progress.not_counted,
        [(0, CeExclusion::BeforeCycle), (5, CeExclusion::AfterToday)]
    );
    // 10 + 2 + 12 + 12 = 36 h of 40; ethics 2 of 2, clinical 24 of 24.
    assert_eq!(
        (progress.counted_minutes, progress.missing_minutes),
        (2160, 240)
    );
    assert!(progress.categories.iter().all(|c| c.missing_minutes == 0));
    // 30 + 31 + 28 + 31 + 30 + 31 + 30 days to 30 June 2027.
    assert_eq!(progress.status, CeStatus::Open { days_left: 211 });
    assert!(progress.due_items().is_empty());
    // By 15 April the 3 h of 10 January count too (39 h); within 90 days the missing hour is
    // due; after 30 June it is overdue, and an activity on 1 July counts in the next cycle.
    let soon = evaluate_ce(&cycle, &activities, day(2027, 4, 15));
    assert_eq!(soon.status, CeStatus::DueSoon { days_left: 76 });
    let items = soon.due_items();
    assert_eq!(items.len(), 1);
    assert_eq!(
        items[0].to_string(),
        "Continuing education: 1 h more due by 2027-06-30"
    );
    let mut late_activities = activities.to_vec();
    late_activities.push(activity(day(2027, 7, 1), 4, "general"));
    let late = evaluate_ce(&cycle, &late_activities, day(2027, 7, 5));
    assert_eq!(late.status, CeStatus::Overdue { days_past: 5 });
    assert_eq!(late.not_counted.last(), Some(&(6, CeExclusion::AfterDue)));
    assert!(late.due_items().iter().all(|i| i.overdue));
}

#[test]
fn ce_cycles_end_on_month_ends_and_run_to_today_without_a_due_date() {
    let mut cycle = set(r#"{"id":"t","name":"T","body":"B","ce":{"hours":1,"months":12,"due":"2027-02-28","required":[{"category":"ethics","name":"Ethics","hours":1}]}}"#)
        .ce
        .unwrap();
    let progress = evaluate_ce(
        &cycle,
        &[activity(day(2026, 3, 1), 1, "general")],
        day(2026, 6, 1),
    );
    assert_eq!(progress.first, day(2026, 3, 1));
    // The hour counts towards the total but not towards ethics.
    assert_eq!(
        (
            progress.missing_minutes,
            progress.categories[0].missing_minutes
        ),
        (0, 60)
    );
    cycle.due = None;
    let rolling = evaluate_ce(&cycle, &[], day(2026, 6, 1));
    assert_eq!(
        (rolling.first, rolling.last, rolling.status),
        (day(2025, 6, 2), day(2026, 6, 1), CeStatus::NoDueDate)
    );
}

#[test]
fn a_whole_set_gathers_what_is_due_earliest_first() {
    let mut ca = examples()
        .into_iter()
        .find(|s| s.id == "example-ca-bbs-associate")
        .unwrap();
    let bacp = examples().remove(0);
    ca.supervision = bacp.supervision;
    ca.ce =
        set(r#"{"id":"t","name":"T","body":"B","ce":{"hours":1,"months":12,"due":"2026-04-01"}}"#)
            .ce;
    let work = [LoggedWork::new(
        day(2026, 3, 23),
        240,
        WorkKind::DirectSession,
    )];
    let progress = evaluate(&ca, &work, &[], day(2026, 3, 25));
    let due: Vec<_> = progress
        .due
        .iter()
        .map(|d| (d.by, d.about.clone()))
        .collect();
    assert_eq!(due.len(), 3);
    assert_eq!(due[0], (day(2026, 3, 29), DueAbout::QualifyingWeek));
    assert_eq!(due[1].0, day(2026, 3, 31));
    assert_eq!(due[2], (day(2026, 4, 1), DueAbout::CeTotal));
}
