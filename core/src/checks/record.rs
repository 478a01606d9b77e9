//! A self-check as the journal keeps it: which instrument, which day, and the answers.
//!
//! Only the answers are stored; scores and bands are computed from the instrument each time, so
//! a corrected scoring rule applies to past results too.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The id of a stored self-check result.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CheckId(pub String);

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One self-check taken on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    /// Stable id, for merging backups and deleting.
    pub id: CheckId,
    /// The id of the instrument answered.
    pub instrument: String,
    /// The day it was taken.
    pub date: chrono::NaiveDate,
    /// One answer per item, in item order.
    pub answers: Vec<u8>,
}
