//! What the break plan's export tests (#23) share: a plan of three breaks, Berlin's zone as the
//! browser would describe it, and a small reader of the exported text.

#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use tend_core::entry::WorkKind;
use tend_core::exchange::{plan_ics, OffsetChange, PlanExport, ZoneDescription};
use tend_core::import::{ImportOptions, Rules};
use tend_core::journal::Journal;
use tend_core::tracking::plan::{BreakPlan, PlannedBreak};
use tend_core::tracking::BreakKind;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// When the test files are made.
pub fn stamp() -> NaiveDateTime {
    date(2026, 1, 5).and_hms_opt(8, 0, 0).unwrap()
}

pub fn planned(weekday: Weekday, h: u32, m: u32, minutes: u32, kind: BreakKind) -> PlannedBreak {
    PlannedBreak {
        weekday,
        at: NaiveTime::from_hms_opt(h, m, 0).unwrap(),
        minutes,
        kind,
        since: None,
    }
}

/// Monday 10:30 for 15 minutes, Wednesday 12:30 for 30 (a meal), Friday 16:00 for 10 (self-care),
/// all planned on `since`.
pub fn three_breaks(since: NaiveDate) -> BreakPlan {
    let mut next = BreakPlan::default();
    next.add(planned(Weekday::Mon, 10, 30, 15, BreakKind::MicroBreak))
        .unwrap();
    next.add(planned(Weekday::Wed, 12, 30, 30, BreakKind::MealBreak))
        .unwrap();
    next.add(planned(Weekday::Fri, 16, 0, 10, BreakKind::SelfCare))
        .unwrap();
    let start = BreakPlan {
        calendar_key: "5f2a9c0e7b41d8e3".into(),
        ..BreakPlan::default()
    };
    start.revise(next, since)
}

/// A zone as the shell would describe it for 2025-2028: `changes` are (year, month, day, UTC
/// hour, offset in hours from then on).
pub fn zone(
    tzid: &str,
    hours_before: i32,
    changes: &[(i32, u32, u32, u32, i32)],
) -> ZoneDescription {
    ZoneDescription {
        tzid: tzid.into(),
        offset: hours_before * 3600,
        changes: changes
            .iter()
            .map(|&(y, m, d, h, hours)| OffsetChange {
                at: date(y, m, d).and_hms_opt(h, 0, 0).unwrap(),
                offset: hours * 3600,
            })
            .collect(),
        years: (2025, 2028),
    }
}

/// Europe/Berlin: summer time from the last Sunday of March at 01:00 UTC to the last Sunday of
/// October at 01:00 UTC.
pub fn berlin() -> ZoneDescription {
    zone(
        "Europe/Berlin",
        1,
        &[
            (2025, 3, 30, 1, 2),
            (2025, 10, 26, 1, 1),
            (2026, 3, 29, 1, 2),
            (2026, 10, 25, 1, 1),
            (2027, 3, 28, 1, 2),
            (2027, 10, 31, 1, 1),
            (2028, 3, 26, 1, 2),
            (2028, 10, 29, 1, 1),
        ],
    )
}

/// The file for the three breaks planned on 5 January 2026, exported that day in `zone`.
pub fn export_three(zone: &ZoneDescription) -> String {
    let export = PlanExport {
        zone,
        stamp: stamp(),
        today: date(2026, 1, 5),
    };
    plan_ics(
        &three_breaks(date(2026, 1, 5)),
        &Journal::default(),
        &export,
    )
}

/// A zone's offset in hours at a local time: `before` until the local moment `at`, then `after`.
pub fn switch(at: NaiveDateTime, before: i64, after: i64) -> impl Fn(NaiveDateTime) -> i64 + Copy {
    move |local| if local < at { before } else { after }
}

/// Import options for `from..=to` on a clock `offset_minutes` east of UTC.
pub fn options(from: NaiveDate, to: NaiveDate, offset_minutes: i32) -> ImportOptions {
    ImportOptions {
        from,
        to,
        utc_offset_minutes: offset_minutes,
        owner_emails: Vec::new(),
        kinds: Rules::new(WorkKind::Admin),
    }
}

/// Each VEVENT's content lines, unfolded (RFC 5545 §3.1: CRLF and one space are dropped).
pub fn events(text: &str) -> Vec<Vec<String>> {
    let unfolded = text.replace("\r\n ", "");
    let mut events = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in unfolded.split("\r\n") {
        match line {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => events.extend(current.take()),
            _ => {
                if let Some(event) = current.as_mut() {
                    event.push(line.to_string());
                }
            }
        }
    }
    events
}

/// The whole line of a property (`DTSTART;TZID=Europe/Berlin:20260105T103000`).
pub fn prop_line(event: &[String], name: &str) -> String {
    event
        .iter()
        .find(|l| l.starts_with(&format!("{name}:")) || l.starts_with(&format!("{name};")))
        .cloned()
        .unwrap_or_else(|| panic!("no {name} in {event:?}"))
}

/// A property's value.
pub fn prop(event: &[String], name: &str) -> String {
    let line = prop_line(event, name);
    line.split_once(':').unwrap().1.to_string()
}

/// Minutes from DTSTART to DTEND, both local times in the same zone.
pub fn local_minutes(event: &[String]) -> u32 {
    let at = |name| NaiveDateTime::parse_from_str(&prop(event, name), "%Y%m%dT%H%M%S").unwrap();
    (at("DTEND") - at("DTSTART")).num_minutes() as u32
}

/// The UTC start in an import key, `ics:<UID>@2026-10-05T08:30:00Z`.
pub fn utc_of_key(key: &str) -> NaiveDateTime {
    let (_, at) = key.rsplit_once('@').unwrap();
    NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%SZ").unwrap()
}
