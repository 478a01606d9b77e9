//! Which parts of storage an action changes: the months whose chunks must be rewritten and
//! whether the registry must be. The store collects these between saves, so a save rewrites only
//! what changed.

use super::layout::Index;
use super::recent::{Added, RecordId};
use crate::document::Document;
use crate::journal::{Action, Journal};
use crate::month::Month;
use std::collections::BTreeSet;

/// The months an action changes, judged against the journal before it.
pub fn touched_months(before: &Journal, action: &Action) -> Vec<Month> {
    match action {
        Action::AddEntry(e) => vec![Month::of(e.date)],
        Action::RemoveEntry(id) => before
            .entries
            .iter()
            .filter(|e| &e.id == id)
            .map(|e| Month::of(e.date))
            .collect(),
        Action::Restore(incoming) => {
            let ids: std::collections::HashSet<_> =
                incoming.entries.iter().map(|e| &e.id).collect();
            let replaced = before.entries.iter().filter(|e| ids.contains(&e.id));
            let break_ids: std::collections::HashSet<_> =
                incoming.breaks.iter().map(|b| &b.id).collect();
            let check_ids: std::collections::HashSet<_> =
                incoming.checks.iter().map(|c| &c.id).collect();
            let ce_ids: std::collections::HashSet<_> =
                incoming.ce_activities.iter().map(|a| &a.id).collect();
            let mut months: Vec<Month> = incoming
                .entries
                .iter()
                .chain(replaced)
                .map(|e| Month::of(e.date))
                .chain(
                    incoming
                        .breaks
                        .iter()
                        .chain(before.breaks.iter().filter(|b| break_ids.contains(&b.id)))
                        .map(|b| Month::of(b.date)),
                )
                .chain(
                    incoming
                        .checks
                        .iter()
                        .chain(before.checks.iter().filter(|c| check_ids.contains(&c.id)))
                        .map(|c| Month::of(c.date)),
                )
                .chain(
                    incoming
                        .ce_activities
                        .iter()
                        .chain(
                            before
                                .ce_activities
                                .iter()
                                .filter(|a| ce_ids.contains(&a.id)),
                        )
                        .map(|a| Month::of(a.date)),
                )
                .collect();
            // Months are plain values: an unstable sort gives the same order, without another
            // copy of the stable sort.
            months.sort_unstable();
            months.dedup();
            months
        }
        Action::ReplaceAll(earlier) => {
            let mut months = BTreeSet::new();
            months.extend([before, earlier].into_iter().flat_map(record_months));
            months.into_iter().collect()
        }
        Action::RemoveDemo => {
            use crate::journal::is_demo_id;
            let demo_ref = |id: Option<&str>| id.is_some_and(is_demo_id);
            let mut months: Vec<Month> = before
                .entries
                .iter()
                .filter(|e| {
                    is_demo_id(&e.id.0)
                        || demo_ref(e.organisation.as_ref().map(|o| o.0.as_str()))
                        || demo_ref(e.case.as_ref().map(|c| c.0.as_str()))
                })
                .map(|e| Month::of(e.date))
                .chain(
                    before
                        .breaks
                        .iter()
                        .filter(|b| is_demo_id(&b.id.0))
                        .map(|b| Month::of(b.date)),
                )
                .chain(
                    before
                        .checks
                        .iter()
                        .filter(|c| is_demo_id(&c.id.0))
                        .map(|c| Month::of(c.date)),
                )
                .collect();
            // Months are plain values: an unstable sort gives the same order, without another
            // copy of the stable sort.
            months.sort_unstable();
            months.dedup();
            months
        }
        Action::AddBreak(b) => vec![Month::of(b.date)],
        Action::RemoveBreak(id) => before
            .breaks
            .iter()
            .filter(|b| &b.id == id)
            .map(|b| Month::of(b.date))
            .collect(),
        Action::AddCheck(c) => vec![Month::of(c.date)],
        Action::RemoveCheck(id) => before
            .checks
            .iter()
            .filter(|c| &c.id == id)
            .map(|c| Month::of(c.date))
            .collect(),
        Action::AddInstrument(_) | Action::RemoveInstrument(_) => Vec::new(),
        // Activities are few (a few dozen a cycle), so adding one rewrites its month rather than
        // waiting in the recent chunk.
        Action::AddCeActivity(a) => vec![Month::of(a.date)],
        Action::RemoveCeActivity(id) => before
            .ce_activities
            .iter()
            .filter(|a| &a.id == id)
            .map(|a| Month::of(a.date))
            .collect(),
        Action::AddRequirementSet(_)
        | Action::UpdateRequirementSet(_)
        | Action::RemoveRequirementSet(_) => Vec::new(),
        Action::AddOrganisation(_) => Vec::new(),
        Action::UpdateOrganisation(_) => Vec::new(),
        Action::RemoveOrganisation(_) => Vec::new(),
        Action::AddCase(_) => Vec::new(),
        Action::UpdateCase(_) => Vec::new(),
        Action::CloseCase { .. } => Vec::new(),
        Action::ReopenCase { .. } => Vec::new(),
        Action::RemoveCase(_) => Vec::new(),
        Action::SetTargets(_) => Vec::new(),
    }
}

/// The record an action adds, when that is all it does: such a record can wait in the recent
/// chunk instead of its month being rewritten. Every other action's months come from
/// [`touched_months`].
pub fn added_by(action: &Action) -> Option<Added> {
    match action {
        Action::AddEntry(e) => Some(Added {
            month: Month::of(e.date),
            id: RecordId::Entry(e.id.clone()),
        }),
        Action::AddBreak(b) => Some(Added {
            month: Month::of(b.date),
            id: RecordId::Break(b.id.clone()),
        }),
        Action::AddCheck(c) => Some(Added {
            month: Month::of(c.date),
            id: RecordId::Check(c.id.clone()),
        }),
        _ => None,
    }
}

/// True if an action changes the registry (organisations, cases, targets, imported
/// instruments, requirement sets).
pub fn touches_registry(action: &Action) -> bool {
    match action {
        Action::AddEntry(_) | Action::RemoveEntry(_) => false,
        Action::AddBreak(_) | Action::RemoveBreak(_) => false,
        Action::AddCheck(_) | Action::RemoveCheck(_) => false,
        Action::AddCeActivity(_) | Action::RemoveCeActivity(_) => false,
        Action::AddInstrument(_) | Action::RemoveInstrument(_) => true,
        Action::AddRequirementSet(_)
        | Action::UpdateRequirementSet(_)
        | Action::RemoveRequirementSet(_) => true,
        Action::RemoveDemo | Action::ReplaceAll(_) => true,
        Action::Restore(incoming) => {
            !incoming.organisations.is_empty()
                || !incoming.cases.is_empty()
                || !incoming.instruments.is_empty()
                || !incoming.requirement_sets.is_empty()
                || !incoming.targets.is_default()
        }
        Action::AddOrganisation(_)
        | Action::UpdateOrganisation(_)
        | Action::RemoveOrganisation(_)
        | Action::AddCase(_)
        | Action::UpdateCase(_)
        | Action::CloseCase { .. }
        | Action::ReopenCase { .. }
        | Action::RemoveCase(_)
        | Action::SetTargets(_) => true,
    }
}

/// Every month that has records or a chunk in `base`: what a full rewrite touches.
pub fn all_months(doc: &Document, base: Option<&Index>) -> BTreeSet<Month> {
    // Filled by `extend`, not `collect()`: collecting into a B-tree sorts with its own copy of
    // the standard stable sort for each element type, kilobytes of wasm each (see `sorting`).
    let mut months: BTreeSet<Month> = BTreeSet::new();
    months.extend(record_months(&doc.payload));
    if let Some(index) = base {
        months.extend(index.chunks.keys().copied());
    }
    months
}

/// The month of every dated record in a journal (with repeats).
fn record_months(journal: &Journal) -> impl Iterator<Item = Month> + '_ {
    journal
        .entries
        .iter()
        .map(|e| Month::of(e.date))
        .chain(journal.breaks.iter().map(|b| Month::of(b.date)))
        .chain(journal.checks.iter().map(|c| Month::of(c.date)))
        .chain(journal.ce_activities.iter().map(|a| Month::of(a.date)))
}
