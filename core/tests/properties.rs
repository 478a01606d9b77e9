//! Properties of the reducer, the week selector and the stored document that must hold for any
//! input, checked with generated journals and generated garbage.

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
