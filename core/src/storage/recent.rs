//! Schema 4's recent chunk: records added since their month's chunk was last written.
//!
//! Rewriting a whole month (about 10,000 characters in a heavy month) to add one entry made every
//! save cost as much as the month was long. Instead an added record goes into one small chunk,
//! `tend.recent.r<revision>`, rewritten with each save, and the months are written only when the
//! recent chunk passes [`FOLD_CHARS`] (or a record of theirs is removed or replaced). Loading
//! reads the recent chunk after the months and adds its records to them.

use super::compact::{compact, CompactBody};
use super::layout::{Chunk, ChunkBody, ChunkRef};
use super::read::{check_chunk, open_stored};
use super::Cipher;
use crate::checks::CheckId;
use crate::document::Document;
use crate::entry::EntryId;
use crate::month::Month;
use crate::tracking::BreakId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// When the recent chunk would be longer than this many characters, its records are folded into
/// their months instead. About thirty entries: the months are then rewritten every few days of
/// heavy use, which costs less, averaged per entry, than a longer recent chunk rewritten each time.
pub const FOLD_CHARS: usize = 1500;

/// Which record was added.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RecordId {
    /// A work entry.
    Entry(EntryId),
    /// A break or time off.
    Break(BreakId),
    /// A self-check result.
    Check(CheckId),
}

/// A record added since its month's chunk was written, and that month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
    /// The month the record is dated in.
    pub month: Month,
    /// The record.
    pub id: RecordId,
}

/// The recent chunk as stored: one compact chunk per month, or all of them sealed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recent {
    /// Schema of the recent chunk (4 or later).
    pub schema: u32,
    /// The records, by month, in the compact form month chunks use (empty when sealed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<Chunk>,
    /// With the lock on: `months` as sealed text, bound to the recent chunk's key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<String>,
}

/// What the next recent chunk holds: the records found, by month, and which of the wanted ones
/// are no longer in the document (their months must be rewritten from the document instead).
pub(super) struct Carried {
    /// The records, by month, in document order.
    pub bodies: BTreeMap<Month, ChunkBody>,
    /// The ids of those records.
    pub ids: Vec<Added>,
    /// Months of records that were wanted but not found.
    pub lost: BTreeSet<Month>,
}

/// Finds the records `wanted` in `doc`, leaving out those of months in `rewrite`. Added records
/// sit at the end of the document's lists, so each list is searched from the end and the search
/// stops once every wanted record is found: the cost follows the recent chunk, not the history.
pub(super) fn carry(doc: &Document, wanted: &[Added], rewrite: &BTreeSet<Month>) -> Carried {
    let mut entries: HashMap<&EntryId, Month> = HashMap::new();
    let mut breaks: HashMap<&BreakId, Month> = HashMap::new();
    let mut checks: HashMap<&CheckId, Month> = HashMap::new();
    for added in wanted.iter().filter(|a| !rewrite.contains(&a.month)) {
        match &added.id {
            RecordId::Entry(id) => entries.insert(id, added.month),
            RecordId::Break(id) => breaks.insert(id, added.month),
            RecordId::Check(id) => checks.insert(id, added.month),
        };
    }
    let mut carried = Carried {
        bodies: BTreeMap::new(),
        ids: Vec::new(),
        lost: BTreeSet::new(),
    };
    let payload = &doc.payload;
    let found = take_from_end(payload.entries.shared(), &mut entries, |e| (&e.id, e.date));
    for e in found {
        let body = carried.bodies.entry(Month::of(e.date)).or_default();
        body.entries.push((**e).clone());
    }
    let found = take_from_end(payload.breaks.shared(), &mut breaks, |b| (&b.id, b.date));
    for b in found {
        let body = carried.bodies.entry(Month::of(b.date)).or_default();
        body.breaks.push((**b).clone());
    }
    let found = take_from_end(&payload.checks, &mut checks, |c| (&c.id, c.date));
    for c in found {
        let body = carried.bodies.entry(Month::of(c.date)).or_default();
        body.checks.push(c.clone());
    }
    carried.lost.extend(entries.values().chain(breaks.values()));
    carried.lost.extend(checks.values());
    // In the order loading reads them back, so that a loaded index equals the saved one.
    carried.ids = carried
        .bodies
        .iter()
        .flat_map(|(month, body)| ids_of(*month, body))
        .collect();
    carried
}

/// The records of `list` named in `wanted`, in list order, removing each from `wanted` as it is
/// found. A record dated outside the month it was wanted for is not taken (it stays wanted, so
/// its month is rewritten).
fn take_from_end<'a, T, I: Eq + std::hash::Hash + 'a>(
    list: &'a [T],
    wanted: &mut HashMap<&I, Month>,
    key: impl Fn(&'a T) -> (&'a I, chrono::NaiveDate),
) -> Vec<&'a T> {
    let mut found = Vec::new();
    for record in list.iter().rev() {
        if wanted.is_empty() {
            break;
        }
        let (id, date) = key(record);
        if wanted.get(id) == Some(&Month::of(date)) {
            wanted.remove(id);
            found.push(record);
        }
    }
    found.reverse();
    found
}

/// The compact chunks of the recent records, one per month.
pub(super) fn recent_months(bodies: &BTreeMap<Month, ChunkBody>, schema: u32) -> Vec<Chunk> {
    bodies
        .iter()
        .map(|(month, body)| {
            let CompactBody {
                refs,
                rows,
                rests,
                checks,
                ce,
            } = compact(body);
            Chunk {
                schema,
                month: *month,
                entries: Vec::new(),
                breaks: Vec::new(),
                refs,
                rows,
                rests,
                checks,
                ce,
                sealed: None,
            }
        })
        .collect()
}

/// The ids of the records in `body`, for the index this tab keeps in memory.
pub(super) fn ids_of(month: Month, body: &ChunkBody) -> impl Iterator<Item = Added> + '_ {
    let entries = body.entries.iter().map(move |e| Added {
        month,
        id: RecordId::Entry(e.id.clone()),
    });
    let breaks = body.breaks.iter().map(move |b| Added {
        month,
        id: RecordId::Break(b.id.clone()),
    });
    let checks = body.checks.iter().map(move |c| Added {
        month,
        id: RecordId::Check(c.id.clone()),
    });
    entries.chain(breaks).chain(checks)
}

/// Reads a recent chunk: opens it (`reference` checks its length and record count, when known),
/// checks every month's records like a month chunk's, and refuses an entry already read from
/// another chunk (`seen`, to which its entries are added).
pub(super) fn read_recent(
    text: &str,
    key: &str,
    reference: Option<&ChunkRef>,
    seen: &mut HashSet<EntryId>,
    cipher: Option<&dyn Cipher>,
) -> Result<Vec<(Month, ChunkBody)>, String> {
    let recent: Recent = open_stored(
        text,
        key,
        reference,
        cipher,
        |r: &mut Recent| r.sealed.take(),
        |r, plain| {
            r.months = crate::json::from_text(plain)
                .map_err(|e| format!("damaged inside its seal ({e})"))?;
            Ok(())
        },
    )?;
    if recent.schema < 4 {
        return Err(format!("it claims schema {}", recent.schema));
    }
    let mut months = Vec::new();
    let mut records = 0;
    for chunk in recent.months {
        let month = chunk.month;
        let body = check_chunk(chunk, month, None, seen)?;
        seen.extend(body.entries.iter().map(|e| e.id.clone()));
        records += body.records();
        months.push((month, body));
    }
    if let Some(expected) = reference.map(|r| r.records) {
        if records != expected {
            return Err(format!(
                "it holds {records} records where the index expects {expected}"
            ));
        }
    }
    Ok(months)
}
