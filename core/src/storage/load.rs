//! Loading: reads the index and its chunks, and recovers whatever can be recovered.
//!
//! Loading never fails as a whole. A chunk that cannot be read is reported in
//! [`Loaded::unreadable`] with its raw text, so the shell can set it aside, and the rest loads.
//! An unreadable index is rebuilt from the newest chunk of each month found in the store. Data
//! from a newer schema is left alone and reported, so the shell opens read-only.

use super::compact::{expand, CompactBody};
use super::layout::{
    Chunk, ChunkBody, ChunkRef, Index, Registry, RegistryBody, Snapshot, INDEX_KEY, LEGACY_KEY,
};
use super::{Cipher, KeyValue};
use crate::document::{schema_of, DecodeError, Document, SCHEMA_VERSION};
use crate::entry::EntryId;
use crate::journal::Journal;
use crate::lock::LockHeader;
use crate::month::Month;
use std::collections::{BTreeMap, HashSet};

/// Stored text that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The key it was found under.
    pub key: String,
    /// The month it held, when known.
    pub month: Option<Month>,
    /// What was wrong, in plain words.
    pub reason: String,
    /// The text exactly as found (empty when the key was missing).
    pub raw: String,
}

/// What [`load`] found.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The records that could be read.
    pub doc: Document,
    /// The index the next save builds on; `None` when nothing is stored in schema 2 yet or the
    /// index had to be rebuilt, in which case the next save writes every month.
    pub index: Option<Index>,
    /// What could not be read.
    pub unreadable: Vec<Unreadable>,
    /// The schema migrated from, when older data was found.
    pub migrated_from: Option<u32>,
    /// The schema found, when newer than this build: nothing may be written.
    pub newer: Option<u32>,
    /// The data is locked and no key was given: the lock's header, to ask for the passphrase.
    pub locked: Option<LockHeader>,
}

impl Loaded {
    fn empty(build: &str) -> Loaded {
        Loaded {
            doc: Document::new(build),
            index: None,
            unreadable: Vec::new(),
            migrated_from: None,
            newer: None,
            locked: None,
        }
    }
}

/// The key a tab holds: the lock header it was unlocked under and the cipher it opened.
pub type Unlocked<'a> = (&'a LockHeader, &'a dyn Cipher);

/// Reads Tend's data from `kv`. When the stored lock header is the one `unlocked` was opened
/// under, sealed chunks are opened with its cipher; any other lock (another tab turned the lock
/// off and on again, say) is reported as locked rather than read with the wrong key, so that
/// nothing sealed is ever mistaken for damage.
pub fn load(kv: &impl KeyValue, build: &str, unlocked: Option<Unlocked<'_>>) -> Loaded {
    let mut loaded = Loaded::empty(build);
    if let Some(text) = kv.get(INDEX_KEY) {
        let decoded = decode_index(&text);
        let cipher = match (&decoded, unlocked) {
            (
                Ok(Index {
                    lock: Some(stored), ..
                }),
                Some((header, cipher)),
            ) if stored == header => Some(cipher),
            _ => None,
        };
        match decoded {
            Ok(index) if index.lock.is_some() && cipher.is_none() => {
                loaded.locked = index.lock.clone();
                loaded.doc.revision = index.revision;
                loaded.index = Some(index);
            }
            Ok(index) => {
                let (mut payload, mut unreadable) = read_chunks(kv, &index.chunks, cipher);
                if let Some(reference) = &index.registry {
                    if let Err(u) = read_registry(kv, reference, cipher, &mut payload) {
                        unreadable.push(u);
                    }
                }
                loaded.doc = Document {
                    schema: SCHEMA_VERSION,
                    revision: index.revision,
                    written_by: index.written_by.clone(),
                    payload,
                };
                loaded.unreadable = unreadable;
                loaded.index = Some(index);
            }
            Err(DecodeError::Newer { found }) => loaded.newer = Some(found),
            Err(err) => {
                loaded.unreadable.push(Unreadable {
                    key: INDEX_KEY.into(),
                    month: None,
                    reason: format!("the index: {err}"),
                    raw: text,
                });
                rebuild_from_chunks(kv, &mut loaded, cipher);
            }
        }
        return loaded;
    }
    if let Some(text) = kv.get(LEGACY_KEY) {
        match Document::decode(&text) {
            Ok(doc) => {
                loaded.doc = doc;
                loaded.migrated_from = Some(1);
            }
            Err(DecodeError::Newer { found }) => loaded.newer = Some(found),
            Err(err) => loaded.unreadable.push(Unreadable {
                key: LEGACY_KEY.into(),
                month: None,
                reason: err.to_string(),
                raw: text,
            }),
        }
    }
    loaded
}

/// Reads an earlier state kept by a snapshot, all or nothing.
pub fn load_snapshot(
    kv: &impl KeyValue,
    index: &Index,
    snapshot: &Snapshot,
    cipher: Option<&dyn Cipher>,
) -> Result<Journal, String> {
    if let Some(key) = &snapshot.legacy_key {
        let text = kv.get(key).ok_or("the saved copy is missing")?;
        return Document::decode(&text)
            .map(|d| d.payload)
            .map_err(|e| e.to_string());
    }
    let (mut journal, unreadable) = read_chunks(kv, &index.snapshot_chunks(snapshot), cipher);
    if let Some(u) = unreadable.first() {
        return Err(u.reason.clone());
    }
    if let Some(reference) = &snapshot.registry {
        read_registry(kv, reference, cipher, &mut journal).map_err(|u| u.reason)?;
    }
    Ok(journal)
}

fn decode_index(text: &str) -> Result<Index, DecodeError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    schema_of(&value)?;
    serde_json::from_value(value).map_err(|e| DecodeError::Damaged(e.to_string()))
}

fn month_name(month: Month) -> String {
    // Month::to_string is YYYY-MM; a name reads better in a message.
    let text = month.to_string();
    chrono::NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
        .map(|d| d.format("%B %Y").to_string())
        .unwrap_or(text)
}

/// Reads the chunks named, checking each against its reference and every record.
fn read_chunks(
    kv: &impl KeyValue,
    chunks: &BTreeMap<Month, ChunkRef>,
    cipher: Option<&dyn Cipher>,
) -> (Journal, Vec<Unreadable>) {
    let mut journal = Journal::default();
    let mut unreadable = Vec::new();
    let mut seen: HashSet<EntryId> = HashSet::new();
    for (month, chunk_ref) in chunks {
        let text = kv.get(&chunk_ref.key);
        match text
            .as_deref()
            .ok_or_else(|| "it is missing".to_string())
            .and_then(|t| read_chunk(t, &chunk_ref.key, *month, Some(chunk_ref), &seen, cipher))
        {
            Ok(body) => {
                seen.extend(body.entries.iter().map(|e| e.id.clone()));
                journal.entries.extend(body.entries);
                journal.breaks.extend(body.breaks);
                journal.checks.extend(body.checks);
            }
            Err(reason) => unreadable.push(Unreadable {
                key: chunk_ref.key.clone(),
                month: Some(*month),
                reason: format!("the records for {}: {reason}", month_name(*month)),
                raw: text.unwrap_or_default(),
            }),
        }
    }
    (journal, unreadable)
}

/// Parses stored text, checking its length against the index and its schema, and opens its
/// sealed part (`sealed` names the field) with `cipher`.
fn open_stored<T: serde::de::DeserializeOwned>(
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

fn read_chunk(
    text: &str,
    key: &str,
    month: Month,
    reference: Option<&ChunkRef>,
    seen: &HashSet<EntryId>,
    cipher: Option<&dyn Cipher>,
) -> Result<ChunkBody, String> {
    let mut chunk: Chunk = open_stored(
        text,
        key,
        reference,
        cipher,
        |c: &mut Chunk| c.sealed.take(),
        |c, plain| {
            let damaged = |e: serde_json::Error| format!("damaged inside its seal ({e})");
            if c.schema >= 3 {
                let body: CompactBody = crate::json::from_text(plain).map_err(damaged)?;
                (c.refs, c.rows, c.rests, c.checks) =
                    (body.refs, body.rows, body.rests, body.checks);
            } else {
                let body: ChunkBody = crate::json::from_text(plain).map_err(damaged)?;
                (c.entries, c.breaks, c.checks) = (body.entries, body.breaks, body.checks);
            }
            Ok(())
        },
    )?;
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
        }
    };
    if let Some(r) = reference {
        if body.records() != r.records {
            return Err(format!(
                "it holds {} records where the index expects {}",
                body.records(),
                r.records
            ));
        }
    }
    let journal = Journal {
        entries: body.entries,
        breaks: body.breaks,
        checks: body.checks,
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
    Ok(ChunkBody {
        entries: journal.entries,
        breaks: journal.breaks,
        checks: journal.checks,
    })
}

/// Reads the registry named by an index into `journal`, or says why it could not.
fn read_registry(
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
            Ok(())
        }
        Err(reason) => Err(Unreadable {
            key: reference.key.clone(),
            month: None,
            reason: format!(
                "your organisations, cases, targets and imported instruments: {reason}"
            ),
            raw: text.unwrap_or_default(),
        }),
    }
}

/// After an unreadable index: take the newest chunk of each month found among the keys.
fn rebuild_from_chunks(kv: &impl KeyValue, loaded: &mut Loaded, cipher: Option<&dyn Cipher>) {
    let mut newest: BTreeMap<Month, (u64, String)> = BTreeMap::new();
    for key in kv.keys() {
        let Some((month, revision)) = parse_chunk_key(&key) else {
            continue;
        };
        if newest.get(&month).is_none_or(|(r, _)| revision > *r) {
            newest.insert(month, (revision, key));
        }
    }
    let mut seen = HashSet::new();
    let mut top_revision = 0;
    for (month, (revision, key)) in newest {
        let text = kv.get(&key).unwrap_or_default();
        match read_chunk(&text, &key, month, None, &seen, cipher) {
            Ok(body) => {
                seen.extend(body.entries.iter().map(|e| e.id.clone()));
                loaded.doc.payload.entries.extend(body.entries);
                loaded.doc.payload.breaks.extend(body.breaks);
                loaded.doc.payload.checks.extend(body.checks);
                top_revision = top_revision.max(revision);
            }
            Err(reason) => loaded.unreadable.push(Unreadable {
                key,
                month: Some(month),
                reason: format!("the records for {}: {reason}", month_name(month)),
                raw: text,
            }),
        }
    }
    loaded.doc.revision = top_revision;
}

/// `tend.chunk.2026-11.r17` → (2026-11, 17).
fn parse_chunk_key(key: &str) -> Option<(Month, u64)> {
    let rest = key.strip_prefix("tend.chunk.")?;
    let (month, revision) = rest.split_once(".r")?;
    Some((month.parse().ok()?, revision.parse().ok()?))
}
