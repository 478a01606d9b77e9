//! The actions that change the journal, and why one may be refused.
//!
//! An [`Action`] is plain data carrying everything impure (the id, the date), so applying it is
//! deterministic; the store keeps actions not yet saved and replays them after another tab saved.

use super::requirements::RequirementError;
use super::Journal;
use crate::checks::{CheckError, CheckId, CheckResult, Instrument};
use crate::entry::{EntryId, WorkEntry};
use crate::requirements::{CeActivity, CeId, RequirementSet};
use crate::tracking::{
    BreakEntry, BreakId, Case, CaseId, OrgId, Organisation, RecordError, Targets,
};
use chrono::NaiveDate;
use std::fmt;

/// A change to the journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Log a new work entry.
    AddEntry(WorkEntry),
    /// Delete the entry with this id.
    RemoveEntry(EntryId),
    /// Merge records from a backup: new ones added, changed ones replaced, by id.
    Restore(Journal),
    /// Go back to an earlier state (a snapshot): the journal becomes exactly this one.
    ReplaceAll(Journal),
    /// Remove every record of the demo data (ids starting `demo-`), leaving the clinician's own.
    RemoveDemo,
    /// Add an organisation and its contract.
    AddOrganisation(Organisation),
    /// Replace the organisation with the same id (new name or terms).
    UpdateOrganisation(Organisation),
    /// Delete an organisation nothing refers to any more.
    RemoveOrganisation(OrgId),
    /// Add a case (with the day it opened).
    AddCase(Case),
    /// Replace the case with the same id (label, organisation, complexity, periods).
    UpdateCase(Case),
    /// Close an open case on a day.
    CloseCase {
        /// The case.
        id: CaseId,
        /// The last day it is open.
        on: NaiveDate,
    },
    /// Reopen a closed case on a day after it closed; the earlier period is kept.
    ReopenCase {
        /// The case.
        id: CaseId,
        /// The first day of its new period.
        on: NaiveDate,
    },
    /// Delete a case no work entry refers to.
    RemoveCase(CaseId),
    /// Log a break, time off or self-care.
    AddBreak(BreakEntry),
    /// Delete the break record with this id.
    RemoveBreak(BreakId),
    /// Replace the targets.
    SetTargets(Targets),
    /// Save a self-check result.
    AddCheck(CheckResult),
    /// Delete the self-check result with this id.
    RemoveCheck(CheckId),
    /// Add an imported instrument definition.
    AddInstrument(Instrument),
    /// Delete an imported instrument that has no results, by id.
    RemoveInstrument(String),
    /// Keep a requirement set (imported, taken from an example or made in the app).
    AddRequirementSet(RequirementSet),
    /// Replace the requirement set with the same id (its name, dates, supervisor or targets).
    UpdateRequirementSet(RequirementSet),
    /// Delete the requirement set with this id.
    RemoveRequirementSet(String),
    /// Log a continuing-education activity.
    AddCeActivity(CeActivity),
    /// Delete the CE activity with this id.
    RemoveCeActivity(CeId),
}

/// Why an action was refused. The journal is unchanged when one of these is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    /// An entry must last at least a minute.
    ZeroMinutes,
    /// An entry cannot be longer than a day.
    TooLong(u32),
    /// The day would hold more than 24 hours of work.
    DayOverfull {
        /// The day.
        date: NaiveDate,
        /// The minutes it would hold.
        minutes: u32,
    },
    /// An entry with this id is already logged.
    DuplicateId(EntryId),
    /// No entry has this id.
    UnknownId(EntryId),
    /// Records from outside (a backup) break a rule, as described.
    Damaged(String),
    /// A tracking record or change was refused; the inner error says why.
    Refused(RecordError),
    /// A self-check result or instrument was refused; the inner error says why.
    Check(CheckError),
    /// A requirement set or CE activity was refused; the inner error says why.
    Requirement(RequirementError),
}

impl From<RecordError> for ActionError {
    fn from(e: RecordError) -> ActionError {
        ActionError::Refused(e)
    }
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::ZeroMinutes => f.write_str("An entry must last at least one minute."),
            ActionError::TooLong(m) => {
                write!(
                    f,
                    "An entry can be at most 24 hours; this one is {m} minutes."
                )
            }
            ActionError::DayOverfull { date, minutes } => write!(
                f,
                "{} would then hold {} of work, more than the 24 hours in a day. \
                 Check the date and duration.",
                date.format("%a %-d %b %Y"),
                crate::units::duration::format_minutes(*minutes)
            ),
            ActionError::DuplicateId(id) => write!(f, "An entry with id {id} is already logged."),
            ActionError::UnknownId(_) => {
                f.write_str("That entry is no longer there; it may have been deleted already.")
            }
            ActionError::Damaged(why) => write!(f, "Nothing was restored: {why}."),
            ActionError::Refused(e) => e.fmt(f),
            ActionError::Check(e) => e.fmt(f),
            ActionError::Requirement(e) => e.fmt(f),
        }
    }
}
