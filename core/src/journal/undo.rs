//! Undo for removals: what it takes to put back exactly what a removal took away.
//!
//! A removal (an entry, a break, a case, an organisation, a self-check result, a requirement set,
//! a CE activity, or the whole demo sample) is undone by
//! replaying ordinary actions that re-add the removed records as they were, so an undo goes
//! through the same reducer, checks, storage plan and tab-to-tab replay as any other change.
//! Re-added records come back with the same ids and contents; a collection lists them last.

use super::{is_demo_id, Action, Journal};

/// The actions that reverse `action` when it is applied to `before`; `None` when `action` is
/// not a removal, or removes nothing that exists in `before`.
pub fn undo_removal(before: &Journal, action: &Action) -> Option<Vec<Action>> {
    match action {
        Action::RemoveEntry(id) => before
            .entries
            .iter()
            .find(|e| &e.id == id)
            .map(|e| vec![Action::AddEntry(e.clone())]),
        Action::RemoveBreak(id) => before
            .breaks
            .iter()
            .find(|b| &b.id == id)
            .map(|b| vec![Action::AddBreak(b.clone())]),
        Action::RemoveCase(id) => before
            .cases
            .iter()
            .find(|c| &c.id == id)
            .map(|c| vec![Action::AddCase(c.clone())]),
        Action::RemoveOrganisation(id) => before
            .organisations
            .iter()
            .find(|o| &o.id == id)
            .map(|o| vec![Action::AddOrganisation(o.clone())]),
        Action::RemoveCheck(id) => before
            .checks
            .iter()
            .find(|c| &c.id == id)
            .map(|c| vec![Action::AddCheck(c.clone())]),
        Action::RemoveRequirementSet(id) => before
            .requirement_sets
            .iter()
            .find(|s| &s.id == id)
            .map(|s| vec![Action::AddRequirementSet(s.clone())]),
        Action::RemoveCeActivity(id) => before
            .ce_activities
            .iter()
            .find(|a| &a.id == id)
            .map(|a| vec![Action::AddCeActivity(a.clone())]),
        Action::RemoveDemo => demo_records(before).map(|sample| vec![Action::Restore(sample)]),
        _ => None,
    }
}

/// Every record removing the demo data deletes or changes (the clinician's own records that
/// pointed at a sample organisation or case lose that link), as they were in `before`. Merged
/// back by id, they return the journal to `before`.
fn demo_records(before: &Journal) -> Option<Journal> {
    let demo_org =
        |id: &Option<crate::tracking::OrgId>| id.as_ref().is_some_and(|o| is_demo_id(&o.0));
    let sample = Journal {
        entries: before
            .entries
            .iter()
            .filter(|e| {
                is_demo_id(&e.id.0)
                    || demo_org(&e.organisation)
                    || e.case.as_ref().is_some_and(|c| is_demo_id(&c.0))
            })
            .cloned()
            .collect(),
        breaks: before
            .breaks
            .iter()
            .filter(|b| is_demo_id(&b.id.0))
            .cloned()
            .collect(),
        organisations: before
            .organisations
            .iter()
            .filter(|o| is_demo_id(&o.id.0))
            .cloned()
            .collect(),
        cases: before
            .cases
            .iter()
            .filter(|c| is_demo_id(&c.id.0) || demo_org(&c.organisation))
            .cloned()
            .collect(),
        checks: before
            .checks
            .iter()
            .filter(|c| is_demo_id(&c.id.0))
            .cloned()
            .collect(),
        ..Journal::default()
    };
    let empty = sample.entries.is_empty()
        && sample.checks.is_empty()
        && sample.breaks.is_empty()
        && sample.organisations.is_empty()
        && sample.cases.is_empty();
    (!empty).then_some(sample)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_journal;
    use crate::{EntryId, WorkEntry, WorkKind};
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    /// The journal with each collection sorted by id: undo restores records, not list order.
    fn by_id(mut j: Journal) -> Journal {
        j.entries.sort_by(|a, b| a.id.0.cmp(&b.id.0));
        j.breaks.sort_by(|a, b| a.id.0.cmp(&b.id.0));
        j.organisations.sort_by(|a, b| a.id.0.cmp(&b.id.0));
        j.cases.sort_by(|a, b| a.id.0.cmp(&b.id.0));
        j
    }

    fn undo_all(j: Journal, actions: &[Action]) -> Journal {
        actions
            .iter()
            .try_fold(j, |j, a| j.apply(a))
            .expect("undo applies")
    }

    fn own_entry(id: &str, org: Option<&str>) -> WorkEntry {
        WorkEntry {
            id: EntryId(id.into()),
            date: day(20),
            minutes: 50,
            kind: WorkKind::DirectSession,
            organisation: org.map(|o| crate::tracking::OrgId(o.into())),
            ..WorkEntry::default()
        }
    }

    #[test]
    fn every_removal_of_a_demo_record_is_undone_exactly() {
        let before = demo_journal(7, day(23)).expect("demo");
        let mut removals: Vec<Action> = Vec::new();
        removals.extend(
            before
                .entries
                .iter()
                .take(3)
                .map(|e| Action::RemoveEntry(e.id.clone())),
        );
        removals.extend(
            before
                .breaks
                .iter()
                .take(3)
                .map(|b| Action::RemoveBreak(b.id.clone())),
        );
        assert!(
            removals.len() >= 4,
            "the demo has entries and breaks to remove"
        );
        for removal in removals {
            let after = before.apply(&removal).expect("removal applies");
            assert_ne!(after, before);
            let undo = undo_removal(&before, &removal).expect("a removal can be undone");
            assert_eq!(
                by_id(undo_all(after, &undo)),
                by_id(before.clone()),
                "{removal:?}"
            );
        }
    }

    #[test]
    fn removing_an_unused_case_or_organisation_is_undone() {
        let demo = demo_journal(7, day(23)).expect("demo");
        let org = demo
            .organisations
            .first()
            .cloned()
            .expect("an organisation");
        let case = demo.cases.first().cloned().expect("a case");
        let before = Journal {
            organisations: vec![org.clone()],
            cases: vec![crate::Case {
                organisation: None,
                ..case.clone()
            }],
            ..Journal::default()
        };
        for removal in [
            Action::RemoveCase(case.id.clone()),
            Action::RemoveOrganisation(org.id.clone()),
        ] {
            let after = before.apply(&removal).expect("removal applies");
            let undo = undo_removal(&before, &removal).expect("undoable");
            assert_eq!(undo_all(after, &undo), before, "{removal:?}");
        }
    }

    #[test]
    fn removing_the_demo_is_undone_with_the_links_from_own_records() {
        let mut before = demo_journal(7, day(23)).expect("demo");
        let org = before.organisations.first().map(|o| o.id.0.clone());
        before.entries.push(own_entry("mine-1", org.as_deref()));
        before.entries.push(own_entry("mine-2", None));
        let after = before.apply(&Action::RemoveDemo).expect("removal applies");
        assert!(!after.has_demo());
        assert_eq!(after.entries.len(), 2, "own entries are kept");
        let undo = undo_removal(&before, &Action::RemoveDemo).expect("undoable");
        assert_eq!(by_id(undo_all(after, &undo)), by_id(before));
    }

    #[test]
    fn other_actions_and_missing_records_have_no_undo() {
        let j = Journal::default();
        assert_eq!(undo_removal(&j, &Action::RemoveDemo), None);
        assert_eq!(
            undo_removal(&j, &Action::RemoveEntry(EntryId("gone".into()))),
            None
        );
        assert_eq!(
            undo_removal(&j, &Action::AddEntry(own_entry("x", None))),
            None
        );
    }
}
