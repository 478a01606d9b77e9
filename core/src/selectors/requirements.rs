//! Selector: the journal read as the inputs requirement sets are evaluated against, and each
//! stored set evaluated.
//!
//! The requirement rules never read the journal (the journal stores them, so they may not), so
//! this is the one thin step between the two: each entry's minutes on the days they fall on, the
//! CE activities as logged, and [`progress`] of a stored set on a day.

use crate::journal::Journal;
use crate::requirements::{
    evaluate, evaluate_supervision, LoggedWork, PeriodStatus, PeriodSupervision, RequirementSet,
    SetProgress,
};
use chrono::{Days, NaiveDate};

/// The journal's work as plain inputs: each entry's minutes on the days they fall on (an entry past
/// midnight is split, as every selector counts it), with no supervision format (Tend's entries do
/// not record one).
pub fn work_from_journal(journal: &Journal) -> Vec<LoggedWork> {
    journal
        .entries
        .iter()
        .flat_map(|entry| {
            let kind = entry.kind;
            entry
                .day_split()
                .parts()
                .filter(|(_, minutes)| *minutes > 0)
                .map(move |(date, minutes)| LoggedWork::new(date, minutes, kind))
        })
        .collect()
}

/// [`work_from_journal`] for the days from `first` to `last` only.
fn work_between(journal: &Journal, first: NaiveDate, last: NaiveDate) -> Vec<LoggedWork> {
    // An entry from the evening before `first` can count minutes on it.
    let reach = first.pred_opt().unwrap_or(first);
    journal
        .entries
        .dated(reach, last)
        .flat_map(|entry| {
            let kind = entry.kind;
            entry
                .day_split()
                .parts()
                .filter(move |(date, minutes)| *minutes > 0 && *date >= first && *date <= last)
                .map(move |(date, minutes)| LoggedWork::new(date, minutes, kind))
        })
        .collect()
}

/// Every rule of `set` evaluated against the journal's work and CE activities on `today`.
pub fn progress(journal: &Journal, set: &RequirementSet, today: NaiveDate) -> SetProgress {
    evaluate(
        set,
        &work_from_journal(journal),
        &journal.ce_activities,
        today,
    )
}

/// One supervision minimum of a stored set, measured over the periods that overlap a range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupervisionStanding {
    /// The set's name.
    pub set: String,
    /// The minimum's name.
    pub rule: String,
    /// The minimum's periods that overlap the range, oldest first (the current one included
    /// when it overlaps).
    pub periods: Vec<PeriodSupervision>,
}

impl SupervisionStanding {
    /// The period holding `day`, if it is among those measured.
    pub fn holding(&self, day: NaiveDate) -> Option<&PeriodSupervision> {
        self.periods
            .iter()
            .find(|p| p.first <= day && day <= p.last)
    }

    /// How many finished periods fell short.
    pub fn short(&self) -> usize {
        self.periods
            .iter()
            .filter(|p| matches!(p.status, PeriodStatus::Short { .. }))
            .count()
    }
}

/// Every supervision minimum of every stored set, with its periods overlapping `first` to `last`,
/// judged on `today`: what Today's glance and the report show of supervision adequacy. Empty when
/// no stored set has a supervision minimum.
pub fn supervision_standing(
    journal: &Journal,
    first: NaiveDate,
    last: NaiveDate,
    today: NaiveDate,
) -> Vec<SupervisionStanding> {
    if journal
        .requirement_sets
        .iter()
        .all(|s| s.supervision.is_empty())
    {
        return Vec::new();
    }
    // A period's figures come from its own days only, and a period is at most a month: the work
    // from a month before `first` to a month after `last` gives every overlapping period whole,
    // without reading years of history on every change (Today's glance asks this after each
    // entry).
    let from = first.checked_sub_days(Days::new(31)).unwrap_or(first);
    let to = last.checked_add_days(Days::new(31)).unwrap_or(last);
    let work = work_between(journal, from, to);
    journal
        .requirement_sets
        .iter()
        .flat_map(|set| {
            let work = &work;
            set.supervision.iter().map(move |rule| {
                let progress = evaluate_supervision(rule, set.unmarked_supervision, work, today);
                SupervisionStanding {
                    set: set.name.clone(),
                    rule: rule.name.clone(),
                    periods: progress
                        .periods
                        .into_iter()
                        .filter(|p| p.last >= first && p.first <= last)
                        .collect(),
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{EntryId, WorkEntry, WorkKind};
    use crate::journal::Action;
    use crate::requirements::SupervisionFormat;
    use chrono::NaiveTime;

    #[test]
    fn the_journal_s_entries_become_minutes_on_the_days_they_fall_on() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let late = WorkEntry {
            start: NaiveTime::from_hms_opt(23, 0, 0),
            ..WorkEntry::new(EntryId("a".into()), day, 90, WorkKind::OnCall)
        };
        let supervision = WorkEntry::new(EntryId("b".into()), day, 60, WorkKind::Supervision);
        let journal = Journal::default()
            .apply(&Action::AddEntry(late))
            .and_then(|j| j.apply(&Action::AddEntry(supervision)))
            .unwrap();
        let next = day.succ_opt().unwrap();
        assert_eq!(
            work_from_journal(&journal),
            [
                LoggedWork::new(day, 60, WorkKind::OnCall),
                LoggedWork::new(next, 30, WorkKind::OnCall),
                LoggedWork::new(day, 60, WorkKind::Supervision),
            ]
        );
        let unmarked = SupervisionFormat::Group;
        assert_eq!(
            work_from_journal(&journal)[2].supervision(unmarked),
            Some(unmarked)
        );
        assert_eq!(work_from_journal(&journal)[0].supervision(unmarked), None);
    }
}
