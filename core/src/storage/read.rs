//! Reading one stored piece: a month's chunk or the registry, checked against the index's
//! reference and record by record, and opened with the lock's key when sealed.

use super::compact::{expand, CompactBody};
use super::layout::{Chunk, ChunkBody, ChunkRef, Registry, RegistryBody};
use super::sum::sum_of;
use super::{Cipher, KeyValue, Unreadable};
use crate::document::schema_of;
use crate::entry::EntryId;
use crate::journal::Journal;
use crate::month::Month;
use std::collections::HashSet;

pub(super) fn month_name(month: Month) -> String {
    // Month::to_string is YYYY-MM; a name reads better in a message.
    let text = month.to_string();
    chrono::NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
        .map(|d| d.format("%B %Y").to_string())
        .unwrap_or(text)
}

/// Parses stored text, checking its length against the index and its schema, and opens its
/// sealed part (`sealed` names the field) with `cipher`.
pub(super) fn open_stored<T: serde::de::DeserializeOwned>(
    text: &str,
    key: &str,
    reference: Option<&ChunkRef>,
    cipher: Option<&dyn Cipher>,
    sealed: impl FnOnce(&mut T) -> Option<String>,
    unseal: impl FnOnce(&mut T, &str) -> Result<(), String>,
) -> Result<T, String> {
    if let Some(r) = reference {
        let chars = text.chars().count();
        if chars != r.chars {
            return Err(format!(
                "its length ({chars}) differs from the index ({}), so it may be cut short",
                r.chars
            ));
        }
        if let Some(expected) = &r.sum {
            if sum_of(text) != *expected {
                return Err(
                    "its content differs from what Tend saved (its checksum does not \
                    match), so it was changed outside Tend"
                        .into(),
                );
            }
        }
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not readable ({e})"))?;
    schema_of(&value).map_err(|e| e.to_string())?;
    let mut stored: T = serde_json::from_value(value).map_err(|e| format!("damaged ({e})"))?;
    if let Some(text) = sealed(&mut stored) {
        let cipher = cipher.ok_or("it is locked and no passphrase was given")?;
        let plain = cipher.open(&text, key)?;
        unseal(&mut stored, &plain)?;
    }
    Ok(stored)
}

pub(super) fn read_chunk(
    text: &str,
    key: &str,
    month: Month,
    reference: Option<&ChunkRef>,
    seen: &HashSet<EntryId>,
    cipher: Option<&dyn Cipher>,
) -> Result<ChunkBody, String> {
    let chunk: Chunk = open_stored(
        text,
        key,
        reference,
        cipher,
        |c: &mut Chunk| c.sealed.take(),
        |c, plain| {
            let damaged = |e: serde_json::Error| format!("damaged inside its seal ({e})");
            if c.schema >= 3 {
                let body: CompactBody = crate::json::from_text(plain).map_err(damaged)?;
                (c.refs, c.rows, c.rests, c.checks, c.ce) =
                    (body.refs, body.rows, body.rests, body.checks, body.ce);
            } else {
                let body: ChunkBody = crate::json::from_text(plain).map_err(damaged)?;
                (c.entries, c.breaks, c.checks, c.ce) =
                    (body.entries, body.breaks, body.checks, body.ce);
            }
            Ok(())
        },
    )?;
    check_chunk(chunk, month, reference.map(|r| r.records), seen)
}

/// Checks one month's records as read (its month, every record, the count the index expects)
/// and expands them.
pub(super) fn check_chunk(
    mut chunk: Chunk,
    month: Month,
    records: Option<usize>,
    seen: &HashSet<EntryId>,
) -> Result<ChunkBody, String> {
    if chunk.month != month {
        return Err(format!("it holds {} instead", chunk.month));
    }
    let body = if chunk.schema >= 3 {
        if !chunk.entries.is_empty() || !chunk.breaks.is_empty() {
            return Err("damaged (records in both the old and the new form)".into());
        }
        expand(month, chunk.compact_body()).map_err(|e| format!("damaged ({e})"))?
    } else {
        if !chunk.rows.is_empty() || !chunk.rests.is_empty() || !chunk.refs.is_empty() {
            return Err("damaged (records in both the old and the new form)".into());
        }
        ChunkBody {
            entries: chunk.entries,
            breaks: chunk.breaks,
            checks: chunk.checks,
            ce: chunk.ce,
        }
    };
    if let Some(expected) = records {
        if body.records() != expected {
            return Err(format!(
                "it holds {} records where the index expects {}",
                body.records(),
                expected
            ));
        }
    }
    let journal = Journal {
        entries: body.entries.into(),
        breaks: body.breaks.into(),
        checks: body.checks,
        ce_activities: body.ce,
        ..Journal::default()
    };
    journal.check()?;
    for e in &journal.entries {
        if !month.contains(e.date) {
            return Err(format!(
                "entry {} is dated {} outside the month",
                e.id, e.date
            ));
        }
        if seen.contains(&e.id) {
            return Err(format!("entry {} is also in another month", e.id));
        }
    }
    if let Some(b) = journal.breaks.iter().find(|b| !month.contains(b.date)) {
        return Err(format!(
            "break {} is dated {} outside the month",
            b.id.0, b.date
        ));
    }
    if let Some(c) = journal.checks.iter().find(|c| !month.contains(c.date)) {
        return Err(format!(
            "self-check {} is dated {} outside the month",
            c.id, c.date
        ));
    }
    if let Some(a) = journal
        .ce_activities
        .iter()
        .find(|a| !month.contains(a.date))
    {
        return Err(format!(
            "CE activity {} is dated {} outside the month",
            a.id, a.date
        ));
    }
    Ok(ChunkBody {
        entries: journal.entries.into_vec(),
        breaks: journal.breaks.into_vec(),
        checks: journal.checks,
        ce: journal.ce_activities,
    })
}

/// Reads the registry named by an index into `journal`, or says why it could not.
pub(super) fn read_registry(
    kv: &impl KeyValue,
    reference: &ChunkRef,
    cipher: Option<&dyn Cipher>,
    journal: &mut Journal,
) -> Result<(), Unreadable> {
    let text = kv.get(&reference.key);
    let body = text
        .as_deref()
        .ok_or_else(|| "it is missing".to_string())
        .and_then(|t| {
            open_stored(
                t,
                &reference.key,
                Some(reference),
                cipher,
                |r: &mut Registry| r.sealed.take(),
                |r, plain| {
                    let body = crate::json::from_text::<RegistryBody>(plain)
                        .map_err(|e| format!("damaged inside its seal ({e})"))?;
                    *r = Registry::new(r.schema, body, None);
                    Ok(())
                },
            )
        })
        .map(Registry::into_body);
    match body {
        Ok(body) => {
            journal.organisations = body.organisations;
            journal.cases = body.cases;
            journal.targets = body.targets;
            journal.instruments = body.instruments;
            journal.requirement_sets = body.requirement_sets;
            Ok(())
        }
        Err(reason) => Err(Unreadable {
            key: reference.key.clone(),
            month: None,
            reason: format!(
                "your organisations, cases, targets, imported instruments and requirement sets: {reason}"
            ),
            raw: text.unwrap_or_default(),
        }),
    }
}
