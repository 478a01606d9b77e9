//! Schema 4 stores the index in two parts, so that a save that only adds a record writes a few
//! hundred characters of index instead of the whole list of months.
//!
//! - `tend.index` (the commit point, rewritten by every save): schema, revision, writing build,
//!   save time, lock header, the registry, the recent chunk, and a reference to the catalog.
//! - `tend.catalog.r<revision>`: the chunk of each month and the snapshots. It is
//!   written like a chunk, under a new key and before the index, and only when one of those
//!   changes (a month is rewritten, a snapshot is taken); otherwise the new index names the same
//!   catalog as the old one.
//!
//! Schema 3 kept everything under `tend.index`; [`index_three_to_four`] is the pure step between
//! the two shapes.

use super::layout::{ChunkRef, Index, Snapshot};
use crate::lock::LockHeader;
use crate::month::Month;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// What schema 4 stores under `tend.index`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexHead {
    /// Schema of the index.
    pub schema: u32,
    /// Number of changes applied since the data was created.
    pub revision: u64,
    /// The build that wrote this index.
    #[serde(default)]
    pub written_by: String,
    /// When this index was written, in milliseconds since 1970.
    #[serde(default)]
    pub saved_at: i64,
    /// Where the catalog is (always there in schema 4; absent while reading schema 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<ChunkRef>,
    /// The registry, when there is one (here rather than in the catalog, so that a registry
    /// change does not rewrite the catalog).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<ChunkRef>,
    /// The recent chunk, when there are records added since their months were written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recent: Option<ChunkRef>,
    /// With the passphrase lock on: how to derive the key that opens the chunks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock: Option<LockHeader>,
    /// Checksums of the catalog, registry and recent chunk, by key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sums: BTreeMap<String, String>,
}

/// What schema 4 stores under `tend.catalog.r<revision>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    /// Schema of the catalog.
    pub schema: u32,
    /// The current chunk of each month that has records in a chunk.
    #[serde(default)]
    pub chunks: BTreeMap<Month, ChunkRef>,
    /// Earlier states, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
    /// Checksums of the month chunks and of every piece a snapshot names, by key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sums: BTreeMap<String, String>,
    /// A copy of the lock header the index holds, so that sealed months can still be opened
    /// should the index be lost (it changes only when every month is rewritten anyway).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock: Option<LockHeader>,
}

impl Catalog {
    /// The catalog part of an index, with the checksums of what it names.
    pub fn of(index: &Index) -> Catalog {
        let mut catalog = Catalog {
            schema: index.schema,
            chunks: index.chunks.clone(),
            snapshots: index.snapshots.clone(),
            sums: BTreeMap::new(),
            lock: index.lock.clone(),
        };
        let snapshot_refs = catalog.snapshots.iter().flat_map(|s| {
            s.changed
                .values()
                .chain(s.registry.as_ref())
                .chain(s.recent.as_ref())
        });
        catalog.sums = sums_of(catalog.chunks.values().chain(snapshot_refs));
        catalog
    }

    /// How many records the catalog's reference counts: its months and snapshots.
    pub fn records(&self) -> usize {
        self.chunks.len() + self.snapshots.len()
    }
}

/// The checksums known for `refs`, by key.
pub(super) fn sums_of<'a>(refs: impl Iterator<Item = &'a ChunkRef>) -> BTreeMap<String, String> {
    let mut sums = BTreeMap::new();
    sums.extend(refs.filter_map(|r| Some((r.key.clone(), r.sum.clone()?))));
    sums
}

impl IndexHead {
    /// The head of `index`, with the checksums of the pieces it names itself.
    pub fn of(index: &Index) -> IndexHead {
        let own = [&index.catalog, &index.registry, &index.recent];
        IndexHead {
            schema: index.schema,
            revision: index.revision,
            written_by: index.written_by.clone(),
            saved_at: index.saved_at,
            catalog: index.catalog.clone(),
            registry: index.registry.clone(),
            recent: index.recent.clone(),
            lock: index.lock.clone(),
            sums: sums_of(own.into_iter().flatten()),
        }
    }

    /// The whole index, from this head and its catalog, with every stored checksum attached to
    /// its reference. The recent chunk's ids are filled in once it is read.
    pub fn join(self, catalog: Catalog) -> Index {
        let stale = self.catalog.is_none()
            || catalog.lock != self.lock
            || catalog
                .chunks
                .values()
                .any(|r| !catalog.sums.contains_key(&r.key));
        let sums = [self.sums, catalog.sums];
        let mut index = Index {
            schema: self.schema,
            revision: self.revision,
            written_by: self.written_by,
            saved_at: self.saved_at,
            chunks: catalog.chunks,
            registry: self.registry,
            snapshots: catalog.snapshots,
            lock: self.lock,
            catalog: self.catalog,
            recent: self.recent,
            recent_ids: Vec::new(),
            catalog_stale: stale,
        };
        for reference in index.refs_mut() {
            if let Some(sum) = sums.iter().find_map(|s| s.get(&reference.key)) {
                reference.sum = Some(sum.clone());
            }
        }
        index
    }
}

/// The pure step from a schema 3 index (everything under `tend.index`; schema 2's index has the
/// same shape) to schema 4's two parts: the head's fields (without its catalog reference, which
/// the first save gives it) and the catalog. Records, chunks and snapshots are untouched: schema
/// 4 reads schema 3 chunks as they are. The schema numbers in both become 4.
pub fn index_three_to_four(mut index: Value) -> Result<(Value, Value), String> {
    let object = index.as_object_mut().ok_or("the index is not an object")?;
    if !matches!(object.get("schema").and_then(Value::as_u64), Some(2 | 3)) {
        return Err("the index is not schema 2 or 3".into());
    }
    let mut catalog = serde_json::Map::new();
    catalog.insert("schema".into(), Value::from(4));
    for field in ["chunks", "snapshots"] {
        if let Some(value) = object.remove(field) {
            catalog.insert(field.into(), value);
        }
    }
    object.insert("schema".into(), Value::from(4));
    Ok((index, Value::Object(catalog)))
}
