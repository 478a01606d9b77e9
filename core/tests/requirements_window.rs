//! Supervision standing over a range reads only the work near that range; these tests hold it to
//! the answer of evaluating the whole history, for every shipped example set, on random histories
//! and ranges (past, current and spanning years), with entries that run past midnight.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::{Days, NaiveDate, NaiveTime};
use proptest::prelude::*;
use tend_core::requirements::{evaluate_supervision, examples};
use tend_core::selectors::requirements::{supervision_standing, work_from_journal};
use tend_core::{Action, EntryId, Journal, WorkEntry, WorkKind};

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
}

fn at(offset: u64) -> NaiveDate {
    start().checked_add_days(Days::new(offset)).unwrap()
}

fn journal(records: &[(u64, u32, u8, bool)]) -> Journal {
    let kinds = [
        WorkKind::DirectSession,
        WorkKind::Supervision,
        WorkKind::Documentation,
        WorkKind::Supervision,
    ];
    let mut j = Journal::default();
    for set in examples() {
        j = j.apply(&Action::AddRequirementSet(set)).unwrap();
    }
    for (i, &(day, minutes, kind, late)) in records.iter().enumerate() {
        let mut e = WorkEntry::new(
            EntryId(format!("e{i}")),
            at(day),
            minutes,
            kinds[usize::from(kind % 4)],
        );
        if late {
            e.start = NaiveTime::from_hms_opt(23, 0, 0);
        }
        j = j.apply(&Action::AddEntry(e)).unwrap_or(j);
    }
    j
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_standing_is_that_of_the_whole_history(
        records in prop::collection::vec((0u64..900, 10u32..300, 0u8..4, any::<bool>()), 0..120),
        first in 0u64..900,
        length in 0u64..500,
        today_after in 0u64..200,
    ) {
        let j = journal(&records);
        let (first, last) = (at(first), at(first + length));
        let today = last.checked_add_days(Days::new(today_after)).unwrap();
        let work = work_from_journal(&j);
        let whole: Vec<_> = j
            .requirement_sets
            .iter()
            .flat_map(|set| set.supervision.iter().map(move |rule| (set, rule)))
            .map(|(set, rule)| {
                evaluate_supervision(rule, set.unmarked_supervision, &work, today)
                    .periods
                    .into_iter()
                    .filter(|p| p.last >= first && p.first <= last)
                    .collect::<Vec<_>>()
            })
            .collect();
        let windowed: Vec<_> = supervision_standing(&j, first, last, today)
            .into_iter()
            .map(|s| s.periods)
            .collect();
        prop_assert!(!whole.is_empty());
        prop_assert_eq!(windowed, whole);
    }
}
