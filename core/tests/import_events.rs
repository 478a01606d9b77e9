//! Calendar import on hand-made calendars: time zones around their changes, cancelled and
//! declined events, overnight and long events, all-day events and the kind rules. Each expected
//! result is worked out by hand in the comment above it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod import_common;

use import_common::{calendar, dates, options, run, BERLIN};
use tend_core::import::{import_ics, Import, Matcher, Rules, SkipReason, Warning};
use tend_core::WorkKind;

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
