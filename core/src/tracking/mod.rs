//! The tracking model: organisations and contracts, cases with complexity weights, breaks and
//! time off, the clinician's targets and the weekly break plan. The reads that turn
//! them into caseload, hours, income and recovery figures are in [`crate::selectors`].
//!
//! Like the rest of the core this is pure: no browser crate, no clock; ids and dates arrive with
//! the actions. Records are validated by the journal's rules (`journal/tracking.rs`, called from
//! [`crate::journal::Journal::apply`]), and every refusal is a [`RecordError`] whose message is
//! written for the clinician. The definitions and edge-case decisions are collected in
//! `docs/tracking-model.md`.

pub mod breaks;
pub mod case;
pub mod error;
pub mod label;
pub mod org;
pub mod plan;
pub mod plan_revision;
pub mod targets;

pub use breaks::{BreakEntry, BreakId, BreakKind};
pub use case::{Case, CaseId, Complexity, OpenPeriod, WeightScale};
pub use error::RecordError;
pub use label::{check_label, LabelProblem};
pub use org::{Arrangement, OrgId, Organisation};
pub use targets::{Targets, WorkingDays};
