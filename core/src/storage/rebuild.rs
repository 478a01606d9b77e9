//! Recovery after an unreadable index or catalog: the newest chunk of each month found among the
//! keys, and the newest recent chunk's records for months it is newer than.

use super::load::Loaded;
use super::read::{month_name, read_chunk};
use super::recent::read_recent;
use super::{Cipher, KeyValue, Unreadable};
use crate::month::Month;
use std::collections::{BTreeMap, HashSet};

/// Rebuilds `loaded` from the chunks found in `kv`. A record in the newest recent chunk is taken
/// only when that chunk is at least as new as its month's newest chunk: a month rewritten later
/// already holds it, or removed it.
pub(super) fn rebuild_from_chunks(
    kv: &impl KeyValue,
    loaded: &mut Loaded,
    cipher: Option<&dyn Cipher>,
) {
    let mut newest: BTreeMap<Month, (u64, String)> = BTreeMap::new();
    let mut newest_recent: Option<(u64, String)> = None;
    for key in kv.keys() {
        if let Some(revision) = parse_recent_key(&key) {
            if newest_recent.as_ref().is_none_or(|(r, _)| revision > *r) {
                newest_recent = Some((revision, key));
            }
            continue;
        }
        let Some((month, revision)) = parse_chunk_key(&key) else {
            continue;
        };
        if newest.get(&month).is_none_or(|(r, _)| revision > *r) {
            newest.insert(month, (revision, key));
        }
    }
    let mut seen = HashSet::new();
    let mut top_revision = 0;
    for (month, (revision, key)) in &newest {
        let text = kv.get(key).unwrap_or_default();
        match read_chunk(&text, key, *month, None, &seen, cipher) {
            Ok(body) => {
                seen.extend(body.entries.iter().map(|e| e.id.clone()));
                loaded.doc.payload.entries.extend(body.entries);
                loaded.doc.payload.breaks.extend(body.breaks);
                loaded.doc.payload.checks.extend(body.checks);
                top_revision = top_revision.max(*revision);
            }
            Err(reason) => loaded.unreadable.push(Unreadable {
                key: key.clone(),
                month: Some(*month),
                reason: format!("the records for {}: {reason}", month_name(*month)),
                raw: text,
            }),
        }
    }
    if let Some((revision, key)) = newest_recent {
        let text = kv.get(&key).unwrap_or_default();
        match read_recent(&text, &key, None, &mut seen, cipher) {
            Ok(months) => {
                for (month, body) in months {
                    if newest.get(&month).is_some_and(|(r, _)| *r > revision) {
                        continue;
                    }
                    loaded.doc.payload.entries.extend(body.entries);
                    loaded.doc.payload.breaks.extend(body.breaks);
                    loaded.doc.payload.checks.extend(body.checks);
                    top_revision = top_revision.max(revision);
                }
            }
            Err(reason) => loaded.unreadable.push(Unreadable {
                key,
                month: None,
                reason: format!("the records added most recently: {reason}"),
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
    Some((month.parse().ok()?, leading_number(revision)?))
}

/// `tend.recent.r17` (or `tend.recent.r17.1`) → 17.
fn parse_recent_key(key: &str) -> Option<u64> {
    leading_number(key.strip_prefix("tend.recent.r")?)
}

fn leading_number(text: &str) -> Option<u64> {
    text.split('.').next()?.parse().ok()
}
