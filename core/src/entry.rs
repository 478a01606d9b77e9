//! A work entry: one block of working time on one day, of one kind.
//!
//! This is the smallest record Tend keeps. Later records (cases, breaks, organisations) refer to
//! days and kinds in the same way, so the kinds and their labels are defined once, here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of work a clinician logs. The order is the order used in forms, charts and tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    /// Face-to-face or remote time with a client.
    DirectSession,
    /// Notes, letters and reports.
    Documentation,
    /// Scheduling, email, meetings and other administration.
    Admin,
    /// Travel between places of work.
    Travel,
    /// Clinical supervision received.
    Supervision,
    /// On-call duty and crisis work.
    OnCall,
}

impl WorkKind {
    /// Every kind, in display order.
    pub const ALL: [WorkKind; 6] = [
        WorkKind::DirectSession,
        WorkKind::Documentation,
        WorkKind::Admin,
        WorkKind::Travel,
        WorkKind::Supervision,
        WorkKind::OnCall,
    ];

    /// The plain-language name shown to the clinician.
    pub fn label(self) -> &'static str {
        match self {
            WorkKind::DirectSession => "Direct session",
            WorkKind::Documentation => "Documentation",
            WorkKind::Admin => "Admin",
            WorkKind::Travel => "Travel",
            WorkKind::Supervision => "Supervision",
            WorkKind::OnCall => "On-call / crisis",
        }
    }

    /// A stable machine name, used in stored data and form values.
    pub fn slug(self) -> &'static str {
        match self {
            WorkKind::DirectSession => "direct_session",
            WorkKind::Documentation => "documentation",
            WorkKind::Admin => "admin",
            WorkKind::Travel => "travel",
            WorkKind::Supervision => "supervision",
            WorkKind::OnCall => "on_call",
        }
    }

    /// The kind with this machine name, if there is one.
    pub fn from_slug(slug: &str) -> Option<WorkKind> {
        WorkKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// Position in [`WorkKind::ALL`], for per-kind arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for WorkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A record's stable identity. It is made by the shell (time plus randomness) and never changes,
/// so that later imports and two-tab merges can tell the same record from a new one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(pub String);

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One block of work time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkEntry {
    /// Stable identity.
    pub id: EntryId,
    /// The day the work was done.
    pub date: NaiveDate,
    /// Length in minutes, 1 to 1440.
    pub minutes: u32,
    /// What kind of work it was.
    pub kind: WorkKind,
}

/// The longest a single entry may be: one whole day.
pub const MAX_ENTRY_MINUTES: u32 = 24 * 60;
