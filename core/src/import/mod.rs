//! Calendar import: an .ics file becomes proposed work entries.
//!
//! A clinician's calendar already knows most of their working hours. [`import_ics`] reads a file
//! exported by Google Calendar, Outlook or Apple Calendar and proposes one work entry per event
//! occurrence and local day in a chosen range, plus the all-day events apart (the shell may map
//! them to days off). Nothing is applied: the shell shows the proposals and adds the accepted
//! ones as ordinary `AddEntry` actions. Each proposal's id is a stable import key, `ics:<UID>@
//! <occurrence start>`, so importing an overlapping range again proposes the same ids and the
//! reducer's duplicate-id check (or [`compare`]) leaves out what is already logged. Like the rest
//! of the core this is pure: the range, the clinician's UTC offset and the rules come in as
//! [`ImportOptions`], and nothing reads the clock.
//!
//! Trade-offs (docs/calendar-import.md explains them for the clinician):
//! - Parsing uses the `ical` crate (Apache-2.0; its only dependency is thiserror) for line
//!   unfolding and property parameters. `icalendar` was not used: on wasm32 it pulls uuid with
//!   getrandom's JavaScript backend and chrono's clock. `ics` adds a 5 MB cap, BEGIN/END checks
//!   and bounded work per line.
//! - Repeat rules are followed by `recur`, a documented subset, rather than the `rrule` crate,
//!   which needs chrono-tz and with it the whole time-zone database (hundreds of KB of wasm). A
//!   rule outside the subset leaves its event out with a warning naming the part; it is never
//!   guessed.
//! - Time zones come from the file's own VTIMEZONE blocks (`zone`). A TZID the file does not
//!   describe is read as the clinician's own clock, with a warning; names of UTC are UTC.
//! - The clinician's clock is one fixed offset for the whole range, so across their own
//!   daylight-saving change an event near midnight may land on the neighbouring day.
//! - Work is bounded: at most [`MAX_OCCURRENCES`] occurrences per import and [`MAX_STEPS`] rule
//!   steps, each with a warning when reached.

mod days;
mod error;
mod event;
mod expand;
mod ics;
mod order;
mod pieces;
pub mod plan;
mod recur;
mod rrule;
pub mod rules;
mod value;
mod zone;

pub use error::{EventRef, ImportError, SkipReason, Warning};
pub use plan::{plan, AllDay, Choices, Plan, Refusal};
pub use rules::{Matcher, Rule, Rules};

use crate::entry::{EntryId, WorkEntry, WorkKind};
use crate::journal::Journal;
use chrono::{NaiveDate, NaiveDateTime};
use error::Warnings;
use expand::Ctx;
use std::collections::{HashMap, HashSet};

/// Files larger than this (5 MiB) are refused.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;
/// At most this many occurrences are imported at once; the rest are left out with a warning.
pub const MAX_OCCURRENCES: usize = 5_000;
/// Timed events longer than this many days are left out; shorter ones are split by day.
pub const MAX_EVENT_DAYS: i64 = 31;
/// All-day events longer than this many days are left out.
pub const MAX_ALL_DAY_DAYS: i64 = 366;
/// The steps following repeat rules may take in one import.
pub const MAX_STEPS: u64 = 2_000_000;

/// What the clinician chose for this import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// The first day to import, on the clinician's clock.
    pub from: NaiveDate,
    /// The last day to import (included).
    pub to: NaiveDate,
    /// The clinician's clock, in minutes east of UTC (e.g. 60 for UTC+1), used for the whole
    /// range. Floating times (no zone) are read on this clock.
    pub utc_offset_minutes: i32,
    /// The clinician's own addresses: an event one of them declined is skipped. When empty,
    /// declines are not checked (only cancelled events are skipped).
    pub owner_emails: Vec<String>,
    /// Which kind each event gets, from its title.
    pub kinds: Rules<WorkKind>,
}

/// A work entry the file proposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedEntry {
    /// The import key, `ics:<UID>@<start>`, with `+N` for the Nth following day of an event
    /// that crosses midnight. Used as the entry's id.
    pub id: EntryId,
    /// The day on the clinician's clock.
    pub date: NaiveDate,
    /// When this part of the event starts, on the clinician's clock.
    pub start: NaiveDateTime,
    /// Its length on that day, 1 to 1440.
    pub minutes: u32,
    /// The kind the rules gave it.
    pub kind: WorkKind,
    /// The event's title.
    pub summary: String,
}

impl ProposedEntry {
    /// The entry to add if the clinician accepts this proposal.
    pub fn to_entry(&self) -> WorkEntry {
        WorkEntry::new(self.id.clone(), self.date, self.minutes, self.kind)
    }
}

/// One day of an all-day event in the range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllDayOccurrence {
    /// `ics:<UID>@<first date>`, with `+N` for the Nth following day.
    pub id: EntryId,
    /// The day.
    pub date: NaiveDate,
    /// The event's title.
    pub summary: String,
}

/// Counts of what the file held in the range.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportStats {
    /// VEVENT components in the file (changed instances included).
    pub events: usize,
    /// Timed occurrences imported (before splitting by day).
    pub occurrences: usize,
    /// All-day occurrences in the range.
    pub all_day: usize,
    /// Occurrences in the range skipped as cancelled.
    pub cancelled: usize,
    /// Occurrences in the range skipped as declined by the clinician.
    pub declined: usize,
    /// Occurrences in the range skipped because they last no time.
    pub no_length: usize,
}

/// What a file proposes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Import {
    /// Work entries, by date and start.
    pub entries: Vec<ProposedEntry>,
    /// Days of all-day events, by date.
    pub all_day: Vec<AllDayOccurrence>,
    /// Everything left out, and why.
    pub warnings: Vec<Warning>,
    /// Counts of what was found and what was skipped.
    pub stats: ImportStats,
    /// The calendars' own names (X-WR-CALNAME), e.g. to suggest the owner's address.
    pub calendar_names: Vec<String>,
}

/// How many proposals are new to a journal and how many are logged already.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Proposals whose id the journal does not hold.
    pub new: usize,
    /// Proposals already logged (imported before).
    pub present: usize,
}

/// Counts the proposals whose id the journal already holds.
pub fn compare(journal: &Journal, proposals: &[ProposedEntry]) -> Comparison {
    let ids: HashSet<&EntryId> = journal.entries.iter().map(|e| &e.id).collect();
    let present = proposals.iter().filter(|p| ids.contains(&p.id)).count();
    Comparison {
        new: proposals.len() - present,
        present,
    }
}

/// The entries of the proposals the journal does not hold yet.
pub fn new_entries(journal: &Journal, proposals: &[ProposedEntry]) -> Vec<WorkEntry> {
    let ids: HashSet<&EntryId> = journal.entries.iter().map(|e| &e.id).collect();
    proposals
        .iter()
        .filter(|p| !ids.contains(&p.id))
        .map(ProposedEntry::to_entry)
        .collect()
}

/// Reads an .ics file and proposes the work entries and all-day days in the chosen range.
pub fn import_ics(data: &[u8], options: &ImportOptions) -> Result<Import, ImportError> {
    if options.from > options.to {
        return Err(ImportError::BadRange {
            from: options.from,
            to: options.to,
        });
    }
    if !(-18 * 60..=18 * 60).contains(&options.utc_offset_minutes) {
        return Err(ImportError::BadOffset {
            minutes: options.utc_offset_minutes,
        });
    }
    let mut warnings = Warnings::default();
    let calendars = ics::read(data, &mut warnings)?;
    let owners: Vec<String> = options
        .owner_emails
        .iter()
        .map(|e| event::mail_address(e))
        .filter(|e| !e.is_empty())
        .collect();
    let budget = recur::Budget::new(MAX_STEPS);
    let mut out = Import::default();
    let mut taken = 0;
    'calendars: for calendar in &calendars {
        out.calendar_names.extend(
            calendar
                .props("X-WR-CALNAME")
                .map(|p| value::plain_text(&p.value)),
        );
        let mut clock = zone::Clock::new(calendar, options.utc_offset_minutes * 60, &mut warnings);
        for (uid, master, changed) in group(calendar, &mut warnings, &mut out.stats) {
            // Changed instances without their master event stand on their own.
            let units: Vec<(&ics::Component, &[&ics::Component])> = match master {
                Some(master) => vec![(master, &changed[..])],
                None => changed.iter().map(|c| (*c, &[][..])).collect(),
            };
            for (head, changed) in units {
                let mut ctx = Ctx {
                    clock: &mut clock,
                    budget: &budget,
                    warnings: &mut warnings,
                    from: options.from,
                    to: options.to,
                    owners: &owners,
                };
                let found = expand::series(head, changed, &uid, &mut ctx);
                if budget.is_spent() {
                    warnings.push(Warning::WorkCap);
                    break 'calendars;
                }
                let found = match found {
                    Ok(found) => found,
                    Err(reason) => {
                        let event = event::event_ref(head);
                        warnings.push(Warning::EventSkipped { event, reason });
                        continue;
                    }
                };
                if !pieces::take(found, options, &mut out, &mut warnings, &mut taken) {
                    warnings.push(Warning::OccurrenceCap);
                    break 'calendars;
                }
            }
        }
    }
    if out.stats.events == 0 {
        warnings.push(Warning::NoEvents);
    }
    let mut seen = HashSet::new();
    out.entries.retain(|e| seen.insert(e.id.clone()));
    out.entries = order::by_key(out.entries, |e| {
        (order::days(e.date), order::seconds(e.start))
    });
    out.all_day.retain(|e| seen.insert(e.id.clone()));
    out.all_day = order::by_key(out.all_day, |a| (order::days(a.date), 0));
    out.warnings = warnings.finish();
    Ok(out)
}

type Group<'a> = (String, Option<&'a ics::Component>, Vec<&'a ics::Component>);

/// The calendar's events by UID: the master event and its changed instances, in file order.
fn group<'a>(
    calendar: &'a ics::Component,
    warnings: &mut Warnings,
    stats: &mut ImportStats,
) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for event in calendar.children("VEVENT") {
        stats.events += 1;
        let uid = event::uid_key(event).unwrap_or_else(|| {
            warnings.push(Warning::NoUid {
                event: event::event_ref(event),
            });
            event::made_up_key(event)
        });
        let at = *index.entry(uid.clone()).or_insert_with(|| {
            groups.push((uid, None, Vec::new()));
            groups.len() - 1
        });
        let group = &mut groups[at];
        if event.prop("RECURRENCE-ID").is_some() {
            group.2.push(event);
        } else if group.1.is_some() {
            warnings.push(Warning::DuplicateEvent {
                event: event::event_ref(event),
            });
        } else {
            group.1 = Some(event);
        }
    }
    groups
}
