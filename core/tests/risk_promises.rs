//! The promises of docs/risk-model.md held on whole journals and on any inputs, beyond the
//! directions in `risk_properties.rs` (#17): a vacation or a day off moved closer to the latest
//! week never raises its index; the work log alone never reaches the high band; a missing target
//! leaves its factors out; and only a week with nothing to go on has no index.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod risk_common;

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use risk_common::{latest_index, today, Clinician};
use tend_core::risk::{score, CheckSignals, Factor, WeekInputs};
use tend_core::{Action, BreakEntry, BreakId, BreakKind, Journal};

/// `journal` with `days` days from `first` taken off as `kind`: the record is logged and the work
/// and pauses of those days are gone, as they would be for someone away.
fn away(journal: &Journal, kind: BreakKind, first: NaiveDate, days: u64) -> Journal {
    let last = first + Days::new(days - 1);
    let off = |d: NaiveDate| d >= first && d <= last;
    let mut j = journal.clone();
    j.entries.retain(|e| !off(e.date));
    j.breaks.retain(|b| !off(b.date));
    j.apply(&Action::AddBreak(BreakEntry {
        id: BreakId("away".into()),
        kind,
        date: first,
        minutes: 0,
        until: (days > 1).then_some(last),
    }))
    .expect("a valid record")
}

/// Fails unless the latest index with the time off `near` (days or weeks) back is no higher
/// than with it `far` back.
fn closer_is_no_higher(
    index_with_it: impl Fn(u64) -> u32,
    near: u64,
    far: u64,
    unit: &str,
) -> Result<(), TestCaseError> {
    let (recent, older) = (index_with_it(near), index_with_it(far));
    prop_assert!(
        recent <= older,
        "{near} {unit} back: {recent}; {far} {unit} back: {older}"
    );
    Ok(())
}

prop_compose! {
    /// Twenty weeks of a steady working pattern and no vacation, so one can be placed anywhere.
    fn arb_steady()(
        hours in 10u32..60,
        days in 5u32..=7,
        cases in 0u32..30,
        trauma in 0u32..=100,
        pauses in 0u32..4,
        supervision in 0u32..120,
        strain in prop::option::of(0.0f64..=100.0),
    ) -> Clinician {
        Clinician {
            weeks: 20,
            hours, days, cases, trauma, pauses, supervision,
            vacation_weeks_ago: None,
            signals: CheckSignals { pulse_strain: strain, ..CheckSignals::default() },
            ..Clinician::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// #17: the weeks of a vacation used to count as weeks without supervision or peer support,
    /// so a vacation that ended one or two weeks ago scored higher than one that ended three to
    /// five weeks ago.
    #[test]
    fn a_vacation_of_whole_weeks_moved_closer_never_raises_the_index(
        clinician in arb_steady(),
        weeks in 1u64..=5,
        ago in 0u64..8,
        further in 1u64..6,
    ) {
        let journal = clinician.journal();
        let signals = clinician.signals;
        let on_leave = |weeks_ago: u64| {
            let last = today() - Days::new(7 * weeks_ago);
            let first = last - Days::new(7 * weeks - 1);
            latest_index(&away(&journal, BreakKind::Vacation, first, 7 * weeks), signals)
        };
        closer_is_no_higher(on_leave, ago, ago + further, "weeks")?;
    }

    /// #17: the same for vacations of any length ending on any day. Supervision is left out:
    /// a vacation over a supervision day in a week otherwise worked does lose that session, and
    /// the model rightly counts less support then. Both vacations cover as many of the builder's
    /// working days: one day of leave on a Sunday takes no work away and one on a Friday takes a
    /// day's work, and more work is not a later vacation.
    #[test]
    fn a_vacation_of_any_days_moved_closer_never_raises_the_index(
        clinician in arb_steady(),
        days in 1u64..30,
        back in 0u64..50,
        further in 1u64..30,
    ) {
        let clinician = Clinician { supervision: 0, ..clinician };
        let journal = clinician.journal();
        let first_day = |back: u64| today() - Days::new(back + days - 1);
        let working_days = |back: u64| {
            (0..days)
                .map(|i| first_day(back) + Days::new(i))
                .filter(|d| d.weekday().num_days_from_monday() < clinician.days)
                .count()
        };
        prop_assume!(working_days(back) == working_days(back + further));
        let on_leave = |back: u64| {
            latest_index(&away(&journal, BreakKind::Vacation, first_day(back), days), clinician.signals)
        };
        closer_is_no_higher(on_leave, back, back + further, "days")?;
    }

    /// #17: a day off moved closer never raises the index. Both days are working days of the
    /// builder's pattern, so the day off takes the same work away wherever it falls (a "day off"
    /// on a weekend takes none, which is more work, not a later day off), and neither is a
    /// Wednesday, when the builder logs supervision (missing a session is less support, which
    /// may count).
    #[test]
    fn a_day_off_moved_closer_never_raises_the_index(
        clinician in arb_steady(),
        back in 0u64..60,
        further in 1u64..40,
    ) {
        let journal = clinician.journal();
        let day = |back: u64| today() - Days::new(back);
        let plain_working_day = |back: u64| {
            let weekday = day(back).weekday();
            weekday.num_days_from_monday() < clinician.days && weekday != chrono::Weekday::Wed
        };
        prop_assume!(plain_working_day(back) && plain_working_day(back + further));
        let off = |back: u64| {
            latest_index(&away(&journal, BreakKind::DayOff, day(back), 1), clinician.signals)
        };
        closer_is_no_higher(off, back, back + further, "days")?;
    }

    /// Without a self-check the work log alone cannot reach the high band (at most 50 points).
    #[test]
    fn without_a_self_check_the_index_stays_below_the_high_band(clinician in arb_steady()) {
        let history = clinician.history();
        for week in &history {
            if let Some(s) = &week.score {
                if !week.inputs.signals.any() {
                    prop_assert!(s.index <= 50, "{:?}", week);
                }
            }
        }
    }

    /// A week with no work, no self-check and no day off or vacation has no index; every other
    /// week has one.
    #[test]
    fn only_a_week_with_nothing_to_go_on_has_no_index(
        clinician in arb_steady(),
        gap in 1usize..18,
    ) {
        let journal = clinician.journal();
        let history = risk_common::history_of(&journal, clinician.signals);
        let monday = history[gap].monday;
        let mut j = journal.clone();
        let in_gap = |d: NaiveDate| d >= monday && d < monday + Days::new(7);
        j.entries.retain(|e| !in_gap(e.date));
        j.breaks.retain(|b| !in_gap(b.date));
        let history = risk_common::history_of(&j, clinician.signals);
        for (i, week) in history.iter().enumerate() {
            prop_assert_eq!(week.score.is_none(), i == gap, "week {} of {:?}", i, week);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// With no target or no capacity, the factors measured against them are left out and named.
    #[test]
    fn a_missing_target_leaves_its_factors_out(
        worked in 0u32..6000,
        points in 0u32..400,
        strain in prop::option::of(0.0f64..=100.0),
    ) {
        let inputs = WeekInputs {
            worked_minutes: worked,
            recent_minutes: worked,
            caseload_points: points,
            signals: CheckSignals { pulse_strain: strain, ..CheckSignals::default() },
            ..WeekInputs::default()
        };
        let s = score(&inputs);
        prop_assert!(s.parts.iter().all(|p| !matches!(
            p.factor,
            Factor::Hours | Factor::Overtime | Factor::Caseload
        )));
        prop_assert!(s.notes.len() >= 2, "{:?}", s.notes);
    }
}
