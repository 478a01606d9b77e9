//! Recovery when the index is missing or unreadable, or names a catalog that cannot be read.
//!
//! The index is one key among many: a browser extension, a partial clear or a bug can remove it
//! while every month is still in storage. Showing an empty Tend then would hide the clinician's
//! records, and a new state starting again at revision 1 would write over them. Instead the
//! records are gathered from the pieces found (the newest readable chunk of each month, the newest
//! recent chunk for months it is newer than, the newest readable registry), and an index naming
//! exactly those pieces is made in memory, at the highest revision found in storage, so that the
//! next save writes every new piece above all of them and deletes none of them. Pieces not used
//! stay where they are, unnamed, until the clinician has seen them offered (see [`super::kept`]).

use super::catalog::Catalog;
use super::keys::{parse_data_key, DataKey};
use super::layout::{ChunkRef, Index, Snapshot};
use super::load::Loaded;
use super::read::{month_name, read_chunk, read_registry};
use super::recent::{ids_of, read_recent};
use super::write::reference;
use super::{Cipher, KeyValue, Unreadable};
use crate::document::SCHEMA_VERSION;
use crate::entry::EntryId;
use crate::lock::LockHeader;
use crate::month::Month;
use std::collections::{BTreeMap, HashSet};

/// A key with its order (revision, then the number after it).
type Ordered = ((u64, u32), String);

/// Tend's data keys found in storage, newest first within each kind.
#[derive(Default)]
pub(super) struct Found {
    months: BTreeMap<Month, Vec<Ordered>>,
    recents: Vec<Ordered>,
    registries: Vec<Ordered>,
    catalogs: Vec<Ordered>,
    /// The highest revision any data key carries.
    pub highest: u64,
}

impl Found {
    /// Sorts the data keys among `keys` by kind, newest first.
    pub fn scan(keys: &[String]) -> Found {
        let mut found = Found::default();
        for key in keys {
            let Some((kind, order)) = parse_data_key(key) else {
                continue;
            };
            found.highest = found.highest.max(order.0);
            let list = match kind {
                DataKey::Chunk(month) => found.months.entry(month).or_default(),
                DataKey::Recent => &mut found.recents,
                DataKey::Registry => &mut found.registries,
                DataKey::Catalog => &mut found.catalogs,
            };
            list.push((order, key.clone()));
        }
        let newest_first = |list: &mut Vec<Ordered>| list.sort_by(|a, b| b.cmp(a));
        found.months.values_mut().for_each(newest_first);
        newest_first(&mut found.recents);
        newest_first(&mut found.registries);
        newest_first(&mut found.catalogs);
        found
    }

    /// True when storage holds any of Tend's data pieces.
    pub fn any(&self) -> bool {
        !(self.months.is_empty()
            && self.recents.is_empty()
            && self.registries.is_empty()
            && self.catalogs.is_empty())
    }

    /// The newest catalog that can be read, with its key and text.
    fn newest_catalog(&self, kv: &impl KeyValue) -> Option<(String, Catalog, String)> {
        self.catalogs.iter().find_map(|(_, key)| {
            let text = kv.get(key)?;
            let catalog: Catalog = crate::json::from_text(&text).ok()?;
            Some((key.clone(), catalog, text))
        })
    }

    /// The lock header kept by the newest catalog that can be read (`None` when that catalog
    /// records no lock, or no catalog can be read).
    pub fn newest_lock(&self, kv: &impl KeyValue) -> Option<LockHeader> {
        self.newest_catalog(kv)?.1.lock
    }
}

/// The newest readable catalog, when it names exactly the month chunks the rebuild chose (the
/// index alone was lost): its snapshots are kept and the catalog itself stays named, to be
/// replaced by the next save like any catalog. Otherwise (a save cut short after writing months,
/// a damaged catalog) it is left unnamed and the snapshots are not rebuilt.
fn matching_catalog(
    found: &Found,
    kv: &impl KeyValue,
    chunks: &BTreeMap<Month, ChunkRef>,
) -> Option<(ChunkRef, Vec<Snapshot>)> {
    let (key, catalog, text) = found.newest_catalog(kv)?;
    let same = catalog.chunks.len() == chunks.len()
        && catalog.chunks.iter().all(|(month, r)| {
            chunks.get(month).is_some_and(|chosen| {
                chosen.key == r.key && catalog.sums.get(&r.key) == chosen.sum.as_ref()
            })
        });
    if !same {
        return None;
    }
    let records = catalog.records();
    let mut snapshots = catalog.snapshots;
    for s in &mut snapshots {
        let refs = s
            .changed
            .values_mut()
            .chain(s.registry.as_mut())
            .chain(s.recent.as_mut());
        for r in refs {
            r.sum = catalog.sums.get(&r.key).cloned();
        }
    }
    Some((reference(key, &text, records), snapshots))
}

/// Fills `loaded` from the pieces `found` in `kv`, opening sealed ones with `cipher`, and gives
/// it an index in memory that names exactly the pieces used.
pub(super) fn rebuild(
    kv: &impl KeyValue,
    found: &Found,
    loaded: &mut Loaded,
    cipher: Option<&dyn Cipher>,
    lock: Option<LockHeader>,
) {
    let payload = &mut loaded.doc.payload;
    let mut seen: HashSet<EntryId> = HashSet::new();
    let mut chunks: BTreeMap<Month, ChunkRef> = BTreeMap::new();
    let mut used_revision: BTreeMap<Month, u64> = BTreeMap::new();
    for (month, candidates) in &found.months {
        // The newest chunk that reads; a damaged newer one is named, and an older copy is used.
        for ((revision, _), key) in candidates {
            let text = kv.get(key).unwrap_or_default();
            match read_chunk(&text, key, *month, None, &seen, cipher) {
                Ok(body) => {
                    seen.extend(body.entries.iter().map(|e| e.id.clone()));
                    chunks.insert(*month, reference(key.clone(), &text, body.records()));
                    used_revision.insert(*month, *revision);
                    payload.entries.extend(body.entries);
                    payload.breaks.extend(body.breaks);
                    payload.checks.extend(body.checks);
                    payload.ce_activities.extend(body.ce);
                    break;
                }
                Err(reason) => loaded.unreadable.push(Unreadable {
                    key: key.clone(),
                    month: Some(*month),
                    reason: format!("the records for {}: {reason}", month_name(*month)),
                    raw: text,
                }),
            }
        }
    }

    let mut recent = None;
    let mut recent_ids = Vec::new();
    if let Some(((revision, _), key)) = found.recents.first() {
        let text = kv.get(key).unwrap_or_default();
        match read_recent(&text, key, None, &mut HashSet::new(), cipher) {
            Ok(months) => {
                let mut records = 0;
                for (month, mut body) in months {
                    records += body.records();
                    // A month written after this recent chunk already holds its records, or
                    // removed them on purpose.
                    if used_revision.get(&month).is_some_and(|r| r > revision) {
                        continue;
                    }
                    // The same record in its month's chunk and here is one record, kept once.
                    body.entries.retain(|e| !seen.contains(&e.id));
                    seen.extend(body.entries.iter().map(|e| e.id.clone()));
                    recent_ids.extend(ids_of(month, &body));
                    payload.entries.extend(body.entries);
                    payload.breaks.extend(body.breaks);
                    payload.checks.extend(body.checks);
                    payload.ce_activities.extend(body.ce);
                }
                recent = Some(reference(key.clone(), &text, records));
            }
            Err(reason) => loaded.unreadable.push(Unreadable {
                key: key.clone(),
                month: None,
                reason: format!("the records added most recently: {reason}"),
                raw: text,
            }),
        }
    }

    let mut registry = None;
    for (_, key) in &found.registries {
        let text = kv.get(key).unwrap_or_default();
        // Its length and checksum are those of the text found; its records are counted once read.
        let mut found_ref = reference(key.clone(), &text, 0);
        match read_registry(kv, &found_ref, cipher, payload) {
            Ok(()) => {
                found_ref.records = payload.organisations.len()
                    + payload.cases.len()
                    + payload.instruments.len()
                    + payload.requirement_sets.len()
                    + 1;
                registry = Some(found_ref);
                break;
            }
            Err(unreadable) => loaded.unreadable.push(unreadable),
        }
    }

    let (catalog, snapshots) = match matching_catalog(found, kv, &chunks) {
        Some((catalog, snapshots)) => (Some(catalog), snapshots),
        None => (None, Vec::new()),
    };
    loaded.doc.revision = found.highest;
    loaded.index = Some(Index {
        schema: SCHEMA_VERSION,
        revision: found.highest,
        written_by: String::new(),
        saved_at: 0,
        chunks,
        registry,
        snapshots,
        lock,
        catalog,
        recent,
        recent_ids,
        // The shell saves a rebuilt state at once: a new catalog and index, nothing else.
        catalog_stale: true,
    });
}
