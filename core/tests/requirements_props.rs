//! Properties of requirement sets over any rules and any work: logging more never lowers progress,
//! nothing counted ever exceeds a cap, no input makes evaluation or import panic, and a valid set
//! reads back unchanged after being written.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use tend_core::requirements::{
    evaluate, evaluate_ce, evaluate_licensure, evaluate_supervision, examples, read_set,
    read_value, Category, CeActivity, CeCycle, LicensureLog, LoggedWork, Period, QualifyingWeek,
    RequirementSet, SupervisionFormat, SupervisionMinimum, WeekStarts,
};
use tend_core::WorkKind;

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

fn on(offset: u64) -> NaiveDate {
    base() + Days::new(offset)
}

fn format(code: u8) -> Option<SupervisionFormat> {
    match code {
        0 => None,
        1 => Some(SupervisionFormat::Individual),
        _ => Some(SupervisionFormat::Group),
    }
}

fn arb_work() -> impl Strategy<Value = Vec<LoggedWork>> {
    prop::collection::vec((0u64..150, 1u32..600, 0usize..8, 0u8..3), 0..60).prop_map(|items| {
        items
            .into_iter()
            .map(|(day, minutes, kind, f)| LoggedWork {
                format: format(f),
                ..LoggedWork::new(on(day), minutes, WorkKind::ALL[kind])
            })
            .collect()
    })
}

fn arb_hour() -> impl Strategy<Value = LoggedWork> {
    (0u64..150, 0usize..8, 0u8..3).prop_map(|(day, kind, f)| LoggedWork {
        format: format(f),
        ..LoggedWork::new(on(day), 60, WorkKind::ALL[kind])
    })
}

fn starts(sunday: bool) -> WeekStarts {
    if sunday {
        WeekStarts::Sunday
    } else {
        WeekStarts::Monday
    }
}

type CategoryParts = (u32, Option<u32>, Option<u32>, Option<u32>);

fn arb_log() -> impl Strategy<Value = LicensureLog> {
    let category = (
        1u32..=3,
        prop::option::of(1u32..5_000),
        prop::option::of(1u32..5_000),
        prop::option::of(1u32..1_000),
    );
    (
        1u32..20_000,
        prop::collection::vec(category, 1..=4),
        prop::collection::vec(0usize..=4, 8),
        prop::option::of((1u32..300, prop::option::of(1u32..300))),
        any::<bool>(),
        1u32..=20,
        prop::option::of(0u64..150),
    )
        .prop_map(|(total, parts, owner, week, sunday, pace, start)| {
            let parts: Vec<CategoryParts> = parts;
            // Each category is fed by at least the kind of its own position.
            let mut owner = owner;
            for (i, slot) in owner.iter_mut().enumerate().take(parts.len()) {
                *slot = i;
            }
            let categories = parts
                .iter()
                .enumerate()
                .map(|(i, (counts_as, min, cap, weekly))| Category {
                    id: format!("c{i}"),
                    name: format!("C{i}"),
                    kinds: WorkKind::ALL
                        .into_iter()
                        .zip(&owner)
                        .filter(|(_, o)| **o == i)
                        .map(|(k, _)| k)
                        .collect(),
                    counts_as: *counts_as,
                    min_minutes: *min,
                    cap_minutes: *cap,
                    weekly_cap_minutes: *weekly,
                })
                .collect();
            LicensureLog {
                total_minutes: total,
                categories,
                qualifying_week: week.map(|(individual, group)| QualifyingWeek {
                    individual_minutes: individual,
                    group_minutes: group,
                }),
                week_starts: starts(sunday),
                pace_weeks: pace,
                start: start.map(on),
                supervisor: String::new(),
            }
        })
}

fn arb_minimum() -> impl Strategy<Value = SupervisionMinimum> {
    (
        any::<bool>(),
        1u32..600,
        prop::option::of(1u32..3_000),
        0u32..=100,
        any::<bool>(),
    )
        .prop_map(
            |(weekly, minutes, per, percent, sunday)| SupervisionMinimum {
                id: "m".into(),
                name: "M".into(),
                period: if weekly { Period::Week } else { Period::Month },
                minutes,
                per_client_minutes: per,
                client_kinds: if per.is_some() {
                    vec![WorkKind::DirectSession, WorkKind::GroupSession]
                } else {
                    tend_core::requirements::definition::default_client_kinds()
                },
                group_percent: percent,
                week_starts: starts(sunday),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn logging_an_hour_never_lowers_licensure_progress(
        log in arb_log(), work in arb_work(), hour in arb_hour(), today in 0u64..160, group in any::<bool>(),
    ) {
        let unmarked = format(1 + u8::from(group)).unwrap();
        let today = on(today);
        let before = evaluate_licensure(&log, unmarked, &work, today);
        let mut more = work.clone();
        more.push(hour);
        let after = evaluate_licensure(&log, unmarked, &more, today);
        prop_assert!(after.counted_minutes >= before.counted_minutes);
        prop_assert!(after.progress_permille() >= before.progress_permille());
        prop_assert!(!before.complete() || after.complete());
        for (b, a) in before.categories.iter().zip(&after.categories) {
            prop_assert!(a.counted_minutes >= b.counted_minutes, "{}", a.id);
            prop_assert!(a.missing_minutes <= b.missing_minutes, "{}", a.id);
        }
    }

    #[test]
    fn nothing_counted_exceeds_a_cap(
        log in arb_log(), work in arb_work(), today in 0u64..160,
    ) {
        let progress = evaluate_licensure(&log, SupervisionFormat::Individual, &work, on(today));
        prop_assert!(progress.progress_permille() <= 1000);
        let sum: u64 = progress.categories.iter().map(|c| c.counted_minutes).sum();
        prop_assert_eq!(sum, progress.counted_minutes);
        for (i, (category, counted)) in log.categories.iter().zip(&progress.categories).enumerate() {
            if let Some(cap) = category.cap_minutes {
                prop_assert!(counted.counted_minutes <= u64::from(cap));
            }
            let weighted = counted.logged_minutes * u64::from(category.counts_as);
            prop_assert!(counted.counted_minutes <= weighted);
            for week in &progress.weeks {
                if let Some(cap) = category.weekly_cap_minutes {
                    prop_assert!(week.counted[i] <= u64::from(cap));
                }
                prop_assert!(week.counted[i] <= week.logged[i] * u64::from(category.counts_as));
            }
        }
    }

    #[test]
    fn supervision_received_never_falls_and_supervision_never_raises_what_is_missing(
        rule in arb_minimum(), work in arb_work(), day in 0u64..150, today in 0u64..160,
    ) {
        let today = on(today);
        let unmarked = SupervisionFormat::Individual;
        let before = evaluate_supervision(&rule, unmarked, &work, today);
        let mut more = work.clone();
        more.push(LoggedWork::new(on(day), 60, WorkKind::Supervision));
        let after = evaluate_supervision(&rule, unmarked, &more, today);
        let missing = |s: tend_core::requirements::PeriodStatus| match s {
            tend_core::requirements::PeriodStatus::Met => 0,
            tend_core::requirements::PeriodStatus::Short { missing_minutes }
            | tend_core::requirements::PeriodStatus::InProgress { missing_minutes } => missing_minutes,
        };
        for b in &before.periods {
            let a = after.periods.iter().find(|a| a.first == b.first).unwrap();
            prop_assert!(a.received_minutes >= b.received_minutes);
            prop_assert!(missing(a.status) <= missing(b.status));
        }
    }

    #[test]
    fn a_ce_activity_never_lowers_what_is_counted(
        dates in prop::collection::vec((0u64..900, 1u32..600, 0usize..3), 0..20),
        extra in (0u64..900, 1u32..600, 0usize..3),
        due in 300u64..900, months in 1u32..=36, today in 0u64..900,
    ) {
        let categories = ["ethics", "clinical", "other"];
        let activity = |(day, minutes, c): (u64, u32, usize)| CeActivity {
            date: on(day), minutes, category: categories[c].into(), ..CeActivity::default()
        };
        let cycle = CeCycle {
            minutes: 2400, months, due: Some(on(due)),
            required: examples()[3].ce.clone().unwrap().required, warn_days: 90,
        };
        let list: Vec<_> = dates.into_iter().map(activity).collect();
        let before = evaluate_ce(&cycle, &list, on(today));
        let mut more = list.clone();
        more.push(activity(extra));
        let after = evaluate_ce(&cycle, &more, on(today));
        prop_assert!(after.counted_minutes >= before.counted_minutes);
        prop_assert!(after.missing_minutes <= before.missing_minutes);
        prop_assert!(!before.complete() || after.complete());
        prop_assert_eq!(before.counted.len() + before.not_counted.len(), list.len());
    }

    #[test]
    fn no_rules_or_work_make_evaluation_panic(
        set_index in 0usize..5, counts_as in any::<u32>(), pace in any::<u32>(),
        months in any::<u32>(), per in any::<u32>(),
        items in prop::collection::vec((any::<i32>(), any::<u32>(), 0usize..8), 0..20),
        today in any::<i32>(),
    ) {
        let mut set: RequirementSet = examples()[set_index].clone();
        set.supervision.extend(examples()[1].supervision.iter().cloned().map(|mut m| {
            m.per_client_minutes = Some(per);
            m
        }));
        if let Some(log) = set.licensure.as_mut() {
            log.categories[0].counts_as = counts_as;
            log.pace_weeks = pace;
        }
        if let Some(ce) = set.ce.as_mut() {
            ce.months = months;
        }
        let date = |n: i32| NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MAX);
        let work: Vec<_> = items
            .into_iter()
            .map(|(d, m, k)| LoggedWork::new(date(d), m, WorkKind::ALL[k]))
            .collect();
        let ce = [CeActivity { date: date(today), minutes: u32::MAX, ..CeActivity::default() }];
        let progress = evaluate(&set, &work, &ce, date(today));
        prop_assert!(progress.due.windows(2).all(|p| p[0].by <= p[1].by));
    }

    #[test]
    fn import_never_panics_on_any_text(text in ".{0,300}") {
        let _ = read_set(text.as_bytes());
    }

    #[test]
    fn import_never_panics_on_any_json_and_always_says_why(value in arb_json()) {
        if let Err(problems) = read_value(&value) {
            prop_assert!(!problems.is_empty());
        }
    }

    #[test]
    fn an_example_with_one_value_replaced_reads_or_lists_problems(
        which in 0usize..5, pick in any::<prop::sample::Index>(), value in arb_json(),
    ) {
        let mut json = serde_json::to_value(&examples()[which]).unwrap();
        let mut paths = Vec::new();
        leaves(&json, String::new(), &mut paths);
        let path = pick.get(&paths).clone();
        if let Some(slot) = json.pointer_mut(&path) {
            *slot = value;
        }
        match read_value(&json) {
            Ok(set) => prop_assert!(set.problems().is_empty()),
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn a_valid_set_reads_back_unchanged(log in arb_log(), rule in arb_minimum()) {
        let mut set = examples()[2].clone();
        set.licensure = Some(log);
        set.supervision = vec![rule];
        if set.problems().is_empty() {
            let text = serde_json::to_string(&set).unwrap();
            prop_assert_eq!(read_set(text.as_bytes()).unwrap(), set);
        }
    }
}

fn leaves(value: &serde_json::Value, path: String, out: &mut Vec<String>) {
    out.push(path.clone());
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                leaves(v, format!("{path}/{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![
            Just("week".to_string()),
            Just("direct_session".to_string()),
            Just("2026-02-30".to_string()),
            ".{0,12}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("id".to_string()),
            Just("hours".to_string()),
            Just("kinds".to_string()),
            Just("categories".to_string()),
            Just("licensure".to_string()),
            "[a-z_]{1,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
