//! How the break plan remembers its changes, so an exported calendar can update itself (#23).
//!
//! A calendar that imports Tend's plan a second time matches events by UID and takes the copy
//! with the higher SEQUENCE (RFC 5545 §3.8.4.7, §3.8.7.4). So the plan keeps a revision that
//! rises with every change, the day each break was first planned (where its weekly series
//! starts, so an unrelated change does not move it), and the breaks taken out since, which the
//! export writes as cancelled events. Every change the Self-care section makes goes through
//! [`BreakPlan::revise`].

use super::plan::{BreakPlan, PlannedBreak, MAX_PLANNED};
use chrono::NaiveDate;

/// True when two breaks are the same slot (weekday and time): the identity a calendar UID is
/// made from.
pub fn same_slot(a: &PlannedBreak, b: &PlannedBreak) -> bool {
    a.weekday == b.weekday && a.at == b.at
}

/// True when two breaks say the same thing (slot, length and kind), whenever they were planned.
fn same_break(a: &PlannedBreak, b: &PlannedBreak) -> bool {
    same_slot(a, b) && a.minutes == b.minutes && a.kind == b.kind
}

impl BreakPlan {
    /// The plan after changing its breaks to `next`'s on `today`. Nothing changes (not even the
    /// revision) when `next` holds the same breaks. Otherwise the revision rises by one, a break
    /// kept as it was keeps its first day, a new or changed one starts `today`, and a slot no
    /// longer planned is remembered as retired (at most [`MAX_PLANNED`], the oldest dropped).
    pub fn revise(&self, next: BreakPlan, today: NaiveDate) -> BreakPlan {
        let unchanged = self.breaks.len() == next.breaks.len()
            && self
                .breaks
                .iter()
                .zip(&next.breaks)
                .all(|(a, b)| same_break(a, b));
        if unchanged {
            return self.clone();
        }
        let breaks: Vec<PlannedBreak> = next
            .breaks
            .iter()
            .map(|b| {
                let kept = self.breaks.iter().find(|old| same_break(old, b));
                PlannedBreak {
                    since: kept.and_then(|old| old.since).or(Some(today)),
                    ..*b
                }
            })
            .collect();
        let mut retired: Vec<PlannedBreak> = self
            .retired
            .iter()
            .filter(|r| !breaks.iter().any(|b| same_slot(b, r)))
            .copied()
            .collect();
        for gone in self
            .breaks
            .iter()
            .filter(|old| !breaks.iter().any(|b| same_slot(b, old)))
        {
            retired.retain(|r| !same_slot(r, gone));
            retired.push(*gone);
        }
        let extra = retired.len().saturating_sub(MAX_PLANNED);
        retired.drain(..extra);
        BreakPlan {
            breaks,
            revision: self.revision.saturating_add(1),
            retired,
            calendar_key: self.calendar_key.clone(),
        }
    }
}

impl BreakPlan {
    /// Gives breaks kept from before calendar export (no first day) `today` as their first day,
    /// so later exports of the unchanged plan start their series on the same day. True if any
    /// changed; the revision stays, as the breaks themselves did not change.
    pub fn settle(&mut self, today: NaiveDate) -> bool {
        let mut changed = false;
        for b in self.breaks.iter_mut().chain(self.retired.iter_mut()) {
            if b.since.is_none() {
                b.since = Some(today);
                changed = true;
            }
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracking::BreakKind;
    use chrono::{NaiveTime, Weekday};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn planned(weekday: Weekday, h: u32, minutes: u32) -> PlannedBreak {
        PlannedBreak {
            weekday,
            at: NaiveTime::from_hms_opt(h, 0, 0).unwrap(),
            minutes,
            kind: BreakKind::MicroBreak,
            since: None,
        }
    }

    fn with(plan: &BreakPlan, b: PlannedBreak) -> BreakPlan {
        let mut next = plan.clone();
        next.add(b).unwrap();
        next
    }

    // #23: the revision is the calendar's SEQUENCE; it must rise with each change and only then.
    #[test]
    fn each_change_raises_the_revision_and_dates_only_what_changed() {
        let start = BreakPlan {
            calendar_key: "k1".into(),
            ..BreakPlan::default()
        };
        let one = start.revise(with(&start, planned(Weekday::Mon, 10, 10)), day(2));
        assert_eq!(one.revision, 1);
        assert_eq!(one.breaks[0].since, Some(day(2)));
        let two = one.revise(with(&one, planned(Weekday::Wed, 12, 30)), day(9));
        assert_eq!(two.revision, 2);
        assert_eq!(two.calendar_key, "k1");
        let since: Vec<_> = two.breaks.iter().map(|b| b.since).collect();
        assert_eq!(since, vec![Some(day(2)), Some(day(9))]);
        // The same breaks again (as a suggestion might give): nothing changes.
        assert_eq!(two.revise(two.clone(), day(16)), two);
        // A longer Monday break is a change of that break: it starts again from today.
        let mut longer = two.clone();
        longer.remove(Weekday::Mon, planned(Weekday::Mon, 10, 10).at);
        longer.add(planned(Weekday::Mon, 10, 15)).unwrap();
        let three = two.revise(longer, day(16));
        assert_eq!(three.revision, 3);
        assert_eq!(three.breaks[0].since, Some(day(16)));
        assert_eq!(three.breaks[1].since, Some(day(9)));
        assert!(three.retired.is_empty(), "the slot is still planned");
    }

    // #23: a removed slot must stay known so the export can cancel its event.
    #[test]
    fn removed_slots_are_retired_until_planned_again() {
        let plan = BreakPlan::default();
        let plan = plan.revise(with(&plan, planned(Weekday::Tue, 9, 10)), day(2));
        let mut fewer = plan.clone();
        fewer.remove(Weekday::Tue, planned(Weekday::Tue, 9, 10).at);
        let removed = plan.revise(fewer, day(3));
        assert!(removed.breaks.is_empty());
        assert_eq!(removed.retired.len(), 1);
        assert_eq!(removed.retired[0].since, Some(day(2)));
        let back = removed.revise(with(&removed, planned(Weekday::Tue, 9, 10)), day(4));
        assert!(back.retired.is_empty());
        assert_eq!(back.revision, 3);
    }

    // #23: a plan kept before calendar export gets a first day once, on its first export.
    #[test]
    fn an_older_plan_is_settled_once() {
        let mut plan = BreakPlan::default();
        plan.add(planned(Weekday::Fri, 9, 10)).unwrap();
        assert!(plan.settle(day(6)));
        assert!(!plan.settle(day(13)));
        assert_eq!(plan.breaks[0].since, Some(day(6)));
        assert_eq!(plan.revision, 0);
    }

    #[test]
    fn at_most_a_full_plan_of_slots_is_remembered() {
        let mut plan = BreakPlan::default();
        for i in 0..(MAX_PLANNED as u32 + 5) {
            let b = planned(Weekday::try_from((i % 7) as u8).unwrap(), i / 7 % 24, 10);
            let next = with(&BreakPlan::default(), b);
            plan = plan.revise(next, day(1));
        }
        assert!(plan.retired.len() <= MAX_PLANNED);
        assert_eq!(plan.revision, MAX_PLANNED as u32 + 5);
    }
}
