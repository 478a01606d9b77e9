//! The break plan as an iCalendar file (RFC 5545), so a clinician's planned breaks show as busy
//! where their appointments are booked (#23).
//!
//! One weekly event per planned break, on its weekday at its time in the clinician's zone (with
//! that zone's VTIMEZONE), `TRANSP:OPAQUE` so the time counts as busy. Each event's UID comes
//! from the plan's random calendar key and the break's slot (weekday and time), so importing a
//! newer file updates the same events; `SEQUENCE` is the plan's revision, which rises with every
//! change (§3.8.7.4), and slots taken out of the plan come back as cancelled events. Days off and
//! vacations already logged for the days ahead are added as all-day busy events (a sick day as a
//! day off). Only the kind of break goes in: nothing about clients, cases or notes. Pure, like the rest of the core: the
//! zone, the time stamp and today come in as [`PlanExport`].

use super::ics_text::{date_value, local_value, utc_value, IcsWriter};
use super::ics_zone::{write_vtimezone, ZoneDescription};
use crate::journal::Journal;
use crate::tracking::plan::{BreakPlan, PlannedBreak};
use crate::tracking::{BreakEntry, BreakKind};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, TimeDelta, Timelike, Weekday};

/// The product identifier (§3.7.3).
pub const PRODID: &str = "-//Tend//Break plan//EN";

/// The name calendar programs give the imported calendar.
pub const CALENDAR_NAME: &str = "Tend break plan";

/// What an export needs besides the plan.
#[derive(Clone, Debug)]
pub struct PlanExport<'a> {
    /// The clinician's zone, as the browser describes it.
    pub zone: &'a ZoneDescription,
    /// When the file is made, in UTC (every event's DTSTAMP).
    pub stamp: NaiveDateTime,
    /// Today on the clinician's clock: breaks planned before their first day was kept start
    /// here, and only days off from today on are written.
    pub today: NaiveDate,
}

/// The two-letter weekday of RRULE's BYDAY (§3.3.10).
pub fn byday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// The calendar key as it can appear in a UID: letters, digits and `-`, at most 40 characters;
/// `device` if nothing is left.
fn key_part(plan: &BreakPlan) -> String {
    let key: String = plan
        .calendar_key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect();
    if key.is_empty() {
        "device".into()
    } else {
        key.to_ascii_lowercase()
    }
}

/// The UID of a planned break: the same slot gives the same UID in every export.
pub fn break_uid(plan: &BreakPlan, b: &PlannedBreak) -> String {
    format!(
        "tend-break-{}-{}-{:02}{:02}",
        key_part(plan),
        byday(b.weekday).to_ascii_lowercase(),
        b.at.hour(),
        b.at.minute()
    )
}

/// The first day of a break's weekly series: its weekday on or after the day it was planned.
fn first_day(b: &PlannedBreak, today: NaiveDate) -> NaiveDate {
    let from = b.since.unwrap_or(today);
    let ahead = (7 + b.weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from.checked_add_days(Days::new(u64::from(ahead)))
        .unwrap_or(from)
}

/// When a break's weekly series starts: on its first day, or a week later (at most four times)
/// while that first occurrence meets a change of offset, so its DTSTART and DTEND lie on one
/// side of the change.
fn series_start(b: &PlannedBreak, today: NaiveDate, zone: &ZoneDescription) -> NaiveDateTime {
    let mut start = first_day(b, today).and_time(b.at);
    for _ in 0..4 {
        let Some(end) = start.checked_add_signed(TimeDelta::minutes(i64::from(b.minutes))) else {
            break;
        };
        if !zone.touches_change(start, end) {
            break;
        }
        start = match start.checked_add_days(Days::new(7)) {
            Some(later) => later,
            None => break,
        };
    }
    start
}

/// The days off, vacations and sick days that cover today or later.
fn days_ahead(journal: &Journal, today: NaiveDate) -> Vec<&BreakEntry> {
    journal
        .breaks
        .iter()
        .filter(|b| b.kind.is_whole_day() && b.last_day() >= today)
        .collect()
}

/// The calendar file: the plan's breaks, the slots taken out of it (cancelled) and the whole
/// days off ahead in `journal`.
pub fn plan_ics(plan: &BreakPlan, journal: &Journal, export: &PlanExport<'_>) -> String {
    let mut w = IcsWriter::default();
    w.begin("VCALENDAR");
    w.line("VERSION", "2.0");
    w.line("PRODID", PRODID);
    w.line("CALSCALE", "GREGORIAN");
    w.line("METHOD", "PUBLISH");
    w.text("X-WR-CALNAME", CALENDAR_NAME);
    let tzid = export.zone.tzid();
    w.line("X-WR-TIMEZONE", tzid);
    let earliest = plan
        .breaks
        .iter()
        .chain(&plan.retired)
        .map(|b| series_start(b, export.today, export.zone).date())
        .min()
        .unwrap_or(export.today);
    write_vtimezone(&mut w, export.zone, earliest);
    for b in &plan.breaks {
        write_break(&mut w, plan, b, export, false);
    }
    for b in &plan.retired {
        write_break(&mut w, plan, b, export, true);
    }
    for day in days_ahead(journal, export.today) {
        write_day_off(&mut w, plan, day, export);
    }
    w.end("VCALENDAR");
    w.finish()
}

fn write_break(
    w: &mut IcsWriter,
    plan: &BreakPlan,
    b: &PlannedBreak,
    export: &PlanExport<'_>,
    cancelled: bool,
) {
    let start = series_start(b, export.today, export.zone);
    let end = start
        .checked_add_signed(TimeDelta::minutes(i64::from(b.minutes)))
        .unwrap_or(start);
    let tzid = export.zone.tzid();
    w.begin("VEVENT");
    w.line("UID", &break_uid(plan, b));
    w.line("DTSTAMP", &utc_value(export.stamp));
    w.line("SEQUENCE", &plan.revision.to_string());
    w.line(&format!("DTSTART;TZID={tzid}"), &local_value(start));
    w.line(&format!("DTEND;TZID={tzid}"), &local_value(end));
    w.line("RRULE", &format!("FREQ=WEEKLY;BYDAY={}", byday(b.weekday)));
    w.text("SUMMARY", b.kind.label());
    w.text(
        "DESCRIPTION",
        "A break from your plan in Tend. To change it, change the plan in Tend and import its new file.",
    );
    w.line("TRANSP", "OPAQUE");
    w.line("STATUS", if cancelled { "CANCELLED" } else { "CONFIRMED" });
    w.end("VEVENT");
}

/// A short, stable UID part for a record id of any length or alphabet (FNV-1a, 64 bits).
fn id_hash(id: &str) -> String {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

fn write_day_off(w: &mut IcsWriter, plan: &BreakPlan, day: &BreakEntry, export: &PlanExport<'_>) {
    let end = day.last_day().succ_opt().unwrap_or_else(|| day.last_day());
    w.begin("VEVENT");
    w.line(
        "UID",
        &format!("tend-day-{}-{}", key_part(plan), id_hash(&day.id.0)),
    );
    w.line("DTSTAMP", &utc_value(export.stamp));
    w.line("SEQUENCE", &plan.revision.to_string());
    w.line("DTSTART;VALUE=DATE", &date_value(day.date));
    w.line("DTEND;VALUE=DATE", &date_value(end));
    // A sick day ahead is written as a day off: a shared calendar need not know why.
    let summary = match day.kind {
        BreakKind::Vacation => BreakKind::Vacation.label(),
        _ => BreakKind::DayOff.label(),
    };
    w.text("SUMMARY", summary);
    w.line("TRANSP", "OPAQUE");
    w.end("VEVENT");
}
