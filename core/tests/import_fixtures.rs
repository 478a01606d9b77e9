//! Every real-world calendar in tests/fixtures/ics/ (ical.js samples, MPL-2.0) imported, with
//! the expected occurrences worked out by hand from the file in the comment above each check.
//! Offsets are the clinician's clock in minutes east of UTC: -420 is PDT, -480 PST.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::{NaiveDate, NaiveDateTime};
use std::fs;
use std::path::Path;
use tend_core::import::{import_ics, Import, ImportOptions, Rules, Warning};
use tend_core::WorkKind;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ics")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import(name: &str, from: &str, to: &str, offset: i32) -> Import {
    let options = ImportOptions {
        from: day(from),
        to: day(to),
        utc_offset_minutes: offset,
        owner_emails: Vec::new(),
        kinds: Rules::new(WorkKind::Admin),
    };
    import_ics(&fixture(name), &options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// (date, minutes) of each proposed entry, in order.
fn days_and_minutes(import: &Import) -> Vec<(String, u32)> {
    import
        .entries
        .iter()
        .map(|e| (e.date.to_string(), e.minutes))
        .collect()
}

fn ids(import: &Import) -> Vec<&str> {
    import.entries.iter().map(|e| e.id.0.as_str()).collect()
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn every_fixture_is_covered_here() {
    let source = include_str!("import_fixtures.rs");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ics");
    for file in fs::read_dir(dir).unwrap() {
        let name = file.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".ics") {
            assert!(
                source.contains(&format!("\"{name}\"")),
                "{name} is not tested"
            );
        }
    }
}

#[test]
fn minimal_one_hour_in_los_angeles() {
    // DTSTART;TZID=America/Los_Angeles:20120630T060000, DTEND 07:00. 30 June is in PDT (second
    // Sunday of March to first Sunday of November), UTC-7: 13:00Z to 14:00Z, 60 minutes.
    let pdt = import("minimal.ics", "2012-06-01", "2012-07-31", -420);
    assert_eq!(days_and_minutes(&pdt), [("2012-06-30".into(), 60)]);
    assert_eq!(pdt.entries[0].start, at("2012-06-30 06:00"));
    assert_eq!(
        ids(&pdt),
        ["ics:dn4vrfmfn5p05roahsopg57h48@google.com@2012-06-30T13:00:00Z"]
    );
    assert_eq!(pdt.entries[0].summary, "Really long event name thing");
    assert!(pdt.warnings.is_empty(), "{:?}", pdt.warnings);
    // The same instant on a UTC+11 clock is 00:00 to 01:00 on 1 July, with the same key.
    let sydney = import("minimal.ics", "2012-06-01", "2012-07-31", 660);
    assert_eq!(days_and_minutes(&sydney), [("2012-07-01".into(), 60)]);
    assert_eq!(ids(&sydney), ids(&pdt));
    // A range that ends the day before holds nothing.
    assert!(import("minimal.ics", "2012-06-01", "2012-06-29", -420)
        .entries
        .is_empty());
}

#[test]
fn duration_instead_of_dtend_is_split_at_midnight() {
    // DTSTART 2012-06-30 06:00 PDT with DURATION:P1D: one nominal day, to 1 July 06:00 PDT, 24
    // hours. On a PDT clock: 30 June 06:00-24:00 = 1080 min, 1 July 00:00-06:00 = 360 min.
    let pdt = import(
        "duration_instead_of_dtend.ics",
        "2012-06-01",
        "2012-07-31",
        -420,
    );
    assert_eq!(
        days_and_minutes(&pdt),
        [("2012-06-30".into(), 1080), ("2012-07-01".into(), 360)]
    );
    let key = "ics:dn4vrfmfn5p05roahsopg57h48@example.com@2012-06-30T13:00:00Z";
    assert_eq!(ids(&pdt), [key.to_string(), format!("{key}+1")]);
    assert_eq!(pdt.stats.occurrences, 1);
    // On a UTC clock it runs 13:00Z to 13:00Z: 660 min on 30 June, 780 on 1 July.
    let utc = import(
        "duration_instead_of_dtend.ics",
        "2012-06-01",
        "2012-07-31",
        0,
    );
    assert_eq!(
        days_and_minutes(&utc),
        [("2012-06-30".into(), 660), ("2012-07-01".into(), 780)]
    );
    // A range of only 1 July keeps only the second part, under the same key.
    let second = import(
        "duration_instead_of_dtend.ics",
        "2012-07-01",
        "2012-07-01",
        -420,
    );
    assert_eq!(ids(&second), [format!("{key}+1")]);
}

#[test]
fn only_dtstart_date_is_one_all_day_occurrence() {
    // DTSTART;VALUE=DATE:20120630 with no DTEND: one day, 30 June, on every clock.
    for offset in [-420, 0, 660] {
        let result = import("only_dtstart_date.ics", "2012-06-01", "2012-07-31", offset);
        assert!(result.entries.is_empty());
        assert_eq!(result.all_day.len(), 1);
        assert_eq!(result.all_day[0].date, day("2012-06-30"));
        assert_eq!(
            result.all_day[0].id.0,
            "ics:dn4vrfmfn5p05roahsopg57h48@example.com@2012-06-30"
        );
        assert_eq!(result.stats.all_day, 1);
    }
}

#[test]
fn daily_recur_across_the_end_of_daylight_saving() {
    // FREQ=DAILY from 2012-08-01 05:00 PDT, one hour, no end. Range 1..10 August: 10
    // occurrences, one per day, 60 min each; 05:00 PDT is 12:00Z.
    let august = import("daily_recur.ics", "2012-08-01", "2012-08-10", -420);
    assert_eq!(august.entries.len(), 10);
    assert!(august.entries.iter().all(|e| e.minutes == 60));
    let dates: Vec<String> = august.entries.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates.first().unwrap(), "2012-08-01");
    assert_eq!(dates.last().unwrap(), "2012-08-10");
    assert!(ids(&august)[0].ends_with("@2012-08-01T12:00:00Z"));
    // PDT ends on the first Sunday of November: 1 Nov 2012 is a Thursday, so Sunday 4 Nov at
    // 02:00. 05:00 local is 12:00Z on 3 Nov (PDT) but 13:00Z on 4 and 5 Nov (PST, UTC-8).
    let november = import("daily_recur.ics", "2012-11-03", "2012-11-05", 0);
    let starts: Vec<String> = november
        .entries
        .iter()
        .map(|e| e.start.to_string())
        .collect();
    assert_eq!(
        starts,
        [
            "2012-11-03 12:00:00",
            "2012-11-04 13:00:00",
            "2012-11-05 13:00:00"
        ]
    );
    // PDT starts on the second Sunday of March 2013: 1 March is a Friday, Sundays 3 and 10, so
    // 10 March. 9 March 05:00 PST = 13:00Z, 10 March 05:00 PDT = 12:00Z.
    let march = import("daily_recur.ics", "2013-03-09", "2013-03-10", 0);
    let starts: Vec<String> = march.entries.iter().map(|e| e.start.to_string()).collect();
    assert_eq!(starts, ["2013-03-09 13:00:00", "2013-03-10 12:00:00"]);
    // Far from DTSTART the rule skips ahead: January 2030 has 31 days, so 31 occurrences.
    assert_eq!(
        import("daily_recur.ics", "2030-01-01", "2030-01-31", 0)
            .entries
            .len(),
        31
    );
}

#[test]
fn multiple_rrules_are_united() {
    // DTSTART Monday 2012-03-26 11:00 PDT, 30 min, two rules both UNTIL 2012-07-30 06:59:59Z,
    // which is 29 July 23:59:59 PDT.
    // WEEKLY (Mondays): 26 Mar; 2, 9, 16, 23, 30 Apr; 7, 14, 21, 28 May; 4, 11, 18, 25 Jun;
    //   2, 9, 16, 23 Jul = 18 (30 July is after UNTIL).
    // MONTHLY;BYDAY=SU (every Sunday of each month), from DTSTART on: March's Sundays (4-25) are
    //   before DTSTART; 1, 8, 15, 22, 29 Apr; 6, 13, 20, 27 May; 3, 10, 17, 24 Jun;
    //   1, 8, 15, 22, 29 Jul = 18.
    // No day is in both: 36 occurrences, 36 x 30 = 1080 minutes.
    let result = import("multiple_rrules.ics", "2012-03-01", "2012-08-31", -420);
    assert_eq!(result.entries.len(), 36);
    assert_eq!(result.entries.iter().map(|e| e.minutes).sum::<u32>(), 1080);
    assert_eq!(result.entries[0].date, day("2012-03-26"));
    assert_eq!(result.entries[1].date, day("2012-04-01"));
    assert_eq!(result.entries.last().unwrap().date, day("2012-07-29"));
    assert!(result
        .entries
        .iter()
        .all(|e| e.start.format("%H:%M").to_string() == "11:00"));
}

#[test]
fn parserv2_weekdays_only() {
    // FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR from Tuesday 2012-09-11 10:30 PDT, 30 min. Range 10-23
    // September: Monday 10th is before DTSTART; 11-14 (4) and 17-21 (5); weekends none: 9.
    let result = import("parserv2.ics", "2012-09-10", "2012-09-23", -420);
    let dates: Vec<u32> = result
        .entries
        .iter()
        .map(|e| e.date.format("%d").to_string().parse().unwrap())
        .collect();
    assert_eq!(dates, [11, 12, 13, 14, 17, 18, 19, 20, 21]);
    assert!(result.entries.iter().all(|e| e.minutes == 30));
}

#[test]
fn rdate_exdate_with_a_date_exception_and_no_length() {
    // DTSTART 2024-06-09 03:00Z, FREQ=DAILY;COUNT=4: 9, 10, 11, 12 June; EXDATE;VALUE=DATE
    // 20240611 removes the 11th: 3 occurrences. No DTEND or DURATION: each lasts no time (RFC
    // 5545), so none becomes an entry and one warning names the event.
    let result = import("rdate_exdate.ics", "2024-06-01", "2024-06-30", 0);
    assert!(result.entries.is_empty());
    assert_eq!(result.stats.no_length, 3);
    assert_eq!(result.warnings.len(), 1);
    assert!(matches!(result.warnings[0], Warning::NoLength { .. }));
    // The same event with a length: 9, 10 and 12 June.
    let text = String::from_utf8(fixture("rdate_exdate.ics")).unwrap();
    let with_length = text.replace("DTSTART:", "DURATION:PT45M\nDTSTART:");
    let options = ImportOptions {
        from: day("2024-06-01"),
        to: day("2024-06-30"),
        utc_offset_minutes: 0,
        owner_emails: Vec::new(),
        kinds: Rules::new(WorkKind::Admin),
    };
    let result = import_ics(with_length.as_bytes(), &options).unwrap();
    assert_eq!(
        days_and_minutes(&result),
        [
            ("2024-06-09".into(), 45),
            ("2024-06-10".into(), 45),
            ("2024-06-12".into(), 45)
        ]
    );
}

#[test]
fn recur_instances_with_rdates_exdates_and_changed_instances() {
    // RRULE FREQ=MONTHLY;BYDAY=1TU from 2012-10-02 10:00 PDT, 30 min. First Tuesdays: 2 Oct,
    // 6 Nov, 4 Dec 2012; 1 Jan, 5 Feb, 5 Mar, 2 Apr 2013.
    // RDATEs: 5 Nov 10:00 PST (18:00Z), 10 Nov and 30 Nov 10:00 PST.
    // EXDATEs: 2 Apr 2013 10:00 PDT, 4 Dec 2012 and 5 Feb 2013 10:00 PST.
    // RECURRENCE-ID 2 Oct 10:00 PDT: moved to 2 Oct 15:00-15:30 PDT (22:00Z).
    // RECURRENCE-ID 20121105T180000Z (the 5 Nov RDATE): moved to 6 Nov 20:00-20:30 PST.
    // Range Oct 2012 - Apr 2013: 2 Oct (moved), 6 Nov, 6 Nov 20:00 (moved), 10 Nov, 30 Nov,
    // 1 Jan, 5 Mar = 7 occurrences of 30 min.
    let result = import("recur_instances.ics", "2012-10-01", "2013-04-30", -480);
    let dates: Vec<String> = result.entries.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2012-10-02",
            "2012-11-06",
            "2012-11-06",
            "2012-11-10",
            "2012-11-30",
            "2013-01-01",
            "2013-03-05"
        ]
    );
    assert!(result.entries.iter().all(|e| e.minutes == 30));
    // A changed instance keeps the key of the occurrence it replaces (UID + RECURRENCE-ID).
    let uid = "ics:623c13c0-6c2b-45d6-a12b-c33ad61c4868@";
    let moved = &result.entries[0];
    assert_eq!(moved.id.0, format!("{uid}2012-10-02T17:00:00Z"));
    assert_eq!(moved.start, at("2012-10-02 14:00")); // 22:00Z on the fixed PST clock
    let evening = result
        .entries
        .iter()
        .find(|e| e.start == at("2012-11-06 20:00"))
        .unwrap();
    assert_eq!(evening.id.0, format!("{uid}2012-11-05T18:00:00Z"));
    // The second VTIMEZONE has no TZID and is reported; X-UNKNOWN is ignored quietly.
    assert_eq!(result.warnings, [Warning::ZoneWithoutName { line: 21 }]);
    assert_eq!(result.stats.events, 3);
}

#[test]
fn recur_instances_period_rdate_has_its_own_length() {
    // November 2023 on a UTC clock. First Tuesday: 1 Nov 2023 is a Wednesday, so 7 Nov, 10:00
    // PST (DST ended 5 Nov) = 18:00Z, 30 min. RDATE 23 Nov 09:00Z, 30 min (the event's length).
    // RDATE;VALUE=PERIOD 25 Nov 09:00Z/12:30Z: 210 min.
    let result = import("recur_instances.ics", "2023-11-01", "2023-11-30", 0);
    assert_eq!(
        days_and_minutes(&result),
        [
            ("2023-11-07".into(), 30),
            ("2023-11-23".into(), 30),
            ("2023-11-25".into(), 210)
        ]
    );
    assert_eq!(result.entries[0].start, at("2023-11-07 18:00"));
}

#[test]
fn timezone_from_file_with_an_odd_offset() {
    // TZID Nowhere/Middle, described in the file with offset -07:41 and nothing else.
    // 2023-03-06 13:42 local = 21:23Z; to 14:42 = 60 min. The event has no UID: a warning,
    // and a key from its DTSTART and SUMMARY, the same on every import.
    let utc = import("timezone_from_file.ics", "2023-03-01", "2023-03-31", 0);
    assert_eq!(days_and_minutes(&utc), [("2023-03-06".into(), 60)]);
    assert_eq!(utc.entries[0].start, at("2023-03-06 21:23"));
    assert!(ids(&utc)[0].starts_with("ics:nouid-"), "{}", ids(&utc)[0]);
    assert!(ids(&utc)[0].ends_with("@2023-03-06T21:23:00Z"));
    assert!(matches!(utc.warnings[..], [Warning::NoUid { .. }]));
    // On a UTC+3 clock that is 00:23 on 7 March.
    let moscow = import("timezone_from_file.ics", "2023-03-01", "2023-03-31", 180);
    assert_eq!(days_and_minutes(&moscow), [("2023-03-07".into(), 60)]);
    assert_eq!(ids(&moscow), ids(&utc));
}

#[test]
fn utc_negative_zero_is_utc() {
    // Etc/GMT described with offsets -0000: 2012-08-21 21:00-21:30Z, 30 min. On a UTC+3 clock:
    // 00:00-00:30 on 22 August.
    let utc = import("utc_negative_zero.ics", "2012-08-01", "2012-08-31", 0);
    assert_eq!(days_and_minutes(&utc), [("2012-08-21".into(), 30)]);
    let plus3 = import("utc_negative_zero.ics", "2012-08-01", "2012-08-31", 180);
    assert_eq!(days_and_minutes(&plus3), [("2012-08-22".into(), 30)]);
}

#[test]
fn blank_line_mid_is_tolerated_and_empty() {
    // A calendar with one COMMENT and a blank line: no events, only the warning saying so.
    let result = import("blank_line_mid.ics", "2012-01-01", "2012-12-31", 0);
    assert!(result.entries.is_empty() && result.all_day.is_empty());
    assert_eq!(result.warnings, [Warning::NoEvents]);
}
