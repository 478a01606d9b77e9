//! The break plan's calendar file read back across daylight-saving changes (#23): through Tend's
//! own import, and through an independent reader (the `rrule` crate, which follows the zone's
//! name in its own copy of the IANA database rather than the file's VTIMEZONE). The zones'
//! changes are the IANA ones for 2025-2028, as `zdump -v` lists them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod plan_export_common;

use chrono::Weekday;
use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc};
use plan_export_common::*;
use rrule::{RRuleSet, Tz};
use tend_core::exchange::{plan_ics, PlanExport, ZoneDescription};
use tend_core::import::import_ics;
use tend_core::journal::Journal;
use tend_core::tracking::plan::BreakPlan;
use tend_core::tracking::BreakKind;

/// The UTC instants of every timed occurrence Tend's import finds in `from..=to`.
/// `hours` is the clinician's clock for the import's range (breaks lie far from midnight, so an
/// hour either way across a change moves none to another day).
fn imported_instants(
    text: &str,
    from: NaiveDate,
    to: NaiveDate,
    hours: i64,
) -> Vec<(NaiveDateTime, u32)> {
    let import = import_ics(text.as_bytes(), &options(from, to, hours as i32 * 60)).unwrap();
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    let mut found: Vec<_> = import
        .entries
        .iter()
        .map(|e| (utc_of_key(&e.id.0), e.minutes))
        .collect();
    found.sort();
    found
}

/// The same occurrences as the `rrule` crate computes them from each event's DTSTART, TZID and
/// RRULE, in UTC (its zones come from chrono-tz, not from the file). The range's days are on a
/// clock `hours` east of UTC, as for the import.
fn rrule_instants(
    text: &str,
    from: NaiveDate,
    to: NaiveDate,
    hours: i64,
) -> Vec<(NaiveDateTime, u32)> {
    let utc = |t: NaiveDateTime| {
        Utc.from_utc_datetime(&(t - TimeDelta::hours(hours)))
            .with_timezone(&Tz::UTC)
    };
    let after = utc(from.and_hms_opt(0, 0, 0).unwrap());
    let before = utc(to.and_hms_opt(23, 59, 59).unwrap());
    let mut found = Vec::new();
    for event in events(text) {
        let start = prop_line(&event, "DTSTART");
        let rule = prop_line(&event, "RRULE");
        let set: RRuleSet = format!("{start}\n{rule}").parse().unwrap();
        let minutes = local_minutes(&event);
        for at in set.after(after).before(before).all(500).dates {
            found.push((at.naive_utc(), minutes));
        }
    }
    found.sort();
    found
}

/// What the plan says should happen in `from..=to`, in UTC, with `offset_on` the zone's offset
/// in hours at a local time (worked out by hand from the zone's changes).
fn expected(
    plan: &BreakPlan,
    from: NaiveDate,
    to: NaiveDate,
    offset_on: impl Fn(NaiveDateTime) -> i64 + Copy,
) -> Vec<(NaiveDateTime, u32)> {
    let mut out = Vec::new();
    for day in from.iter_days().take_while(|d| *d <= to) {
        for b in plan.breaks.iter().filter(|b| b.weekday == day.weekday()) {
            let local = day.and_time(b.at);
            out.push((local - TimeDelta::hours(offset_on(local)), b.minutes));
        }
    }
    out.sort();
    out
}

fn check_zone(
    zone: &ZoneDescription,
    from: NaiveDate,
    to: NaiveDate,
    offset_on: impl Fn(NaiveDateTime) -> i64 + Copy,
) {
    let text = export_three(zone);
    let want = expected(&three_breaks(date(2026, 1, 5)), from, to, offset_on);
    assert!(want.len() >= 12, "the range holds several weeks");
    let hours = offset_on(from.and_hms_opt(12, 0, 0).unwrap());
    assert_eq!(imported_instants(&text, from, to, hours), want, "{text}");
    assert_eq!(rrule_instants(&text, from, to, hours), want, "{text}");
}

fn local(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    date(y, m, d).and_hms_opt(h, 0, 0).unwrap()
}

// #23: Berlin leaves summer time on 25 October 2026 at 03:00 (01:00 UTC).
#[test]
fn berlin_across_the_end_of_summer_time() {
    let offset = switch(local(2026, 10, 25, 3), 2, 1);
    check_zone(&berlin(), date(2026, 10, 5), date(2026, 11, 8), offset);
}

// #23: and enters it on 28 March 2027 at 02:00 local, a year past the file's first events.
#[test]
fn berlin_across_the_start_of_summer_time_a_year_on() {
    let offset = switch(local(2027, 3, 28, 2), 1, 2);
    check_zone(&berlin(), date(2027, 3, 8), date(2027, 4, 18), offset);
}

fn new_york() -> ZoneDescription {
    zone(
        "America/New_York",
        -5,
        &[
            (2025, 3, 9, 7, -4),
            (2025, 11, 2, 6, -5),
            (2026, 3, 8, 7, -4),
            (2026, 11, 1, 6, -5),
            (2027, 3, 14, 7, -4),
            (2027, 11, 7, 6, -5),
            (2028, 3, 12, 7, -4),
            (2028, 11, 5, 6, -5),
        ],
    )
}

// #23: New York's rule is the second Sunday of March and the first of November.
#[test]
fn new_york_across_both_changes() {
    let text = export_three(&new_york());
    for rule in ["BYMONTH=3;BYDAY=2SU", "BYMONTH=11;BYDAY=1SU"] {
        assert!(
            text.contains(&format!("RRULE:FREQ=YEARLY;{rule}\r\n")),
            "{text}"
        );
    }
    let spring = switch(local(2026, 3, 8, 2), -5, -4);
    check_zone(&new_york(), date(2026, 2, 23), date(2026, 3, 22), spring);
    let autumn = switch(local(2026, 11, 1, 2), -4, -5);
    check_zone(&new_york(), date(2026, 10, 19), date(2026, 11, 15), autumn);
}

// #23: the southern hemisphere: Sydney's summer time spans the new year.
#[test]
fn sydney_across_the_start_of_summer_time() {
    let sydney = zone(
        "Australia/Sydney",
        11,
        &[
            (2025, 4, 5, 16, 10),
            (2025, 10, 4, 16, 11),
            (2026, 4, 4, 16, 10),
            (2026, 10, 3, 16, 11),
            (2027, 4, 3, 16, 10),
            (2027, 10, 2, 16, 11),
            (2028, 4, 1, 16, 10),
            (2028, 9, 30, 16, 11),
        ],
    );
    let offset = switch(local(2026, 10, 4, 2), 10, 11);
    check_zone(&sydney, date(2026, 9, 21), date(2026, 10, 18), offset);
}

// #23: a zone whose changes follow no yearly rule (here: summer time dropped after 2026) is
// written as a list of changes, exact for the years the browser was asked about.
#[test]
fn a_zone_that_stops_changing_is_listed_change_by_change() {
    let mut zone = berlin();
    zone.changes.retain(|c| c.at.year() <= 2026);
    let text = export_three(&zone);
    assert!(!text.contains("FREQ=YEARLY"), "{text}");
    assert!(text.contains("RDATE:20261025T030000\r\n"), "{text}");
    let (from, to) = (date(2026, 10, 12), date(2027, 4, 11));
    let plan = three_breaks(date(2026, 1, 5));
    let want = expected(&plan, from, to, switch(local(2026, 10, 25, 3), 2, 1));
    assert_eq!(imported_instants(&text, from, to, 1), want);
}

// #23: a zone without changes, and a zone name that cannot be a parameter value.
#[test]
fn fixed_zones_and_unusable_names() {
    let plan = three_breaks(date(2026, 1, 5));
    let text = export_three(&ZoneDescription::fixed("Asia/Tokyo", 9 * 3600));
    assert!(text.contains("TZOFFSETTO:+0900\r\n"));
    let (from, to) = (date(2026, 3, 2), date(2026, 3, 29));
    let tokyo = expected(&plan, from, to, |_| 9);
    assert_eq!(imported_instants(&text, from, to, 9), tokyo);
    assert_eq!(rrule_instants(&text, from, to, 9), tokyo);
    let text = export_three(&ZoneDescription::fixed("Bad;Zone:\"x\"", -3 * 3600 - 1800));
    assert!(text.contains("TZID:Tend-Local\r\n") && text.contains("DTSTART;TZID=Tend-Local:"));
    assert!(text.contains("TZOFFSETFROM:-0330\r\n"));
    let minus_3_30: Vec<_> = expected(&plan, from, to, |_| 0)
        .into_iter()
        .map(|(t, m)| (t + TimeDelta::minutes(210), m))
        .collect();
    assert_eq!(imported_instants(&text, from, to, -3), minus_3_30);
}

// #23: a break planned at 02:50 on the Sunday summer time starts (02:00 to 03:00 does not exist
// that night) starts its series a week later, so its first start and end are not torn apart.
#[test]
fn a_first_week_on_a_change_of_offset_starts_a_week_later() {
    let mut plan = BreakPlan::default();
    plan.add(planned(Weekday::Sun, 2, 50, 15, BreakKind::MicroBreak))
        .unwrap();
    let plan = BreakPlan::default().revise(plan, date(2027, 3, 22));
    let zone = berlin();
    let export = PlanExport {
        zone: &zone,
        stamp: stamp(),
        today: date(2027, 3, 22),
    };
    let text = plan_ics(&plan, &Journal::default(), &export);
    assert!(
        text.contains("DTSTART;TZID=Europe/Berlin:20270404T025000\r\n"),
        "{text}"
    );
    let (from, to) = (date(2027, 4, 1), date(2027, 4, 30));
    let want = expected(&plan, from, to, |_| 2);
    assert_eq!(want.len(), 4);
    assert_eq!(imported_instants(&text, from, to, 2), want);
    assert_eq!(rrule_instants(&text, from, to, 2), want);
}
