//! The self-checks in the demo sample: a weekly pulse on each Friday of the four weeks, with
//! strain creeping up as the weeks fill, and a ProQOL 5 about a month ago and another a few days
//! ago. Deterministic like the rest of the sample, and every id starts with `demo-`.

use super::{Rng, DEMO_PREFIX};
use crate::checks::{CheckId, CheckResult, PROQOL_ID, PULSE_ID};
use crate::journal::Action;
use chrono::{Datelike, Days, NaiveDate, Weekday};

fn back(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

/// Pulse answers for the `week`th week (0 the oldest): strain items 1-6 rise a little each week,
/// satisfaction and support items 7-10 stay in the middle.
fn pulse_answers(rng: &mut Rng, week: u32) -> Vec<u8> {
    (1..=10u32)
        .map(|item| {
            let (low, high) = if item <= 6 {
                (week / 2, (1 + week).min(4))
            } else {
                (2, 3)
            };
            rng.range(low, high) as u8
        })
        .collect()
}

/// ProQOL 5 answers: compassion satisfaction items often, burnout around "sometimes" (its
/// reverse-scored items are positive statements, answered often), stress items rarely to
/// sometimes.
fn proqol_answers(rng: &mut Rng, later: bool) -> Vec<u8> {
    const CS: [u32; 10] = [3, 6, 12, 16, 18, 20, 22, 24, 27, 30];
    const REVERSED: [u32; 5] = [1, 4, 15, 17, 29];
    (1..=30u32)
        .map(|item| {
            let (low, high) = if CS.contains(&item) {
                (3, 5)
            } else if REVERSED.contains(&item) {
                (3, 4)
            } else if [8, 10, 19, 21, 26].contains(&item) {
                (2, 3 + u32::from(later))
            } else {
                (1, 3)
            };
            rng.range(low, high) as u8
        })
        .collect()
}

/// The actions that add the sample's self-checks.
pub(super) fn demo_check_actions(rng: &mut Rng, today: NaiveDate) -> Vec<Action> {
    let mut actions = Vec::new();
    let fridays = (0..28u64)
        .map(|i| back(today, 27 - i))
        .filter(|d| d.weekday() == Weekday::Fri);
    for (week, date) in fridays.enumerate() {
        actions.push(Action::AddCheck(CheckResult {
            id: CheckId(format!("{DEMO_PREFIX}pulse-{week}")),
            instrument: PULSE_ID.into(),
            date,
            answers: pulse_answers(rng, week as u32),
        }));
    }
    for (n, days) in [(0u32, 33u64), (1, 3)] {
        actions.push(Action::AddCheck(CheckResult {
            id: CheckId(format!("{DEMO_PREFIX}proqol-{n}")),
            instrument: PROQOL_ID.into(),
            date: back(today, days),
            answers: proqol_answers(rng, n == 1),
        }));
    }
    actions
}
