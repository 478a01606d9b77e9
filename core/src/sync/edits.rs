//! When each local change was made, kept until the next sync stamps it.
//!
//! A sync stamps the local changes it finds by comparing the journal with the replica. Stamped
//! with the sync's own time, an edit made offline would carry the time its device next synced,
//! so of two offline edits of the same record the one synced later would win, however early it
//! was made (issue 19). So each local action notes, by record, the wall time it was made
//! ([`Edits::note`], from [`touched_by`], which reads only the action and never the history),
//! and the sync stamps each change found in the order of those times, with the clock ticked at
//! that time ([`crate::sync::Replica::record_change_at`]): the stamps the changes would have had
//! if stamped when made, since nothing was merged in between. A change with no noted time gets
//! the sync's time, as before.

use super::keyed::Keyed;
use crate::checks::{CheckResult, Instrument};
use crate::entry::WorkEntry;
use crate::journal::Action;
use crate::requirements::{CeActivity, RequirementSet};
use crate::tracking::{BreakEntry, Case, Organisation};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kind letter of the targets (one register, named by the empty id).
pub const TARGETS: &str = "t";

/// The records an action changed, as far as the action itself says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Touched {
    /// These records, each as its kind's letter ([`Keyed::KIND`], or [`TARGETS`]) and id.
    Records(Vec<(&'static str, String)>),
    /// Possibly any record: an action that replaces or rewrites the journal as a whole (a
    /// restore, going back to a snapshot, removing the demo, which also clears links to it).
    Everything,
}

fn one<T: Keyed>(id: &T::Key) -> Touched {
    Touched::Records(vec![(T::KIND, id.to_string())])
}

/// The records `action` changes if the reducer takes it. Reads only the action, so noting a
/// change costs the same on five years of history as on four weeks. No action changes a record
/// it does not name here: removals are refused while anything refers to the record, and every
/// action that could touch more is [`Touched::Everything`] (`core/tests/sync_edits.rs` holds this
/// against the reducer).
pub fn touched_by(action: &Action) -> Touched {
    match action {
        Action::AddEntry(e) => one::<WorkEntry>(&e.id),
        Action::RemoveEntry(id) => one::<WorkEntry>(id),
        Action::Restore(_) | Action::ReplaceAll(_) | Action::RemoveDemo => Touched::Everything,
        Action::AddOrganisation(o) | Action::UpdateOrganisation(o) => one::<Organisation>(&o.id),
        Action::RemoveOrganisation(id) => one::<Organisation>(id),
        Action::AddCase(c) | Action::UpdateCase(c) => one::<Case>(&c.id),
        Action::CloseCase { id, .. } | Action::ReopenCase { id, .. } | Action::RemoveCase(id) => {
            one::<Case>(id)
        }
        Action::AddBreak(b) => one::<BreakEntry>(&b.id),
        Action::RemoveBreak(id) => one::<BreakEntry>(id),
        Action::SetTargets(_) => Touched::Records(vec![(TARGETS, String::new())]),
        Action::AddCheck(c) => one::<CheckResult>(&c.id),
        Action::RemoveCheck(id) => one::<CheckResult>(id),
        Action::AddInstrument(i) => one::<Instrument>(&i.id),
        Action::RemoveInstrument(id) => one::<Instrument>(id),
        Action::AddRequirementSet(s) | Action::UpdateRequirementSet(s) => {
            one::<RequirementSet>(&s.id)
        }
        Action::RemoveRequirementSet(id) => one::<RequirementSet>(id),
        Action::AddCeActivity(a) => one::<CeActivity>(&a.id),
        Action::RemoveCeActivity(id) => one::<CeActivity>(id),
    }
}

/// The local changes not stamped yet, with when each was made: for each record, the wall time
/// in milliseconds of its latest change. Stored as
/// `{"records": {"c": {"<case id>": 1764680000000}}, "everything": 1764680000000}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edits {
    /// By kind letter, then by id: the time of the record's latest local change.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub records: BTreeMap<String, BTreeMap<String, u64>>,
    /// The latest action that may have changed any record ([`Touched::Everything`]): every change
    /// found is taken as made at least then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub everything: Option<u64>,
}

impl Edits {
    /// True when no change is noted.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.everything.is_none()
    }

    /// How many records have a noted time.
    pub fn len(&self) -> usize {
        self.records.values().map(BTreeMap::len).sum()
    }

    /// Notes that `touched` changed at `at_ms`, keeping the later time where one is noted.
    pub fn note(&mut self, touched: &Touched, at_ms: u64) {
        match touched {
            Touched::Everything => self.everything = self.everything.max(Some(at_ms)),
            Touched::Records(records) => {
                for (kind, id) in records {
                    let time = self
                        .records
                        .entry((*kind).to_string())
                        .or_default()
                        .entry(id.clone())
                        .or_insert(at_ms);
                    *time = (*time).max(at_ms);
                }
            }
        }
    }

    /// Takes in another set of noted times (another tab's), keeping the later time per record.
    /// Commutative, associative and idempotent, so tabs writing in any order lose nothing.
    pub fn merge(&mut self, other: &Edits) {
        self.everything = self.everything.max(other.everything);
        for (kind, ids) in &other.records {
            let mine = self.records.entry(kind.clone()).or_default();
            for (id, at) in ids {
                let time = mine.entry(id.clone()).or_insert(*at);
                *time = (*time).max(*at);
            }
        }
    }

    /// Forgets what a sync stamped: every time no later than the one `stamped` held for the same
    /// record. A later time (a change noted meanwhile, here or in another tab) stays.
    pub fn forget(&mut self, stamped: &Edits) {
        if self.everything <= stamped.everything {
            self.everything = None;
        }
        for (kind, ids) in &stamped.records {
            if let Some(mine) = self.records.get_mut(kind) {
                mine.retain(|id, at| ids.get(id).is_none_or(|done| *at > *done));
                if mine.is_empty() {
                    self.records.remove(kind);
                }
            }
        }
    }

    /// When the change of record `id` of `kind` was made, for a sync at `now_ms`: its noted time,
    /// or the latest action that may have changed any record if that is later; `now_ms` when
    /// neither is known.
    pub fn time_of(&self, kind: &str, id: &str, now_ms: u64) -> u64 {
        let noted = self.records.get(kind).and_then(|ids| ids.get(id)).copied();
        noted.max(self.everything).unwrap_or(now_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: &str) -> Touched {
        Touched::Records(vec![("c", id.into())])
    }

    #[test]
    fn the_later_time_of_a_record_is_kept_and_a_later_one_survives_forgetting() {
        let mut mine = Edits::default();
        mine.note(&case("x"), 200);
        mine.note(&case("x"), 100);
        assert_eq!(mine.time_of("c", "x", 999), 200);
        assert_eq!(mine.time_of("c", "y", 999), 999);
        let stamped = mine.clone();
        mine.note(&case("x"), 300);
        mine.note(&case("y"), 50);
        mine.forget(&stamped);
        assert_eq!(mine.time_of("c", "x", 999), 300);
        assert_eq!(mine.time_of("c", "y", 999), 50);
        mine.forget(&mine.clone());
        assert!(mine.is_empty());
    }

    #[test]
    fn an_action_on_everything_dates_every_change_at_least_then() {
        let mut mine = Edits::default();
        mine.note(&case("x"), 100);
        mine.note(&Touched::Everything, 150);
        mine.note(&case("y"), 400);
        assert_eq!(mine.time_of("c", "x", 999), 150);
        assert_eq!(mine.time_of("c", "y", 999), 400);
        assert_eq!(mine.time_of("e", "z", 999), 150);
    }
}
