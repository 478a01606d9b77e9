//! Tend's pure core.
//!
//! Everything Tend knows and computes lives here: the records a clinician logs, the actions that
//! change them, the reducer that applies those actions, the selectors the views read, the stored
//! document format, the chart renderer and the optional passphrase lock that encrypts data at
//! rest. The crate depends on no browser crate and cannot read the clock (chrono's `clock` feature
//! is off) or make random numbers, so time, ids, salts and nonces arrive from the caller and every
//! function here can be tested natively and deterministically.

pub mod chart;
pub mod document;
pub mod duration;
pub mod entry;
pub mod import;
pub mod journal;
pub mod lock;
pub mod month;
pub mod settings;
pub mod storage;
pub mod week;

pub use document::{DecodeError, Document, SCHEMA_VERSION};
pub use entry::{EntryId, WorkEntry, WorkKind};
pub use journal::{Action, ActionError, Journal};
pub use month::Month;
pub use storage::Index;
pub use week::{week_start, DayTotals, WeekSummary};
