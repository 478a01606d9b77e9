//! Turning a merged replica back into a journal the reducer's rules accept.
//!
//! Each device only ever makes changes its reducer accepted, but two devices can make changes
//! that are each fine and clash once merged: one deletes a case while the other logs an entry
//! for it, or moves a case to another organisation while the other logs an entry with the old
//! one. Deletion wins (a tombstone is honoured), and no entry is lost for it: the entry is kept
//! and only its link is dropped, so its hours still count. A self-check result whose imported
//! instrument was deleted cannot be read without it, so it is set aside: it stays in the
//! replica (and comes back if the instrument is imported again) but not in the journal. Every
//! such step is listed in [`Resolved`], so the shell can say what happened.

use super::clock::Stamp;
use super::replica::{Keyed, Replica, Versions};
use crate::checks::{find_in, CheckId};
use crate::entry::EntryId;
use crate::journal::Journal;
use crate::tracking::{CaseId, OrgId};
use std::collections::BTreeSet;

/// A merged replica as a journal, and what had to be done so its references hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    /// The journal: passes [`Journal::check`] and [`Journal::check_references`].
    pub journal: Journal,
    /// Cases kept without their organisation, which was deleted.
    pub cases_unlinked: Vec<CaseId>,
    /// Entries kept without a link (organisation or case) that was deleted or no longer fits.
    pub entries_unlinked: Vec<EntryId>,
    /// Self-check results left out because their instrument was deleted or does not fit them.
    pub checks_set_aside: Vec<CheckId>,
}

/// The live records, oldest change first (ties by id), so a journal's logging order survives.
fn live<T: Keyed>(versions: &Versions<T>) -> Vec<T> {
    let mut found: Vec<(&Stamp, &T::Key, &T)> = versions
        .iter()
        .filter_map(|(k, v)| v.value.as_ref().map(|r| (&v.stamp, k, r)))
        .collect();
    found.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    found.into_iter().map(|(_, _, r)| r.clone()).collect()
}

impl Replica {
    /// The journal this replica stands for, with clashing links resolved as the module says.
    pub fn to_journal(&self) -> Resolved {
        let mut out = Resolved::default();
        let organisations = live(&self.organisations);
        let orgs: BTreeSet<&OrgId> = organisations.iter().map(|o| &o.id).collect();
        let mut cases = live(&self.cases);
        for case in &mut cases {
            if case
                .organisation
                .as_ref()
                .is_some_and(|o| !orgs.contains(o))
            {
                case.organisation = None;
                out.cases_unlinked.push(case.id.clone());
            }
        }
        let mut entries = live(&self.entries);
        for entry in &mut entries {
            let mut unlinked = false;
            if entry
                .organisation
                .as_ref()
                .is_some_and(|o| !orgs.contains(o))
            {
                entry.organisation = None;
                unlinked = true;
            }
            if let Some(case_id) = &entry.case {
                let fits = cases.iter().find(|c| &c.id == case_id).is_some_and(|c| {
                    match (&entry.organisation, &c.organisation) {
                        (Some(e), Some(c)) => e == c,
                        _ => true,
                    }
                });
                if !fits {
                    entry.case = None;
                    unlinked = true;
                }
            }
            if unlinked {
                out.entries_unlinked.push(entry.id.clone());
            }
        }
        let instruments = live(&self.instruments);
        let mut checks = live(&self.checks);
        checks.retain(|c| {
            let fits = find_in(&instruments, &c.instrument)
                .is_some_and(|i| i.check_answers(&c.answers).is_ok());
            if !fits {
                out.checks_set_aside.push(c.id.clone());
            }
            fits
        });
        out.journal = Journal {
            entries: entries.into(),
            breaks: live(&self.breaks).into(),
            organisations,
            cases,
            targets: self
                .targets
                .as_ref()
                .and_then(|t| t.value.clone())
                .unwrap_or_default(),
            checks,
            instruments,
            requirement_sets: live(&self.requirement_sets),
            ce_activities: live(&self.ce_activities),
        };
        out
    }
}
