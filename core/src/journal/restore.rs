//! Restoring records from a backup: a preview first, then a merge by record id.
//!
//! Records carry stable ids, so restoring adds what is new, replaces what changed and leaves
//! what is identical alone; restoring the same file twice changes nothing the second time. Every
//! kind of record (work entries, breaks, organisations, cases, self-check results, imported
//! instruments, requirement sets and CE activities) merges the same way; the backup's targets replace the current ones unless they
//! are the defaults.

use super::Journal;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// What restoring a backup would do, counted before anything changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// Records not present yet.
    pub added: usize,
    /// Records present with different contents, which the backup's version replaces.
    pub updated: usize,
    /// Records already present exactly as in the backup.
    pub unchanged: usize,
    /// Of all of them, how many are work entries.
    pub entries: usize,
    /// Of all of them, how many are self-check results.
    pub checks: usize,
}

impl Preview {
    /// True when restoring would change nothing.
    pub fn is_noop(&self) -> bool {
        self.added == 0 && self.updated == 0
    }

    /// A sentence such as `12 records (10 work entries): 10 new, 1 updated, 1 already here.`,
    /// naming self-check results too when there are any (`10 work entries, 2 self-checks`).
    pub fn describe(&self) -> String {
        let checks = match self.checks {
            0 => String::new(),
            1 => ", 1 self-check".into(),
            n => format!(", {n} self-checks"),
        };
        format!(
            "{} records ({} work entries{checks}): {} new, {} updated, {} already here.",
            self.added + self.updated + self.unchanged,
            self.entries,
            self.added,
            self.updated,
            self.unchanged
        )
    }
}

fn count<T: PartialEq, K: Hash + Eq>(
    current: &[T],
    incoming: &[T],
    key: fn(&T) -> &K,
    p: &mut Preview,
) {
    let by_key: HashMap<&K, &T> = current.iter().map(|r| (key(r), r)).collect();
    for record in incoming {
        match by_key.get(key(record)) {
            None => p.added += 1,
            Some(existing) if *existing == record => p.unchanged += 1,
            Some(_) => p.updated += 1,
        }
    }
}

fn merge_by<T: Clone, K: Hash + Eq>(current: &[T], incoming: &[T], key: fn(&T) -> &K) -> Vec<T> {
    let incoming_by_key: HashMap<&K, &T> = incoming.iter().map(|r| (key(r), r)).collect();
    let mut merged: Vec<T> = current
        .iter()
        .map(|r| {
            incoming_by_key
                .get(key(r))
                .map_or_else(|| r.clone(), |&n| n.clone())
        })
        .collect();
    let present: HashSet<&K> = current.iter().map(key).collect();
    merged.extend(
        incoming
            .iter()
            .filter(|r| !present.contains(key(r)))
            .cloned(),
    );
    merged
}

/// Counts what merging `incoming` into `current` would add, update or leave.
pub fn preview(current: &Journal, incoming: &Journal) -> Preview {
    let mut p = Preview {
        entries: incoming.entries.len(),
        checks: incoming.checks.len(),
        ..Preview::default()
    };
    count(
        current.entries.shared(),
        incoming.entries.shared(),
        |e| &e.id,
        &mut p,
    );
    count(
        current.breaks.shared(),
        incoming.breaks.shared(),
        |b| &b.id,
        &mut p,
    );
    count(
        &current.organisations,
        &incoming.organisations,
        |o| &o.id,
        &mut p,
    );
    count(&current.cases, &incoming.cases, |c| &c.id, &mut p);
    count(&current.checks, &incoming.checks, |c| &c.id, &mut p);
    count(
        &current.instruments,
        &incoming.instruments,
        |i| &i.id,
        &mut p,
    );
    count(
        &current.requirement_sets,
        &incoming.requirement_sets,
        |s| &s.id,
        &mut p,
    );
    count(
        &current.ce_activities,
        &incoming.ce_activities,
        |a| &a.id,
        &mut p,
    );
    p
}

/// `current` with `incoming` merged in: new records added, changed ones replaced by the
/// backup's version, everything else kept.
pub fn merge(current: &Journal, incoming: &Journal) -> Journal {
    Journal {
        entries: merge_by(current.entries.shared(), incoming.entries.shared(), |e| {
            &e.id
        })
        .into(),
        breaks: merge_by(current.breaks.shared(), incoming.breaks.shared(), |b| &b.id).into(),
        organisations: merge_by(&current.organisations, &incoming.organisations, |o| &o.id),
        cases: merge_by(&current.cases, &incoming.cases, |c| &c.id),
        checks: merge_by(&current.checks, &incoming.checks, |c| &c.id),
        instruments: merge_by(&current.instruments, &incoming.instruments, |i| &i.id),
        requirement_sets: merge_by(&current.requirement_sets, &incoming.requirement_sets, |s| {
            &s.id
        }),
        ce_activities: merge_by(&current.ce_activities, &incoming.ce_activities, |a| &a.id),
        targets: if incoming.targets.is_default() {
            current.targets.clone()
        } else {
            incoming.targets.clone()
        },
    }
}
