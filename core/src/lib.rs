//! Tend's pure core.
//!
//! Everything Tend knows and computes lives here: the records a clinician logs, the actions that
//! change them, the reducer that applies those actions, the selectors the views read, the stored
//! document format, the chart renderer and the optional passphrase lock that encrypts data at
//! rest. The crate depends on no browser crate and cannot read the clock (chrono's `clock` feature
//! is off) or make random numbers, so time, ids, salts and nonces arrive from the caller and every
//! function here can be tested natively and deterministically.
//!
//! The tracking model (organisations, cases, breaks, targets and their selectors) lives in
//! [`tracking`].

#[cfg(feature = "bench")]
pub mod bench;
pub mod charts;
pub mod checks;
pub mod demo;
pub mod document;
pub mod entry;
pub mod exchange;
pub mod import;
pub mod journal;
pub mod json;
pub mod lock;
pub mod requirements;
pub mod risk;
pub mod selectors;
pub mod settings;
pub mod sorting;
pub mod storage;
pub mod sync;
pub mod tracking;
pub mod units;

pub use document::{DecodeError, Document, SCHEMA_VERSION};
pub use entry::{DaySplit, EntryId, WorkEntry, WorkKind};
pub use journal::entries::{Breaks, Entries, Shared};
pub use journal::undo;
pub use journal::{Action, ActionError, Journal};
pub use selectors::week::{week_start, DayTotals, WeekSummary};
pub use storage::Index;
pub use tracking::{
    Arrangement, BreakEntry, BreakId, BreakKind, Case, CaseId, Complexity, OrgId, Organisation,
    RecordError, Targets, WorkingDays,
};
pub use units::{duration, money, month, Month};
