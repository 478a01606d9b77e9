//! A restored backup meets the same rules as records entered in the form (#17): a case label
//! that looks like a real name, an entry naming a missing case or organisation, a day over 24
//! hours and overlapping days off are set aside with a reason the preview shows, the rest is
//! restored, and restoring the same file twice changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::{NaiveDate, NaiveTime};
use tend_core::exchange::{export_backup, plan_restore, read_backup};
use tend_core::tracking::{Arrangement, OrgId, Organisation};
use tend_core::{
    Action, ActionError, BreakEntry, BreakId, BreakKind, Case, CaseId, Complexity, EntryId,
    Journal, WorkEntry, WorkKind,
};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn entry(id: &str, d: u32, minutes: u32) -> WorkEntry {
    WorkEntry::new(EntryId(id.into()), day(d), minutes, WorkKind::DirectSession)
}

fn linked(id: &str, d: u32, org: Option<&str>, case: Option<&str>) -> WorkEntry {
    WorkEntry {
        organisation: org.map(|o| OrgId(o.into())),
        case: case.map(|c| CaseId(c.into())),
        ..entry(id, d, 50)
    }
}

fn org(id: &str) -> Organisation {
    Organisation {
        id: OrgId(id.into()),
        name: "Clinic".into(),
        arrangement: Arrangement::ProBono,
        rate: None,
        weekly_minutes: 600,
        start: day(1),
        end: None,
    }
}

fn case(id: &str, label: &str) -> Case {
    Case::opened(CaseId(id.into()), label, Complexity::Moderate, day(1))
}

fn vacation(id: &str, from: u32, until: u32) -> BreakEntry {
    BreakEntry {
        id: BreakId(id.into()),
        kind: BreakKind::Vacation,
        date: day(from),
        minutes: 0,
        until: Some(day(until)),
    }
}

/// A backup made by hand: every record is fine on its own, but some break the reducer's rules.
fn crafted() -> Journal {
    let journal = Journal {
        organisations: vec![org("o1")],
        cases: vec![case("c1", "JD"), case("c2", "Jane Doe")],
        entries: vec![
            linked("fine", 2, Some("o1"), Some("c1")),
            linked("named", 3, None, Some("c2")),
            linked("ghost-case", 4, None, Some("c9")),
            linked("ghost-org", 5, Some("o9"), None),
            entry("long-a", 6, 840),
            entry("long-b", 6, 720),
        ]
        .into(),
        breaks: vec![vacation("v1", 20, 24), vacation("v2", 23, 27)].into(),
        ..Journal::default()
    };
    let text = export_backup(&journal, 0, "by hand", None).unwrap();
    let (_, read) = read_backup(text.as_bytes(), None).expect("each record is fine alone");
    read
}

#[test]
fn records_that_break_the_rules_are_set_aside_with_their_reasons() {
    // #17
    let plan = plan_restore(&Journal::default(), &crafted());
    let aside: Vec<(&str, &str)> = plan
        .set_aside
        .iter()
        .map(|s| (s.record.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(aside.len(), 6, "{aside:#?}");
    assert_eq!(aside[0].0, "case \u{201c}Jane Doe\u{201d}");
    assert!(
        aside[0].1.contains("looks like a full name"),
        "{}",
        aside[0].1
    );
    assert_eq!(
        aside[1].1,
        "Its case \u{201c}Jane Doe\u{201d} is set aside."
    );
    assert_eq!(
        aside[2].1,
        "It names a case that is neither in the backup nor here."
    );
    assert_eq!(
        aside[3].1,
        "It names an organisation that is neither in the backup nor here."
    );
    assert!(
        aside[4].0.starts_with("work entry of Fri 6 Nov 2026 (12 h"),
        "{}",
        aside[4].0
    );
    assert!(
        aside[4].1.contains("more than the 24 hours"),
        "{}",
        aside[4].1
    );
    assert!(plan.set_aside[4].record.contains("direct session"));
    assert_eq!(aside[5].0, "Vacation from Mon 23 Nov 2026");
    let ids: Vec<&str> = plan
        .records
        .entries
        .iter()
        .map(|e| e.id.0.as_str())
        .collect();
    assert_eq!(ids, ["fine", "long-a"]);
    assert_eq!(plan.records.cases.len(), 1);
    assert_eq!(
        plan.preview.added, 5,
        "an organisation, a case, two entries, a vacation"
    );
    assert!(plan
        .describe()
        .ends_with("6 records are set aside and will not be restored:"));
}

#[test]
fn overlapping_days_off_are_set_aside() {
    // #17
    let plan = plan_restore(&Journal::default(), &crafted());
    let breaks: Vec<&str> = plan
        .records
        .breaks
        .iter()
        .map(|b| b.id.0.as_str())
        .collect();
    assert_eq!(breaks, ["v1"]);
    let plan = plan_restore(
        &Journal::default(),
        &Journal {
            breaks: vec![vacation("v1", 20, 24), vacation("v2", 23, 27)].into(),
            ..Journal::default()
        },
    );
    assert_eq!(plan.set_aside.len(), 1);
    assert!(plan.set_aside[0].reason.contains("is already logged as"));
}

#[test]
fn the_reducer_refuses_a_restore_that_breaks_a_rule() {
    // #17: before, the restore took a name as a case label, an entry naming a missing case and
    // a day over 24 hours counted past midnight.
    let err = |incoming: Journal| match Journal::default().apply(&Action::Restore(incoming)) {
        Err(ActionError::Damaged(why)) => why,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let named = Journal {
        cases: vec![case("c2", "Jane Doe")],
        ..Journal::default()
    };
    assert!(err(named).contains("full name"));
    let ghost = Journal {
        entries: vec![linked("ghost-case", 4, None, Some("c9"))].into(),
        ..Journal::default()
    };
    assert!(err(ghost).contains("neither in the backup nor here"));
    // 20 hours from 20:00 on the 9th puts 16 on the 10th, which already has 20.
    let night = WorkEntry {
        start: NaiveTime::from_hms_opt(20, 0, 0),
        ..entry("night", 9, 1200)
    };
    let overfull = Journal {
        entries: vec![night, entry("day", 10, 1200)].into(),
        ..Journal::default()
    };
    assert!(err(overfull).contains("Tue 10 Nov 2026"));
}

#[test]
fn restoring_the_plan_twice_changes_nothing() {
    // #17
    let incoming = crafted();
    let plan = plan_restore(&Journal::default(), &incoming);
    let once = Journal::default()
        .apply(&Action::Restore(plan.records.clone()))
        .unwrap();
    let again = plan_restore(&once, &incoming);
    assert!(again.is_noop(), "{:?}", again.preview);
    assert_eq!(again.set_aside, plan.set_aside);
    let twice = once.apply(&Action::Restore(again.records)).unwrap();
    assert_eq!(twice, once);
}

#[test]
fn records_already_here_are_not_judged_again() {
    // #17: a label stored before the pseudonym rule stays, and restoring it unchanged is fine.
    let mut here = Journal::default();
    here.cases.push(case("old", "Mary Major"));
    here.entries.push(linked("e", 2, None, Some("old")));
    let backup = here.clone();
    let plan = plan_restore(&here, &backup);
    assert!(plan.set_aside.is_empty() && plan.is_noop());
    assert_eq!(here.apply(&Action::Restore(backup)).unwrap(), here);
}

#[test]
fn what_is_set_aside_does_not_depend_on_the_order_of_the_file() {
    // #17: the new entry fits only once the changed one is shortened, which comes later.
    let mut here = Journal::default();
    here.entries.push(entry("long", 6, 1000));
    let backup = Journal {
        entries: vec![entry("new", 6, 600), entry("long", 6, 600)].into(),
        ..Journal::default()
    };
    let plan = plan_restore(&here, &backup);
    assert!(plan.set_aside.is_empty(), "{:?}", plan.set_aside);
    let after = here.apply(&Action::Restore(plan.records)).unwrap();
    assert_eq!(after.minutes_on(day(6)), 1200);
}

#[test]
fn a_case_moved_to_another_organisation_than_entries_kept_here_is_refused_whole() {
    // #17: before, the restore left an entry naming one organisation and its case another.
    let mut here = Journal {
        organisations: vec![org("o1"), org("o2")],
        ..Journal::default()
    };
    let mut held = case("c1", "JD");
    held.organisation = Some(OrgId("o1".into()));
    here.cases.push(held.clone());
    here.entries.push(linked("e", 2, Some("o1"), Some("c1")));
    held.organisation = Some(OrgId("o2".into()));
    let backup = Journal {
        cases: vec![held],
        ..Journal::default()
    };
    let plan = plan_restore(&here, &backup);
    let why = plan.refused.clone().expect("refused");
    assert!(why.contains("held for another organisation"), "{why}");
    assert!(plan.is_noop());
    assert!(matches!(
        here.apply(&Action::Restore(backup)),
        Err(ActionError::Damaged(_))
    ));
}
