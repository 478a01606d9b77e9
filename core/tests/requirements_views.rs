//! What the shell shows of requirement sets outside their section, and the licensure log export:
//! supervision adequacy by period (Today's glance, the report), the risk model's support factor
//! reading the same supervision minutes, and the period log whose CSV and printed figures agree.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::{Datelike, Days, NaiveDate};
use tend_core::exchange::{licensure_csv, period_log, LICENSURE_HEADER};
use tend_core::requirements::{evaluate, examples, PeriodStatus, RequirementSet};
use tend_core::selectors::hours::weeks_hours;
use tend_core::selectors::requirements::{progress, supervision_standing, work_from_journal};
use tend_core::{Action, EntryId, Journal, WorkEntry, WorkKind};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn example(part: &str) -> RequirementSet {
    examples()
        .into_iter()
        .find(|s| s.id.contains(part))
        .unwrap()
}

fn log(j: Journal, id: &str, date: &str, minutes: u32, kind: WorkKind) -> Journal {
    let e = WorkEntry::new(EntryId(id.into()), day(date), minutes, kind);
    j.apply(&Action::AddEntry(e)).unwrap()
}

#[test]
fn supervision_standing_gives_each_month_met_short_or_in_progress() {
    let mut j = Journal::default();
    assert!(
        supervision_standing(&j, day("2026-01-01"), day("2026-12-31"), day("2026-03-10"))
            .is_empty()
    );
    j = j
        .apply(&Action::AddRequirementSet(example("bacp-acc")))
        .unwrap();
    // January: 1 h of supervision (short by 30 min); February: 2 h (met); March so far: 1 h.
    j = log(j, "a", "2026-01-12", 60, WorkKind::Supervision);
    j = log(j, "b", "2026-01-13", 300, WorkKind::DirectSession);
    j = log(j, "c", "2026-02-09", 120, WorkKind::Supervision);
    j = log(j, "d", "2026-03-02", 60, WorkKind::Supervision);
    let all = supervision_standing(&j, day("2026-01-01"), day("2026-03-31"), day("2026-03-10"));
    assert_eq!(all.len(), 1);
    let s = &all[0];
    assert_eq!(s.periods.len(), 3);
    assert_eq!(
        s.periods[0].status,
        PeriodStatus::Short {
            missing_minutes: 30
        }
    );
    assert_eq!(s.periods[1].status, PeriodStatus::Met);
    assert_eq!(
        s.periods[2].status,
        PeriodStatus::InProgress {
            missing_minutes: 30
        }
    );
    assert_eq!(s.short(), 1);
    assert_eq!(s.holding(day("2026-03-10")).unwrap().received_minutes, 60);
    // Only the periods overlapping the range.
    let feb = supervision_standing(&j, day("2026-02-01"), day("2026-02-28"), day("2026-03-10"));
    assert_eq!(feb[0].periods.len(), 1);
    assert_eq!(feb[0].short(), 0);
}

#[test]
fn the_support_factor_reads_the_same_supervision_minutes_week_by_week() {
    let today = day("2026-11-23");
    let j = tend_core::demo::demo_journal(7, today).unwrap();
    let work = work_from_journal(&j);
    let weeks = weeks_hours(&j, day("2026-08-03"), today);
    assert!(weeks.len() > 10);
    let mut total = 0;
    for w in &weeks {
        let monday = w.monday();
        let sunday = monday.checked_add_days(Days::new(6)).unwrap();
        let from_requirements: u32 = work
            .iter()
            .filter(|l| l.kind == WorkKind::Supervision && l.date >= monday && l.date <= sunday)
            .map(|l| l.minutes)
            .sum();
        assert_eq!(
            w.summary.kind_minutes(WorkKind::Supervision),
            from_requirements,
            "{monday}"
        );
        total += from_requirements;
    }
    assert!(total > 0, "the demo logs supervision");
}

/// A month of mixed work under the California example: four weeks, one without supervision.
fn month_of_work() -> (Journal, RequirementSet) {
    let set = example("ca-bbs");
    let mut j = Journal::default()
        .apply(&Action::AddRequirementSet(set.clone()))
        .unwrap();
    let mut n = 0;
    for (week, supervision) in [(0u64, 90u32), (1, 420), (2, 0), (3, 60)] {
        let monday = day("2026-10-05")
            .checked_add_days(Days::new(7 * week))
            .unwrap();
        for d in 0..4u64 {
            let date = monday.checked_add_days(Days::new(d)).unwrap().to_string();
            n += 1;
            j = log(j, &format!("s{n}"), &date, 300, WorkKind::DirectSession);
            j = log(j, &format!("n{n}"), &date, 90, WorkKind::Documentation);
        }
        if supervision > 0 {
            let date = monday.checked_add_days(Days::new(4)).unwrap().to_string();
            j = log(
                j,
                &format!("v{week}"),
                &date,
                supervision,
                WorkKind::Supervision,
            );
        }
    }
    (j, set)
}

#[test]
fn the_period_log_and_its_csv_hold_the_same_hours() {
    let (j, set) = month_of_work();
    let today = day("2026-11-10");
    let result = progress(&j, &set, today);
    let weeks = result.licensure.as_ref().unwrap().weeks.clone();
    let period = period_log(&set, &weeks, day("2026-10-01"), day("2026-10-31")).unwrap();
    assert_eq!(period.weeks.len(), 4);
    assert!(period.weeks.iter().all(|w| w.first.month() == 10));
    // Sessions 4 x 4 x 5 h, notes 4 x 4 x 1.5 h, supervision 1.5 + 7 + 1 h; week 3 did not count
    // and week 2's supervision is held to 5 h.
    assert_eq!(period.logged, [80 * 60, 570, 24 * 60]);
    assert_eq!(period.counted, [60 * 60, 90 + 300 + 60, 18 * 60]);
    let csv = licensure_csv(&period);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], LICENSURE_HEADER.join(","));
    assert_eq!(lines.len(), 1 + 4 * 3);
    // Summing the CSV's counted column per category gives the period's totals.
    let mut counted = [0f64; 3];
    for line in &lines[1..] {
        let cells: Vec<&str> = line.split(',').collect();
        let i = period
            .categories
            .iter()
            .position(|c| c == cells[3])
            .unwrap();
        counted[i] += cells[5].parse::<f64>().unwrap();
    }
    for (i, c) in counted.iter().enumerate() {
        assert!(
            (c * 60.0 - period.counted[i] as f64).abs() < 0.5,
            "{i}: {c}"
        );
    }
    assert!(lines
        .iter()
        .any(|l| l.contains(",no,") && l.contains("supervision")));
    assert_eq!(lines.iter().filter(|l| l.contains(",no,")).count(), 3);
    // Whole evaluation and the selector agree.
    assert_eq!(
        result,
        evaluate(&set, &work_from_journal(&j), &j.ce_activities, today)
    );
}

#[test]
fn names_from_a_file_cannot_become_formulas_in_the_log() {
    let (j, mut set) = month_of_work();
    set.name = "=HYPERLINK(\"x\")".into();
    set.licensure.as_mut().unwrap().categories[0].name = "+Sessions".into();
    let result = progress(&j, &set, day("2026-11-10"));
    let weeks = &result.licensure.as_ref().unwrap().weeks;
    let period = period_log(&set, weeks, day("2026-10-01"), day("2026-10-31")).unwrap();
    let csv = licensure_csv(&period);
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""));
    assert!(csv.contains("\"'+Sessions\""));
    assert!(!csv
        .lines()
        .any(|l| l.starts_with('=') || l.contains(",=") || l.contains(",+")));
    // A set without a licensure log has no period log.
    assert!(period_log(
        &example("bacp-acc"),
        weeks,
        day("2026-10-01"),
        day("2026-10-31")
    )
    .is_none());
}

/// The set and the month of work the requirements journey uses (`e2e/requirements.spec.js`),
/// worked by hand here so the journey's expected figures are held by a fast test too.
#[test]
fn the_journey_s_month_of_work_gives_the_figures_it_expects() {
    let set = tend_core::requirements::read_set(include_bytes!(
        "../../e2e/fixtures/requirement-set.json"
    ))
    .unwrap();
    let mut j = Journal::default()
        .apply(&Action::AddRequirementSet(set.clone()))
        .unwrap();
    // Weeks from 5, 12, 19 and 26 October: 2 x 5 h of sessions, 3 h of notes and 2 h of
    // supervision, except the week of the 19th, which has no supervision.
    for (w, monday) in ["2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"]
        .iter()
        .enumerate()
    {
        let at = |d: u64| {
            day(monday)
                .checked_add_days(Days::new(d))
                .unwrap()
                .to_string()
        };
        j = log(j, &format!("a{w}"), &at(0), 300, WorkKind::DirectSession);
        j = log(j, &format!("b{w}"), &at(1), 300, WorkKind::DirectSession);
        j = log(j, &format!("c{w}"), &at(2), 180, WorkKind::Documentation);
        if w != 2 {
            j = log(j, &format!("d{w}"), &at(3), 120, WorkKind::Supervision);
        }
    }
    let today = day("2026-11-10");
    let p = progress(&j, &set, today);
    let log_progress = p.licensure.as_ref().unwrap();
    // 30 h of sessions, 3 x 1.5 h of supervision, notes held to their 6 h cap: 40.5 h of 100.
    assert_eq!(log_progress.counted_minutes, 2430);
    assert_eq!(log_progress.progress_permille(), 405);
    let counted: Vec<u64> = log_progress
        .categories
        .iter()
        .map(|c| c.counted_minutes)
        .collect();
    assert_eq!(counted, [1800, 270, 360]);
    assert_eq!(log_progress.weeks_not_counted().count(), 1);
    // Pace: 20 h of sessions and 3 h of supervision in the four weeks to 8 November (notes are
    // at their cap); 59.5 h left at 23 h per 28 days take 72.4 days: the 73rd day, 22 January.
    assert_eq!(
        log_progress.projection,
        tend_core::requirements::Projection::On(day("2027-01-22"))
    );
    // October's supervision is met; November has none yet, so 4 h are due by its last day.
    assert_eq!(p.due.len(), 1);
    assert_eq!(p.due[0].by, day("2026-11-30"));
    assert_eq!(p.due[0].missing_minutes, 240);
    let period = period_log(
        &set,
        &log_progress.weeks,
        day("2026-10-01"),
        day("2026-10-31"),
    )
    .unwrap();
    assert_eq!(period.logged, [2400, 360, 720]);
    assert_eq!(period.counted, [1800, 270, 540]);
}
