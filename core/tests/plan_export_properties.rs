//! Properties of the break plan's calendar file for any plan and any zone the browser might
//! describe (#23): it never panics, every line is CRLF-ended and at most 75 octets, Tend's own
//! import reads it without error or warning, and every planned break comes back in a week of
//! a zone without changes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod plan_export_common;

use chrono::{Datelike, NaiveTime, TimeDelta, Timelike, Weekday};
use plan_export_common::*;
use proptest::prelude::*;
use tend_core::exchange::{plan_ics, OffsetChange, PlanExport, ZoneDescription, MAX_LINE_OCTETS};
use tend_core::import::{import_ics, Warning};
use tend_core::journal::Journal;
use tend_core::tracking::plan::BreakPlan;
use tend_core::tracking::BreakKind;

fn any_plan() -> impl Strategy<Value = BreakPlan> {
    let slot = (0u8..7, 0u32..24, 0u32..60, 1u32..=240, 0usize..3);
    (prop::collection::vec(slot, 0..20), 0usize..20, ".{0,30}").prop_map(|(slots, removed, key)| {
        let kinds = [
            BreakKind::MicroBreak,
            BreakKind::MealBreak,
            BreakKind::SelfCare,
        ];
        let mut next = BreakPlan::default();
        for (day, h, m, minutes, kind) in slots {
            let _ = next.add(tend_core::tracking::plan::PlannedBreak {
                weekday: Weekday::try_from(day).unwrap(),
                at: NaiveTime::from_hms_opt(h, m, 0).unwrap(),
                minutes,
                kind: kinds[kind],
                since: None,
            });
        }
        let start = BreakPlan {
            calendar_key: key,
            ..BreakPlan::default()
        };
        let planned = start.revise(next.clone(), date(2026, 1, 5));
        let mut fewer = planned.clone();
        fewer
            .breaks
            .truncate(planned.breaks.len().saturating_sub(removed));
        planned.revise(fewer, date(2026, 2, 2))
    })
}

/// A zone as a browser might describe it: any name, any offset (also beyond the 18 hours
/// allowed), and changes at least three days apart (Tend's import, like real zones, assumes no
/// two changes within a day of each other) of up to three hours either way.
fn any_zone() -> impl Strategy<Value = ZoneDescription> {
    let change = (72i64..3000, -180i32..=180);
    let changes = prop::collection::vec(change, 0..30);
    (
        ".{0,40}",
        -20 * 60..=20 * 60,
        changes,
        2020i32..2030,
        0i32..5,
    )
        .prop_map(|(tzid, minutes, changes, first, span)| {
            let mut at = date(2025, 1, 1).and_hms_opt(0, 0, 0).unwrap();
            let mut offset = minutes * 60;
            let changes = changes
                .into_iter()
                .map(|(gap, delta)| {
                    at += TimeDelta::hours(gap);
                    offset += delta * 60;
                    OffsetChange { at, offset }
                })
                .collect();
            ZoneDescription {
                tzid,
                offset: minutes * 60,
                changes,
                years: (first, first + span),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    // #23: whatever the plan and the zone, the file is well formed and Tend reads it.
    #[test]
    fn any_plan_in_any_zone_makes_a_readable_file(plan in any_plan(), zone in any_zone()) {
        let export = PlanExport { zone: &zone, stamp: stamp(), today: date(2026, 2, 2) };
        let text = plan_ics(&plan, &Journal::default(), &export);
        prop_assert!(text.ends_with("END:VCALENDAR\r\n"));
        prop_assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
        prop_assert!(text.split("\r\n").all(|l| l.len() <= MAX_LINE_OCTETS));
        let import = import_ics(text.as_bytes(), &options(date(2026, 3, 2), date(2026, 3, 8), 0));
        let import = import.map_err(|e| TestCaseError::fail(e.to_string()))?;
        // The only warning possible is an empty file's, when nothing was ever planned.
        let empty = plan.breaks.is_empty() && plan.retired.is_empty();
        let expected = if empty { vec![Warning::NoEvents] } else { Vec::new() };
        prop_assert_eq!(import.warnings, expected);
    }

    // #23: in a zone without changes, a week holds exactly the planned breaks.
    #[test]
    fn a_week_holds_every_planned_break(plan in any_plan(), hours in -12i32..=14) {
        let zone = ZoneDescription::fixed("Etc/Test", hours * 3600);
        let export = PlanExport { zone: &zone, stamp: stamp(), today: date(2026, 2, 2) };
        let text = plan_ics(&plan, &Journal::default(), &export);
        let (from, to) = (date(2026, 3, 2), date(2026, 3, 8));
        let import = import_ics(text.as_bytes(), &options(from, to, hours * 60)).unwrap();
        let got: Vec<_> = import
            .entries
            .iter()
            .filter(|e| !e.id.0.ends_with("+1"))
            .map(|e| (e.start, e.summary.clone()))
            .collect();
        let want: Vec<_> = from
            .iter_days()
            .take_while(|d| *d <= to)
            .flat_map(|d| plan.breaks.iter().filter(move |b| b.weekday == d.weekday()).map(move |b| (d.and_time(b.at), b.kind.label().to_string())))
            .collect();
        prop_assert_eq!(got, want);
        // A retired Sunday break that runs past midnight also reaches into the Monday it starts.
        let overlapping = plan
            .retired
            .iter()
            .filter(|b| b.weekday == Weekday::Sun)
            .filter(|b| b.at.num_seconds_from_midnight() / 60 + b.minutes > 24 * 60)
            .count();
        prop_assert_eq!(import.stats.cancelled, plan.retired.len() + overlapping);
    }
}
