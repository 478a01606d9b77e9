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
}

impl Catalog {
    /// The catalog part of an index.
    pub fn of(index: &Index) -> Catalog {
        Catalog {
            schema: index.schema,
            chunks: index.chunks.clone(),
            snapshots: index.snapshots.clone(),
        }
    }

    /// How many records the catalog's reference counts: its months and snapshots.
    pub fn records(&self) -> usize {
        self.chunks.len() + self.snapshots.len()
    }
}

impl IndexHead {
    /// The whole index, from this head, its catalog and the ids in its recent chunk.
    pub fn join(self, catalog: Catalog) -> Index {
        Index {
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
        }
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
