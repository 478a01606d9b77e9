//! `latest_risk` reads only the recent weeks it needs; these tests hold it to giving exactly the
//! latest scored week of the whole history, on sparse random histories with gaps of months,
//! days off, vacations, support and self-check results on random weeks.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use tend_core::risk::{latest_risk, latest_scored, risk_history, CheckSignals};
use tend_core::{Action, BreakEntry, BreakId, BreakKind, EntryId, Journal, WorkEntry, WorkKind};

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 3).unwrap()
}

/// A record: day offset from the start, minutes, and what it is (0-3 work kinds, 4 a pause,
/// 5 a day off, 6 a week's vacation, 7 peer support).
type Record = (u64, u32, u8);

fn journal(records: &[Record]) -> Journal {
    let kinds = [
        WorkKind::DirectSession,
        WorkKind::Documentation,
        WorkKind::Supervision,
        WorkKind::DirectSession,
    ];
    let actions = records
        .iter()
        .enumerate()
        .map(|(i, &(day, minutes, what))| {
            let date = start().checked_add_days(Days::new(day)).unwrap();
            let entry = |kind| {
                Action::AddEntry(WorkEntry {
                    trauma: what == 3,
                    ..WorkEntry::new(EntryId(format!("e{i}")), date, minutes, kind)
                })
            };
            let pause = |kind, minutes, until| {
                Action::AddBreak(BreakEntry {
                    id: BreakId(format!("b{i}")),
                    kind,
                    date,
                    minutes,
                    until,
                })
            };
            match what {
                0..=3 => entry(kinds[usize::from(what)]),
                4 => pause(BreakKind::MicroBreak, minutes.min(60), None),
                5 => pause(BreakKind::DayOff, 0, None),
                6 => pause(BreakKind::Vacation, 0, date.checked_add_days(Days::new(6))),
                _ => pause(BreakKind::PeerSupport, minutes.min(120), None),
            }
        });
    actions.fold(Journal::default(), |j, a| j.apply(&a).unwrap_or(j))
}

/// Records in bursts: each burst starts some weeks after the previous one, so a history has gaps
/// from none to several months.
fn arb_records() -> impl Strategy<Value = Vec<Record>> {
    prop::collection::vec(
        (
            0u64..20,
            prop::collection::vec((0u64..21, 5u32..600, 0u8..8), 1..25),
        ),
        1..12,
    )
    .prop_map(|bursts| {
        let mut at = 0;
        let mut records = Vec::new();
        for (gap_weeks, burst) in bursts {
            at += gap_weeks * 7;
            records.extend(burst.into_iter().map(|(d, m, w)| (at + d, m, w)));
            at += 21;
        }
        records
    })
}

/// Self-check results on the weeks whose Monday's day of the year is a multiple of `every`.
fn signals(every: u32) -> impl Fn(NaiveDate) -> CheckSignals {
    move |monday: NaiveDate| {
        let on = every > 0 && monday.ordinal().is_multiple_of(every);
        CheckSignals {
            pulse_strain: on.then_some(70.0),
            ..CheckSignals::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn the_latest_week_is_that_of_the_whole_history(
        records in arb_records(),
        today_offset in 0u64..1400,
        every in 0u32..40,
    ) {
        let journal = journal(&records);
        let today = start().checked_add_days(Days::new(today_offset)).unwrap();
        let signals = signals(every);
        let whole = risk_history(&journal, today, &signals);
        let expected = latest_scored(&whole).cloned();
        prop_assert_eq!(latest_risk(&journal, today, &signals), expected);
    }
}

#[test]
fn a_long_steady_history_is_read_from_the_recent_weeks_only() {
    // Five years of a steady week; the latest week's score must match the whole history's, and
    // the window must have settled early (the signals are asked for far fewer weeks).
    let mut records = Vec::new();
    for week in 0..260u64 {
        for day in 0..5 {
            records.push((week * 7 + day, 420, 0));
        }
        records.push((week * 7 + 5, 0, 5));
    }
    let journal = journal(&records);
    let today = start().checked_add_days(Days::new(259 * 7 + 3)).unwrap();
    let asked = std::cell::Cell::new(0u32);
    let counting = |monday: NaiveDate| {
        asked.set(asked.get() + 1);
        signals(0)(monday)
    };
    let latest = latest_risk(&journal, today, &counting).expect("a scored week");
    let read = asked.get();
    let whole = risk_history(&journal, today, &signals(0));
    assert_eq!(Some(&latest), latest_scored(&whole));
    assert!(latest.score.is_some());
    assert!(read <= 17, "read {read} weeks of 260");
}

#[test]
fn an_empty_journal_or_a_future_start_has_no_latest_week() {
    let today = start();
    assert_eq!(latest_risk(&Journal::default(), today, &signals(0)), None);
    let later = journal(&[(30, 60, 0)]);
    assert_eq!(latest_risk(&later, today, &signals(0)), None);
}

#[test]
fn a_day_off_before_the_weeks_read_still_counts() {
    // A day off early on, then work every day for months up to a Sunday, then a gap: the latest
    // scored week is the last one worked, and its days since a day off go back past the first
    // weeks read.
    let mut records = vec![(0, 300, 0)];
    records.extend((2..203).map(|day| (day, 300, 1)));
    let journal = journal(&records);
    let today = start().checked_add_days(Days::new(214)).unwrap();
    let whole = risk_history(&journal, today, &signals(0));
    let expected = latest_scored(&whole).cloned().expect("a scored week");
    let latest = latest_risk(&journal, today, &signals(0)).expect("a scored week");
    assert_eq!(
        latest.inputs.days_since_day_off,
        expected.inputs.days_since_day_off
    );
    assert_eq!(latest, expected);
}
