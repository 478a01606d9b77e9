//! Requirement sets evaluated on hand-worked examples, one rule at a time: a month short of an
//! absolute minimum, a proportional minimum and its rounding, a per-week cap, a category cap,
//! weeks that do not count without supervision, a category that counts double and the projection
//! at the recent pace (CE cycles are in `requirements_ce.rs`). Every figure is worked out in the
//! comments.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::NaiveDate;
use tend_core::requirements::{
    evaluate_licensure, evaluate_supervision, read_set, DueAbout, LicensureLog, LoggedWork,
    PeriodStatus, Projection, RequirementSet, SupervisionFormat, SupervisionMinimum, WeekStatus,
};
use tend_core::WorkKind::{self, *};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn w(date: NaiveDate, minutes: u32, kind: WorkKind) -> LoggedWork {
    LoggedWork::new(date, minutes, kind)
}

fn group(date: NaiveDate, minutes: u32) -> LoggedWork {
    LoggedWork {
        format: Some(SupervisionFormat::Group),
        ..w(date, minutes, Supervision)
    }
}

fn set(json: &str) -> RequirementSet {
    read_set(json.as_bytes()).unwrap_or_else(|p| panic!("{p:?}"))
}

fn minimum(json: &str) -> SupervisionMinimum {
    let text = format!(r#"{{"id":"t","name":"T","body":"B","supervision":[{json}]}}"#);
    set(&text).supervision.remove(0)
}

fn log(json: &str) -> LicensureLog {
    set(&format!(
        r#"{{"id":"t","name":"T","body":"B","licensure":{json}}}"#
    ))
    .licensure
    .unwrap()
}

const INDIVIDUAL: SupervisionFormat = SupervisionFormat::Individual;

#[test]
fn a_month_short_of_an_absolute_minimum() {
    let rule = minimum(r#"{"id":"m","name":"Monthly","period":"month","hours":1.5}"#);
    let work = [
        w(day(2025, 11, 3), 600, DirectSession),
        w(day(2025, 11, 20), 90, Supervision),
        // December: nothing logged, so not judged.
        w(day(2026, 1, 5), 1200, DirectSession),
        w(day(2026, 1, 6), 45, Supervision),
        w(day(2026, 1, 27), 45, Supervision), // 45 + 45 = 90: met
        w(day(2026, 2, 2), 1200, DirectSession),
        w(day(2026, 2, 9), 60, Supervision), // 60 of 90: short by 30
        w(day(2026, 3, 2), 300, DirectSession),
        w(day(2026, 3, 9), 30, Supervision), // current month: 60 still needed
        w(day(2026, 4, 1), 60, Supervision), // after today: not looked at
    ];
    let progress = evaluate_supervision(&rule, INDIVIDUAL, &work, day(2026, 3, 15));
    let firsts: Vec<_> = progress.periods.iter().map(|p| p.first).collect();
    assert_eq!(
        firsts,
        [
            day(2025, 11, 1),
            day(2026, 1, 1),
            day(2026, 2, 1),
            day(2026, 3, 1)
        ]
    );
    let statuses: Vec<_> = progress.periods.iter().map(|p| p.status).collect();
    assert_eq!(
        statuses,
        [
            PeriodStatus::Met,
            PeriodStatus::Met,
            PeriodStatus::Short {
                missing_minutes: 30
            },
            PeriodStatus::InProgress {
                missing_minutes: 60
            },
        ]
    );
    let short: Vec<_> = progress.shortfalls().collect();
    assert_eq!((short.len(), short[0].last), (1, day(2026, 2, 28)));
    assert_eq!(short[0].status.to_string(), "short by 30 min");
    let due = progress.due().unwrap();
    assert_eq!((due.by, due.missing_minutes), (day(2026, 3, 31), 60));
}

#[test]
fn a_proportional_minimum_rounds_the_requirement_up() {
    // One hour for every eight client hours: 20 client hours need 20 / 8 = 2.5 h = 150 min.
    let rule =
        minimum(r#"{"id":"r","name":"Ratio","period":"month","hours":1,"per_client_hours":8}"#);
    let work = [
        w(day(2026, 1, 5), 720, DirectSession),
        w(day(2026, 1, 6), 240, GroupSession),
        w(day(2026, 1, 7), 240, Assessment),
        w(day(2026, 1, 8), 600, Documentation), // not client work
        w(day(2026, 1, 9), 120, Supervision),   // 120 of 150
        // 17 client hours need 17 × 60 / 8 = 127.5, rounded up to 128 min; 127 falls short.
        w(day(2026, 2, 2), 1020, DirectSession),
        w(day(2026, 2, 3), 127, Supervision),
        w(day(2026, 3, 2), 1020, DirectSession),
        w(day(2026, 3, 3), 128, Supervision),
    ];
    let progress = evaluate_supervision(&rule, INDIVIDUAL, &work, day(2026, 4, 10));
    let got: Vec<_> = progress
        .periods
        .iter()
        .map(|p| {
            (
                p.client_minutes,
                p.required_minutes,
                p.received_minutes,
                p.status,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                1200,
                150,
                120,
                PeriodStatus::Short {
                    missing_minutes: 30
                }
            ),
            (1020, 128, 127, PeriodStatus::Short { missing_minutes: 1 }),
            (1020, 128, 128, PeriodStatus::Met),
            // April: no client work yet, so nothing is required.
            (0, 0, 0, PeriodStatus::Met),
        ]
    );
    assert_eq!(progress.due(), None);
}

#[test]
fn group_supervision_counts_at_the_rules_share_and_weeks_can_start_on_sunday() {
    let rule = minimum(
        r#"{"id":"w","name":"Weekly","period":"week","hours":1,"group_percent":50,"week_starts":"sunday"}"#,
    );
    // 2026-03-15 is a Sunday: its week runs to Saturday the 21st.
    let work = [
        group(day(2026, 3, 15), 90),
        w(day(2026, 3, 21), 10, Supervision),
    ];
    let progress = evaluate_supervision(&rule, INDIVIDUAL, &work, day(2026, 3, 25));
    let week = &progress.periods[0];
    assert_eq!(
        (week.first, week.last),
        (day(2026, 3, 15), day(2026, 3, 21))
    );
    // 10 individual + half of 90 group = 55 of 60.
    assert_eq!(week.received_minutes, 55);
    assert_eq!(week.status, PeriodStatus::Short { missing_minutes: 5 });
    // With every unmarked entry counted as group, the 10 minutes become 5.
    let all_group = evaluate_supervision(&rule, SupervisionFormat::Group, &work, day(2026, 3, 25));
    assert_eq!(all_group.periods[0].received_minutes, 50);
}

const WEEKLY_RULES: &str = r#"{
    "total_hours": 100,
    "qualifying_week": {"individual_hours": 1, "group_hours": 2},
    "categories": [
        {"id":"clinical","name":"Clinical","kinds":["direct_session","assessment"]},
        {"id":"conjoint","name":"Conjoint","kinds":["group_session"],"counts_as":2},
        {"id":"supervision","name":"Supervision","kinds":["supervision"],"weekly_cap_hours":5},
        {"id":"non_clinical","name":"Non-clinical","kinds":["documentation","admin"],"cap_hours":10}
    ]
}"#;

#[test]
fn weeks_without_supervision_do_not_count_and_caps_and_doubling_apply() {
    let log = log(WEEKLY_RULES);
    // Weeks start on Mondays: 2 Mar, 9 Mar, 16 Mar, 23 Mar (current, today is the 25th).
    let work = [
        // Week of 2 Mar: 10 h clinical, 7 h individual supervision (5 count), 3 h conjoint (count
        // as 6), 8 h admin. Counts.
        w(day(2026, 3, 2), 600, DirectSession),
        w(day(2026, 3, 3), 420, Supervision),
        w(day(2026, 3, 4), 180, GroupSession),
        w(day(2026, 3, 5), 480, Admin),
        // Week of 9 Mar: 10 h clinical and only 30 min individual supervision. Does not count.
        w(day(2026, 3, 9), 600, DirectSession),
        w(day(2026, 3, 10), 30, Supervision),
        // Week of 16 Mar: 2 h group supervision qualifies it; 6 h documentation, but only 2 more
        // non-clinical hours fit under the 10 h cap.
        w(day(2026, 3, 16), 300, Assessment),
        group(day(2026, 3, 17), 120),
        w(day(2026, 3, 18), 360, Documentation),
        w(day(2026, 3, 19), 90, Travel), // in no category
        // Current week: 4 h clinical, no supervision yet.
        w(day(2026, 3, 23), 240, DirectSession),
    ];
    let progress = evaluate_licensure(&log, INDIVIDUAL, &work, day(2026, 3, 25));
    let statuses: Vec<_> = progress.weeks.iter().map(|w| w.status).collect();
    let rule = log.qualifying_week.unwrap();
    assert_eq!(statuses[0], WeekStatus::Counts);
    assert_eq!(
        statuses[1],
        WeekStatus::NotEnoughSupervision {
            individual_minutes: 30,
            group_minutes: 0,
            rule
        }
    );
    assert_eq!(statuses[2], WeekStatus::Counts);
    assert!(matches!(statuses[3], WeekStatus::Waiting { .. }));
    assert_eq!(
        statuses[1].to_string(),
        "did not count: 30 min individual and 0 min group supervision, and a week needs 1 h \
         individual or 2 h group"
    );
    assert_eq!(progress.weeks_not_counted().count(), 1);
    // The first week: supervision 7 h kept to 5, conjoint 3 h counted as 6.
    assert_eq!(progress.weeks[0].counted, [600, 360, 300, 480]);
    assert_eq!(progress.weeks[0].weekly_capped, [0, 0, 120, 0]);

    let by_id = |id: &str| progress.categories.iter().find(|c| c.id == id).unwrap();
    let clinical = by_id("clinical");
    // Logged 10 + 10 + 5 + 4 = 29 h; the 10 h of 9 Mar and the 4 h of this week do not count.
    assert_eq!(clinical.logged_minutes, 1740);
    assert_eq!(clinical.not_counted_weeks_minutes, 840);
    assert_eq!(clinical.counted_minutes, 900);
    let conjoint = by_id("conjoint");
    assert_eq!(
        (conjoint.counts_as_added_minutes, conjoint.counted_minutes),
        (180, 360)
    );
    let supervision = by_id("supervision");
    // 7 h + 30 min + 2 h logged; the 30 min week does not count; 7 h kept to 5.
    assert_eq!(supervision.logged_minutes, 570);
    assert_eq!(supervision.weekly_capped_minutes, 120);
    assert_eq!(supervision.counted_minutes, 420);
    let non_clinical = by_id("non_clinical");
    // 8 h + 6 h = 14 h, capped at 10 h.
    assert_eq!(
        (non_clinical.over_cap_minutes, non_clinical.counted_minutes),
        (240, 600)
    );
    assert_eq!(
        non_clinical.reasons(),
        ["4 h over the category's cap do not count."]
    );
    assert_eq!(progress.outside.unmapped_minutes[Travel.index()], 90);
    // 15 + 6 + 7 + 10 = 38 h of 100: 380 thousandths.
    assert_eq!(progress.counted_minutes, 2280);
    assert_eq!(progress.progress_permille(), 380);
    assert!(!progress.complete());
    // This week's 4 h count once it has an hour of individual supervision, by Sunday.
    let due = progress.due().unwrap();
    assert_eq!(due.about, DueAbout::QualifyingWeek);
    assert_eq!((due.by, due.missing_minutes), (day(2026, 3, 29), 60));
}

#[test]
fn counting_double_comes_before_the_weekly_cap() {
    let log = log(r#"{"total_hours":50,"categories":[
            {"id":"c","name":"C","kinds":["group_session"],"counts_as":2,"weekly_cap_hours":5}]}"#);
    // 3 h count as 6 h, kept to 5 h.
    let progress = evaluate_licensure(
        &log,
        INDIVIDUAL,
        &[w(day(2026, 3, 2), 180, GroupSession)],
        day(2026, 3, 3),
    );
    let c = &progress.categories[0];
    assert_eq!(
        (
            c.counts_as_added_minutes,
            c.weekly_capped_minutes,
            c.counted_minutes
        ),
        (180, 60, 300)
    );
    assert_eq!(
        c.reasons(),
        [
            "These hours count more than once: 3 h added.",
            "1 h over the weekly cap do not count."
        ]
    );
}

#[test]
fn the_start_date_minimums_and_completion() {
    let log = log(r#"{"total_hours":10,"start":"2026-03-04","categories":[
            {"id":"c","name":"C","kinds":["direct_session"],"min_hours":8},
            {"id":"s","name":"S","kinds":["supervision"]}]}"#);
    let work = [
        w(day(2026, 3, 3), 600, DirectSession), // before the start
        w(day(2026, 3, 4), 420, DirectSession),
        w(day(2026, 3, 5), 180, Supervision),
        w(day(2026, 3, 9), 600, DirectSession), // after today
    ];
    let progress = evaluate_licensure(&log, INDIVIDUAL, &work, day(2026, 3, 6));
    assert_eq!(progress.outside.before_start_minutes, 600);
    assert_eq!(progress.outside.after_today_minutes, 600);
    // 10 h counted reaches the total, but the category still misses 1 h of its 8.
    assert_eq!(progress.counted_minutes, 600);
    assert_eq!(progress.progress_permille(), 1000);
    assert_eq!(progress.categories[0].missing_minutes, 60);
    assert!(!progress.complete());
    let later = evaluate_licensure(&log, INDIVIDUAL, &work, day(2026, 3, 9));
    assert!(later.complete());
    assert_eq!(later.projection, Projection::Complete);
}

#[test]
fn the_projection_follows_the_recent_weeks() {
    let log = log(
        r#"{"total_hours":100,"pace_weeks":4,"start":"2026-01-05","categories":[
            {"id":"c","name":"C","kinds":["direct_session"]},
            {"id":"a","name":"A","kinds":["admin"],"cap_hours":2}]}"#,
    );
    // Ten weeks of 5 h from Monday 5 January, then 2 h on Monday 16 March (today is Wednesday 18).
    let mut work: Vec<_> = (0..10)
        .map(|i| {
            w(
                day(2026, 1, 5) + chrono::Days::new(7 * i),
                300,
                DirectSession,
            )
        })
        .collect();
    work.push(w(day(2026, 3, 16), 120, DirectSession));
    let today = day(2026, 3, 18);
    let progress = evaluate_licensure(&log, INDIVIDUAL, &work, today);
    // The pace: the 4 weeks from 16 February, 20 h in 28 days. 52 h are counted, 48 h remain:
    // 48 h / (20 h / 28 days) = 67.2 days, so the 68th day from today, 25 May.
    assert_eq!(
        (progress.pace.first, progress.pace.weeks),
        (day(2026, 2, 16), 4)
    );
    assert_eq!(progress.pace.minutes, [1200, 0]);
    assert_eq!(progress.projection, Projection::On(day(2026, 5, 25)));
    // Admin at its cap adds nothing to the pace's reach: with only capped admin lately, never.
    let capped: Vec<_> = (0..6)
        .map(|i| w(day(2026, 1, 5) + chrono::Days::new(7 * i), 600, Admin))
        .collect();
    let stuck = evaluate_licensure(&log, INDIVIDUAL, &capped, day(2026, 2, 18));
    assert_eq!(stuck.projection, Projection::NotWithinHorizon);
    // Nothing in the last four weeks; and a log that started this week has no pace yet.
    let idle = evaluate_licensure(&log, INDIVIDUAL, &work[..3], today);
    assert_eq!(idle.projection, Projection::NoRecentHours);
    let fresh = evaluate_licensure(&log, INDIVIDUAL, &work, day(2026, 1, 7));
    assert_eq!(fresh.projection, Projection::TooLittleHistory);
}
