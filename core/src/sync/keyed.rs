//! The record kinds sync keeps, each by its own id: what lets the replica, its files and the
//! stored sync state treat every kind alike. A new kind of journal record is synced by giving it
//! an impl here and a field in the replica.

use crate::checks::{CheckId, CheckResult, Instrument};
use crate::entry::{EntryId, WorkEntry};
use crate::requirements::{CeActivity, CeId, RequirementSet};
use crate::tracking::{BreakEntry, BreakId, Case, CaseId, OrgId, Organisation};
use serde::Serialize;
use std::hash::Hash;

/// A record kind the replica keeps by id.
pub trait Keyed: Clone + PartialEq + Serialize {
    /// The record's id type.
    type Key: Ord + Hash + Clone;
    /// The record's id.
    fn key(&self) -> Self::Key;
}

impl Keyed for WorkEntry {
    type Key = EntryId;
    fn key(&self) -> EntryId {
        self.id.clone()
    }
}

impl Keyed for BreakEntry {
    type Key = BreakId;
    fn key(&self) -> BreakId {
        self.id.clone()
    }
}

impl Keyed for Organisation {
    type Key = OrgId;
    fn key(&self) -> OrgId {
        self.id.clone()
    }
}

impl Keyed for Case {
    type Key = CaseId;
    fn key(&self) -> CaseId {
        self.id.clone()
    }
}

impl Keyed for CheckResult {
    type Key = CheckId;
    fn key(&self) -> CheckId {
        self.id.clone()
    }
}

impl Keyed for Instrument {
    type Key = String;
    fn key(&self) -> String {
        self.id.clone()
    }
}

impl Keyed for RequirementSet {
    type Key = String;
    fn key(&self) -> String {
        self.id.clone()
    }
}

impl Keyed for CeActivity {
    type Key = CeId;
    fn key(&self) -> CeId {
        self.id.clone()
    }
}
