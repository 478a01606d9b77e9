//! Restoring records from a backup: a preview first, then a merge by record id.
//!
//! Records carry stable ids, so restoring adds what is new, replaces what changed and leaves
//! what is identical alone; restoring the same file twice changes nothing the second time.

use crate::entry::EntryId;
use crate::journal::Journal;
use std::collections::HashMap;

/// What restoring a backup would do, counted before anything changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// Records not present yet.
    pub added: usize,
    /// Records present with different contents, which the backup's version replaces.
    pub updated: usize,
    /// Records already present exactly as in the backup.
    pub unchanged: usize,
}

impl Preview {
    /// True when restoring would change nothing.
    pub fn is_noop(&self) -> bool {
        self.added == 0 && self.updated == 0
    }

    /// A sentence such as `12 work entries: 10 new, 1 updated, 1 already here.`
    pub fn describe(&self) -> String {
        format!(
            "{} work entries: {} new, {} updated, {} already here.",
            self.added + self.updated + self.unchanged,
            self.added,
            self.updated,
            self.unchanged
        )
    }
}

/// Counts what merging `incoming` into `current` would add, update or leave.
pub fn preview(current: &Journal, incoming: &Journal) -> Preview {
    let by_id: HashMap<&EntryId, _> = current.entries.iter().map(|e| (&e.id, e)).collect();
    let mut p = Preview::default();
    for entry in &incoming.entries {
        match by_id.get(&entry.id) {
            None => p.added += 1,
            Some(existing) if *existing == entry => p.unchanged += 1,
            Some(_) => p.updated += 1,
        }
    }
    p
}

/// `current` with `incoming` merged in: new records added, changed ones replaced by the
/// backup's version, everything else kept.
pub fn merge(current: &Journal, incoming: &Journal) -> Journal {
    let incoming_by_id: HashMap<&EntryId, _> =
        incoming.entries.iter().map(|e| (&e.id, e)).collect();
    let mut entries: Vec<_> = current
        .entries
        .iter()
        .map(|e| {
            incoming_by_id
                .get(&e.id)
                .map_or_else(|| e.clone(), |&n| n.clone())
        })
        .collect();
    let present: std::collections::HashSet<&EntryId> =
        current.entries.iter().map(|e| &e.id).collect();
    entries.extend(
        incoming
            .entries
            .iter()
            .filter(|e| !present.contains(&e.id))
            .cloned(),
    );
    Journal { entries }
}
