//! Calendar import on damaged and hostile files: each gets an error or a warning that names the
//! problem, never a panic, and the work stays bounded whatever the file asks for.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::NaiveDate;
use std::time::{Duration, Instant};
use tend_core::import::{
    import_ics, ImportError, ImportOptions, Rules, SkipReason, Warning, MAX_OCCURRENCES,
};
use tend_core::WorkKind;

fn options() -> ImportOptions {
    ImportOptions {
        from: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
        utc_offset_minutes: 0,
        owner_emails: Vec::new(),
        kinds: Rules::new(WorkKind::Admin),
    }
}

fn event(lines: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n{lines}END:VEVENT\r\nEND:VCALENDAR\r\n")
}

fn warnings_of(text: &str) -> Vec<Warning> {
    import_ics(text.as_bytes(), &options()).unwrap().warnings
}

#[test]
fn what_is_not_a_calendar_is_refused_with_a_reason() {
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let error = import_ics(&binary, &options()).unwrap_err();
    assert_eq!(error, ImportError::NotText { offset: 128 });
    assert!(error.to_string().contains("not text"), "{error}");
    for text in ["", "\r\n\r\n", " \n"] {
        assert_eq!(
            import_ics(text.as_bytes(), &options()),
            Err(ImportError::Empty),
            "{text:?}"
        );
    }
    assert!(ImportError::Empty
        .to_string()
        .starts_with("This file is empty"));
    for text in [
        "hello",
        "{\"schema\": 2}",
        "BEGIN:VCARD\r\nEND:VCARD\r\n",
        "SUMMARY:x\r\n",
    ] {
        assert_eq!(
            import_ics(text.as_bytes(), &options()),
            Err(ImportError::NotACalendar),
            "{text:?}"
        );
    }
    let mut late_garbage = event("UID:a\r\n").into_bytes();
    late_garbage.splice(20..20, [0xc3, 0x28]);
    assert_eq!(
        import_ics(&late_garbage, &options()),
        Err(ImportError::NotText { offset: 20 })
    );
    assert!(ImportError::NotACalendar
        .to_string()
        .contains("BEGIN:VCALENDAR"));
}

#[test]
fn a_file_over_five_megabytes_is_refused_unread() {
    let big = vec![b'A'; 50 * 1024 * 1024];
    let error = import_ics(&big, &options()).unwrap_err();
    assert_eq!(error, ImportError::TooLarge { bytes: big.len() });
    let message = error.to_string();
    assert!(
        message.contains("50.0 MB") && message.contains("5 MB"),
        "{message}"
    );
}

#[test]
fn a_cut_short_or_misnested_file_is_refused() {
    let whole = include_str!("fixtures/ics/recur_instances.ics");
    let cut = &whole[..whole.len() / 2];
    let error = import_ics(cut.as_bytes(), &options()).unwrap_err();
    assert_eq!(
        error,
        ImportError::Truncated {
            component: "VEVENT".into(),
            line: 24
        }
    );
    assert!(error.to_string().contains("cut short"), "{error}");
    let misnested = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    let error = import_ics(misnested.as_bytes(), &options()).unwrap_err();
    assert!(matches!(&error, ImportError::Mismatched { line: 3, .. }));
    assert!(error.to_string().contains("line 3 ends a VTODO"), "{error}");
    let deep = format!("BEGIN:VCALENDAR\r\n{}", "BEGIN:VEVENT\r\n".repeat(100_000));
    assert_eq!(
        import_ics(deep.as_bytes(), &options()),
        Err(ImportError::TooDeep { line: 9 })
    );
}

#[test]
fn broken_folds_are_reported_by_line() {
    // A fold without its leading space: the second half is a line of its own, with no colon.
    let text = event("UID:a\r\nSUMMARY:Supervision with\r\nMaria\r\nDTSTART:20240105T090000Z\r\nDURATION:PT1H\r\n");
    let result = import_ics(text.as_bytes(), &options()).unwrap();
    assert_eq!(result.entries.len(), 1);
    assert_eq!(result.entries[0].summary, "Supervision with");
    assert!(matches!(
        &result.warnings[..],
        [Warning::UnreadableLine { line: 5, .. }]
    ));
    // Broken inside DTSTART: the event is left out, saying why.
    let text = event("UID:a\r\nDTSTART:202401\r\n05T090000Z\r\nDURATION:PT1H\r\n");
    let warnings = warnings_of(&text);
    assert!(warnings.iter().any(|w| matches!(w, Warning::EventSkipped { reason: SkipReason::BadStart(v), .. } if v == "202401")), "{warnings:?}");
}

#[test]
fn events_without_a_usable_start_or_end_are_left_out_by_name() {
    for (lines, reason) in [
        (
            "SUMMARY:Notes\r\nDTEND:20240105T090000Z\r\n",
            SkipReason::NoStart,
        ),
        (
            "SUMMARY:Notes\r\nDTSTART:tomorrow\r\n",
            SkipReason::BadStart("tomorrow".into()),
        ),
        (
            "SUMMARY:Notes\r\nDTSTART:20240105T090000Z\r\nDTEND:20240105T080000Z\r\n",
            SkipReason::EndBeforeStart,
        ),
        (
            "SUMMARY:Notes\r\nDTSTART:20240105T090000Z\r\nDTEND:20240105\r\n",
            SkipReason::BadEnd("20240105".into()),
        ),
        (
            "SUMMARY:Notes\r\nDTSTART:20240105T090000Z\r\nDURATION:-PT1H\r\n",
            SkipReason::BadDuration("-PT1H".into()),
        ),
        (
            "SUMMARY:Notes\r\nDTSTART:20240105T090000Z\r\nDURATION:1 hour\r\n",
            SkipReason::BadDuration("1 hour".into()),
        ),
    ] {
        let warnings = warnings_of(&event(&format!("UID:a\r\n{lines}")));
        let expected = Warning::EventSkipped {
            event: tend_core::import::EventRef {
                summary: "Notes".into(),
                line: 2,
            },
            reason,
        };
        assert_eq!(warnings, std::slice::from_ref(&expected), "{lines:?}");
        assert!(
            expected
                .to_string()
                .starts_with("\u{201c}Notes\u{201d} (line 2) was not imported: "),
            "{expected}"
        );
    }
}

#[test]
fn unreadable_dates_in_lists_are_ignored_by_name() {
    let text = event("UID:a\r\nSUMMARY:Group\r\nDTSTART:20240105T090000Z\r\nDURATION:PT1H\r\nRDATE:20240106T090000Z,someday\r\nEXDATE:never\r\n");
    let result = import_ics(text.as_bytes(), &options()).unwrap();
    assert_eq!(result.entries.len(), 2);
    let messages: Vec<String> = result.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("RDATE \u{201c}someday\u{201d}")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("EXDATE \u{201c}never\u{201d}")),
        "{messages:?}"
    );
}

#[test]
fn absurd_rules_stay_bounded() {
    // Every second, for ever: refused by name.
    let warnings = warnings_of(&event(
        "UID:a\r\nDTSTART:20240105T090000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=SECONDLY\r\n",
    ));
    assert!(
        warnings[0].to_string().contains("FREQ=SECONDLY"),
        "{warnings:?}"
    );
    // Daily for twenty years: the occurrence cap stops it, with a warning.
    let mut opts = options();
    opts.from = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    opts.to = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    let text = event("UID:a\r\nDTSTART:20000101T090000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY\r\n");
    let result = import_ics(text.as_bytes(), &opts).unwrap();
    assert_eq!(result.entries.len(), MAX_OCCURRENCES);
    assert!(result.warnings.contains(&Warning::OccurrenceCap));
    // COUNT rules counted from the year 1, many of them: the step budget stops the import.
    let one = "BEGIN:VEVENT\r\nUID:u{}\r\nDTSTART:00010101T090000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY;COUNT=1000000000\r\nEND:VEVENT\r\n";
    let events: String = (0..20).map(|i| one.replace("{}", &i.to_string())).collect();
    let text = format!("BEGIN:VCALENDAR\r\n{events}END:VCALENDAR\r\n");
    let started = Instant::now();
    let result = import_ics(text.as_bytes(), &options()).unwrap();
    assert!(
        result.warnings.contains(&Warning::WorkCap),
        "{:?}",
        result.warnings
    );
    assert!(result.entries.len() < 20 * 366);
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn hostile_lines_cost_little() {
    // Thousands of parameters on one line: skipped unparsed, with a warning.
    let params = ";X-A=b".repeat(100_000);
    let text = event(&format!(
        "UID:a\r\nATTENDEE{params}:mailto:a@b.c\r\nDTSTART:20240105T090000Z\r\nDURATION:PT1H\r\n"
    ));
    let started = Instant::now();
    let result = import_ics(text.as_bytes(), &options()).unwrap();
    assert_eq!(result.entries.len(), 1);
    assert!(
        result.warnings[0]
            .to_string()
            .contains("parameters are longer"),
        "{:?}",
        result.warnings
    );
    // A 4 MB title folded over 50,000 lines, and a line of 4 MB of semicolons without a colon.
    let title = format!("SUMMARY:{}", "Long title\r\n ".repeat(50_000));
    let semicolons = ";".repeat(4 * 1024 * 1024);
    for lines in [title, semicolons] {
        let text = event(&format!(
            "UID:a\r\n{lines}\r\nDTSTART:20240105T090000Z\r\nDURATION:PT1H\r\n"
        ));
        assert!(text.len() < tend_core::import::MAX_INPUT_BYTES);
        assert_eq!(
            import_ics(text.as_bytes(), &options())
                .unwrap()
                .entries
                .len(),
            1
        );
    }
    // 200,000 EXDATEs and 15,000 changed instances (each with its own hour, #17) of a daily
    // series: linear work.
    let exdates: Vec<String> = (0..200_000)
        .map(|i| format!("2024{:02}{:02}T090000Z", i / 28 % 12 + 1, i % 28 + 1))
        .collect();
    let changed = "BEGIN:VEVENT\r\nUID:a\r\nRECURRENCE-ID:20240301T090000Z\r\nDTSTART:20240301T100000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n".repeat(15_000);
    let text = format!(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101T090000Z\r\nDURATION:PT1H\r\n\
         RRULE:FREQ=DAILY\r\nEXDATE:{}\r\nEND:VEVENT\r\n{changed}END:VCALENDAR\r\n",
        exdates.join(",")
    );
    let result = import_ics(text.as_bytes(), &options()).unwrap();
    // 366 days less the 12 x 28 excluded (1st-28th of every month) leaves the 29th to 31st:
    // 3+1+3+2+3+2+3+3+2+3+2+3 = 30 days; plus the changed instance on 1 March.
    assert_eq!(result.entries.len(), 30 + 1);
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn a_large_real_sized_export_imports() {
    // 20,000 one-off events (about 4 MB), one every two hours through 2024 and beyond: the
    // 4,392 two-hour slots of 2024's 366 days x 12 fall in the range (under the cap).
    let one = "BEGIN:VEVENT\r\nUID:event-{n}@example.org\r\nSUMMARY:Client session {n} with a longer title\r\n\
               DTSTART:{start}\r\nDTEND:{end}\r\nDESCRIPTION:Notes about the session that make the file larger\r\nEND:VEVENT\r\n";
    let base = NaiveDate::from_ymd_opt(2024, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let events: String = (0..20_000i64)
        .map(|n| {
            let start = base + chrono::TimeDelta::hours(2 * n);
            let end = start + chrono::TimeDelta::minutes(50);
            one.replace("{n}", &n.to_string())
                .replace("{start}", &start.format("%Y%m%dT%H%M%SZ").to_string())
                .replace("{end}", &end.format("%Y%m%dT%H%M%SZ").to_string())
        })
        .collect();
    let text = format!("BEGIN:VCALENDAR\r\n{events}END:VCALENDAR\r\n");
    assert!(text.len() < tend_core::import::MAX_INPUT_BYTES);
    let result = import_ics(text.as_bytes(), &options()).unwrap();
    assert_eq!(result.entries.len(), 366 * 12);
    assert_eq!(result.stats.events, 20_000);
    assert!(result.warnings.is_empty(), "{:?}", &result.warnings[..1]);
}

#[test]
fn text_outside_the_calendar_and_bad_options() {
    let text = format!(
        "{}garbage after the end\r\nEND:VEVENT\r\n",
        event("UID:a\r\nDTSTART:20240105T090000Z\r\nDURATION:PT1H\r\n")
    );
    let result = import_ics(text.as_bytes(), &options()).unwrap();
    assert_eq!(result.entries.len(), 1);
    assert_eq!(result.warnings, [Warning::TextOutsideCalendar { line: 8 }]);
    let mut opts = options();
    opts.utc_offset_minutes = i32::MIN;
    assert_eq!(
        import_ics(text.as_bytes(), &opts),
        Err(ImportError::BadOffset { minutes: i32::MIN })
    );
    let mut opts = options();
    opts.to = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let error = import_ics(text.as_bytes(), &opts).unwrap_err();
    assert!(matches!(error, ImportError::BadRange { .. }));
    assert!(error.to_string().contains("2024-01-01"), "{error}");
}
