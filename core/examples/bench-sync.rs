//! Prints the benchmark's sync figures as a table with their budgets, natively: the bytes a
//! sync sends and takes after one new entry on five years of history against four weeks, the
//! first full sync of each, and the time to merge each history on a device joining. Exits with
//! failure when a figure is over its budget.
//!
//! `cargo run --release -p tend-core --features bench --example bench-sync` (`scripts/bench
//! --sync`).

use chrono::NaiveDate;
use std::process::ExitCode;
use std::time::Instant;
use tend_core::bench::sync::{measure, SyncFigures};
use tend_core::bench::Profile;

/// A sync after one entry: at most this many bytes each way ("a few KB").
const ONE_ENTRY_BYTES: usize = 4_000;
/// ... and on five years at most this many times what it is on four weeks.
const ONE_ENTRY_RATIO: f64 = 1.5;
/// The first sync of five years: at most this many bytes each way.
const FIRST_SYNC_BYTES: usize = 6_000_000;
/// Merging five years on a joining device: at most this many milliseconds natively.
const FIRST_MERGE_MS: f64 = 2_000.0;

/// Bytes as a reader compares them: exact below 10,000 ("1,049 B"), else in KB or MB.
fn bytes(n: usize) -> String {
    let f = n as f64;
    if n >= 1_000_000 {
        format!("{:.2} MB", f / 1_000_000.0)
    } else if n >= 10_000 {
        format!("{:.1} KB", f / 1_000.0)
    } else if n >= 1_000 {
        format!("{},{:03} B", n / 1_000, n % 1_000)
    } else {
        format!("{n} B")
    }
}

fn run(profile: Profile, day: NaiveDate) -> Result<SyncFigures, String> {
    let origin = Instant::now();
    let mut clock = || origin.elapsed().as_secs_f64() * 1000.0;
    measure(profile, day, &mut clock)
}

fn main() -> ExitCode {
    let Some(day) = NaiveDate::from_ymd_opt(2026, 3, 1) else {
        return ExitCode::FAILURE;
    };
    let (weeks, years) = match (run(Profile::Light, day), run(Profile::Heavy, day)) {
        (Ok(w), Ok(y)) => (w, y),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("bench-sync: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    let (up_ratio, down_ratio) = (
        ratio(years.one_up, weeks.one_up),
        ratio(years.one_down, weeks.one_down),
    );
    println!("Sync, natively (release build; a laptop and a phone through an in-memory folder)");
    println!();
    println!("| figure | four weeks | five years | budget |");
    println!("| --- | --- | --- | --- |");
    println!(
        "| entries (with the one logged) | {} | {} | |",
        weeks.entries, years.entries
    );
    let rows = [
        (
            "first sync: up (laptop)",
            weeks.first_up,
            years.first_up,
            "five years ≤ 6 MB",
        ),
        (
            "first sync: down (phone)",
            weeks.first_down,
            years.first_down,
            "five years ≤ 6 MB",
        ),
        (
            "one entry later: up",
            weeks.one_up,
            years.one_up,
            "≤ 4 KB; five years ≤ 1.5 × four weeks",
        ),
        (
            "one entry later: down",
            weeks.one_down,
            years.one_down,
            "≤ 4 KB; five years ≤ 1.5 × four weeks",
        ),
    ];
    for (label, w, y, budget) in rows {
        println!("| {label} | {} | {} | {budget} |", bytes(w), bytes(y));
    }
    println!(
        "| first merge (phone joining) | {:.0} ms | {:.0} ms | five years ≤ 2,000 ms |",
        weeks.first_merge_ms, years.first_merge_ms
    );
    println!();
    println!(
        "one entry, five years against four weeks: {up_ratio:.2} × up, {down_ratio:.2} × down"
    );
    let over: Vec<&str> = [
        (
            years.one_up > ONE_ENTRY_BYTES || weeks.one_up > ONE_ENTRY_BYTES,
            "one entry up",
        ),
        (
            years.one_down > ONE_ENTRY_BYTES || weeks.one_down > ONE_ENTRY_BYTES,
            "one entry down",
        ),
        (
            up_ratio > ONE_ENTRY_RATIO || down_ratio > ONE_ENTRY_RATIO,
            "one entry's ratio",
        ),
        (
            years.first_up > FIRST_SYNC_BYTES || years.first_down > FIRST_SYNC_BYTES,
            "first sync",
        ),
        (years.first_merge_ms > FIRST_MERGE_MS, "first merge"),
    ]
    .into_iter()
    .filter_map(|(over, what)| over.then_some(what))
    .collect();
    if over.is_empty() {
        println!("every figure within its budget");
        ExitCode::SUCCESS
    } else {
        println!("OVER BUDGET: {}", over.join(", "));
        ExitCode::FAILURE
    }
}
