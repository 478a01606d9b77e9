//! The sync benchmark's figures, natively: bytes uploaded and downloaded by a sync after one new
//! entry on five years of history against four weeks (at most 1.5 times, a few KB), the first
//! full sync of five years, and the time to merge five years. The same run as the `bench-sync`
//! example (`tend_core::bench::sync`); run with `--nocapture` to see them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use std::time::Instant;
use tend_core::bench::sync::{measure, SyncFigures};
use tend_core::bench::Profile;

fn run(profile: Profile) -> SyncFigures {
    let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let origin = Instant::now();
    let mut clock = || origin.elapsed().as_secs_f64() * 1000.0;
    measure(profile, today, &mut clock).unwrap()
}

#[test]
fn one_entry_costs_the_same_on_five_years_as_on_four_weeks() {
    let weeks = run(Profile::Light);
    let years = run(Profile::Heavy);
    for (name, f) in [("four weeks", &weeks), ("five years", &years)] {
        println!(
            "{name}: first sync {} B up, {} B down, merged in {:.0} ms; after one entry {} B up, {} B down",
            f.first_up, f.first_down, f.first_merge_ms, f.one_up, f.one_down
        );
    }
    assert!(years.entries > 10 * weeks.entries);
    assert_eq!(
        weeks.first_up, weeks.first_down,
        "the phone fetched the laptop's full file"
    );
    let ratio = |a: usize, b: usize| a as f64 / b as f64;
    assert!(ratio(years.one_up, weeks.one_up) <= 1.5);
    assert!(ratio(years.one_down, weeks.one_down) <= 1.5);
    assert!(years.one_up < 4_000 && years.one_down < 4_000);
}
