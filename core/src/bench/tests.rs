//! Counts and validity of the benchmark histories.

use super::store::stored_chars;
use super::*;
use crate::journal::{Action, Journal};
use crate::storage::load;
use crate::tracking::BreakKind;
use crate::units::Month;
use chrono::{Datelike, Days};
use std::collections::{BTreeMap, BTreeSet};

fn friday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn working_days(h: &BenchHistory) -> Vec<NaiveDate> {
    h.first_day
        .iter_days()
        .take_while(|d| *d <= h.last_day)
        .filter(|d| d.weekday().num_days_from_monday() < 5)
        .filter(|d| !history::in_vacation_week(h.first_day, *d))
        .collect()
}

fn check_counts(h: &BenchHistory, weeks: u64) {
    let days = working_days(h);
    assert!(h.first_day.weekday() == chrono::Weekday::Mon);
    assert!((h.last_day - h.first_day).num_days() < (weeks * 7) as i64);
    assert!((h.last_day - h.first_day).num_days() >= (weeks * 7 - 7) as i64);
    assert_eq!(h.journal.entries.len(), days.len() * 11);
    let mut per_day: BTreeMap<NaiveDate, (usize, usize)> = BTreeMap::new();
    for e in &h.journal.entries {
        let slot = per_day.entry(e.date).or_default();
        if e.kind.is_direct() {
            slot.0 += 1;
        } else {
            slot.1 += 1;
        }
    }
    assert_eq!(per_day.keys().copied().collect::<Vec<_>>(), days);
    assert!(per_day
        .values()
        .all(|&(sessions, other)| (sessions, other) == (8, 3)));
    let meals = h
        .journal
        .breaks
        .iter()
        .filter(|b| b.kind == BreakKind::MealBreak);
    assert_eq!(meals.count(), days.len());
    assert_eq!(h.journal.check(), Ok(()));
    assert_eq!(h.journal.check_references(), Ok(()));
    for e in h.journal.entries.iter().filter(|e| e.case.is_some()) {
        let case = h
            .journal
            .cases
            .iter()
            .find(|c| Some(&c.id) == e.case.as_ref());
        assert!(case.is_some_and(|c| c.is_open_on(e.date)), "{}", e.id);
    }
    // One pulse per working week that reached its Friday, one ProQOL per month worked.
    let fridays = days.iter().filter(|d| d.weekday() == chrono::Weekday::Fri);
    assert_eq!(h.pulse_days, fridays.copied().collect::<Vec<_>>());
    let months: BTreeSet<Month> = days.iter().map(|d| Month::of(*d)).collect();
    assert_eq!(h.proqol_days.len(), months.len());
    for d in &h.proqol_days {
        let last_of_month = days.iter().rfind(|w| Month::of(**w) == Month::of(*d));
        assert_eq!(last_of_month, Some(d));
    }
}

#[test]
fn the_heavy_history_has_five_years_of_full_working_days() {
    let h = generate(Profile::Heavy, friday());
    check_counts(&h, 260);
    assert_eq!(h.journal.cases.len(), 60);
    let closed = h.journal.cases.iter().filter(|c| !c.is_open()).count();
    let opened_inside = h
        .journal
        .cases
        .iter()
        .filter(|c| c.periods[0].opened >= h.first_day)
        .count();
    assert!((40..60).contains(&closed), "{closed} closed");
    assert!(opened_inside >= 48, "{opened_inside} opened");
    assert!(h.journal.cases.iter().all(|c| c.validated().is_ok()));
    let vacations = h
        .journal
        .breaks
        .iter()
        .filter(|b| b.kind == BreakKind::Vacation);
    assert_eq!(vacations.count(), 5);
    assert!(h.journal.entries.len() > 14_000);
    assert!((255..=260).contains(&h.pulse_days.len()));
    assert!((59..=61).contains(&h.proqol_days.len()));
    // Each pulse and ProQOL day holds a result the reducer accepts.
    assert_eq!(
        h.journal.checks.len(),
        h.pulse_days.len() + h.proqol_days.len()
    );
    let replayed = h.journal.checks.iter().try_fold(
        Journal {
            checks: Vec::new(),
            ..h.journal.clone()
        },
        |j, c| j.apply(&Action::AddCheck(c.clone())),
    );
    assert_eq!(
        replayed.map(|j| j.checks.len()).ok(),
        Some(h.journal.checks.len())
    );
    assert_eq!(h.journal.organisations.len(), 3);
    assert!(h.journal.entries.iter().any(|e| e.trauma));
}

#[test]
fn the_light_history_has_four_weeks_and_twelve_open_cases() {
    let h = generate(Profile::Light, friday());
    check_counts(&h, 4);
    assert_eq!(h.journal.entries.len(), 20 * 11);
    assert_eq!(h.pulse_days.len(), 4);
    assert_eq!(h.journal.cases.len(), 12);
    assert!(h.journal.cases.iter().all(|c| c.is_open()));
}

#[test]
fn histories_are_the_same_every_time_and_end_on_any_day() {
    assert_eq!(
        generate(Profile::Light, friday()),
        generate(Profile::Light, friday())
    );
    for offset in 0..7 {
        let day = friday() + Days::new(offset);
        check_counts(&generate(Profile::Light, day), 4);
    }
    let empty = generate(Profile::Empty, friday());
    assert!(empty.journal.entries.is_empty() && empty.pulse_days.is_empty());
    assert_eq!(Profile::from_name("heavy"), Some(Profile::Heavy));
    assert_eq!(Profile::from_name("medium"), None);
}

#[test]
fn the_stored_history_loads_back_whole() {
    for profile in [Profile::Empty, Profile::Light, Profile::Heavy] {
        let h = generate(profile, friday());
        let store = stored_after_save(&h, 1_790_000_000_000).unwrap();
        let loaded = load(&store, "bench", None);
        assert!(loaded.unreadable.is_empty());
        assert_eq!(loaded.doc.payload.entries.len(), h.journal.entries.len());
        assert_eq!(loaded.doc.payload.breaks.len(), h.journal.breaks.len());
        assert_eq!(loaded.doc.payload.cases, h.journal.cases);
        assert!(stored_chars(&store) > h.journal.entries.len() * 20);
    }
}
