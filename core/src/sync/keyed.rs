//! The record kinds sync keeps, each by its own id: what lets the replica, its files and the
//! stored sync state treat every kind alike. A new kind of journal record is synced by giving it
//! an impl here and a field in the replica.

use crate::checks::{CheckId, CheckResult, Instrument};
use crate::entry::{EntryId, WorkEntry};
use crate::requirements::{CeActivity, CeId, RequirementSet};
use crate::tracking::{BreakEntry, BreakId, Case, CaseId, OrgId, Organisation};
use serde::Serialize;
use std::fmt::Display;
use std::hash::Hash;

/// A record kind the replica keeps by id.
pub trait Keyed: Clone + PartialEq + Serialize + 'static {
    /// The record's id type (shown as the id's text where a record is named by text, as in the
    /// times of local changes, [`super::edits`]).
    type Key: Ord + Hash + Clone + Display + 'static;
    /// The kind's letter where records of every kind are named together (as in
    /// [`super::edits::Edits`]); `t` names the targets.
    const KIND: &'static str;
    /// The record's id.
    fn key(&self) -> Self::Key;
}

impl Keyed for WorkEntry {
    type Key = EntryId;
    const KIND: &'static str = "e";
    fn key(&self) -> EntryId {
        self.id.clone()
    }
}

impl Keyed for BreakEntry {
    type Key = BreakId;
    const KIND: &'static str = "b";
    fn key(&self) -> BreakId {
        self.id.clone()
    }
}

impl Keyed for Organisation {
    type Key = OrgId;
    const KIND: &'static str = "o";
    fn key(&self) -> OrgId {
        self.id.clone()
    }
}

impl Keyed for Case {
    type Key = CaseId;
    const KIND: &'static str = "c";
    fn key(&self) -> CaseId {
        self.id.clone()
    }
}

impl Keyed for CheckResult {
    type Key = CheckId;
    const KIND: &'static str = "s";
    fn key(&self) -> CheckId {
        self.id.clone()
    }
}

impl Keyed for Instrument {
    type Key = String;
    const KIND: &'static str = "i";
    fn key(&self) -> String {
        self.id.clone()
    }
}

impl Keyed for RequirementSet {
    type Key = String;
    const KIND: &'static str = "r";
    fn key(&self) -> String {
        self.id.clone()
    }
}

impl Keyed for CeActivity {
    type Key = CeId;
    const KIND: &'static str = "a";
    fn key(&self) -> CeId {
        self.id.clone()
    }
}
