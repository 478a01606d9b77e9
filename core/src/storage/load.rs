//! Loading: reads the index and its chunks, and recovers whatever can be recovered.
//!
//! Loading never fails as a whole. A chunk that cannot be read is reported in
//! [`Loaded::unreadable`] with its raw text, so the shell can set it aside, and the rest loads.
//! A missing or unreadable index (or catalog) is rebuilt from the pieces found in the store (see
//! [`super::rebuild`]); every piece is checked against its length, record count and checksum.
//! Pieces no index names are listed in [`Loaded::unnamed`], and new pieces are written above the
//! highest revision present. Data from a newer schema is left alone and reported, so the shell
//! opens read-only.

use super::catalog::{index_three_to_four, Catalog, IndexHead};
use super::keys::unnamed_keys;
use super::layout::{ChunkRef, Index, Snapshot, INDEX_KEY, LEGACY_KEY};
use super::read::{month_name, open_stored, read_chunk, read_registry};
use super::rebuild::{rebuild, Found};
use super::recent::{ids_of, read_recent, Added};
use super::sum::{sum_of, verify_check};
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
    /// The index was missing or unreadable and the records were gathered from the pieces found:
    /// what happened, in plain words.
    pub rebuilt: Option<String>,
    /// Data pieces in storage that no index names, kept until the clinician removes them.
    pub unnamed: Vec<String>,
}

impl Loaded {
    /// What loading an empty store finds: no records, nothing unreadable.
    pub fn empty(build: &str) -> Loaded {
        Loaded {
            doc: Document::new(build),
            index: None,
            unreadable: Vec::new(),
            migrated_from: None,
            newer: None,
            locked: None,
            rebuilt: None,
            unnamed: Vec::new(),
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
    let keys = kv.keys();
    let found = Found::scan(&keys);
    match kv.get(INDEX_KEY) {
        Some(text) => read_index(kv, &found, &mut loaded, text, unlocked),
        None if found.any() => recover(
            kv,
            &found,
            &mut loaded,
            unlocked,
            None,
            "was missing from storage",
        ),
        None => read_legacy(kv, &mut loaded),
    }
    if loaded.locked.is_none() {
        if let Some(index) = &loaded.index {
            loaded.unnamed = unnamed_keys(&keys, index);
            // New pieces must be written above every revision present, named or not.
            loaded.doc.revision = loaded.doc.revision.max(found.highest);
        }
    }
    loaded
}

/// Reads the stored index and what it names; recovers from the pieces found when the index or
/// its catalog cannot be read.
fn read_index(
    kv: &impl KeyValue,
    found: &Found,
    loaded: &mut Loaded,
    text: String,
    unlocked: Option<Unlocked<'_>>,
) {
    let decoded = decode_index(kv, &text);
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
        Ok(mut index) => {
            let (mut payload, mut unreadable, recent_ids) =
                read_chunks(kv, &mut index.chunks, index.recent.as_mut(), cipher);
            index.recent_ids = recent_ids;
            if let Some(reference) = &mut index.registry {
                match read_registry(kv, reference, cipher, &mut payload) {
                    Ok(()) => fill_sum(kv, reference),
                    Err(u) => unreadable.push(u),
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
        Err(IndexError::Decode(DecodeError::Newer { found })) => loaded.newer = Some(found),
        Err(IndexError::Decode(err)) => {
            loaded.unreadable.push(Unreadable {
                key: INDEX_KEY.into(),
                month: None,
                reason: format!("the index: {err}"),
                raw: text,
            });
            recover(kv, found, loaded, unlocked, None, "could not be read");
        }
        Err(IndexError::Catalog(unreadable, lock)) => {
            loaded.unreadable.push(*unreadable);
            recover(kv, found, loaded, unlocked, lock, "could not be read");
        }
    }
}

/// Gathers the records from the pieces `found` when the index cannot be used (`what` says why),
/// asking for the passphrase first when the newest catalog (or the index's `lock`) records a
/// lock that `unlocked` does not open.
fn recover(
    kv: &impl KeyValue,
    found: &Found,
    loaded: &mut Loaded,
    unlocked: Option<Unlocked<'_>>,
    lock: Option<LockHeader>,
    what: &str,
) {
    let lock = lock.or_else(|| found.newest_lock(kv));
    let cipher = match (&lock, unlocked) {
        (Some(stored), Some((header, cipher))) if stored == header => Some(cipher),
        _ => None,
    };
    if lock.is_some() && cipher.is_none() {
        loaded.locked = lock;
        loaded.doc.revision = found.highest;
        return;
    }
    rebuild(kv, found, loaded, cipher, lock);
    let months = loaded.index.as_ref().map_or(0, |i| i.chunks.len());
    loaded.rebuilt = Some(format!(
        "Tend's list of your saved data {what}, so it gathered your records again from what it \
         found in storage: {months} {} of records{}. Please check that your latest entries are \
         there. Older copies it did not use are kept, unchanged, under \u{201c}Your data\u{201d}.",
        if months == 1 { "month" } else { "months" },
        if loaded.index.as_ref().is_some_and(|i| i.registry.is_some()) {
            ", with your organisations and cases"
        } else {
            ""
        },
    ));
}

/// Schema 1's single document, migrated when read.
fn read_legacy(kv: &impl KeyValue, loaded: &mut Loaded) {
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
}

/// Gives `reference` the checksum of the text it names when it has none yet (data written before
/// checksums), once that text has been read and checked in every other way.
fn fill_sum(kv: &impl KeyValue, reference: &mut ChunkRef) {
    if reference.sum.is_none() {
        reference.sum = kv.get(&reference.key).map(|t| sum_of(&t));
    }
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
    let (mut journal, unreadable, _) = read_chunks(
        kv,
        &mut index.snapshot_chunks(snapshot),
        snapshot.recent.clone().as_mut(),
        cipher,
    );
    if let Some(u) = unreadable.first() {
        return Err(u.reason.clone());
    }
    if let Some(reference) = &snapshot.registry {
        read_registry(kv, reference, cipher, &mut journal).map_err(|u| u.reason)?;
    }
    Ok(journal)
}

/// Why the index could not be used.
enum IndexError {
    /// The index's own text.
    Decode(DecodeError),
    /// Schema 4's catalog, which the index names; with the lock header the index holds.
    Catalog(Box<Unreadable>, Option<LockHeader>),
}

/// Reads the index: schema 4's head and the catalog it names, or a schema 2 or 3 index in one
/// piece, brought to the same shape by the pure step [`index_three_to_four`] (its schema stays
/// the one found, so the first save knows to write the catalog).
fn decode_index(kv: &impl KeyValue, text: &str) -> Result<Index, IndexError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| IndexError::Decode(DecodeError::NotJson(e.to_string())))?;
    let schema = schema_of(&value).map_err(IndexError::Decode)?;
    let damaged = |e: String| IndexError::Decode(DecodeError::Damaged(e));
    if schema < 4 {
        let (head, catalog) = index_three_to_four(value).map_err(damaged)?;
        let mut head: IndexHead =
            serde_json::from_value(head).map_err(|e| damaged(e.to_string()))?;
        let catalog: Catalog =
            serde_json::from_value(catalog).map_err(|e| damaged(e.to_string()))?;
        head.schema = schema;
        return Ok(head.join(catalog));
    }
    let checked = verify_check(text).map_err(&damaged)?;
    let head: IndexHead = serde_json::from_value(value).map_err(|e| damaged(e.to_string()))?;
    if !checked && !head.sums.is_empty() {
        // Every index that keeps checksums also checks itself: its own check was damaged.
        return Err(damaged("its checksum is missing".into()));
    }
    let reference = head
        .catalog
        .clone()
        .ok_or_else(|| damaged("it names no catalog".into()))?;
    let raw = kv.get(&reference.key);
    let catalog = raw
        .as_deref()
        .ok_or_else(|| "it is missing".to_string())
        .and_then(|t| {
            open_stored(
                t,
                &reference.key,
                Some(&reference),
                None,
                |_: &mut Catalog| None,
                |_, _| Ok(()),
            )
        })
        .and_then(|c: Catalog| {
            if c.records() == reference.records {
                Ok(c)
            } else {
                Err(format!(
                    "it lists {} months and snapshots where the index expects {}",
                    c.records(),
                    reference.records
                ))
            }
        });
    match catalog {
        Ok(catalog) => Ok(head.join(catalog)),
        Err(reason) => Err(IndexError::Catalog(
            Box::new(Unreadable {
                key: reference.key,
                month: None,
                reason: format!("the list of months: {reason}"),
                raw: raw.unwrap_or_default(),
            }),
            head.lock,
        )),
    }
}

/// Reads the chunks named, then the recent chunk, checking each against its reference and every
/// record. Also returns the ids the recent chunk holds.
fn read_chunks(
    kv: &impl KeyValue,
    chunks: &mut BTreeMap<Month, ChunkRef>,
    recent: Option<&mut ChunkRef>,
    cipher: Option<&dyn Cipher>,
) -> (Journal, Vec<Unreadable>, Vec<Added>) {
    let mut journal = Journal::default();
    let mut unreadable = Vec::new();
    let mut seen: HashSet<EntryId> = HashSet::new();
    for (month, chunk_ref) in chunks.iter_mut() {
        let text = kv.get(&chunk_ref.key);
        match text
            .as_deref()
            .ok_or_else(|| "it is missing".to_string())
            .and_then(|t| read_chunk(t, &chunk_ref.key, *month, Some(chunk_ref), &seen, cipher))
        {
            Ok(body) => {
                fill_sum(kv, chunk_ref);
                seen.extend(body.entries.iter().map(|e| e.id.clone()));
                journal.entries.extend(body.entries);
                journal.breaks.extend(body.breaks);
                journal.checks.extend(body.checks);
                journal.ce_activities.extend(body.ce);
            }
            Err(reason) => unreadable.push(Unreadable {
                key: chunk_ref.key.clone(),
                month: Some(*month),
                reason: format!("the records for {}: {reason}", month_name(*month)),
                raw: text.unwrap_or_default(),
            }),
        }
    }
    let mut recent_ids = Vec::new();
    if let Some(reference) = recent {
        let text = kv.get(&reference.key);
        match text
            .as_deref()
            .ok_or_else(|| "it is missing".to_string())
            .and_then(|t| read_recent(t, &reference.key, Some(reference), &mut seen, cipher))
        {
            Ok(months) => {
                fill_sum(kv, reference);
                for (month, body) in months {
                    recent_ids.extend(ids_of(month, &body));
                    journal.entries.extend(body.entries);
                    journal.breaks.extend(body.breaks);
                    journal.checks.extend(body.checks);
                    journal.ce_activities.extend(body.ce);
                }
            }
            Err(reason) => unreadable.push(Unreadable {
                key: reference.key.clone(),
                month: None,
                reason: format!("the records added most recently: {reason}"),
                raw: text.unwrap_or_default(),
            }),
        }
    }
    (journal, unreadable, recent_ids)
}
