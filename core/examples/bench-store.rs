//! Prints a benchmark history as localStorage would hold it after Tend saved it, as one JSON
//! object of key to text, for the browser benchmark to preload.
//!
//! `cargo run --release -p tend-core --features bench --example bench-store -- heavy \
//! [YYYY-MM-DD] [now-ms]`
//! (profiles: empty, light, heavy; the history ends on the given day, 2026-11-20 by default).

use chrono::NaiveDate;
use std::process::ExitCode;
use tend_core::bench::{generate, stored_after_save, Profile};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(profile) = args.first().and_then(|a| Profile::from_name(a)) else {
        eprintln!("usage: bench-store empty|light|heavy [YYYY-MM-DD] [now-ms]");
        return ExitCode::FAILURE;
    };
    let day = match args
        .get(1)
        .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d"))
    {
        None => NaiveDate::from_ymd_opt(2026, 11, 20),
        Some(Ok(day)) => Some(day),
        Some(Err(e)) => {
            eprintln!("bench-store: the day must be YYYY-MM-DD ({e})");
            return ExitCode::FAILURE;
        }
    };
    let Some(day) = day else {
        return ExitCode::FAILURE;
    };
    let now_ms = match args.get(2).map(|n| n.parse::<i64>()) {
        None => 1_795_000_000_000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("bench-store: now-ms must be a number ({e})");
            return ExitCode::FAILURE;
        }
    };
    let history = generate(profile, day);
    match stored_after_save(&history, now_ms)
        .and_then(|s| serde_json::to_string(&s).map_err(|e| e.to_string()))
    {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench-store: {e}");
            ExitCode::FAILURE
        }
    }
}
