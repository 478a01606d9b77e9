//! Calendar import: the silent wrong answers that checks against an independent iCalendar
//! implementation found (#17), each on the smallest hand-made calendar that showed it. Every
//! expected result is worked out by hand from RFC 5545 in the comment above it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod import_common;

use import_common::{calendar, options, run, BERLIN};
use tend_core::import::{import_ics, Import, Warning};

fn all_day_dates(import: &Import) -> Vec<String> {
    import.all_day.iter().map(|a| a.date.to_string()).collect()
}

fn entry_dates(import: &Import) -> Vec<String> {
    import.entries.iter().map(|e| e.date.to_string()).collect()
}

/// One event with `lines` in a calendar that describes Europe/Berlin, plus `more` components.
fn in_berlin(lines: &[&str], more: &str, from: &str, to: &str) -> Import {
    let text = calendar(lines)
        .replace("VERSION:2.0\r\n", &format!("VERSION:2.0\r\n{BERLIN}"))
        .replace("END:VCALENDAR", &format!("{more}END:VCALENDAR"));
    import_ics(text.as_bytes(), &options(from, to, 60)).unwrap()
}

// #17
#[test]
fn a_numbered_weekday_in_a_yearly_rule_without_bymonth_counts_within_the_year() {
    // RFC 5545 §3.3.10: in a YEARLY rule BYMONTHDAY expands and BYDAY then limits, and "within
    // a YEARLY rule" a numbered BYDAY such as 1MO is "the first Monday within the year" unless
    // BYMONTH is given. So BYMONTHDAY=1..7 with BYDAY=1MO is the first Monday of January only:
    // 1 Jan 2024 (a Monday), 6 Jan 2025 (1 Jan is a Wednesday), 5 Jan 2026 (a Thursday).
    let r = run(
        &[
            "DTSTART:20240101T090000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=YEARLY;BYDAY=1MO;BYMONTHDAY=1,2,3,4,5,6,7;COUNT=3",
        ],
        "2024-01-01",
        "2026-12-31",
    );
    assert_eq!(entry_dates(&r), ["2024-01-01", "2025-01-06", "2026-01-05"]);
    // With BYMONTH the number counts within each month named: the first Monday of March and
    // of June that falls on the 1st to 7th. 2024: 4 March, 3 June.
    let r = run(
        &[
            "DTSTART:20240304T090000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=YEARLY;BYMONTH=3,6;BYDAY=1MO;BYMONTHDAY=1,2,3,4,5,6,7;COUNT=2",
        ],
        "2024-01-01",
        "2024-12-31",
    );
    assert_eq!(entry_dates(&r), ["2024-03-04", "2024-06-03"]);
}

// #17
#[test]
fn an_all_day_exdate_written_as_local_midnight_removes_the_day_it_names() {
    // Daily all-day 4 to 8 March 2024. EXDATE;TZID=Europe/Berlin:20240306T000000 names 6 March
    // on Berlin's clock (5 March 23:00 UTC): 6 March goes, 5 March stays.
    let r = in_berlin(
        &[
            "DTSTART;VALUE=DATE:20240304",
            "RRULE:FREQ=DAILY;COUNT=5",
            "EXDATE;TZID=Europe/Berlin:20240306T000000",
        ],
        "",
        "2024-03-01",
        "2024-03-31",
    );
    assert_eq!(
        all_day_dates(&r),
        ["2024-03-04", "2024-03-05", "2024-03-07", "2024-03-08"]
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

// #17
#[test]
fn an_all_day_period_rdate_adds_the_days_it_covers() {
    // All-day 4 March 2024. RDATE;VALUE=PERIOD adds 10 March (a one-day period) and 15 to 16
    // March (a period from the 15th to the 17th at midnight, the end excluded) and 20 March (two
    // hours on that day).
    let r = run(
        &[
            "DTSTART;VALUE=DATE:20240304",
            "RDATE;VALUE=PERIOD:20240310T000000/P1D,20240315T000000/20240317T000000",
            "RDATE;VALUE=PERIOD:20240320T090000Z/PT2H",
        ],
        "2024-03-01",
        "2024-03-31",
    );
    assert_eq!(
        all_day_dates(&r),
        [
            "2024-03-04",
            "2024-03-10",
            "2024-03-15",
            "2024-03-16",
            "2024-03-20"
        ]
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

// #17
#[test]
fn a_moved_instance_without_end_or_duration_lasts_as_its_own_start_says() {
    // Daily 09:00-10:00 Berlin, 4 to 6 March 2024. The 5 March instance moves to 14:00 and
    // gives no DTEND and no DURATION. A RECURRENCE-ID component is an event of its own, and RFC
    // 5545 §3.6.1 says an event whose DTSTART is a DATE-TIME and that has neither "will take up
    // no time": like a series without a length, it is not imported, with the warning.
    let moved = "BEGIN:VEVENT\r\nUID:test-1\r\nSUMMARY:Moved\r\n\
                 RECURRENCE-ID;TZID=Europe/Berlin:20240305T090000\r\n\
                 DTSTART;TZID=Europe/Berlin:20240305T140000\r\nEND:VEVENT\r\n";
    let r = in_berlin(
        &[
            "DTSTART;TZID=Europe/Berlin:20240304T090000",
            "DTEND;TZID=Europe/Berlin:20240304T100000",
            "RRULE:FREQ=DAILY;COUNT=3",
        ],
        moved,
        "2024-03-01",
        "2024-03-31",
    );
    assert_eq!(entry_dates(&r), ["2024-03-04", "2024-03-06"]);
    assert!(r.entries.iter().all(|e| e.minutes == 60));
    assert_eq!(r.stats.no_length, 1);
    assert!(
        matches!(&r.warnings[..], [Warning::NoLength { event }] if event.summary == "Moved"),
        "{:?}",
        r.warnings
    );
    // All-day: a three-day series whose moved instance gives only a DATE start lasts one day,
    // as §3.6.1 says of a DATE start with neither.
    let moved = "BEGIN:VEVENT\r\nUID:test-1\r\nRECURRENCE-ID;VALUE=DATE:20240311\r\n\
                 DTSTART;VALUE=DATE:20240313\r\nEND:VEVENT\r\n";
    let r = in_berlin(
        &[
            "DTSTART;VALUE=DATE:20240304",
            "DTEND;VALUE=DATE:20240307",
            "RRULE:FREQ=WEEKLY;COUNT=2",
        ],
        moved,
        "2024-03-01",
        "2024-03-31",
    );
    assert_eq!(
        all_day_dates(&r),
        ["2024-03-04", "2024-03-05", "2024-03-06", "2024-03-13"]
    );
}

// #17
#[test]
fn a_dtstart_off_the_rule_counts_as_the_first_of_count() {
    // Wednesday 3 January 2024, weekly on Mondays, COUNT=3. RFC 5545 §3.3.10: "The DTSTART
    // property value always counts as the first occurrence", so the three are 3, 8 and 15
    // January (not 22 January as well).
    let r = run(
        &[
            "DTSTART:20240103T090000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3",
        ],
        "2024-01-01",
        "2024-02-29",
    );
    assert_eq!(entry_dates(&r), ["2024-01-03", "2024-01-08", "2024-01-15"]);
}
