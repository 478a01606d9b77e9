//! The text of each piece a save writes (a month's chunk, the recent chunk, the registry),
//! sealed with the lock's key when it is on, and the references the index keeps to them.

use super::compact::{compact, CompactBody};
use super::layout::{Chunk, ChunkBody, ChunkRef, Registry, RegistryBody};
use super::recent::Recent;
use super::sum::sum_of;
use super::Cipher;
use crate::document::SCHEMA_VERSION;
use crate::month::Month;
use std::collections::BTreeSet;

/// Seals `body` into the text stored in `sealed` when a cipher is given.
fn seal_body<T: serde::Serialize>(
    body: &T,
    key: &str,
    cipher: Option<&dyn Cipher>,
) -> Result<Option<String>, String> {
    match cipher {
        None => Ok(None),
        Some(cipher) => {
            let plain = serde_json::to_string(body).map_err(|e| e.to_string())?;
            cipher.seal(&plain, key).map(Some)
        }
    }
}

pub(super) fn chunk_text(
    month: Month,
    body: ChunkBody,
    key: &str,
    cipher: Option<&dyn Cipher>,
) -> Result<String, String> {
    let compact = compact(&body);
    let sealed = seal_body(&compact, key, cipher)?;
    let compact = if sealed.is_some() {
        CompactBody::default()
    } else {
        compact
    };
    let chunk = Chunk {
        schema: SCHEMA_VERSION,
        month,
        refs: compact.refs,
        rows: compact.rows,
        rests: compact.rests,
        checks: compact.checks,
        ce: compact.ce,
        sealed,
        entries: Vec::new(),
        breaks: Vec::new(),
    };
    serde_json::to_string(&chunk).map_err(|e| e.to_string())
}

pub(super) fn recent_text(
    months: Vec<Chunk>,
    key: &str,
    cipher: Option<&dyn Cipher>,
) -> Result<String, String> {
    let sealed = seal_body(&months, key, cipher)?;
    let months = if sealed.is_some() { Vec::new() } else { months };
    let recent = Recent {
        schema: SCHEMA_VERSION,
        months,
        sealed,
    };
    serde_json::to_string(&recent).map_err(|e| e.to_string())
}

pub(super) fn registry_text(
    body: RegistryBody,
    key: &str,
    cipher: Option<&dyn Cipher>,
) -> Result<String, String> {
    let sealed = seal_body(&body, key, cipher)?;
    serde_json::to_string(&Registry::new(SCHEMA_VERSION, body, sealed)).map_err(|e| e.to_string())
}

/// A key for new text: `key` itself, or `key` with `.1`, `.2`, ... after it, whichever is not
/// `taken`. `taken` holds every key in storage and every key the base index names, so a save
/// never writes over text it did not write in this state: not the pieces the stored index still
/// names (a save at the same revision as its base, for a lock change, say), and not pieces no
/// index names, such as those a save cut short left behind or older copies found after the index
/// was lost.
pub(super) fn free_key(key: String, taken: &BTreeSet<String>) -> String {
    if !taken.contains(&key) {
        return key;
    }
    (1u32..)
        .map(|n| format!("{key}.{n}"))
        .find(|k| !taken.contains(k))
        .unwrap_or(key)
}

/// The reference the index keeps to `text`, stored under `key` and holding `records` records.
pub(super) fn reference(key: String, text: &str, records: usize) -> ChunkRef {
    ChunkRef {
        key,
        chars: text.chars().count(),
        records,
        sum: Some(sum_of(text)),
    }
}
