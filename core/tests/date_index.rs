//! The date index of a journal's entries and breaks must always answer as a scan of the whole
//! list would: after every kind of change, on copies that share records, for any range.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use tend_core::journal::entries::Entries;
use tend_core::{EntryId, WorkEntry, WorkKind};

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap()
        .checked_add_days(Days::new(n))
        .unwrap()
}

#[derive(Clone, Debug)]
enum Change {
    Push(u64),
    Remove(usize),
    RetainOdd,
    Redate(usize, u64),
    RedateLast(u64),
    SortByMinutes,
    Extend(Vec<u64>),
    CopyAndPush(u64),
}

fn arb_change() -> impl Strategy<Value = Change> {
    prop_oneof![
        4 => (0u64..40).prop_map(Change::Push),
        1 => any::<usize>().prop_map(Change::Remove),
        1 => Just(Change::RetainOdd),
        1 => (any::<usize>(), 0u64..40).prop_map(|(i, d)| Change::Redate(i, d)),
        1 => (0u64..40).prop_map(Change::RedateLast),
        1 => Just(Change::SortByMinutes),
        1 => prop::collection::vec(0u64..40, 0..4).prop_map(Change::Extend),
        1 => (0u64..40).prop_map(Change::CopyAndPush),
    ]
}

/// The records in a range as a scan of the whole list finds them: by date, then logged order.
fn scanned(list: &Entries, first: NaiveDate, last: NaiveDate) -> Vec<(usize, WorkEntry)> {
    let mut found: Vec<(usize, WorkEntry)> = list
        .iter()
        .cloned()
        .enumerate()
        .filter(|(_, e)| e.date >= first && e.date <= last)
        .collect();
    found.sort_by_key(|(place, e)| (e.date, *place));
    found
}

fn indexed(list: &Entries, first: NaiveDate, last: NaiveDate) -> Vec<(usize, WorkEntry)> {
    list.dated_places(first, last)
        .map(|(place, e)| (place, e.clone()))
        .collect()
}

proptest! {
    #[test]
    fn the_index_always_agrees_with_a_scan(
        changes in prop::collection::vec(arb_change(), 1..40),
        ranges in prop::collection::vec((0u64..45, 0u64..45), 4),
    ) {
        let mut list = Entries::new();
        let mut n = 0u32;
        let mut entry = |date: u64| {
            n += 1;
            WorkEntry::new(EntryId(format!("e{n}")), day(date), n % 7 + 1, WorkKind::Admin)
        };
        let mut copies: Vec<Entries> = Vec::new();
        for change in changes {
            // Ask first, so the index exists and each change has to keep it right.
            let _ = list.dated(day(0), day(45)).count();
            match change {
                Change::Push(d) => list.push(entry(d)),
                Change::Remove(i) if !list.is_empty() => {
                    list.remove(i % list.len());
                }
                Change::Remove(_) => {}
                Change::RetainOdd => list.retain(|e| e.minutes % 2 == 1),
                Change::Redate(i, d) => {
                    let at = i % list.len().max(1);
                    if let Some(e) = list.iter_mut().nth(at) {
                        e.date = day(d);
                    }
                }
                Change::RedateLast(d) => {
                    if let Some(e) = list.last_mut() {
                        e.date = day(d);
                    }
                }
                Change::SortByMinutes => list.sort_by(|a, b| a.minutes.cmp(&b.minutes)),
                Change::Extend(days) => list.extend(days.into_iter().map(&mut entry)),
                Change::CopyAndPush(d) => {
                    copies.push(list.clone());
                    list.push(entry(d));
                }
            }
            for &(a, b) in &ranges {
                let (first, last) = (day(a.min(b)), day(a.max(b)));
                prop_assert_eq!(indexed(&list, first, last), scanned(&list, first, last));
                for copy in &copies {
                    prop_assert_eq!(indexed(copy, first, last), scanned(copy, first, last));
                }
            }
            let earliest = list.iter().map(|e| e.date).min();
            prop_assert_eq!(list.earliest(), earliest);
        }
    }
}

#[test]
fn an_empty_or_backwards_range_finds_nothing() {
    let mut list = Entries::new();
    list.push(WorkEntry::new(
        EntryId("a".into()),
        day(3),
        10,
        WorkKind::Admin,
    ));
    assert_eq!(list.dated(day(4), day(2)).count(), 0);
    assert_eq!(list.dated(day(3), day(3)).count(), 1);
    assert_eq!(Entries::new().dated(day(0), day(9)).count(), 0);
    assert_eq!(Entries::new().earliest(), None);
}
