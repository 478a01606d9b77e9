//! The journal, the actions that change it and the reducer that applies them.
//!
//! Every change a clinician makes is an [`Action`]: plain data carrying everything impure (the id,
//! the date). [`Journal::apply`] is the one place where actions become a new journal, and it
//! refuses an action that would make the records inconsistent instead of half-applying it.
//!
//! This folder is the one home of the journal: the record collections shared between journals
//! ([`entries`]), the actions ([`action`]), every reducer rule (work entries here, [`tracking`]
//! for organisations, cases, breaks and targets, [`checks`] for self-check results and
//! instruments, [`requirements`] for requirement sets and CE activities, [`restore_plan`] and [`restore`] for merging a backup) and [`undo`], the actions
//! that take a removal back.

pub mod action;
pub mod checks;
pub mod entries;
pub mod requirements;
pub mod restore;
pub mod restore_plan;
pub mod tracking;
pub mod undo;

pub use action::{Action, ActionError};
use entries::{Breaks, Entries, Shared};

use crate::checks::{CheckResult, Instrument};
use crate::entry::{EntryId, WorkEntry, MAX_ENTRY_MINUTES};
use crate::requirements::{CeActivity, RequirementSet};
use crate::tracking::{Case, Organisation, Targets};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The prefix of every id in the demo data.
pub const DEMO_PREFIX: &str = "demo-";

/// True if the id belongs to the demo data.
pub fn is_demo_id(id: &str) -> bool {
    id.starts_with(DEMO_PREFIX)
}

/// A copy of `journal` changed by `change`: the last step of every rule that accepted a change.
fn with(journal: &Journal, change: impl FnOnce(&mut Journal)) -> Result<Journal, ActionError> {
    let mut next = journal.clone();
    change(&mut next);
    Ok(next)
}

/// Everything the clinician has logged. This is the payload of the stored document.
///
/// The collections after `entries` were added with the tracking model. Each has a default and is
/// left out of the stored text while empty (or, for targets, while at the defaults), so older
/// data reads back and a journal that does not use them is stored as before.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    /// Work entries, in the order they were logged (each shared between journals, see
    /// [`Entries`]).
    #[serde(default)]
    pub entries: Entries,
    /// Breaks, time off and self-care, in the order they were logged. Dated, like entries.
    #[serde(default, skip_serializing_if = "Shared::is_empty")]
    pub breaks: Breaks,
    /// The organisations worked for, with their contracts. Not dated by month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    /// The caseload, open and closed. Not dated by month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    /// The clinician's targets and settings. Not dated by month.
    #[serde(default, skip_serializing_if = "Targets::is_default")]
    pub targets: Targets,
    /// Self-check results (pulse, ProQOL 5, imported instruments). Dated, like entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckResult>,
    /// Instrument definitions the clinician imported. Not dated by month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<Instrument>,
    /// Requirement sets (supervision, licensure hours, CE cycles). Not dated by month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirement_sets: Vec<RequirementSet>,
    /// Continuing-education activities. Dated, like entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ce_activities: Vec<CeActivity>,
}

/// The rule of [`Action::ReplaceAll`]: an earlier state is taken whole, provided every record in
/// it is one the reducer would accept and its references hold.
fn replace_all(earlier: &Journal) -> Result<Journal, ActionError> {
    earlier
        .check()
        .and_then(|()| earlier.check_references())
        .map_err(ActionError::Damaged)?;
    Ok(earlier.clone())
}

impl Journal {
    /// Applies one action, returning the new journal or the reason it was refused.
    pub fn apply(&self, action: &Action) -> Result<Journal, ActionError> {
        match action {
            Action::AddEntry(entry) => self.add(entry),
            Action::RemoveEntry(id) => self.remove(id),
            Action::Restore(incoming) => restore_plan::restore(self, incoming),
            Action::ReplaceAll(earlier) => replace_all(earlier),
            Action::RemoveDemo => Ok(self.without_demo()),
            Action::AddOrganisation(org) => tracking::add_organisation(self, org),
            Action::UpdateOrganisation(org) => tracking::update_organisation(self, org),
            Action::RemoveOrganisation(id) => tracking::remove_organisation(self, id),
            Action::AddCase(case) => tracking::add_case(self, case),
            Action::UpdateCase(case) => tracking::update_case(self, case),
            Action::CloseCase { id, on } => tracking::close_case(self, id, *on),
            Action::ReopenCase { id, on } => tracking::reopen_case(self, id, *on),
            Action::RemoveCase(id) => tracking::remove_case(self, id),
            Action::AddBreak(record) => tracking::add_break(self, record),
            Action::RemoveBreak(id) => tracking::remove_break(self, id),
            Action::SetTargets(targets) => tracking::set_targets(self, targets),
            Action::AddCheck(result) => checks::add_check(self, result),
            Action::RemoveCheck(id) => checks::remove_check(self, id),
            Action::AddInstrument(i) => checks::add_instrument(self, i),
            Action::RemoveInstrument(id) => checks::remove_instrument(self, id),
            Action::AddRequirementSet(set) => requirements::add_set(self, set),
            Action::UpdateRequirementSet(set) => requirements::update_set(self, set),
            Action::RemoveRequirementSet(id) => requirements::remove_set(self, id),
            Action::AddCeActivity(a) => requirements::add_activity(self, a),
            Action::RemoveCeActivity(id) => requirements::remove_activity(self, id),
        }
    }

    /// Total minutes of work counted on one day. An entry with a start time that runs past
    /// midnight counts its minutes after midnight on the next day (see
    /// [`WorkEntry::day_split`]); other entries count wholly on their date.
    pub fn minutes_on(&self, date: NaiveDate) -> u32 {
        self.entries
            .dated(date.pred_opt().unwrap_or(date), date)
            .filter(|e| e.may_count_within(date, date))
            .flat_map(|e| e.day_split().parts())
            .filter(|(d, _)| *d == date)
            .fold(0u32, |sum, (_, m)| sum.saturating_add(m))
    }

    /// The entries of one day, in the order they were logged.
    pub fn entries_on(&self, date: NaiveDate) -> impl Iterator<Item = &WorkEntry> {
        self.entries.dated(date, date)
    }

    /// Checks records that arrived from outside the reducer (storage, a file): every record must
    /// be one the reducer would have accepted on its own. References between records are not
    /// checked here, since storage checks one month's records at a time; see
    /// [`Journal::check_references`].
    pub fn check(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for e in &self.entries {
            if e.minutes == 0 || e.minutes > MAX_ENTRY_MINUTES {
                return Err(format!("entry {} lasts {} minutes", e.id, e.minutes));
            }
            if !seen.insert(&e.id) {
                return Err(format!("entry {} appears twice", e.id));
            }
        }
        checks::check_records(self)?;
        requirements::check_records(self)?;
        tracking::check_records(self)
    }

    /// Checks that every organisation and case an entry or case names is present. Run it on a
    /// whole journal once every part has been loaded.
    pub fn check_references(&self) -> Result<(), String> {
        checks::check_references(self)?;
        tracking::check_references(self)
    }

    fn add(&self, entry: &WorkEntry) -> Result<Journal, ActionError> {
        if entry.minutes == 0 {
            return Err(ActionError::ZeroMinutes);
        }
        if entry.minutes > MAX_ENTRY_MINUTES {
            return Err(ActionError::TooLong(entry.minutes));
        }
        if self.entries.iter().any(|e| e.id == entry.id) {
            return Err(ActionError::DuplicateId(entry.id.clone()));
        }
        tracking::check_entry_links(self, entry)?;
        for (date, minutes) in entry.day_split().parts() {
            let day_total = self.minutes_on(date).saturating_add(minutes);
            if day_total > MAX_ENTRY_MINUTES {
                return Err(ActionError::DayOverfull {
                    date,
                    minutes: day_total,
                });
            }
        }
        let mut next = self.clone();
        next.entries.push(entry.clone());
        Ok(next)
    }

    /// This journal with every demo record taken out (and demo references cleared).
    pub fn without_demo(&self) -> Journal {
        let mut next = self.clone();
        next.entries.retain(|e| !is_demo_id(&e.id.0));
        next.breaks.retain(|b| !is_demo_id(&b.id.0));
        next.organisations.retain(|o| !is_demo_id(&o.id.0));
        next.cases.retain(|c| !is_demo_id(&c.id.0));
        next.checks.retain(|c| !is_demo_id(&c.id.0));
        for case in &mut next.cases {
            if case.organisation.as_ref().is_some_and(|o| is_demo_id(&o.0)) {
                case.organisation = None;
            }
        }
        for entry in next.entries.iter_mut() {
            if entry
                .organisation
                .as_ref()
                .is_some_and(|o| is_demo_id(&o.0))
            {
                entry.organisation = None;
            }
            if entry.case.as_ref().is_some_and(|c| is_demo_id(&c.0)) {
                entry.case = None;
            }
        }
        next
    }

    /// True if any record comes from the demo data.
    pub fn has_demo(&self) -> bool {
        self.entries.iter().any(|e| is_demo_id(&e.id.0))
            || self.breaks.iter().any(|b| is_demo_id(&b.id.0))
            || self.organisations.iter().any(|o| is_demo_id(&o.id.0))
            || self.cases.iter().any(|c| is_demo_id(&c.id.0))
            || self.checks.iter().any(|c| is_demo_id(&c.id.0))
    }

    fn remove(&self, id: &EntryId) -> Result<Journal, ActionError> {
        let mut next = self.clone();
        next.entries.retain(|e| &e.id != id);
        if next.entries.len() == self.entries.len() {
            return Err(ActionError::UnknownId(id.clone()));
        }
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::WorkKind;

    fn entry(id: &str, day: u32, minutes: u32) -> WorkEntry {
        WorkEntry::new(
            EntryId(id.into()),
            NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            minutes,
            WorkKind::DirectSession,
        )
    }

    #[test]
    fn adds_and_removes() {
        let j = Journal::default()
            .apply(&Action::AddEntry(entry("a", 23, 50)))
            .unwrap();
        let j = j.apply(&Action::AddEntry(entry("b", 23, 30))).unwrap();
        assert_eq!(j.minutes_on(entry("x", 23, 1).date), 80);
        let j = j.apply(&Action::RemoveEntry(EntryId("a".into()))).unwrap();
        assert_eq!(j.entries, vec![entry("b", 23, 30)]);
    }

    #[test]
    fn refuses_inconsistent_actions_and_changes_nothing() {
        let j = Journal::default()
            .apply(&Action::AddEntry(entry("a", 23, 1000)))
            .unwrap();
        assert_eq!(
            j.apply(&Action::AddEntry(entry("a", 24, 10))),
            Err(ActionError::DuplicateId(EntryId("a".into())))
        );
        assert_eq!(
            j.apply(&Action::AddEntry(entry("b", 23, 0))),
            Err(ActionError::ZeroMinutes)
        );
        assert_eq!(
            j.apply(&Action::AddEntry(entry("b", 23, 1441))),
            Err(ActionError::TooLong(1441))
        );
        let overfull = j.apply(&Action::AddEntry(entry("b", 23, 500))).unwrap_err();
        assert!(matches!(
            overfull,
            ActionError::DayOverfull { minutes: 1500, .. }
        ));
        assert!(
            overfull.to_string().contains("Mon 23 Nov 2026"),
            "{overfull}"
        );
        assert_eq!(
            j.apply(&Action::RemoveEntry(EntryId("zzz".into()))),
            Err(ActionError::UnknownId(EntryId("zzz".into())))
        );
        assert_eq!(j.entries.len(), 1);
    }
}
