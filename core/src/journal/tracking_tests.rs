//! Tests of the tracking records' reducer rules, kept apart so the rules read on one screen.
use super::*;
use crate::entry::{EntryId, WorkKind};
use crate::journal::Action;
use crate::tracking::{Arrangement, BreakKind, Complexity};
use chrono::NaiveTime;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn org(id: &str) -> Organisation {
    Organisation {
        id: OrgId(id.into()),
        name: format!("Org {id}"),
        arrangement: Arrangement::Hourly,
        rate: Some(5000),
        weekly_minutes: 0,
        start: day(1, 1),
        end: None,
    }
}

fn case(id: &str, org: Option<&str>) -> Case {
    Case {
        organisation: org.map(|o| OrgId(o.into())),
        ..Case::opened(CaseId(id.into()), "JD", Complexity::Moderate, day(1, 1))
    }
}

fn entry(id: &str, org: Option<&str>, case: Option<&str>) -> WorkEntry {
    WorkEntry {
        organisation: org.map(|o| OrgId(o.into())),
        case: case.map(|c| CaseId(c.into())),
        ..WorkEntry::new(EntryId(id.into()), day(2, 2), 50, WorkKind::DirectSession)
    }
}

fn refused(j: &Journal, action: Action) -> RecordError {
    match j.apply(&action) {
        Err(ActionError::Refused(e)) => {
            assert!(!e.to_string().is_empty());
            e
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn base() -> Journal {
    [
        Action::AddOrganisation(org("a")),
        Action::AddOrganisation(org("b")),
        Action::AddCase(case("c", Some("a"))),
        Action::AddEntry(entry("e", Some("a"), Some("c"))),
    ]
    .iter()
    .fold(Journal::default(), |j, a| j.apply(a).unwrap())
}

#[test]
fn entries_may_only_name_existing_records_that_agree() {
    let j = base();
    assert_eq!(
        refused(&j, Action::AddEntry(entry("x", Some("zz"), None))),
        RecordError::UnknownOrganisation(OrgId("zz".into()))
    );
    assert_eq!(
        refused(&j, Action::AddEntry(entry("x", None, Some("zz")))),
        RecordError::UnknownCase(CaseId("zz".into()))
    );
    assert!(matches!(
        refused(&j, Action::AddEntry(entry("x", Some("b"), Some("c")))),
        RecordError::CaseInOtherOrganisation { .. }
    ));
    assert!(j
        .apply(&Action::AddEntry(entry("x", None, Some("c"))))
        .is_ok());
    assert!(matches!(
        refused(&j, Action::UpdateCase(case("c", Some("b")))),
        RecordError::CaseInOtherOrganisation { .. }
    ));
    assert!(j.apply(&Action::UpdateCase(case("c", None))).is_ok());
}

#[test]
fn records_in_use_are_not_deleted() {
    let j = base();
    assert_eq!(
        refused(&j, Action::RemoveOrganisation(OrgId("a".into()))),
        RecordError::OrganisationInUse {
            name: "Org a".into(),
            entries: 1,
            cases: 1
        }
    );
    assert!(matches!(
        refused(&j, Action::RemoveCase(CaseId("c".into()))),
        RecordError::CaseInUse { entries: 1, .. }
    ));
    let j = j
        .apply(&Action::RemoveOrganisation(OrgId("b".into())))
        .unwrap();
    let j = j.apply(&Action::RemoveEntry(EntryId("e".into()))).unwrap();
    let j = j.apply(&Action::RemoveCase(CaseId("c".into()))).unwrap();
    let j = j
        .apply(&Action::RemoveOrganisation(OrgId("a".into())))
        .unwrap();
    assert!(j.organisations.is_empty() && j.cases.is_empty());
    assert_eq!(
        refused(&j, Action::RemoveCase(CaseId("c".into()))),
        RecordError::UnknownCase(CaseId("c".into()))
    );
}

#[test]
fn duplicates_and_bad_records_are_refused() {
    let j = base();
    assert_eq!(
        refused(&j, Action::AddOrganisation(org("a"))),
        RecordError::DuplicateId("a".into())
    );
    assert_eq!(
        refused(&j, Action::AddCase(case("c", None))),
        RecordError::DuplicateId("c".into())
    );
    let named = Case {
        label: "Jane Doe".into(),
        ..case("n", None)
    };
    assert!(matches!(
        refused(&j, Action::AddCase(named)),
        RecordError::Label(_)
    ));
    assert_eq!(
        refused(&j, Action::AddCase(case("n", Some("zz")))),
        RecordError::UnknownOrganisation(OrgId("zz".into()))
    );
    let bad_targets = Targets {
        capacity_points: 0,
        ..Targets::default()
    };
    assert!(matches!(
        refused(&j, Action::SetTargets(bad_targets)),
        RecordError::TargetOutOfRange { .. }
    ));
    assert_eq!(
        refused(&j, Action::UpdateOrganisation(org("zz"))),
        RecordError::UnknownOrganisation(OrgId("zz".into()))
    );
    let renamed = Organisation {
        name: "  New name ".into(),
        ..org("a")
    };
    let j = j.apply(&Action::UpdateOrganisation(renamed)).unwrap();
    assert_eq!(j.organisations[0].name, "New name");
}

#[test]
fn whole_days_cannot_overlap_but_pauses_can_share_a_day() {
    let trip = BreakEntry {
        id: BreakId("v".into()),
        kind: BreakKind::Vacation,
        date: day(7, 1),
        minutes: 0,
        until: Some(day(7, 10)),
    };
    let j = Journal::default().apply(&Action::AddBreak(trip)).unwrap();
    let sick = BreakEntry {
        id: BreakId("s".into()),
        kind: BreakKind::SickDay,
        date: day(7, 10),
        minutes: 0,
        until: None,
    };
    assert_eq!(
        refused(&j, Action::AddBreak(sick.clone())),
        RecordError::WholeDayOverlap {
            date: day(7, 10),
            kind: BreakKind::Vacation
        }
    );
    let pause = BreakEntry {
        id: BreakId("p".into()),
        kind: BreakKind::MicroBreak,
        date: day(7, 10),
        minutes: 5,
        until: None,
    };
    let j = j.apply(&Action::AddBreak(pause.clone())).unwrap();
    assert_eq!(
        refused(&j, Action::AddBreak(pause)),
        RecordError::DuplicateId("p".into())
    );
    let j = j.apply(&Action::RemoveBreak(BreakId("v".into()))).unwrap();
    assert!(j.apply(&Action::AddBreak(sick)).is_ok());
    assert_eq!(
        refused(&j, Action::RemoveBreak(BreakId("v".into()))),
        RecordError::UnknownBreak(BreakId("v".into()))
    );
}

#[test]
fn the_day_limit_counts_time_after_midnight_on_the_next_day() {
    let full = WorkEntry::new(EntryId("full".into()), day(3, 2), 1400, WorkKind::Admin);
    let j = Journal::default().apply(&Action::AddEntry(full)).unwrap();
    let night = WorkEntry {
        start: NaiveTime::from_hms_opt(23, 0, 0),
        ..WorkEntry::new(EntryId("night".into()), day(3, 1), 120, WorkKind::OnCall)
    };
    assert_eq!(
        j.apply(&Action::AddEntry(night.clone())),
        Err(ActionError::DayOverfull {
            date: day(3, 2),
            minutes: 1460
        })
    );
    let shorter = WorkEntry {
        minutes: 100,
        ..night
    };
    let j = j.apply(&Action::AddEntry(shorter)).unwrap();
    assert_eq!(j.minutes_on(day(3, 1)), 60);
    assert_eq!(j.minutes_on(day(3, 2)), 1440);
}

#[test]
fn stored_records_are_checked_on_their_own_and_references_separately() {
    let mut j = base();
    assert_eq!(j.check(), Ok(()));
    assert_eq!(j.check_references(), Ok(()));
    j.organisations.clear();
    assert_eq!(j.check(), Ok(()), "one month's chunk may lack the registry");
    assert!(j.check_references().is_err());
    let mut j = base();
    j.cases[0].label = "Jane Doe".into();
    assert_eq!(j.check(), Ok(()), "stored labels are not re-judged");
    j.cases[0].periods.clear();
    assert!(j.check().unwrap_err().contains("case c"));
    let mut j = base();
    j.organisations.push(org("a"));
    assert!(j.check().unwrap_err().contains("twice"));
}

#[test]
fn journals_without_tracking_records_are_stored_as_before() {
    let old = r#"{"entries":[{"id":"a","date":"2026-11-23","minutes":50,"kind":"admin"}]}"#;
    let j: Journal = serde_json::from_str(old).unwrap();
    assert_eq!(j.targets, Targets::default());
    assert_eq!(serde_json::to_string(&j).unwrap(), old);
    let j = base()
        .apply(&Action::SetTargets(Targets {
            usual_rate: Some(9000),
            ..Targets::default()
        }))
        .unwrap();
    let text = serde_json::to_string(&j).unwrap();
    assert_eq!(serde_json::from_str::<Journal>(&text).unwrap(), j);
}
