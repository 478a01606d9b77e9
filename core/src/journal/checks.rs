//! The reducer's rules for self-check results and imported instruments ([`CheckError`] says why
//! a change to them is refused). A result must name a known instrument and answer every item on
//! its scale; an imported instrument must be a valid definition whose id is free; an instrument
//! with results is not deleted (that would leave results nobody can score).

use super::{with, ActionError, Journal};
use crate::checks::builtin::builtins;
use crate::checks::{find_in, CheckError, CheckId, CheckResult, Instrument};
use std::collections::HashSet;

impl From<CheckError> for ActionError {
    fn from(e: CheckError) -> ActionError {
        ActionError::Check(e)
    }
}

/// Checks a result against its instrument in `journal`.
fn check_result(journal: &Journal, result: &CheckResult) -> Result<(), CheckError> {
    let instrument = find_in(&journal.instruments, &result.instrument)
        .ok_or_else(|| CheckError::UnknownInstrument(result.instrument.clone()))?;
    instrument
        .check_answers(&result.answers)
        .map_err(CheckError::Answers)
}

pub(crate) fn add_check(journal: &Journal, result: &CheckResult) -> Result<Journal, ActionError> {
    check_result(journal, result)?;
    if journal.checks.iter().any(|c| c.id == result.id) {
        return Err(CheckError::DuplicateId(result.id.clone()).into());
    }
    with(journal, |j| j.checks.push(result.clone()))
}

pub(crate) fn remove_check(journal: &Journal, id: &CheckId) -> Result<Journal, ActionError> {
    let i = journal
        .checks
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| CheckError::UnknownCheck(id.clone()))?;
    with(journal, |j| {
        j.checks.remove(i);
    })
}

pub(crate) fn add_instrument(
    journal: &Journal,
    instrument: &Instrument,
) -> Result<Journal, ActionError> {
    instrument.validate().map_err(CheckError::Invalid)?;
    if find_in(&journal.instruments, &instrument.id).is_some() {
        return Err(CheckError::InstrumentExists(instrument.id.clone()).into());
    }
    with(journal, |j| j.instruments.push(instrument.clone()))
}

pub(crate) fn remove_instrument(journal: &Journal, id: &str) -> Result<Journal, ActionError> {
    if let Some(b) = builtins().into_iter().find(|b| b.id == id) {
        return Err(CheckError::BuiltIn(b.name).into());
    }
    let i = journal
        .instruments
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| CheckError::UnknownInstrument(id.into()))?;
    let results = journal.checks.iter().filter(|c| c.instrument == id).count();
    if results > 0 {
        return Err(CheckError::InstrumentInUse {
            name: journal.instruments[i].name.clone(),
            results,
        }
        .into());
    }
    with(journal, |j| {
        j.instruments.remove(i);
    })
}

/// Each stored result and instrument on its own. Results of imported instruments are checked
/// against them in [`check_references`], since a month's chunk is read without the registry.
pub(crate) fn check_records(journal: &Journal) -> Result<(), String> {
    let builtin = builtins();
    let mut ids = HashSet::new();
    for c in &journal.checks {
        if !ids.insert(&c.id) {
            return Err(format!("self-check {} appears twice", c.id));
        }
        if let Some(i) = builtin.iter().find(|b| b.id == c.instrument) {
            i.check_answers(&c.answers)
                .map_err(|e| format!("self-check {}: {e}", c.id))?;
        }
    }
    let mut ids = HashSet::new();
    for i in &journal.instruments {
        if let Err(problems) = i.validate() {
            return Err(format!("instrument {}: {}", i.id, problems.join(" ")));
        }
        if !ids.insert(i.id.as_str()) || builtin.iter().any(|b| b.id == i.id) {
            return Err(format!("instrument {} appears twice", i.id));
        }
    }
    Ok(())
}

/// Every result names a known instrument and fits it.
pub(crate) fn check_references(journal: &Journal) -> Result<(), String> {
    for c in &journal.checks {
        check_result(journal, c).map_err(|e| format!("self-check {}: {e}", c.id))?;
    }
    Ok(())
}
