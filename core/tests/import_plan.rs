//! The import plan: organisation rules, all-day events as days off, what is already there, and
//! what the reducer would refuse. The real Google export `daily_recur.ics` (one hour every day
//! from 1 August 2012, 05:00 in Los Angeles) gives one entry a day in any later range.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod import_common;

use import_common::{calendar, day, options};
use std::fs;
use tend_core::import::{import_ics, plan, AllDay, Choices, Matcher, Rules};
use tend_core::{
    Action, Arrangement, BreakEntry, BreakId, BreakKind, EntryId, Journal, OrgId, Organisation,
    WorkEntry, WorkKind,
};

fn daily() -> Vec<u8> {
    fs::read("tests/fixtures/ics/daily_recur.ics").unwrap()
}

fn org(id: &str) -> Organisation {
    Organisation {
        id: OrgId(id.into()),
        name: format!("Clinic {id}"),
        arrangement: Arrangement::ProBono,
        rate: None,
        weekly_minutes: 0,
        start: day("2020-01-01"),
        end: None,
    }
}

fn journal_with_org() -> Journal {
    Journal::default()
        .apply(&Action::AddOrganisation(org("north")))
        .unwrap()
}

fn to_clinic(text: &str) -> Choices {
    Choices {
        organisations: Rules::new(None)
            .with(Matcher::Contains(text.into()), Some(OrgId("north".into()))),
        all_day: AllDay::Skip,
    }
}

#[test]
fn entries_get_their_organisation_and_start_and_apply_as_one_change() {
    let journal = journal_with_org();
    // 1 to 7 March 2026: seven days, one hour each, at 05:00 PST = 13:00 UTC.
    let mut opts = options("2026-03-01", "2026-03-07", 0);
    opts.kinds = Rules::new(WorkKind::Admin)
        .with(Matcher::Contains("recurring".into()), WorkKind::Assessment);
    let import = import_ics(&daily(), &opts).unwrap();
    let p = plan(&journal, &import, &to_clinic("every day"));
    assert_eq!(p.entries.len(), 7);
    assert_eq!(p.minutes(), 7 * 60);
    assert!(p.present.is_empty() && p.refused.is_empty());
    let first = &p.entries[0];
    assert_eq!(first.date, day("2026-03-01"));
    assert_eq!(first.kind, WorkKind::Assessment);
    assert_eq!(first.organisation, Some(OrgId("north".into())));
    assert_eq!(
        first.start.map(|t| t.to_string()).as_deref(),
        Some("13:00:00")
    );

    let after = journal.apply(&p.action()).unwrap();
    assert_eq!(after.entries.len(), 7);
    assert_eq!(after.minutes_on(day("2026-03-04")), 60);

    // The same file again, over an overlapping range: the seven are present, three are new.
    let again = import_ics(&daily(), &options("2026-03-05", "2026-03-10", 0)).unwrap();
    let p2 = plan(&after, &again, &to_clinic("every day"));
    assert_eq!(p2.present.len(), 3);
    assert_eq!(p2.entries.len(), 3);
    let same = import_ics(&daily(), &opts).unwrap();
    let p3 = plan(&after, &same, &to_clinic("every day"));
    assert!(p3.is_empty(), "{p3:?}");
    assert_eq!(p3.present.len(), 7);
}

#[test]
fn an_organisation_that_does_not_exist_is_not_assigned() {
    let import = import_ics(&daily(), &options("2026-03-01", "2026-03-01", 0)).unwrap();
    let p = plan(&Journal::default(), &import, &to_clinic("every day"));
    assert_eq!(p.entries.len(), 1);
    assert_eq!(p.entries[0].organisation, None);
    assert!(Journal::default().apply(&p.action()).is_ok());
}

#[test]
fn a_day_that_would_hold_more_than_24_hours_is_refused_with_the_reason() {
    // 23 hours already logged on 2 March; the one-hour event fits, a second hour would not.
    let full = WorkEntry::new(
        EntryId("mine".into()),
        day("2026-03-02"),
        23 * 60,
        WorkKind::OnCall,
    );
    let journal = Journal::default().apply(&Action::AddEntry(full)).unwrap();
    let two = WorkEntry::new(
        EntryId("more".into()),
        day("2026-03-03"),
        23 * 60 + 30,
        WorkKind::OnCall,
    );
    let journal = journal.apply(&Action::AddEntry(two)).unwrap();
    let import = import_ics(&daily(), &options("2026-03-02", "2026-03-03", 0)).unwrap();
    let p = plan(&journal, &import, &Choices::default());
    assert_eq!(p.entries.len(), 1);
    assert_eq!(p.entries[0].date, day("2026-03-02"));
    assert_eq!(p.refused.len(), 1);
    assert_eq!(p.refused[0].date, day("2026-03-03"));
    assert_eq!(p.refused[0].summary, "Every day recurring");
    assert!(
        p.refused[0]
            .reason
            .contains("Tue 3 Mar 2026 would then hold 24 h 30 min"),
        "{}",
        p.refused[0].reason
    );
    assert!(journal.apply(&p.action()).is_ok());
}

#[test]
fn all_day_events_are_skipped_or_become_days_off_once() {
    let text = calendar(&[
        "DTSTART;VALUE=DATE:20260310",
        "DTEND;VALUE=DATE:20260313",
        "SUMMARY:Leave",
    ]);
    let import = import_ics(text.as_bytes(), &options("2026-03-01", "2026-03-31", 0)).unwrap();
    assert_eq!(import.all_day.len(), 3);
    let skip = plan(&Journal::default(), &import, &Choices::default());
    assert_eq!(skip.all_day_skipped, 3);
    assert!(skip.is_empty());

    // 11 March is already a vacation day: that day is refused with the reducer's reason.
    let vacation = BreakEntry {
        id: BreakId("v".into()),
        kind: BreakKind::Vacation,
        date: day("2026-03-11"),
        minutes: 0,
        until: None,
    };
    let journal = Journal::default()
        .apply(&Action::AddBreak(vacation))
        .unwrap();
    let choices = Choices {
        all_day: AllDay::DayOff,
        ..Choices::default()
    };
    let p = plan(&journal, &import, &choices);
    assert_eq!(p.days_off.len(), 2);
    assert!(p.days_off.iter().all(|b| b.kind == BreakKind::DayOff));
    assert_eq!(p.refused.len(), 1);
    assert!(
        p.refused[0].reason.contains("already logged as vacation"),
        "{}",
        p.refused[0].reason
    );
    let after = journal.apply(&p.action()).unwrap();
    assert_eq!(after.breaks.len(), 3);
    let again = plan(&after, &import, &choices);
    assert!(again.is_empty());
    assert_eq!(again.days_off_present, 2);
}
