//! Helpers shared by the calendar-import tests that build calendars by hand.
#![allow(dead_code)]

use chrono::NaiveDate;
use tend_core::import::{import_ics, Import, ImportOptions, Rules};
use tend_core::WorkKind;

/// Europe/Berlin as exports describe it: +01:00, and +02:00 from the last Sunday of March to
/// the last Sunday of October.
pub const BERLIN: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn options(from: &str, to: &str, offset: i32) -> ImportOptions {
    ImportOptions {
        from: day(from),
        to: day(to),
        utc_offset_minutes: offset,
        owner_emails: Vec::new(),
        kinds: Rules::new(WorkKind::DirectSession),
    }
}

/// A calendar holding one event with these lines (UID and SUMMARY added when missing).
pub fn calendar(lines: &[&str]) -> String {
    let mut event = lines.join("\r\n");
    if !event.contains("UID:") {
        event.push_str("\r\nUID:test-1");
    }
    if !event.contains("SUMMARY:") {
        event.push_str("\r\nSUMMARY:Session");
    }
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n{event}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
}

pub fn run(lines: &[&str], from: &str, to: &str) -> Import {
    import_ics(calendar(lines).as_bytes(), &options(from, to, 0)).unwrap()
}

pub fn dates(import: &Import) -> Vec<String> {
    import
        .entries
        .iter()
        .map(|e| e.date.format("%m-%d").to_string())
        .collect()
}
