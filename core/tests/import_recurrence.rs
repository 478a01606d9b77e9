//! Calendar import on hand-made calendars: the repeat-rule subset, time zones around their
//! changes, cancelled and declined events, long and overnight events, all-day events and the
//! kind rules. Each expected list is worked out by hand in the comment above it.

use chrono::NaiveDate;
use tend_core::import::{import_ics, Import, ImportOptions, Matcher, Rules, SkipReason, Warning};
use tend_core::WorkKind;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn options(from: &str, to: &str, offset: i32) -> ImportOptions {
    ImportOptions {
        from: day(from),
        to: day(to),
        utc_offset_minutes: offset,
        owner_emails: Vec::new(),
        kinds: Rules::new(WorkKind::DirectSession),
    }
}

/// A calendar holding one event with these lines (UID and SUMMARY added when missing).
fn calendar(lines: &[&str]) -> String {
    let mut event = lines.join("\r\n");
    if !event.contains("UID:") {
        event.push_str("\r\nUID:test-1");
    }
    if !event.contains("SUMMARY:") {
        event.push_str("\r\nSUMMARY:Session");
    }
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n{event}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
}

fn run(lines: &[&str], from: &str, to: &str) -> Import {
    import_ics(calendar(lines).as_bytes(), &options(from, to, 0)).unwrap()
}

fn dates(import: &Import) -> Vec<String> {
    import
        .entries
        .iter()
        .map(|e| e.date.format("%m-%d").to_string())
        .collect()
}

#[test]
fn last_day_of_each_month() {
    // BYMONTHDAY=-1 from 31 Jan 2024: 31 Jan, 29 Feb (leap year), 31 Mar, 30 Apr, 31 May, 30 Jun.
    let r = run(
        &[
            "DTSTART:20240131T090000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1",
        ],
        "2024-01-01",
        "2024-06-30",
    );
    assert_eq!(
        dates(&r),
        ["01-31", "02-29", "03-31", "04-30", "05-31", "06-30"]
    );
}

#[test]
fn last_weekday_of_each_month_with_bysetpos() {
    // BYDAY=MO..FR;BYSETPOS=-1. 1 Jan 2024 is a Monday. Last weekdays: Wed 31 Jan, Thu 29 Feb,
    // Fri 29 Mar (30, 31 are the weekend), Tue 30 Apr, Fri 31 May, Fri 28 Jun (29, 30 weekend).
    let r = run(
        &[
            "DTSTART:20240131T090000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        ],
        "2024-01-01",
        "2024-06-30",
    );
    assert_eq!(
        dates(&r),
        ["01-31", "02-29", "03-29", "04-30", "05-31", "06-28"]
    );
}

#[test]
fn every_other_week_on_two_days_with_count() {
    // INTERVAL=2;BYDAY=MO,TH;COUNT=5 from Monday 1 Jan 2024: weeks of 1 Jan (1, 4), 15 Jan
    // (15, 18) and 29 Jan (29): five occurrences.
    let r = run(
        &[
            "DTSTART:20240101T100000Z",
            "DTEND:20240101T105000Z",
            "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5",
        ],
        "2024-01-01",
        "2024-03-31",
    );
    assert_eq!(dates(&r), ["01-01", "01-04", "01-15", "01-18", "01-29"]);
    assert!(r.entries.iter().all(|e| e.minutes == 50));
}

#[test]
fn yearly_last_sunday_of_march_and_leap_days() {
    // BYMONTH=3;BYDAY=-1SU: 31 March is a Tuesday in 2020, Wednesday 2021, Thursday 2022,
    // Friday 2023, Sunday 2024: 29, 28, 27, 26 and 31 March.
    let r = run(
        &[
            "DTSTART:20200329T090000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        ],
        "2020-01-01",
        "2024-12-31",
    );
    let got: Vec<String> = r.entries.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(
        got,
        [
            "2020-03-29",
            "2021-03-28",
            "2022-03-27",
            "2023-03-26",
            "2024-03-31"
        ]
    );
    // Yearly from 29 Feb 2020 with no BY parts: only leap years, 2020, 2024, 2028.
    let r = run(
        &[
            "DTSTART:20200229T090000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=YEARLY",
        ],
        "2020-01-01",
        "2028-12-31",
    );
    assert_eq!(r.entries.len(), 3);
    // Monthly from 31 Jan with no BY parts skips months without a 31st: Jan, Mar, May.
    let r = run(
        &[
            "DTSTART:20240131T090000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=MONTHLY",
        ],
        "2024-01-01",
        "2024-06-30",
    );
    assert_eq!(dates(&r), ["01-31", "03-31", "05-31"]);
}

#[test]
fn until_as_a_date_and_huge_counts() {
    // Floating 09:00 daily until the date 5 Jan: 1 to 5 January.
    let r = run(
        &[
            "DTSTART:20240101T090000",
            "DURATION:PT1H",
            "RRULE:FREQ=DAILY;UNTIL=20240105",
        ],
        "2024-01-01",
        "2024-01-31",
    );
    assert_eq!(r.entries.len(), 5);
    // COUNT=10^9 is only followed as far as the range: one week, 7 occurrences.
    let r = run(
        &[
            "DTSTART:20240101T090000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=DAILY;COUNT=1000000000",
        ],
        "2024-01-01",
        "2024-01-07",
    );
    assert_eq!(r.entries.len(), 7);
    // With COUNT the rule is counted from DTSTART, here 4 Jan: COUNT=3 gives 4, 5, 6 Jan only.
    let r = run(
        &[
            "DTSTART:20240104T090000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=DAILY;COUNT=3",
        ],
        "2024-01-05",
        "2024-01-31",
    );
    assert_eq!(dates(&r), ["01-05", "01-06"]);
}

#[test]
fn unsupported_and_broken_rules_leave_the_event_out_by_name() {
    for (rule, unsupported) in [
        ("FREQ=SECONDLY", true),
        ("FREQ=HOURLY;INTERVAL=2", true),
        ("FREQ=DAILY;BYHOUR=9,17", true),
        ("FREQ=YEARLY;BYWEEKNO=20", true),
        ("FREQ=FORTNIGHTLY", false),
        ("INTERVAL=2", false),
        ("FREQ=DAILY;INTERVAL=0", false),
        ("FREQ=DAILY;COUNT=0", false),
        ("FREQ=WEEKLY;BYDAY=2MO", false),
        ("FREQ=MONTHLY;BYMONTHDAY=32", false),
        ("FREQ=DAILY;FREQ=WEEKLY", false),
    ] {
        let r = run(
            &[
                "DTSTART:20240101T090000Z",
                "DURATION:PT1H",
                &format!("RRULE:{rule}"),
            ],
            "2024-01-01",
            "2024-12-31",
        );
        assert!(r.entries.is_empty(), "{rule}");
        let [Warning::EventSkipped { reason, .. }] = &r.warnings[..] else {
            panic!("{rule}: {:?}", r.warnings)
        };
        assert_eq!(
            matches!(reason, SkipReason::UnsupportedRule(_)),
            unsupported,
            "{rule}: {reason:?}"
        );
        let message = r.warnings[0].to_string();
        assert!(
            message.contains("Session") && message.contains("line 3"),
            "{message}"
        );
    }
}

const BERLIN: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

fn in_berlin(start: &str) -> Import {
    let text = calendar(&[
        &format!("DTSTART;TZID=Europe/Berlin:{start}"),
        "DURATION:PT30M",
    ])
    .replace("VERSION:2.0\r\n", &format!("VERSION:2.0\r\n{BERLIN}"));
    import_ics(text.as_bytes(), &options("2024-01-01", "2024-12-31", 0)).unwrap()
}

#[test]
fn times_around_a_change_of_offset() {
    // Summer time 2024 in Berlin: from Sunday 31 March 02:00 (+01:00 to +02:00) to Sunday
    // 27 October 03:00 (back to +01:00).
    let key = |r: &Import| r.entries[0].id.0.rsplit('@').next().unwrap().to_string();
    assert_eq!(key(&in_berlin("20240330T120000")), "2024-03-30T11:00:00Z");
    assert_eq!(key(&in_berlin("20240401T120000")), "2024-04-01T10:00:00Z");
    // 02:30 on 31 March does not exist: read with the offset before the change, +01:00.
    assert_eq!(key(&in_berlin("20240331T023000")), "2024-03-31T01:30:00Z");
    // 02:30 on 27 October happens twice: the first, still +02:00.
    assert_eq!(key(&in_berlin("20241027T023000")), "2024-10-27T00:30:00Z");
    assert_eq!(key(&in_berlin("20241028T023000")), "2024-10-28T01:30:00Z");
}

#[test]
fn zones_the_file_does_not_describe() {
    // Europe/Paris without VTIMEZONE: read on the clinician's clock (+60), with a warning.
    let text = calendar(&["DTSTART;TZID=Europe/Paris:20240105T090000", "DURATION:PT1H"]);
    let r = import_ics(text.as_bytes(), &options("2024-01-01", "2024-01-31", 60)).unwrap();
    assert_eq!(r.entries[0].start.to_string(), "2024-01-05 09:00:00");
    assert_eq!(
        r.warnings,
        [Warning::UnknownZone {
            tzid: "Europe/Paris".into()
        }]
    );
    assert!(r.warnings[0].to_string().contains("your own clock"));
    // A floating time's key is its wall-clock time, the same whatever offset is chosen.
    assert!(
        r.entries[0].id.0.ends_with("@2024-01-05T09:00:00"),
        "{}",
        r.entries[0].id
    );
    let other = import_ics(text.as_bytes(), &options("2024-01-01", "2024-01-31", 120)).unwrap();
    assert_eq!(other.entries[0].id, r.entries[0].id);
    // A name of UTC is UTC, with no warning: 09:00Z is 10:00 at +60.
    let text = calendar(&["DTSTART;TZID=Etc/UTC:20240105T090000", "DURATION:PT1H"]);
    let r = import_ics(text.as_bytes(), &options("2024-01-01", "2024-01-31", 60)).unwrap();
    assert_eq!(r.entries[0].start.to_string(), "2024-01-05 10:00:00");
    assert!(r.warnings.is_empty());
}

#[test]
fn cancelled_and_declined_are_skipped() {
    // Daily 1-5 Jan; the 3rd is cancelled by a changed instance: 4 entries, 1 cancelled.
    let text = calendar(&["DTSTART:20240101T090000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=5"]).replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\r\nUID:test-1\r\nRECURRENCE-ID:20240103T090000Z\r\nDTSTART:20240103T090000Z\r\n\
         STATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR",
    );
    let r = import_ics(text.as_bytes(), &options("2024-01-01", "2024-01-31", 0)).unwrap();
    assert_eq!(dates(&r), ["01-01", "01-02", "01-04", "01-05"]);
    assert_eq!(r.stats.cancelled, 1);
    // Declined by the clinician: skipped only when their address is given (any case).
    let text = calendar(&[
        "DTSTART:20240101T090000Z",
        "DURATION:PT1H",
        "ATTENDEE;PARTSTAT=DECLINED:mailto:Me@Example.org",
    ]);
    let mut opts = options("2024-01-01", "2024-01-31", 0);
    assert_eq!(import_ics(text.as_bytes(), &opts).unwrap().entries.len(), 1);
    opts.owner_emails = vec!["someone@else.org".into()];
    assert_eq!(import_ics(text.as_bytes(), &opts).unwrap().entries.len(), 1);
    opts.owner_emails.push("mailto:me@example.ORG".into());
    let r = import_ics(text.as_bytes(), &opts).unwrap();
    assert!(r.entries.is_empty());
    assert_eq!(r.stats.declined, 1);
    // A whole cancelled event is skipped too.
    let r = run(
        &[
            "DTSTART:20240101T090000Z",
            "DURATION:PT1H",
            "STATUS:CANCELLED",
        ],
        "2024-01-01",
        "2024-01-31",
    );
    assert!(r.entries.is_empty());
    assert_eq!(r.stats.cancelled, 1);
}

#[test]
fn overnight_and_long_events_are_split_by_day() {
    // 22:00 to 02:00 UTC: 120 minutes on each day, the second keyed +1.
    let r = run(
        &["DTSTART:20240105T220000Z", "DTEND:20240106T020000Z"],
        "2024-01-01",
        "2024-01-31",
    );
    let parts: Vec<(String, u32)> = r
        .entries
        .iter()
        .map(|e| (e.id.0.clone(), e.minutes))
        .collect();
    assert_eq!(
        parts,
        [
            ("ics:test-1@2024-01-05T22:00:00Z".into(), 120),
            ("ics:test-1@2024-01-05T22:00:00Z+1".into(), 120)
        ]
    );
    assert!(r.warnings.is_empty());
    // 1 Jan 09:00 to 3 Jan 17:00: 900, 1440 and 1020 minutes, with a warning to check them.
    let r = run(
        &["DTSTART:20240101T090000Z", "DTEND:20240103T170000Z"],
        "2024-01-01",
        "2024-01-31",
    );
    assert_eq!(
        r.entries.iter().map(|e| e.minutes).collect::<Vec<_>>(),
        [900, 1440, 1020]
    );
    assert!(matches!(r.warnings[..], [Warning::Split { days: 3, .. }]));
    // Forty days is longer than Tend splits: left out, by name.
    let r = run(
        &["DTSTART:20240101T090000Z", "DURATION:P40D"],
        "2024-01-01",
        "2024-03-31",
    );
    assert!(r.entries.is_empty());
    assert!(matches!(
        &r.warnings[..],
        [Warning::EventSkipped {
            reason: SkipReason::TooLong(40),
            ..
        }]
    ));
}

#[test]
fn all_day_events_are_listed_apart() {
    // 1 Jan to 4 Jan (DTEND is exclusive): three days, keyed +1 and +2 after the first.
    let r = run(
        &["DTSTART;VALUE=DATE:20240101", "DTEND;VALUE=DATE:20240104"],
        "2024-01-01",
        "2024-01-31",
    );
    let ids: Vec<&str> = r.all_day.iter().map(|a| a.id.0.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ics:test-1@2024-01-01",
            "ics:test-1@2024-01-01+1",
            "ics:test-1@2024-01-01+2"
        ]
    );
    assert!(r.entries.is_empty());
    // Every Friday of January 2024 (5, 12, 19, 26) except the 19th.
    let r = run(
        &[
            "DTSTART;VALUE=DATE:20240105",
            "RRULE:FREQ=WEEKLY",
            "EXDATE;VALUE=DATE:20240119",
        ],
        "2024-01-01",
        "2024-01-31",
    );
    let got: Vec<String> = r.all_day.iter().map(|a| a.date.to_string()).collect();
    assert_eq!(got, ["2024-01-05", "2024-01-12", "2024-01-26"]);
    assert_eq!(r.stats.all_day, 3);
}

#[test]
fn kinds_come_from_the_rules() {
    let text = format!(
        "BEGIN:VCALENDAR\r\n{}{}{}END:VCALENDAR\r\n",
        "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Intake – new client\r\nDTSTART:20240101T090000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:SUPERVISION with M.\r\nDTSTART:20240101T110000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Client 14\r\nDTSTART:20240101T130000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n",
    );
    let mut opts = options("2024-01-01", "2024-01-31", 0);
    opts.kinds = Rules::new(WorkKind::DirectSession)
        .with(Matcher::Contains("intake".into()), WorkKind::Admin)
        .with(
            Matcher::StartsWith("supervision".into()),
            WorkKind::Supervision,
        );
    let r = import_ics(text.as_bytes(), &opts).unwrap();
    let kinds: Vec<WorkKind> = r.entries.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            WorkKind::Admin,
            WorkKind::Supervision,
            WorkKind::DirectSession
        ]
    );
    assert_eq!(r.entries[0].to_entry().kind, WorkKind::Admin);
}

#[test]
fn a_changed_instance_may_move_onto_another_ones_slot() {
    // Daily 09:00Z, 1-5 Jan. The 2 Jan instance moves to 3 Jan 09:00 and the 3 Jan instance to
    // 4 Jan 12:00: five entries, each changed one keyed by the slot it came from.
    let changes = "BEGIN:VEVENT\r\nUID:test-1\r\nRECURRENCE-ID:20240102T090000Z\r\nDTSTART:20240103T090000Z\r\n\
                   DURATION:PT1H\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:test-1\r\nRECURRENCE-ID:20240103T090000Z\r\n\
                   DTSTART:20240104T120000Z\r\nEND:VEVENT\r\nEND:VCALENDAR";
    let text = calendar(&[
        "DTSTART:20240101T090000Z",
        "DURATION:PT1H",
        "RRULE:FREQ=DAILY;COUNT=5",
    ])
    .replace("END:VCALENDAR", changes);
    let r = import_ics(text.as_bytes(), &options("2024-01-01", "2024-01-31", 0)).unwrap();
    let got: Vec<(String, String)> = r
        .entries
        .iter()
        .map(|e| {
            (
                e.start.format("%d %H:%M").to_string(),
                e.id.0.rsplit('@').next().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("01 09:00", "2024-01-01T09:00:00Z"),
        ("03 09:00", "2024-01-02T09:00:00Z"),
        ("04 09:00", "2024-01-04T09:00:00Z"),
        ("04 12:00", "2024-01-03T09:00:00Z"),
        ("05 09:00", "2024-01-05T09:00:00Z"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    // The second change has no DTEND or DURATION: it keeps the series' hour.
    assert!(r.entries.iter().all(|e| e.minutes == 60));
}

#[test]
fn a_zone_whose_summer_time_rules_ended() {
    // Summer time (+03:00, last Sunday of March to last Sunday of October) until 2010, then
    // no change any more: in January 2015 the zone is on +02:00, from the last change, October
    // 2010; in July 2015 too, as no summer time began after 2010. (The DAYLIGHT part is dated
    // after the STANDARD part, so only the rules, not the parts' own starts, tell this.)
    let zone = "BEGIN:VTIMEZONE\r\nTZID:Ended\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\n\
                DTSTART:19910331T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=20100328T010000Z\r\n\
                END:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\n\
                DTSTART:19901028T040000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20101031T010000Z\r\n\
                END:STANDARD\r\nEND:VTIMEZONE\r\n";
    for (start, utc) in [
        ("20150110T120000", "2015-01-10T10:00:00Z"),
        ("20150710T120000", "2015-07-10T10:00:00Z"),
        ("20090710T120000", "2009-07-10T09:00:00Z"),
    ] {
        let text = calendar(&[&format!("DTSTART;TZID=Ended:{start}"), "DURATION:PT1H"])
            .replace("VERSION:2.0\r\n", &format!("VERSION:2.0\r\n{zone}"));
        let r = import_ics(text.as_bytes(), &options("2009-01-01", "2015-12-31", 0)).unwrap();
        assert!(
            r.entries[0].id.0.ends_with(utc),
            "{start}: {}",
            r.entries[0].id
        );
    }
}
