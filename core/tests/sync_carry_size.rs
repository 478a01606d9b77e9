//! The carried sync file's size, and the time to save and open it, on the benchmark's four weeks
//! and five years of history. Run with `--nocapture` (and `--release` for the times) to see them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod carry_common;

use carry_common::*;
use chrono::NaiveDate;
use std::time::Instant;
use tend_core::bench::{generate, Profile};

#[test]
fn the_carried_file_on_four_weeks_and_five_years() {
    let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    for (name, profile) in [
        ("four weeks", Profile::Light),
        ("five years", Profile::Heavy),
    ] {
        let mut a = Device::first("laptop");
        a.journal = generate(profile, today).journal;
        let started = Instant::now();
        let text = a.save(NOW);
        let saved_ms = started.elapsed().as_millis();
        let mut b = Device::new("phone");
        let started = Instant::now();
        let words = b.open(PASSPHRASE, &text, NOW + 60_000).unwrap().unwrap();
        let opened_ms = started.elapsed().as_millis();
        assert_eq!(b.journal, a.journal);
        println!(
            "carried sync file, {name} ({} entries): {} B, saved in {saved_ms} ms, opened in \
             {opened_ms} ms; {words}",
            a.journal.entries.len(),
            text.len()
        );
        assert!(text.len() < tend_core::sync::MAX_CARRIED_BYTES / 4);
    }
}
