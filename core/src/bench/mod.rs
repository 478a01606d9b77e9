//! Benchmark data: deterministic histories of a heavy clinician, stored the way Tend stores them.
//!
//! The performance benchmark (`scripts/bench`) needs the same large history on every run, so the
//! numbers of two runs can be compared. [`history`] generates it from a fixed seed; [`store`] runs
//! the core's real save plan into an in-memory key-value map, whose contents the browser run
//! preloads into localStorage; [`sync`] measures what a sync sends and takes on that history.

pub mod history;
pub mod store;
pub mod sync;

pub use history::BenchHistory;
pub use store::{stored_after_save, BenchStore};

use chrono::NaiveDate;

/// The seed every benchmark history is generated from.
pub const SEED: u64 = 20_261_123;

/// How much history a benchmark run starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// Nothing stored.
    Empty,
    /// Four weeks of heavy use.
    Light,
    /// Five years (260 weeks) of heavy use.
    Heavy,
}

impl Profile {
    /// The profile with this name (`empty`, `light` or `heavy`).
    pub fn from_name(name: &str) -> Option<Profile> {
        match name {
            "empty" => Some(Profile::Empty),
            "light" => Some(Profile::Light),
            "heavy" => Some(Profile::Heavy),
            _ => None,
        }
    }

    /// Weeks of history, ending on the last day.
    pub fn weeks(self) -> u64 {
        match self {
            Profile::Empty => 0,
            Profile::Light => 4,
            Profile::Heavy => 260,
        }
    }

    /// Cases on the caseload over the whole history, open and closed.
    pub fn cases(self) -> u64 {
        match self {
            Profile::Empty => 0,
            Profile::Light => 12,
            Profile::Heavy => 60,
        }
    }
}

/// `profile`'s history ending on `last_day`, always the same for the same day.
pub fn generate(profile: Profile, last_day: NaiveDate) -> BenchHistory {
    if profile == Profile::Empty {
        return BenchHistory {
            journal: crate::journal::Journal::default(),
            first_day: last_day,
            last_day,
            pulse_days: Vec::new(),
            proqol_days: Vec::new(),
        };
    }
    history::generate(profile, SEED, last_day)
}

#[cfg(test)]
mod tests;
