//! Tests of the demo data: realistic, labelled, removable, and the same for the same seed and day.

use super::*;
use crate::selectors::{caseload, hours, income, rest};
use crate::units::Month;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

#[test]
fn the_same_seed_gives_the_same_sample_and_others_differ() {
    assert_eq!(demo_actions(7, today()), demo_actions(7, today()));
    assert_ne!(demo_actions(7, today()), demo_actions(8, today()));
}

#[test]
fn every_record_passes_validation_for_many_seeds_and_days() {
    for seed in 0..40u64 {
        let day = back(today(), seed * 37);
        let journal = demo_journal(seed, day).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert_eq!(journal.check(), Ok(()));
        assert_eq!(journal.check_references(), Ok(()));
        assert_eq!(journal.organisations.len(), 2);
        assert_eq!(journal.cases.len(), 8);
        assert!(journal.entries.len() > 60, "{}", journal.entries.len());
        assert!(journal.entries.iter().all(|e| e.date <= day));
        let ids = journal
            .entries
            .iter()
            .map(|e| e.id.0.as_str())
            .chain(journal.breaks.iter().map(|b| b.id.0.as_str()))
            .chain(journal.cases.iter().map(|c| c.id.0.as_str()))
            .chain(journal.organisations.iter().map(|o| o.id.0.as_str()))
            .chain(journal.checks.iter().map(|c| c.id.0.as_str()));
        assert!(ids.clone().all(is_demo_id));
        assert!(journal
            .organisations
            .iter()
            .all(|o| o.name.starts_with("Sample:")));
    }
}

#[test]
fn the_sample_shows_every_view_something() {
    let j = demo_journal(1, today()).unwrap();
    assert!(
        j.cases.iter().any(|c| c.periods.len() == 2),
        "a reopened case"
    );
    assert!(j.cases.iter().any(|c| !c.is_open()), "a closed case");
    assert!(
        j.entries.iter().any(|e| e.day_split().second.is_some()),
        "a night session"
    );
    assert!(caseload::caseload_on(&j, today()).points > 0);
    assert!(hours::week_hours(&j, back(today(), 7)).total_minutes() > 20 * 60);
    let month = income::month_income(&j, Month::of(today()));
    assert!(month.total_earnings() > 0 && month.pro_bono_minutes() > 0);
    assert!(month.value_forgone().is_some());
    assert!(!rest::breaks_per_working_day(&j, back(today(), 27), today()).is_empty());
    assert!(rest::vacation_clock(&j, today()).is_some_and(|d| d >= 66));
    assert!(rest::days_since_full_day_off(&j, today()).is_some());
    assert_eq!(
        j.checks
            .iter()
            .filter(|c| c.instrument == "tend-pulse")
            .count(),
        4
    );
    assert_eq!(
        j.checks
            .iter()
            .filter(|c| c.instrument == "proqol-5")
            .count(),
        2
    );
    let signals = crate::risk::signals_for_week(&j, today());
    assert!(signals.pulse_strain.is_some() && signals.proqol.is_some());
    let without = j.without_demo();
    assert!(without.checks.is_empty() && !without.has_demo());
}
