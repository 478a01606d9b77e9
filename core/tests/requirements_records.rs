//! Requirement sets and CE activities as journal records: the reducer's rules, the storage round
//! trip (sets in the registry, activities in their month), backups and restores carrying them,
//! and stored data written before they existed still reading.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod common;

use common::{execute, Store};
use tend_core::exchange::{export_backup, read_backup};
use tend_core::journal::requirements::RequirementError;
use tend_core::journal::undo::undo_removal;
use tend_core::requirements::{examples, CeActivity, CeId, RequirementSet};
use tend_core::storage::{
    all_months, load, plan_save, touched_months, touches_registry, SaveRequest,
};
use tend_core::{Action, ActionError, Document, Index, Journal, Month};

fn activity(id: &str, date: &str, minutes: u32, category: &str) -> CeActivity {
    CeActivity {
        id: CeId(id.into()),
        date: date.parse().unwrap(),
        minutes,
        category: category.into(),
        provider: "Ethics Institute".into(),
        certificate: "CE folder/2026".into(),
    }
}

fn example(id_part: &str) -> RequirementSet {
    examples()
        .into_iter()
        .find(|s| s.id.contains(id_part))
        .unwrap()
}

fn with_records() -> Journal {
    [
        Action::AddRequirementSet(example("ca-bbs")),
        Action::AddRequirementSet(example("mn-licsw")),
        Action::AddCeActivity(activity("ce-1", "2026-03-10", 120, "ethics")),
        Action::AddCeActivity(activity("ce-2", "2026-11-02", 360, "clinical")),
    ]
    .iter()
    .try_fold(Journal::default(), |j, a| j.apply(a))
    .unwrap()
}

#[test]
fn the_reducer_keeps_valid_sets_and_refuses_broken_or_duplicate_ones() {
    let j = with_records();
    assert_eq!(j.requirement_sets.len(), 2);
    assert_eq!(j.ce_activities.len(), 2);

    let again = j.apply(&Action::AddRequirementSet(example("ca-bbs")));
    assert!(matches!(
        again,
        Err(ActionError::Requirement(RequirementError::SetExists(_)))
    ));

    let mut broken = example("bacp-acc");
    broken.name = String::new();
    broken.supervision[0].minutes = 0;
    let err = j
        .apply(&Action::AddRequirementSet(broken.clone()))
        .unwrap_err();
    let ActionError::Requirement(RequirementError::InvalidSet(problems)) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(err
        .to_string()
        .starts_with("This requirement set cannot be kept"));

    // Editing keeps the id; a broken edit and an unknown id are refused.
    let mut edited = j.requirement_sets[0].clone();
    edited.name = "My associate hours".into();
    edited.licensure.as_mut().unwrap().supervisor = "Dr. R. Lee".into();
    edited.licensure.as_mut().unwrap().start = Some("2026-01-05".parse().unwrap());
    let j2 = j
        .apply(&Action::UpdateRequirementSet(edited.clone()))
        .unwrap();
    assert_eq!(j2.requirement_sets[0], edited);
    let mut bad_edit = edited.clone();
    bad_edit.licensure.as_mut().unwrap().total_minutes = 0;
    assert!(j.apply(&Action::UpdateRequirementSet(bad_edit)).is_err());
    let mut unknown = edited;
    unknown.id = "not-here".into();
    assert_eq!(
        j.apply(&Action::UpdateRequirementSet(unknown)),
        Err(ActionError::Requirement(RequirementError::UnknownSet(
            "not-here".into()
        )))
    );
    assert!(j
        .apply(&Action::RemoveRequirementSet("nope".into()))
        .is_err());
    assert_eq!(j.check(), Ok(()));
}

#[test]
fn the_reducer_refuses_bad_activities_and_undo_puts_removals_back() {
    let j = with_records();
    let zero = activity("ce-3", "2026-04-01", 0, "");
    assert!(matches!(
        j.apply(&Action::AddCeActivity(zero)),
        Err(ActionError::Requirement(RequirementError::InvalidActivity(
            _
        )))
    ));
    let dup = activity("ce-1", "2026-04-01", 60, "");
    assert_eq!(
        j.apply(&Action::AddCeActivity(dup)),
        Err(ActionError::Requirement(RequirementError::ActivityExists(
            CeId("ce-1".into())
        )))
    );
    let mut no_id = activity("", "2026-04-01", 60, "");
    no_id.id = CeId(String::new());
    assert!(j.apply(&Action::AddCeActivity(no_id)).is_err());

    for action in [
        Action::RemoveCeActivity(CeId("ce-1".into())),
        Action::RemoveRequirementSet(j.requirement_sets[1].id.clone()),
    ] {
        let undo = undo_removal(&j, &action).unwrap();
        let removed = j.apply(&action).unwrap();
        assert_ne!(removed, j);
        let back = undo.iter().try_fold(removed, |j, a| j.apply(a)).unwrap();
        let mut want = j.clone();
        let mut got = back;
        for x in [&mut want, &mut got] {
            x.ce_activities.sort_by(|a, b| a.id.cmp(&b.id));
        }
        assert_eq!(got, want);
    }
}

#[test]
fn check_refuses_stored_records_the_reducer_would_not_accept() {
    let mut j = with_records();
    j.ce_activities.push(activity("ce-1", "2026-05-01", 60, ""));
    assert!(j.check().unwrap_err().contains("appears twice"));
    let mut j = with_records();
    j.requirement_sets[0]
        .licensure
        .as_mut()
        .unwrap()
        .total_minutes = 0;
    assert!(j.check().unwrap_err().starts_with("requirement set"));
}

fn full_save(store: &mut Store, doc: &Document) -> Index {
    let dirty = all_months(doc, None);
    let plan = plan_save(SaveRequest {
        registry_dirty: true,
        ..SaveRequest::new(None, doc, &dirty, 0)
    })
    .unwrap();
    execute(store, &plan);
    plan.index
}

#[test]
fn sets_live_in_the_registry_and_activities_in_their_month() {
    let doc = Document {
        revision: 4,
        payload: with_records(),
        ..Document::new("test")
    };
    let mut store = Store::new();
    let index = full_save(&mut store, &doc);
    assert!(index.registry.is_some());
    let months: Vec<Month> = index.chunks.keys().copied().collect();
    assert_eq!(
        months,
        [
            Month::of("2026-03-10".parse().unwrap()),
            Month::of("2026-11-02".parse().unwrap())
        ]
    );
    let loaded = load(&store, "test", None);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    assert_eq!(loaded.doc.payload, doc.payload);

    // Which parts each action touches.
    let add = Action::AddCeActivity(activity("ce-9", "2026-07-01", 60, ""));
    assert!(!touches_registry(&add));
    assert_eq!(
        touched_months(&doc.payload, &add),
        [Month::of("2026-07-01".parse().unwrap())]
    );
    let remove = Action::RemoveRequirementSet(doc.payload.requirement_sets[0].id.clone());
    assert!(touches_registry(&remove) && touched_months(&doc.payload, &remove).is_empty());

    // Removing the last set and activities leaves nothing behind to store.
    let emptied = [
        Action::RemoveRequirementSet(doc.payload.requirement_sets[0].id.clone()),
        Action::RemoveRequirementSet(doc.payload.requirement_sets[1].id.clone()),
        Action::RemoveCeActivity(CeId("ce-1".into())),
        Action::RemoveCeActivity(CeId("ce-2".into())),
    ]
    .iter()
    .try_fold(doc.clone(), |d, a| d.apply(a, "test"))
    .unwrap();
    let dirty = all_months(&emptied, Some(&index));
    let plan = plan_save(SaveRequest {
        registry_dirty: true,
        ..SaveRequest::new(Some(&index), &emptied, &dirty, 1)
    })
    .unwrap();
    execute(&mut store, &plan);
    assert!(plan.index.registry.is_none() && plan.index.chunks.is_empty());
    assert_eq!(load(&store, "test", None).doc.payload, Journal::default());
}

#[test]
fn backups_carry_sets_and_activities_and_restore_merges_them() {
    let j = with_records();
    let text = export_backup(&j, 1_795_000_000_000, "tend test", None).unwrap();
    let (_, restored) = read_backup(text.as_bytes(), None).unwrap();
    assert_eq!(restored, j);

    let doc = Document::new("t");
    let plan = tend_core::exchange::plan_restore(&doc.payload, &restored);
    assert!(plan.set_aside.is_empty());
    assert_eq!(plan.preview.added, 4);
    let merged = doc.apply(&Action::Restore(plan.records), "t").unwrap();
    assert_eq!(merged.payload, j);
    let again = tend_core::exchange::plan_restore(&merged.payload, &restored);
    assert!(again.is_noop());
}

#[test]
fn a_document_written_before_requirements_still_reads_and_stays_the_same() {
    let older = r#"{"entries":[{"id":"a","date":"2026-11-23","minutes":50,"kind":"direct_session"}],
        "cases":[],"targets":{}}"#;
    let j: Journal = serde_json::from_str(older).unwrap();
    assert!(j.requirement_sets.is_empty() && j.ce_activities.is_empty());
    let written = serde_json::to_string(&j).unwrap();
    assert!(!written.contains("requirement") && !written.contains("ce_activities"));

    // A stored month and registry without the new fields load as before.
    let mut store = Store::new();
    let doc = Document {
        revision: 1,
        payload: j.clone(),
        ..Document::new("test")
    };
    full_save(&mut store, &doc);
    assert!(store.values().all(|v| !v.contains("\"ce\"")));
    assert_eq!(load(&store, "test", None).doc.payload, j);
}
