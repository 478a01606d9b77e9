//! Properties of calendar import for any input: it never panics, every proposal is one the
//! reducer accepts, and importing again proposes the same keys, so nothing is added twice.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::HashSet;
use tend_core::import::{compare, import_ics, new_entries, Import, ImportOptions, Rules};
use tend_core::{Action, Journal, WorkKind};

fn options(from: &str, to: &str, offset: i32) -> ImportOptions {
    ImportOptions {
        from: NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap(),
        to: NaiveDate::parse_from_str(to, "%Y-%m-%d").unwrap(),
        utc_offset_minutes: offset,
        owner_emails: vec!["me@example.org".into()],
        kinds: Rules::new(WorkKind::Admin),
    }
}

/// What every successful import must satisfy.
fn check(import: &Import, options: &ImportOptions) {
    let mut ids = HashSet::new();
    for e in &import.entries {
        assert!((1..=1440).contains(&e.minutes), "{e:?}");
        assert!((options.from..=options.to).contains(&e.date), "{e:?}");
        assert!(ids.insert(e.id.clone()), "duplicate {}", e.id);
        assert!(e.id.0.starts_with("ics:"));
    }
    for a in &import.all_day {
        assert!((options.from..=options.to).contains(&a.date), "{a:?}");
        assert!(ids.insert(a.id.clone()), "duplicate {}", a.id);
    }
    assert!(import.stats.occurrences + import.stats.all_day <= tend_core::import::MAX_OCCURRENCES);
    assert!(import.warnings.iter().all(|w| !w.to_string().is_empty()));
}

/// Lines an .ics file is made of, good and bad, to build calendars that reach deep code.
fn line() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "BEGIN:VEVENT",
        "END:VEVENT",
        "BEGIN:VTIMEZONE",
        "END:VTIMEZONE",
        "BEGIN:STANDARD",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "END:DAYLIGHT",
        "TZID:Z1",
        "TZOFFSETFROM:-0800",
        "TZOFFSETTO:-0700",
        "TZOFFSETTO:+1400",
        "DTSTART:19700308T020000",
        "UID:u1",
        "UID:u2",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
        "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
        "DTSTART;TZID=Z1:20240105T090000",
        "DTSTART:20240105T230000Z",
        "DTSTART;VALUE=DATE:20240105",
        "DTSTART;TZID=Nowhere:20240301T020000",
        "DTEND:20240106T010000Z",
        "DTEND;VALUE=DATE:20240110",
        "DURATION:PT90M",
        "DURATION:P2D",
        "DURATION:P40D",
        "RRULE:FREQ=DAILY",
        "RRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR",
        "RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=7",
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=31,-31;BYSETPOS=1",
        "RRULE:FREQ=YEARLY;BYDAY=20MO",
        "RRULE:FREQ=DAILY;UNTIL=20240201T000000Z",
        "RRULE:FREQ=MINUTELY",
        "RDATE:20240110T090000Z,20240111T090000Z",
        "RDATE;VALUE=PERIOD:20240112T090000Z/PT3H",
        "EXDATE:20240106T090000Z",
        "EXDATE;VALUE=DATE:20240107",
        "RECURRENCE-ID:20240108T230000Z",
        "RECURRENCE-ID;VALUE=DATE:20240109",
        "STATUS:CANCELLED",
        "SUMMARY:Intake",
        "ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.org",
        " folded",
        "",
        "X-FOO:bar",
    ]);
    prop_oneof![4 => fixed.prop_map(str::to_string), 1 => ".{0,40}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_is_read_or_refused_without_panic(text in ".{0,400}") {
        let opts = options("2024-01-01", "2024-03-31", 60);
        if let Ok(import) = import_ics(text.as_bytes(), &opts) {
            check(&import, &opts);
        }
        let wrapped = format!("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n{text}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        if let Ok(import) = import_ics(wrapped.as_bytes(), &opts) {
            check(&import, &opts);
        }
    }

    #[test]
    fn any_bytes_are_read_or_refused_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let opts = options("2024-01-01", "2024-03-31", 0);
        if let Ok(import) = import_ics(&bytes, &opts) {
            check(&import, &opts);
        }
    }

    #[test]
    fn calendars_built_from_real_lines_import_consistently(
        lines in prop::collection::vec(line(), 0..40),
        offset in -840i32..=840,
    ) {
        let text = format!("BEGIN:VCALENDAR\r\n{}\r\nEND:VCALENDAR\r\n", lines.join("\r\n"));
        let opts = options("2024-01-01", "2024-02-29", offset);
        if let Ok(first) = import_ics(text.as_bytes(), &opts) {
            check(&first, &opts);
            // Importing the same file again gives the same proposals.
            prop_assert_eq!(import_ics(text.as_bytes(), &opts), Ok(first));
        }
    }
}

fn apply_all(journal: &Journal, import: &Import) -> Journal {
    let mut journal = journal.clone();
    for entry in new_entries(&journal, &import.entries) {
        journal = journal
            .apply(&Action::AddEntry(entry))
            .expect("reducer accepts the proposal");
    }
    journal
}

#[test]
fn importing_again_adds_nothing_and_an_overlapping_range_only_the_new_days() {
    let file = include_bytes!("fixtures/ics/daily_recur.ics");
    // 1 to 10 August: 10 daily occurrences, all new.
    let first = import_ics(file, &options("2012-08-01", "2012-08-10", -420)).unwrap();
    let empty = Journal::default();
    assert_eq!(compare(&empty, &first.entries).new, 10);
    let journal = apply_all(&empty, &first);
    assert_eq!(journal.entries.len(), 10);
    // The same range again: all 10 already present.
    let again = import_ics(file, &options("2012-08-01", "2012-08-10", -420)).unwrap();
    let seen = compare(&journal, &again.entries);
    assert_eq!((seen.new, seen.present), (0, 10));
    assert!(new_entries(&journal, &again.entries).is_empty());
    // 5 to 15 August overlaps on 5-10: 6 present, 11-15 new.
    let later = import_ics(file, &options("2012-08-05", "2012-08-15", -420)).unwrap();
    let seen = compare(&journal, &later.entries);
    assert_eq!((seen.new, seen.present), (5, 6));
    let journal = apply_all(&journal, &later);
    assert_eq!(journal.entries.len(), 15);
    // The reducer itself refuses a proposal that is already logged.
    let duplicate = Action::AddEntry(later.entries[0].to_entry());
    assert!(journal.apply(&duplicate).is_err());
}

#[test]
fn every_fixture_imports_into_a_journal_twice_without_duplicates() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ics");
    for file in std::fs::read_dir(dir).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_none_or(|e| e != "ics") {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        let opts = options("2012-01-01", "2024-12-31", 0);
        let first = import_ics(&data, &opts).unwrap();
        check(&first, &opts);
        let journal = apply_all(&Journal::default(), &first);
        assert!(journal.check().is_ok());
        let second = import_ics(&data, &opts).unwrap();
        assert_eq!(
            compare(&journal, &second.entries).new,
            0,
            "{}",
            path.display()
        );
    }
}
