//! The reducer's rules for the tracking records.
//!
//! [`Journal::apply`] dispatches here for every action on organisations, cases, breaks and
//! targets, and for the links a work entry makes to an organisation or case. Each function checks
//! the whole change first and then returns a new journal, so a refused change leaves nothing
//! half-done. Deleting something that is still referred to is refused with a way forward (end
//! the contract, close the case) rather than leaving dangling references.

use super::{with, ActionError, Journal};
use crate::entry::WorkEntry;
use crate::tracking::{
    BreakEntry, BreakId, Case, CaseId, OrgId, Organisation, RecordError, Targets,
};
use chrono::NaiveDate;
use std::collections::HashSet;

fn org_index(journal: &Journal, id: &OrgId) -> Result<usize, RecordError> {
    journal
        .organisations
        .iter()
        .position(|o| &o.id == id)
        .ok_or_else(|| RecordError::UnknownOrganisation(id.clone()))
}

fn case_index(journal: &Journal, id: &CaseId) -> Result<usize, RecordError> {
    journal
        .cases
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| RecordError::UnknownCase(id.clone()))
}

fn known_org(journal: &Journal, id: Option<&OrgId>) -> Result<(), RecordError> {
    id.map_or(Ok(()), |id| org_index(journal, id).map(|_| ()))
}

/// An entry may name an organisation and a case only if both exist, and only a case held for
/// the same organisation (or for none).
pub(crate) fn check_entry_links(journal: &Journal, entry: &WorkEntry) -> Result<(), RecordError> {
    known_org(journal, entry.organisation.as_ref())?;
    if let Some(case_id) = &entry.case {
        let case = &journal.cases[case_index(journal, case_id)?];
        if let (Some(entry_org), Some(case_org)) = (&entry.organisation, &case.organisation) {
            if entry_org != case_org {
                return Err(RecordError::CaseInOtherOrganisation {
                    case: case.label.clone(),
                });
            }
        }
    }
    Ok(())
}

pub(crate) fn add_organisation(
    journal: &Journal,
    org: &Organisation,
) -> Result<Journal, ActionError> {
    let org = org.validated()?;
    if journal.organisations.iter().any(|o| o.id == org.id) {
        return Err(RecordError::DuplicateId(org.id.0).into());
    }
    with(journal, |j| j.organisations.push(org))
}

pub(crate) fn update_organisation(
    journal: &Journal,
    org: &Organisation,
) -> Result<Journal, ActionError> {
    let org = org.validated()?;
    let i = org_index(journal, &org.id)?;
    with(journal, |j| j.organisations[i] = org)
}

pub(crate) fn remove_organisation(journal: &Journal, id: &OrgId) -> Result<Journal, ActionError> {
    let i = org_index(journal, id)?;
    let entries = journal
        .entries
        .iter()
        .filter(|e| e.organisation.as_ref() == Some(id))
        .count();
    let cases = journal
        .cases
        .iter()
        .filter(|c| c.organisation.as_ref() == Some(id))
        .count();
    if entries + cases > 0 {
        return Err(RecordError::OrganisationInUse {
            name: journal.organisations[i].name.clone(),
            entries,
            cases,
        }
        .into());
    }
    with(journal, |j| {
        j.organisations.remove(i);
    })
}

pub(crate) fn add_case(journal: &Journal, case: &Case) -> Result<Journal, ActionError> {
    let case = case.validated()?;
    if journal.cases.iter().any(|c| c.id == case.id) {
        return Err(RecordError::DuplicateId(case.id.0).into());
    }
    known_org(journal, case.organisation.as_ref())?;
    with(journal, |j| j.cases.push(case))
}

pub(crate) fn update_case(journal: &Journal, case: &Case) -> Result<Journal, ActionError> {
    let case = case.validated()?;
    let i = case_index(journal, &case.id)?;
    known_org(journal, case.organisation.as_ref())?;
    if let Some(case_org) = &case.organisation {
        let conflict = journal.entries.iter().any(|e| {
            e.case.as_ref() == Some(&case.id)
                && e.organisation.as_ref().is_some_and(|o| o != case_org)
        });
        if conflict {
            return Err(RecordError::CaseInOtherOrganisation { case: case.label }.into());
        }
    }
    with(journal, |j| j.cases[i] = case)
}

pub(crate) fn close_case(
    journal: &Journal,
    id: &CaseId,
    on: NaiveDate,
) -> Result<Journal, ActionError> {
    let i = case_index(journal, id)?;
    let closed = journal.cases[i].closed_on(on)?;
    with(journal, |j| j.cases[i] = closed)
}

pub(crate) fn reopen_case(
    journal: &Journal,
    id: &CaseId,
    on: NaiveDate,
) -> Result<Journal, ActionError> {
    let i = case_index(journal, id)?;
    let reopened = journal.cases[i].reopened_on(on)?;
    with(journal, |j| j.cases[i] = reopened)
}

pub(crate) fn remove_case(journal: &Journal, id: &CaseId) -> Result<Journal, ActionError> {
    let i = case_index(journal, id)?;
    let entries = journal
        .entries
        .iter()
        .filter(|e| e.case.as_ref() == Some(id))
        .count();
    if entries > 0 {
        return Err(RecordError::CaseInUse {
            label: journal.cases[i].label.clone(),
            entries,
        }
        .into());
    }
    with(journal, |j| {
        j.cases.remove(i);
    })
}

pub(crate) fn add_break(journal: &Journal, record: &BreakEntry) -> Result<Journal, ActionError> {
    record.validate()?;
    if journal.breaks.iter().any(|b| b.id == record.id) {
        return Err(RecordError::DuplicateId(record.id.0.clone()).into());
    }
    if let Some(existing) = journal.breaks.iter().find(|b| b.overlaps(record)) {
        return Err(RecordError::WholeDayOverlap {
            date: existing.date.max(record.date),
            kind: existing.kind,
        }
        .into());
    }
    with(journal, |j| j.breaks.push(record.clone()))
}

pub(crate) fn remove_break(journal: &Journal, id: &BreakId) -> Result<Journal, ActionError> {
    let i = journal
        .breaks
        .iter()
        .position(|b| &b.id == id)
        .ok_or_else(|| RecordError::UnknownBreak(id.clone()))?;
    with(journal, |j| {
        j.breaks.remove(i);
    })
}

pub(crate) fn set_targets(journal: &Journal, targets: &Targets) -> Result<Journal, ActionError> {
    targets.validate()?;
    with(journal, |j| j.targets = targets.clone())
}

/// Each record on its own, as the reducer would have checked it, and ids unique per collection.
/// Case labels are not re-judged: the label rules apply when a label is typed, so a stricter rule
/// in a later version never makes stored data unreadable.
pub(crate) fn check_records(journal: &Journal) -> Result<(), String> {
    let mut ids = HashSet::new();
    for o in &journal.organisations {
        o.validated()
            .map_err(|e| format!("organisation {}: {e}", o.id))?;
        if !ids.insert(&o.id.0) {
            return Err(format!("organisation {} appears twice", o.id));
        }
    }
    let mut ids = HashSet::new();
    for c in &journal.cases {
        c.check_periods()
            .map_err(|e| format!("case {}: {e}", c.id))?;
        if !ids.insert(&c.id.0) {
            return Err(format!("case {} appears twice", c.id));
        }
    }
    let mut ids = HashSet::new();
    for b in &journal.breaks {
        b.validate().map_err(|e| format!("break {}: {e}", b.id))?;
        if !ids.insert(&b.id.0) {
            return Err(format!("break {} appears twice", b.id));
        }
    }
    journal
        .targets
        .validate()
        .map_err(|e| format!("targets: {e}"))
}

pub(crate) fn check_references(journal: &Journal) -> Result<(), String> {
    for c in &journal.cases {
        known_org(journal, c.organisation.as_ref()).map_err(|_| {
            format!(
                "case {} names a missing organisation {}",
                c.id,
                c.organisation.as_ref().map(|o| o.0.as_str()).unwrap_or("")
            )
        })?;
    }
    for e in &journal.entries {
        check_entry_links(journal, e).map_err(|err| format!("entry {}: {err}", e.id))?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "tracking_tests.rs"]
mod tests;
