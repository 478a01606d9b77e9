//! Properties of the reducer, the week selector and the stored document that must hold for any
//! input, checked with generated journals and generated garbage.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use tend_core::{Action, Document, EntryId, Journal, WeekSummary, WorkEntry, WorkKind};

fn base_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

fn arb_entry() -> impl Strategy<Value = (u64, u32, usize)> {
    (0u64..42, 1u32..=240, 0usize..WorkKind::ALL.len())
}

fn build(specs: &[(u64, u32, usize)]) -> (Document, Vec<WorkEntry>) {
    let mut doc = Document::new("test");
    let mut accepted = Vec::new();
    for (i, (day, minutes, kind)) in specs.iter().enumerate() {
        let entry = WorkEntry {
            id: EntryId(format!("id{i}")),
            date: base_date().checked_add_days(Days::new(*day)).unwrap(),
            minutes: *minutes,
            kind: WorkKind::ALL[*kind],
            ..WorkEntry::default()
        };
        if let Ok(next) = doc.apply(&Action::AddEntry(entry.clone()), "test") {
            doc = next;
            accepted.push(entry);
        }
    }
    (doc, accepted)
}

proptest! {
    #[test]
    fn week_totals_equal_the_entries_in_that_week(specs in prop::collection::vec(arb_entry(), 0..80), probe in 0u64..42) {
        let (doc, accepted) = build(&specs);
        let date = base_date().checked_add_days(Days::new(probe)).unwrap();
        let week = WeekSummary::of(&doc.payload, date);
        let expected: u32 = accepted
            .iter()
            .filter(|e| e.date >= week.monday() && e.date <= week.sunday())
            .map(|e| e.minutes)
            .sum();
        prop_assert_eq!(week.total_minutes(), expected);
        let by_kind: u32 = WorkKind::ALL.iter().map(|k| week.kind_minutes(*k)).sum();
        prop_assert_eq!(by_kind, expected);
    }

    #[test]
    fn no_day_ever_holds_more_than_a_day(specs in prop::collection::vec((0u64..3, 1u32..=1440, 0usize..6), 0..40)) {
        let (doc, _) = build(&specs);
        for d in 0..3 {
            let date = base_date().checked_add_days(Days::new(d)).unwrap();
            prop_assert!(doc.payload.minutes_on(date) <= 1440);
        }
    }

    #[test]
    fn revision_counts_accepted_changes_and_removal_undoes_addition(specs in prop::collection::vec(arb_entry(), 0..60)) {
        let (doc, accepted) = build(&specs);
        prop_assert_eq!(doc.revision, accepted.len() as u64);
        let mut emptied = doc.clone();
        for entry in &accepted {
            emptied = emptied.apply(&Action::RemoveEntry(entry.id.clone()), "test").unwrap();
        }
        prop_assert_eq!(emptied.payload, Journal::default());
        prop_assert_eq!(emptied.revision, 2 * accepted.len() as u64);
    }

    #[test]
    fn stored_text_round_trips(specs in prop::collection::vec(arb_entry(), 0..60)) {
        let (doc, _) = build(&specs);
        prop_assert_eq!(Document::decode(&doc.encode()), Ok(doc));
    }

    #[test]
    fn decoding_garbage_never_panics(text in any::<String>()) {
        let _ = Document::decode(&text);
    }

    #[test]
    fn decoding_a_cut_document_is_an_error_not_a_panic(specs in prop::collection::vec(arb_entry(), 1..20), cut in 1usize..200) {
        let (doc, _) = build(&specs);
        let text = doc.encode();
        let end = text.len().saturating_sub(cut).max(1);
        if let Some(prefix) = text.get(..end) {
            prop_assert!(Document::decode(prefix).is_err());
        }
    }
}

mod storage_properties {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use tend_core::storage::{
        added_by, all_months, load, plan_save, touched_months, SaveRequest, SnapshotRequest,
        LEGACY_KEY,
    };
    use tend_core::Month;

    type Store = BTreeMap<String, String>;

    fn run(store: &mut Store, plan: &tend_core::storage::SavePlan) {
        for (k, t) in &plan.chunk_writes {
            store.insert(k.clone(), t.clone());
        }
        store.insert(
            tend_core::storage::INDEX_KEY.into(),
            plan.index_text.clone(),
        );
        for k in &plan.deletes {
            store.remove(k);
        }
    }

    fn sorted(journal: &Journal) -> Vec<WorkEntry> {
        let mut v = journal.entries.to_vec();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    proptest! {
        #[test]
        fn migrating_any_schema_one_document_keeps_every_record_and_total(specs in prop::collection::vec(arb_entry(), 0..60)) {
            let (doc, _) = build(&specs);
            let v1 = doc.encode().replacen("\"schema\":2", "\"schema\":1", 1);
            let mut store = Store::new();
            store.insert(LEGACY_KEY.into(), v1);
            let loaded = load(&store, "test", None);
            prop_assert_eq!(loaded.migrated_from, Some(1));
            prop_assert_eq!(sorted(&loaded.doc.payload), sorted(&doc.payload));
            let plan = plan_save(SaveRequest {
        snapshot: SnapshotRequest::BeforeMigration { schema: 1, legacy_key: LEGACY_KEY.into() },
        build: "test",
        ..SaveRequest::new(None, &loaded.doc, &all_months(&loaded.doc, None), 0)
    })
    .unwrap();
            run(&mut store, &plan);
            let again = load(&store, "test", None);
            prop_assert_eq!(sorted(&again.doc.payload), sorted(&doc.payload));
            for probe in (0..42).step_by(7) {
                let day = base_date().checked_add_days(Days::new(probe)).unwrap();
                prop_assert_eq!(
                    WeekSummary::of(&again.doc.payload, day).total_minutes(),
                    WeekSummary::of(&doc.payload, day).total_minutes()
                );
            }
        }

        #[test]
        fn any_sequence_of_saved_changes_loads_back_exactly(
            specs in prop::collection::vec((arb_entry(), any::<bool>(), 0i64..3), 1..50),
            recent in any::<bool>(),
        ) {
            let mut doc = Document::new("test");
            let mut store = Store::new();
            let mut index = None;
            let mut now = 0;
            for (i, ((day, minutes, kind), remove, gap_days)) in specs.into_iter().enumerate() {
                let action = match doc.payload.entries.first() {
                    Some(first) if remove => Action::RemoveEntry(first.id.clone()),
                    _ => Action::AddEntry(WorkEntry {
                        id: EntryId(format!("p{i}")),
                        date: base_date().checked_add_days(Days::new(day)).unwrap(),
                        minutes,
                        kind: WorkKind::ALL[kind],
                        ..WorkEntry::default()
                    }),
                };
                // As the app sorts changes (added records wait in the recent chunk), or with every
                // touched month rewritten.
                let added: Vec<_> = added_by(&action).filter(|_| recent).into_iter().collect();
                let dirty: BTreeSet<Month> = if added.is_empty() {
                    touched_months(&doc.payload, &action).into_iter().collect()
                } else {
                    BTreeSet::new()
                };
                let Ok(next) = doc.apply(&action, "test") else { continue };
                doc = next;
                now += gap_days * 24 * 60 * 60 * 1000;
                let plan = plan_save(SaveRequest {
        snapshot: SnapshotRequest::Auto,
        build: "test",
        added: &added,
        ..SaveRequest::new(index.as_ref(), &doc, &dirty, now)
    })
    .unwrap();
                run(&mut store, &plan);
                index = Some(plan.index);
                let loaded = load(&store, "test", None);
                prop_assert!(loaded.unreadable.is_empty());
                prop_assert_eq!(sorted(&loaded.doc.payload), sorted(&doc.payload));
                prop_assert_eq!(loaded.doc.revision, doc.revision);
                prop_assert_eq!(loaded.index.as_ref(), index.as_ref());
            }
            // Every snapshot still loads: nothing it needs was deleted.
            if let Some(index) = &index {
                for snapshot in &index.snapshots {
                    prop_assert!(tend_core::storage::load_snapshot(&store, index, snapshot, None).is_ok());
                }
            }
        }

        #[test]
        fn loading_a_store_of_garbage_never_panics(store in prop::collection::btree_map(
            prop::sample::select(vec![
                "tend.index".to_string(), "tend.document".to_string(),
                "tend.chunk.2026-11.r3".to_string(), "tend.chunk.2026-10.r1".to_string(),
            ]),
            any::<String>(), 0..4)
        ) {
            let _ = load(&store, "test", None);
        }
    }
}
