//! From proposals to records: what an import would add, what is already there, what is refused.
//!
//! [`super::import_ics`] says what a calendar holds; the clinician then decides which
//! organisation each event belongs to and whether all-day events are days off. [`plan`] applies
//! those choices and checks every record against the journal the way the reducer would (a day
//! may hold at most 24 hours, an id only once, a whole day only one day-off record), so the
//! preview can show exactly what confirming will add and why anything is left out. The records
//! to add travel as one journal, merged by id like a restored backup, so the import is one
//! change that keeps a snapshot of the state before it.

use super::{Import, ProposedEntry, Rules};
use crate::entry::{EntryId, WorkEntry, MAX_ENTRY_MINUTES};
use crate::journal::{Action, Journal};
use crate::tracking::{BreakEntry, BreakId, BreakKind, OrgId};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

/// What becomes of all-day events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AllDay {
    /// They are left out (holidays, birthdays and reminders are not work).
    #[default]
    Skip,
    /// Each day of one becomes a day off.
    DayOff,
}

/// The clinician's choices beyond the kinds (which the import itself applies).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choices {
    /// Which organisation each event is for, from its title; `None` for no organisation.
    pub organisations: Rules<Option<OrgId>>,
    /// What becomes of all-day events.
    pub all_day: AllDay,
}

impl Default for Choices {
    fn default() -> Choices {
        Choices {
            organisations: Rules::new(None),
            all_day: AllDay::Skip,
        }
    }
}

/// A record the import leaves out, and why, in words for the clinician.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The day it falls on.
    pub date: NaiveDate,
    /// The event's title.
    pub summary: String,
    /// Its minutes (0 for an all-day event).
    pub minutes: u32,
    /// Why it is left out.
    pub reason: String,
}

/// What confirming the import would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Work entries to add, in the import's order (by date and start).
    pub entries: Vec<WorkEntry>,
    /// Days off to add.
    pub days_off: Vec<BreakEntry>,
    /// Proposals already logged by an earlier import (same event, same occurrence).
    pub present: Vec<ProposedEntry>,
    /// All-day days already recorded by an earlier import.
    pub days_off_present: usize,
    /// All-day days left out because the clinician chose to skip them.
    pub all_day_skipped: usize,
    /// Records the journal's rules refuse (a day over 24 hours, a day already off).
    pub refused: Vec<Refusal>,
}

impl Plan {
    /// True when confirming would change nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.days_off.is_empty()
    }

    /// Minutes of work the plan adds.
    pub fn minutes(&self) -> u32 {
        self.entries
            .iter()
            .fold(0u32, |sum, e| sum.saturating_add(e.minutes))
    }

    /// The records to add, as a journal to merge by id like a restored backup.
    pub fn records(&self) -> Journal {
        Journal {
            entries: self.entries.clone().into(),
            breaks: self.days_off.clone().into(),
            ..Journal::default()
        }
    }

    /// The one action that adds everything.
    pub fn action(&self) -> Action {
        Action::Restore(self.records())
    }
}

/// Works out what importing `import` into `journal` with `choices` would add.
pub fn plan(journal: &Journal, import: &Import, choices: &Choices) -> Plan {
    let mut out = Plan::default();
    let known_orgs: HashSet<&OrgId> = journal.organisations.iter().map(|o| &o.id).collect();
    let mut ids: HashSet<EntryId> = journal.entries.iter().map(|e| e.id.clone()).collect();
    let mut day_minutes: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for entry in &journal.entries {
        for (date, minutes) in entry.day_split().parts() {
            let total = day_minutes.entry(date).or_default();
            *total = total.saturating_add(minutes);
        }
    }
    for proposal in &import.entries {
        if ids.contains(&proposal.id) {
            out.present.push(proposal.clone());
            continue;
        }
        let mut entry = proposal.to_entry();
        entry.start = Some(proposal.start.time());
        entry.organisation = choices
            .organisations
            .pick(&proposal.summary)
            .clone()
            .filter(|o| known_orgs.contains(o));
        let parts: Vec<(NaiveDate, u32)> = entry.day_split().parts().collect();
        let overfull = parts.iter().find_map(|&(date, minutes)| {
            let total = day_minutes
                .get(&date)
                .copied()
                .unwrap_or(0)
                .saturating_add(minutes);
            (total > MAX_ENTRY_MINUTES).then_some((date, total))
        });
        if let Some((date, total)) = overfull {
            out.refused.push(Refusal {
                date: proposal.date,
                summary: proposal.summary.clone(),
                minutes: proposal.minutes,
                reason: format!(
                    "{} would then hold {} of work, more than the 24 hours in a day",
                    date.format("%a %-d %b %Y"),
                    crate::units::duration::format_minutes(total)
                ),
            });
            continue;
        }
        for (date, minutes) in parts {
            let total = day_minutes.entry(date).or_default();
            *total = total.saturating_add(minutes);
        }
        ids.insert(entry.id.clone());
        out.entries.push(entry);
    }
    plan_all_day(journal, import, choices, &mut out);
    out
}

/// Adds the all-day days to the plan as days off, or counts them as skipped.
fn plan_all_day(journal: &Journal, import: &Import, choices: &Choices, out: &mut Plan) {
    if choices.all_day == AllDay::Skip {
        out.all_day_skipped = import.all_day.len();
        return;
    }
    let mut rest = Journal {
        breaks: journal.breaks.clone(),
        ..Journal::default()
    };
    for day in &import.all_day {
        let id = BreakId(day.id.0.clone());
        if rest.breaks.iter().any(|b| b.id == id) {
            out.days_off_present += 1;
            continue;
        }
        let record = BreakEntry {
            id,
            kind: BreakKind::DayOff,
            date: day.date,
            minutes: 0,
            until: None,
        };
        match rest.apply(&Action::AddBreak(record.clone())) {
            Ok(next) => {
                rest = next;
                out.days_off.push(record);
            }
            Err(e) => out.refused.push(Refusal {
                date: day.date,
                summary: day.summary.clone(),
                minutes: 0,
                reason: e.to_string().trim_end_matches('.').to_string(),
            }),
        }
    }
}
