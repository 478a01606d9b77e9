//! Properties of the tracking model that must hold for any input: time is neither lost nor
//! invented when it is split over days, weeks, months and organisations; caseloads follow the
//! open periods exactly; and the reducer and label checks never panic, whatever they are fed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::{Days, NaiveDate, NaiveTime};
use proptest::prelude::*;
use tend_core::selectors::{caseload, hours, income, rest};
use tend_core::tracking::check_label;
use tend_core::tracking::label::MAX_LABEL_CHARS;
use tend_core::{
    Action, Arrangement, BreakEntry, BreakId, BreakKind, Case, CaseId, Complexity, EntryId,
    Journal, Month, OrgId, Organisation, Targets, WeekSummary, WorkEntry, WorkKind,
};

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 14).unwrap()
}

fn date(offset: u64) -> NaiveDate {
    base().checked_add_days(Days::new(offset)).unwrap()
}

const DAYS: u64 = 40;

/// (day, minutes, kind, start minute of day or none, organisation 0..3 where 3 is none, pro bono)
type EntrySpec = (u64, u32, usize, Option<u32>, usize, bool);

fn arb_entry() -> impl Strategy<Value = EntrySpec> {
    (
        0..DAYS,
        1u32..=600,
        0..WorkKind::ALL.len(),
        prop::option::of(0u32..1440),
        0usize..4,
        any::<bool>(),
    )
}

fn organisations() -> Vec<Organisation> {
    let org = |id: &str, arrangement, rate, end| Organisation {
        id: OrgId(id.into()),
        name: id.into(),
        arrangement,
        rate,
        weekly_minutes: 600,
        start: base(),
        end,
    };
    vec![
        org("hourly", Arrangement::Hourly, Some(6500), Some(date(20))),
        org("session", Arrangement::PerSession, Some(9000), None),
        org("free", Arrangement::ProBono, None, None),
    ]
}

/// Applies generated entries through the reducer, keeping those it accepts.
fn build(specs: &[EntrySpec]) -> Journal {
    let mut j = organisations()
        .into_iter()
        .fold(Journal::default(), |j, o| {
            j.apply(&Action::AddOrganisation(o)).unwrap()
        });
    j.targets.usual_rate = Some(8000);
    let orgs = organisations();
    for (i, (day, minutes, kind, start, org, pro_bono)) in specs.iter().enumerate() {
        let entry = WorkEntry {
            id: EntryId(format!("e{i}")),
            date: date(*day),
            minutes: *minutes,
            kind: WorkKind::ALL[*kind],
            start: start.and_then(|m| NaiveTime::from_hms_opt(m / 60, m % 60, 0)),
            organisation: orgs.get(*org).map(|o| o.id.clone()),
            case: None,
            trauma: false,
            pro_bono: *pro_bono,
        };
        if let Ok(next) = j.apply(&Action::AddEntry(entry)) {
            j = next;
        }
    }
    j
}

proptest! {
    #[test]
    fn splitting_over_midnight_keeps_every_minute(specs in prop::collection::vec(arb_entry(), 0..60)) {
        let j = build(&specs);
        for e in &j.entries {
            let parts: Vec<_> = e.day_split().parts().collect();
            prop_assert_eq!(parts.iter().map(|(_, m)| m).sum::<u32>(), e.minutes);
            prop_assert!(parts.len() <= 2);
            prop_assert_eq!(parts[0].0, e.date);
        }
        // Every day stays within 24 hours once night work is moved to the day it fell on.
        for d in 0..=DAYS {
            prop_assert!(j.minutes_on(date(d)) <= 1440);
        }
    }

    #[test]
    fn weekly_totals_equal_the_sum_of_daily_totals(specs in prop::collection::vec(arb_entry(), 0..60)) {
        let j = build(&specs);
        let (first, last) = (date(0), date(DAYS));
        let weeks = hours::weeks_hours(&j, first, last);
        let daily = hours::daily_totals(&j, weeks[0].monday(), weeks[weeks.len() - 1].summary.sunday());
        let daily_sum: u32 = daily.iter().map(|d| d.total()).sum();
        let weekly_sum: u32 = weeks.iter().map(|w| w.total_minutes()).sum();
        prop_assert_eq!(daily_sum, weekly_sum);
        // Nothing falls outside the weeks covered (entries start by day 40, spill at most one day).
        let all: u32 = j.entries.iter().map(|e| e.minutes).sum();
        prop_assert_eq!(weekly_sum, all);
        for w in &weeks {
            prop_assert_eq!(&w.summary, &WeekSummary::of(&j, w.monday()));
            let by_kind: u32 = WorkKind::ALL.iter().map(|k| w.summary.kind_minutes(*k)).sum();
            prop_assert_eq!(by_kind, w.total_minutes());
            prop_assert!(w.direct_minutes() <= w.total_minutes());
            prop_assert_eq!(w.overtime_minutes() + w.target_minutes.min(w.total_minutes()), w.total_minutes());
        }
    }

    #[test]
    fn organisation_hours_sum_to_the_months_hours(specs in prop::collection::vec(arb_entry(), 0..60)) {
        let j = build(&specs);
        let mut grand = 0u32;
        for m in [Month::new(2026, 12).unwrap(), Month::new(2027, 1).unwrap()] {
            let month = income::month_income(&j, m);
            let days = hours::daily_totals(&j, m.first_day(), m.last_day());
            let expected: u32 = days.iter().map(|d| d.total()).sum();
            prop_assert_eq!(month.total_minutes(), expected);
            grand += month.total_minutes();
            for row in &month.organisations {
                prop_assert!(row.paid_minutes + row.pro_bono_minutes <= row.minutes);
                prop_assert!(row.direct_minutes <= row.minutes);
                if row.arrangement == Some(Arrangement::Hourly) {
                    let exact = u64::from(row.paid_minutes) * 6500;
                    prop_assert_eq!(row.earnings, (exact + 30) / 60);
                }
                if row.arrangement == Some(Arrangement::ProBono) {
                    prop_assert_eq!(row.earnings, 0);
                    prop_assert_eq!(row.pro_bono_minutes, row.minutes);
                }
            }
            // No earnings after the hourly contract ends: every entry of it dated later is flagged.
            for e in j.entries.iter().filter(|e| m.contains(e.date) && e.date > date(20)) {
                if e.organisation.as_ref().is_some_and(|o| o.0 == "hourly") {
                    prop_assert!(month.flagged().any(|f| f.id == e.id));
                }
            }
        }
        let all: u32 = j.entries.iter().map(|e| e.minutes).sum();
        prop_assert_eq!(grand, all);
    }

    #[test]
    fn caseload_is_the_sum_of_weights_of_open_cases(
        cases in prop::collection::vec((0u64..DAYS, 0usize..4, prop::option::of(0u64..20), prop::option::of(1u64..10)), 0..12),
        probe in 0u64..(DAYS + 30),
    ) {
        let mut j = Journal::default();
        for (i, (opened, level, close_after, reopen_after)) in cases.iter().enumerate() {
            let id = CaseId(format!("c{i}"));
            let case = Case::opened(id.clone(), &format!("C-{i}"), Complexity::ALL[*level], date(*opened));
            j = j.apply(&Action::AddCase(case)).unwrap();
            if let Some(after) = close_after {
                let closed_on = date(opened + after);
                j = j.apply(&Action::CloseCase { id: id.clone(), on: closed_on }).unwrap();
                if let Some(gap) = reopen_after {
                    j = j.apply(&Action::ReopenCase { id, on: date(opened + after + gap) }).unwrap();
                }
            }
        }
        let day = date(probe);
        let level = caseload::caseload_on(&j, day);
        let weights = Targets::default().weights;
        let expected: u32 = j.cases.iter().filter(|c| c.is_open_on(day)).map(|c| weights.points(c.complexity)).sum();
        let everything: u32 = j.cases.iter().map(|c| weights.points(c.complexity)).sum();
        prop_assert_eq!(level.points, expected);
        prop_assert!(level.points <= everything);
        prop_assert_eq!(level.light, caseload::traffic_light(level.points, level.capacity));
        // Closing any open case never raises the load on any day.
        for c in j.cases.iter().filter(|c| c.is_open()) {
            if let Ok(closed) = j.apply(&Action::CloseCase { id: c.id.clone(), on: day }) {
                for d in 0..(DAYS + 30) {
                    prop_assert!(caseload::caseload_on(&closed, date(d)).points <= caseload::caseload_on(&j, date(d)).points);
                }
            }
        }
    }

    #[test]
    fn the_reducer_never_panics_and_keeps_records_consistent(
        ops in prop::collection::vec((0u8..12, 0usize..4, 0u64..DAYS, 0u32..1500, 0usize..8), 0..80),
    ) {
        let mut j = Journal::default();
        let orgs = organisations();
        for (i, (op, pick, day, minutes, kind)) in ops.into_iter().enumerate() {
            let case_id = CaseId(format!("c{pick}"));
            let action = match op {
                0 => Action::AddOrganisation(orgs[pick % 3].clone()),
                1 => Action::RemoveOrganisation(orgs[pick % 3].id.clone()),
                2 => Action::AddCase(Case {
                    organisation: orgs.get(pick).map(|o| o.id.clone()),
                    ..Case::opened(case_id, "AB", Complexity::ALL[pick], date(day))
                }),
                3 => Action::CloseCase { id: case_id, on: date(day) },
                4 => Action::ReopenCase { id: case_id, on: date(day) },
                5 => Action::RemoveCase(case_id),
                6 | 7 => Action::AddEntry(WorkEntry {
                    id: EntryId(format!("e{i}")),
                    date: date(day),
                    minutes,
                    kind: WorkKind::ALL[kind],
                    start: NaiveTime::from_hms_opt(minutes % 24, 0, 0),
                    organisation: orgs.get(pick).map(|o| o.id.clone()),
                    case: (kind % 2 == 0).then(|| CaseId(format!("c{pick}"))),
                    trauma: kind > 4,
                    pro_bono: kind == 7,
                }),
                8 => Action::AddBreak(BreakEntry {
                    id: BreakId(format!("b{i}")),
                    kind: BreakKind::ALL[kind],
                    date: date(day),
                    minutes: if BreakKind::ALL[kind].is_whole_day() { 0 } else { minutes },
                    until: BreakKind::ALL[kind].is_whole_day().then(|| date(day + u64::from(minutes % 5))),
                }),
                9 => Action::RemoveBreak(BreakId(format!("b{}", i.saturating_sub(pick)))),
                10 => Action::RemoveEntry(EntryId(format!("e{}", i.saturating_sub(pick)))),
                _ => Action::SetTargets(Targets { capacity_points: minutes % 200, ..Targets::default() }),
            };
            if let Ok(next) = j.apply(&action) {
                j = next;
            }
            prop_assert_eq!(j.check(), Ok(()));
            prop_assert_eq!(j.check_references(), Ok(()));
        }
        let today = date(DAYS);
        let _ = rest::days_since_full_day_off(&j, today);
        let _ = rest::vacation_clock(&j, today);
        let _ = income::income_variability(&j, Month::of(today), 12);
        let _ = caseload::caseload_by_week(&j, date(0), today);
    }

    #[test]
    fn label_checks_never_panic_and_accept_only_short_trimmed_labels(text in any::<String>()) {
        if let Ok(label) = check_label(&text) {
            prop_assert_eq!(label.trim(), label.as_str());
            prop_assert!(!label.is_empty());
            prop_assert!(label.chars().count() <= MAX_LABEL_CHARS);
            prop_assert!(!label.contains('@'));
        }
    }

    #[test]
    fn selectors_never_panic_on_extreme_dates(offset in any::<i32>(), span in any::<i16>()) {
        let j = build(&[(0, 90, 0, Some(1400), 0, false)]);
        let day = NaiveDate::from_num_days_from_ce_opt(offset).unwrap_or(NaiveDate::MAX);
        let other = day.checked_add_signed(chrono::Duration::days(i64::from(span))).unwrap_or(day);
        let _ = hours::weeks_hours(&j, day, other);
        let _ = caseload::caseload_by_week(&j, day, other);
        let _ = rest::breaks_per_working_day(&j, day, other);
        let _ = rest::days_since_full_day_off(&j, day);
        let _ = income::income_variability(&j, Month::of(day), 200);
    }
}
