//! The break plan's calendar file itself (#23): its shape as RFC 5545 asks, read by an
//! independent parser (the `icalendar` crate), stable UIDs, a SEQUENCE that rises with the plan,
//! cancelled events for breaks taken out, days off ahead, and nothing about clients.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod plan_export_common;

use chrono::{Datelike, NaiveDateTime, Weekday};
use plan_export_common::*;
use tend_core::demo::demo_journal;
use tend_core::exchange::{plan_ics, PlanExport, MAX_LINE_OCTETS, PRODID};
use tend_core::import::import_ics;
use tend_core::journal::{Action, Journal};
use tend_core::tracking::plan::BreakPlan;
use tend_core::tracking::{BreakEntry, BreakId, BreakKind};

fn export(plan: &BreakPlan, journal: &Journal, stamp: NaiveDateTime) -> String {
    let zone = berlin();
    let today = date(2026, 1, 5);
    plan_ics(
        plan,
        journal,
        &PlanExport {
            zone: &zone,
            stamp,
            today,
        },
    )
}

fn uids(text: &str) -> Vec<String> {
    events(text).iter().map(|e| prop(e, "UID")).collect()
}

// #23: CRLF line ends, lines folded at 75 octets, the calendar's required properties.
#[test]
fn the_file_has_the_shape_rfc_5545_asks_for() {
    let text = export_three(&berlin());
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "only CRLF"
    );
    assert!(text.split("\r\n").all(|l| l.len() <= MAX_LINE_OCTETS));
    assert!(
        text.contains("\r\n "),
        "the description is long enough to be folded"
    );
    for line in [
        format!("PRODID:{PRODID}"),
        "METHOD:PUBLISH".into(),
        "TZID:Europe/Berlin".into(),
    ] {
        assert!(text.contains(&format!("{line}\r\n")), "{line} in {text}");
    }
    let events = events(&text);
    assert_eq!(events.len(), 3);
    let days: Vec<_> = events.iter().map(|e| prop(e, "RRULE")).collect();
    assert_eq!(
        days,
        [
            "FREQ=WEEKLY;BYDAY=MO",
            "FREQ=WEEKLY;BYDAY=WE",
            "FREQ=WEEKLY;BYDAY=FR"
        ]
    );
    let starts: Vec<_> = events.iter().map(|e| prop_line(e, "DTSTART")).collect();
    assert_eq!(
        starts,
        [
            "DTSTART;TZID=Europe/Berlin:20260105T103000",
            "DTSTART;TZID=Europe/Berlin:20260107T123000",
            "DTSTART;TZID=Europe/Berlin:20260109T160000",
        ]
    );
    let lengths: Vec<_> = events.iter().map(|e| local_minutes(e)).collect();
    assert_eq!(lengths, [15, 30, 10]);
    for e in &events {
        assert_eq!(prop(e, "DTSTAMP"), "20260105T080000Z");
        assert_eq!(prop(e, "TRANSP"), "OPAQUE");
        assert_eq!(prop(e, "SEQUENCE"), "1");
        assert_eq!(prop(e, "STATUS"), "CONFIRMED");
    }
}

// #23: an independent parser reads the same events, properties and parameters.
#[test]
fn the_icalendar_crate_reads_every_event() {
    let text = export_three(&berlin());
    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let value = |c: &icalendar::parser::Component<'_>, name: &str| {
        c.find_prop(name).map(|p| p.val.as_str().to_string())
    };
    let version = calendar.properties.iter().find(|p| p.name == "VERSION");
    assert_eq!(version.map(|p| p.val.as_str()), Some("2.0"));
    let named = |name: &'static str| calendar.components.iter().filter(move |c| c.name == name);
    let zones: Vec<_> = named("VTIMEZONE").collect();
    assert_eq!(zones.len(), 1);
    let parts: Vec<_> = zones[0]
        .components
        .iter()
        .map(|c| c.name.as_str().to_string())
        .collect();
    assert_eq!(parts, ["DAYLIGHT", "STANDARD"]);
    let rules: Vec<_> = zones[0]
        .components
        .iter()
        .filter_map(|c| value(c, "RRULE"))
        .collect();
    assert_eq!(
        rules,
        [
            "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"
        ]
    );
    let read: Vec<_> = named("VEVENT").collect();
    assert_eq!(read.len(), 3);
    for (parsed, mine) in read.iter().zip(events(&text)) {
        for name in [
            "UID", "DTSTART", "DTEND", "RRULE", "SUMMARY", "TRANSP", "SEQUENCE",
        ] {
            assert_eq!(value(parsed, name), Some(prop(&mine, name)), "{name}");
        }
        // The parser undoes the TEXT escapes (§3.3.11): the comma was written as `\,`.
        assert!(prop(&mine, "DESCRIPTION").contains("To change it\\, change"));
        let description = value(parsed, "DESCRIPTION").unwrap();
        assert!(description.contains("To change it, change the plan in Tend"));
        let start = parsed.find_prop("DTSTART").unwrap();
        let tzid = start.params.iter().find(|p| p.key == "TZID");
        assert_eq!(
            tzid.and_then(|p| p.val.as_ref()).map(|v| v.as_str()),
            Some("Europe/Berlin")
        );
    }
}

// #23: Tend's own import reads back exactly the planned breaks for the coming four weeks.
#[test]
fn importing_the_file_gives_the_planned_breaks() {
    let plan = three_breaks(date(2026, 1, 5));
    let text = export(&plan, &Journal::default(), stamp());
    let (from, to) = (date(2026, 1, 12), date(2026, 2, 8));
    let import = import_ics(text.as_bytes(), &options(from, to, 60)).unwrap();
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    let got: Vec<_> = import
        .entries
        .iter()
        .map(|e| (e.start, e.minutes, e.summary.clone()))
        .collect();
    let mut want = Vec::new();
    for day in from.iter_days().take_while(|d| *d <= to) {
        for b in plan.breaks.iter().filter(|b| b.weekday == day.weekday()) {
            want.push((day.and_time(b.at), b.minutes, b.kind.label().to_string()));
        }
    }
    assert_eq!(got.len(), 12);
    assert_eq!(got, want);
}

// #23: a second export of the same plan updates the same events rather than adding new ones.
#[test]
fn exporting_twice_gives_the_same_uids_and_events() {
    let plan = three_breaks(date(2026, 1, 5));
    let first = export(&plan, &Journal::default(), stamp());
    let later = stamp() + chrono::TimeDelta::days(20);
    let second = export(&plan, &Journal::default(), later);
    assert_eq!(uids(&first), uids(&second));
    assert_eq!(
        first.replace("20260105T080000Z", "20260125T080000Z"),
        second
    );
    let mut other = plan.clone();
    other.calendar_key = "another-device".into();
    let theirs = uids(&export(&other, &Journal::default(), stamp()));
    assert!(
        theirs.iter().all(|u| !uids(&first).contains(u)),
        "another clinician's UIDs differ"
    );
}

// #23: a changed plan: a higher SEQUENCE, unchanged breaks keep their UID and first day, a
// removed break comes back cancelled, and importing skips it.
#[test]
fn a_changed_plan_raises_the_sequence_and_cancels_what_went() {
    let plan = three_breaks(date(2026, 1, 5));
    let before = export(&plan, &Journal::default(), stamp());
    let mut next = plan.clone();
    next.remove(
        Weekday::Fri,
        planned(Weekday::Fri, 16, 0, 10, BreakKind::SelfCare).at,
    );
    next.add(planned(Weekday::Thu, 15, 0, 20, BreakKind::MicroBreak))
        .unwrap();
    let changed = plan.revise(next, date(2026, 2, 2));
    let after = export(&changed, &Journal::default(), stamp());
    let (old, new) = (events(&before), events(&after));
    assert!(new.iter().all(|e| prop(e, "SEQUENCE") == "2"));
    for kept in &old[..2] {
        let same = new
            .iter()
            .find(|e| prop(e, "UID") == prop(kept, "UID"))
            .unwrap();
        assert_eq!(prop(same, "DTSTART"), prop(kept, "DTSTART"));
        assert_eq!(prop(same, "STATUS"), "CONFIRMED");
    }
    let gone = new
        .iter()
        .find(|e| prop(e, "UID") == prop(&old[2], "UID"))
        .unwrap();
    assert_eq!(prop(gone, "STATUS"), "CANCELLED");
    let added = new
        .iter()
        .find(|e| prop(e, "RRULE").ends_with("BYDAY=TH"))
        .unwrap();
    assert_eq!(
        prop(added, "DTSTART"),
        "20260205T150000",
        "from the day it was planned"
    );
    assert!(!uids(&before).contains(&prop(added, "UID")));
    let import = import_ics(
        after.as_bytes(),
        &options(date(2026, 2, 2), date(2026, 2, 8), 60),
    )
    .unwrap();
    assert_eq!(import.stats.cancelled, 1);
    let days: Vec<_> = import.entries.iter().map(|e| e.date.weekday()).collect();
    assert_eq!(days, [Weekday::Mon, Weekday::Wed, Weekday::Thu]);
}

// #23: days off and vacations logged for the days ahead become all-day busy events.
#[test]
fn days_off_ahead_are_all_day_events() {
    let day_off = |id: &str, kind, from, until| BreakEntry {
        id: BreakId(id.into()),
        kind,
        date: from,
        minutes: 0,
        until,
    };
    let journal = Journal::default()
        .apply(&Action::AddBreak(day_off(
            "past",
            BreakKind::DayOff,
            date(2025, 12, 29),
            None,
        )))
        .and_then(|j| {
            j.apply(&Action::AddBreak(day_off(
                "summer",
                BreakKind::Vacation,
                date(2026, 7, 6),
                Some(date(2026, 7, 8)),
            )))
        })
        .and_then(|j| {
            j.apply(&Action::AddBreak(day_off(
                "op",
                BreakKind::SickDay,
                date(2026, 9, 1),
                None,
            )))
        })
        .unwrap();
    let text = export(&three_breaks(date(2026, 1, 5)), &journal, stamp());
    let events = events(&text);
    assert_eq!(
        events.len(),
        5,
        "breaks, vacation and sick day, not the past day off"
    );
    assert_eq!(
        prop(&events[4], "SUMMARY"),
        "Day off",
        "a shared calendar need not know why"
    );
    let vacation = &events[3];
    assert_eq!(
        prop_line(vacation, "DTSTART"),
        "DTSTART;VALUE=DATE:20260706"
    );
    assert_eq!(prop_line(vacation, "DTEND"), "DTEND;VALUE=DATE:20260709");
    assert_eq!(prop(vacation, "SUMMARY"), "Vacation");
    assert_eq!(prop(vacation, "TRANSP"), "OPAQUE");
    let import = import_ics(
        text.as_bytes(),
        &options(date(2026, 7, 1), date(2026, 7, 31), 120),
    )
    .unwrap();
    let dates: Vec<_> = import.all_day.iter().map(|a| a.date).collect();
    assert_eq!(
        dates,
        [date(2026, 7, 6), date(2026, 7, 7), date(2026, 7, 8)]
    );
    assert_eq!(
        export(&three_breaks(date(2026, 1, 5)), &journal, stamp()),
        text,
        "same UIDs again"
    );
}

// #23: nothing about clients, cases, organisations or work goes into the file.
#[test]
fn no_client_data_goes_into_the_file() {
    let journal = demo_journal(7, date(2026, 1, 5)).unwrap();
    assert!(!journal.cases.is_empty() && !journal.organisations.is_empty());
    let text = export(&three_breaks(date(2026, 1, 5)), &journal, stamp());
    let unfolded = text.replace("\r\n ", "");
    for case in &journal.cases {
        assert!(!unfolded.contains(&case.label), "case {}", case.label);
    }
    for org in &journal.organisations {
        assert!(!unfolded.contains(&org.name), "organisation {}", org.name);
    }
    for entry in journal.entries.iter() {
        assert!(!unfolded.contains(&entry.id.0), "entry {}", entry.id.0);
    }
    let labels: Vec<&str> = BreakKind::ALL.iter().map(|k| k.label()).collect();
    assert!(events(&text)
        .iter()
        .all(|e| labels.contains(&prop(e, "SUMMARY").as_str())));
}
