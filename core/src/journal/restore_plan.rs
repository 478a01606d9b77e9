//! The restore plan: which records of a backup the journal's rules accept, and why the others
//! are set aside (#17).
//!
//! A backup file can be edited, come from an older Tend or be made by hand, so its records are
//! run through the same rules the reducer applies when a record is entered: a case label must be
//! a pseudonym ([`check_label`]), an entry may name only an organisation and a case that exist
//! (and the case must be held for the same organisation), a day may hold at most 24 hours of
//! work (counted as [`crate::entry::WorkEntry::day_split`] counts it, past midnight on the next
//! day), and whole days off may not overlap. A record that breaks a rule is set aside with the
//! reason, shown in the preview, and the rest is restored; an entry whose case is set aside is set
//! aside with it. Each record is checked on its own earlier ([`Journal::check`]); a file failing
//! that is refused whole, as before.
//!
//! Only records the restore would add or change are judged. A record already stored exactly as
//! in the backup is left alone, so a rule added in a later version never sets aside what is
//! already here. Records are tried again until no more fit, so what is set aside does not depend
//! on the order of the file, and restoring the same file twice changes nothing the second time.

use super::restore::{merge, preview, Preview};
use super::tracking::check_entry_links;
use super::{ActionError, Journal};
use crate::entry::{WorkEntry, MAX_ENTRY_MINUTES};
use crate::tracking::{check_label, BreakEntry, RecordError};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A record of the backup that will not be restored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The record in plain words, such as `case “Jane Doe”`.
    pub record: String,
    /// The rule it breaks, as the form would have said it.
    pub reason: String,
}

/// What restoring a backup would do: the records that will be merged, the preview of that
/// merge, and the records set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestorePlan {
    /// The backup's records that pass every rule; restoring merges exactly these.
    pub records: Journal,
    /// What merging `records` would add, update or leave.
    pub preview: Preview,
    /// Records of the backup that are not restored, in the order checked.
    pub set_aside: Vec<SetAside>,
    /// Why nothing can be restored, when the records that pass one by one still clash with
    /// records already here (a case moved to another organisation than entries kept here name).
    pub refused: Option<String>,
}

impl RestorePlan {
    /// True when restoring would change nothing (or is refused).
    pub fn is_noop(&self) -> bool {
        self.preview.is_noop() || self.refused.is_some()
    }

    /// The preview's sentence, followed by how many records are set aside.
    pub fn describe(&self) -> String {
        match self.set_aside.len() {
            0 => self.preview.describe(),
            1 => format!(
                "{} 1 record is set aside and will not be restored:",
                self.preview.describe()
            ),
            n => format!(
                "{} {n} records are set aside and will not be restored:",
                self.preview.describe()
            ),
        }
    }
}

/// Works out what restoring `incoming` into `current` would do, without changing anything.
pub fn plan_restore(current: &Journal, incoming: &Journal) -> RestorePlan {
    let mut set_aside = Vec::new();
    let mut records = incoming.clone();

    let orgs: HashSet<&str> = current
        .organisations
        .iter()
        .chain(&incoming.organisations)
        .map(|o| o.id.0.as_str())
        .collect();
    let stored_cases: HashMap<&str, _> =
        current.cases.iter().map(|c| (c.id.0.as_str(), c)).collect();
    let mut dropped_cases: HashMap<String, String> = HashMap::new();
    records.cases.retain(|case| {
        if stored_cases.get(case.id.0.as_str()) == Some(&case) {
            return true;
        }
        let problem = match check_label(&case.label) {
            Err(label) => Some(label.to_string()),
            Ok(_)
                if case
                    .organisation
                    .as_ref()
                    .is_some_and(|o| !orgs.contains(o.0.as_str())) =>
            {
                Some(MISSING_ORG.to_string())
            }
            Ok(_) => None,
        };
        match problem {
            Some(reason) => {
                dropped_cases.insert(case.id.0.clone(), case.label.clone());
                set_aside.push(SetAside {
                    record: format!("case \u{201c}{}\u{201d}", case.label),
                    reason,
                });
                false
            }
            None => true,
        }
    });

    // Organisations and cases as they will be, for the entries' links.
    let links = merge(
        current,
        &Journal {
            organisations: incoming.organisations.clone(),
            cases: records.cases.clone(),
            ..Journal::default()
        },
    );
    let (stored_entries, changed) =
        stored_and_changed(current.entries.iter(), incoming.entries.iter(), |e| &e.id.0);
    let mut days: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for e in current.entries.iter() {
        add_parts(&mut days, e, true);
    }
    let refused = settle(changed, |entry| {
        check_entry_links(&links, entry).map_err(|e| link_reason(e, &dropped_cases))?;
        let before = stored_entries.get(entry.id.0.as_str()).copied();
        fits(&mut days, before, entry)
    });
    let refused_ids: HashSet<&str> = refused.iter().map(|(e, _)| e.id.0.as_str()).collect();
    set_aside.extend(refused.iter().map(|(e, reason)| SetAside {
        record: format!(
            "work entry of {} ({}, {})",
            e.date.format("%a %-d %b %Y"),
            crate::units::duration::format_minutes(e.minutes),
            e.kind.label().to_lowercase()
        ),
        reason: reason.clone(),
    }));
    records
        .entries
        .retain(|e| !refused_ids.contains(e.id.0.as_str()));

    // Whole days off, as they will be.
    let mut whole: Vec<BreakEntry> = current
        .breaks
        .iter()
        .filter(|b| b.kind.is_whole_day())
        .cloned()
        .collect();
    let (_, changed) =
        stored_and_changed(current.breaks.iter(), incoming.breaks.iter(), |b| &b.id.0);
    let refused = settle(changed, |record| {
        if let Some(other) = whole
            .iter()
            .find(|b| b.id != record.id && b.overlaps(record))
        {
            return Err(RecordError::WholeDayOverlap {
                date: other.date.max(record.date),
                kind: other.kind,
            }
            .to_string());
        }
        whole.retain(|b| b.id != record.id);
        if record.kind.is_whole_day() {
            whole.push(record.clone());
        }
        Ok(())
    });
    let refused_ids: HashSet<&str> = refused.iter().map(|(b, _)| b.id.0.as_str()).collect();
    set_aside.extend(refused.iter().map(|(b, reason)| SetAside {
        record: format!("{} from {}", b.kind.label(), b.date.format("%a %-d %b %Y")),
        reason: reason.clone(),
    }));
    records
        .breaks
        .retain(|b| !refused_ids.contains(b.id.0.as_str()));

    let refused = merge(current, &records)
        .check_references()
        .err()
        .map(|why| format!("Nothing can be restored: {why}."));
    RestorePlan {
        preview: preview(current, &records),
        records,
        set_aside,
        refused,
    }
}

/// The stored records by id, and the incoming ones that are new or differ from their stored
/// version: the only ones a restore judges.
fn stored_and_changed<'a, T: PartialEq>(
    stored: impl Iterator<Item = &'a T>,
    incoming: impl Iterator<Item = &'a T>,
    id: fn(&T) -> &String,
) -> (HashMap<&'a str, &'a T>, Vec<&'a T>) {
    let by_id: HashMap<&str, &T> = stored.map(|r| (id(r).as_str(), r)).collect();
    let changed = incoming
        .filter(|r| by_id.get(id(r).as_str()) != Some(r))
        .collect();
    (by_id, changed)
}

const MISSING_ORG: &str = "It names an organisation that is neither in the backup nor here.";

/// Tries every record, again and again, until a pass accepts none; returns the ones left with
/// the reason each was last refused. `accept` records what it accepts.
fn settle<T>(
    mut pending: Vec<&T>,
    mut accept: impl FnMut(&T) -> Result<(), String>,
) -> Vec<(&T, String)> {
    loop {
        let before = pending.len();
        let mut refused = Vec::new();
        for record in pending {
            if let Err(reason) = accept(record) {
                refused.push((record, reason));
            }
        }
        if refused.len() == before || refused.is_empty() {
            return refused;
        }
        pending = refused.into_iter().map(|(r, _)| r).collect();
    }
}

/// Why an entry's link does not hold, in the words of a restore.
fn link_reason(e: RecordError, dropped: &HashMap<String, String>) -> String {
    match e {
        RecordError::UnknownCase(id) => match dropped.get(&id.0) {
            Some(label) => format!("Its case \u{201c}{label}\u{201d} is set aside."),
            None => "It names a case that is neither in the backup nor here.".into(),
        },
        RecordError::UnknownOrganisation(_) => MISSING_ORG.into(),
        other => other.to_string(),
    }
}

/// Adds (or with `add` false, takes away) an entry's minutes on the days it counts on.
fn add_parts(days: &mut BTreeMap<NaiveDate, u32>, entry: &WorkEntry, add: bool) {
    for (date, minutes) in entry.day_split().parts() {
        let total = days.entry(date).or_default();
        *total = if add {
            total.saturating_add(minutes)
        } else {
            total.saturating_sub(minutes)
        };
    }
}

/// Puts `entry` in place of `before` (its stored version, if any) if no day then holds more than
/// 24 hours; otherwise leaves the days as they were and says which day overflows.
fn fits(
    days: &mut BTreeMap<NaiveDate, u32>,
    before: Option<&WorkEntry>,
    entry: &WorkEntry,
) -> Result<(), String> {
    if let Some(old) = before {
        add_parts(days, old, false);
    }
    add_parts(days, entry, true);
    let over = entry
        .day_split()
        .parts()
        .map(|(date, _)| (date, days.get(&date).copied().unwrap_or(0)))
        .find(|(_, minutes)| *minutes > MAX_ENTRY_MINUTES);
    if let Some((date, minutes)) = over {
        add_parts(days, entry, false);
        if let Some(old) = before {
            add_parts(days, old, true);
        }
        return Err(ActionError::DayOverfull { date, minutes }.to_string());
    }
    Ok(())
}

/// The rule of [`super::Action::Restore`]: merges a backup's records, refusing the whole restore
/// if any record breaks a rule the reducer applies (#17). The shell restores [`plan_restore`]'s
/// records, which never do; anything else reaching here (the demo data, a calendar import) is
/// held to the same rules.
pub(super) fn restore(journal: &Journal, incoming: &Journal) -> Result<Journal, ActionError> {
    incoming.check().map_err(ActionError::Damaged)?;
    let plan = plan_restore(journal, incoming);
    if let Some(first) = plan.set_aside.first() {
        return Err(ActionError::Damaged(format!(
            "{} breaks a rule: {}",
            first.record,
            first.reason.trim_end_matches('.')
        )));
    }
    let merged = merge(journal, incoming);
    merged.check_references().map_err(ActionError::Damaged)?;
    Ok(merged)
}
