//! The stored shapes: the index, chunk references, snapshots, chunks and the registry.

use super::compact::CompactBody;
use super::recent::Added;
use crate::checks::{CheckResult, Instrument};
use crate::entry::WorkEntry;
use crate::lock::LockHeader;
use crate::month::Month;
use crate::requirements::{CeActivity, RequirementSet};
use crate::tracking::{BreakEntry, Case, Organisation, Targets};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The key of the index.
pub const INDEX_KEY: &str = "tend.index";
/// The key schema 1 kept the whole document under.
pub const LEGACY_KEY: &str = "tend.document";

/// Where one month's chunk is and what it holds. Stored as a short array,
/// `["tend.chunk.2026-11.r17", 9120, 242]`, because the index is rewritten on every save. The
/// checksum is stored beside the array, in a `sums` map of the index or catalog that names it
/// (see [`super::sum`]), so that builds which know only the three fields still read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(String, usize, usize)", into = "(String, usize, usize)")]
pub struct ChunkRef {
    /// The storage key of the chunk.
    pub key: String,
    /// Length of the chunk's text in characters, checked on load.
    pub chars: usize,
    /// Number of records in the chunk, checked on load.
    pub records: usize,
    /// Checksum of the chunk's text, checked on load; `None` for data written before checksums.
    pub sum: Option<String>,
}

impl From<(String, usize, usize)> for ChunkRef {
    fn from((key, chars, records): (String, usize, usize)) -> ChunkRef {
        ChunkRef {
            key,
            chars,
            records,
            sum: None,
        }
    }
}

impl From<ChunkRef> for (String, usize, usize) {
    fn from(r: ChunkRef) -> (String, usize, usize) {
        (r.key, r.chars, r.records)
    }
}

/// Why a snapshot was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SnapshotReason {
    /// One of the last few known-good states, taken at most once per policy interval.
    Rolling,
    /// The data exactly as it was before a schema migration.
    BeforeMigration,
}

/// An earlier state that can be restored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The revision of the state.
    pub revision: u64,
    /// When it was set aside, in milliseconds since 1970 (from the shell's clock).
    pub taken_at: i64,
    /// Why it was kept.
    pub reason: SnapshotReason,
    /// The chunks of that state that differ from the index's current ones, by month. Snapshots
    /// are a few days old, so this is usually a month or two, which keeps the index small.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub changed: BTreeMap<Month, ChunkRef>,
    /// Months the index has now that that state did not have.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<Month>,
    /// The registry of that state, if it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<ChunkRef>,
    /// Schema 4: the recent chunk of that state, if it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recent: Option<ChunkRef>,
    /// For a snapshot before migration: the key holding the old text exactly as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy_key: Option<String>,
    /// The schema of that state.
    #[serde(default = "current_schema")]
    pub schema: u32,
}

fn current_schema() -> u32 {
    crate::SCHEMA_VERSION
}

/// The index: the commit point of every save, as this build holds it in memory.
///
/// Schemas 2 and 3 stored it as it is here, under [`INDEX_KEY`]. Schema 4 stores it in two
/// parts (see [`super::catalog`]): under [`INDEX_KEY`] only the header, the recent chunk and a
/// reference to the catalog, which holds the chunk of each month, the registry and the
/// snapshots and is rewritten only when one of those changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    /// Schema of the index and its chunks.
    pub schema: u32,
    /// Number of changes applied since the data was created.
    pub revision: u64,
    /// The build that wrote this index.
    #[serde(default)]
    pub written_by: String,
    /// When this index was written, in milliseconds since 1970.
    #[serde(default)]
    pub saved_at: i64,
    /// The current chunk of each month that has records.
    #[serde(default)]
    pub chunks: BTreeMap<Month, ChunkRef>,
    /// The registry: organisations, cases, targets, imported instruments and requirement sets,
    /// when there are any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<ChunkRef>,
    /// Earlier states, oldest first.
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
    /// With the passphrase lock on: how to derive the key that opens the chunks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock: Option<LockHeader>,
    /// Schema 4: where the catalog (chunks, registry, snapshots) is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<ChunkRef>,
    /// Schema 4: the chunk of records added since their month's chunk was last written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recent: Option<ChunkRef>,
    /// The records that recent chunk holds, as read or written by this tab (not stored here).
    #[serde(skip)]
    pub recent_ids: Vec<Added>,
    /// The stored catalog lacks what this build writes into it (checksums, the lock's copy), or
    /// there is none: the next save writes it (not stored).
    #[serde(skip)]
    pub catalog_stale: bool,
}

impl Snapshot {
    /// Records `full` (the snapshot's whole chunk map) as a difference from `current`.
    pub fn set_chunks(
        &mut self,
        full: &BTreeMap<Month, ChunkRef>,
        current: &BTreeMap<Month, ChunkRef>,
    ) {
        self.changed = full
            .iter()
            .filter(|(m, r)| current.get(m) != Some(r))
            .map(|(m, r)| (*m, r.clone()))
            .collect();
        self.absent = current
            .keys()
            .filter(|m| !full.contains_key(m))
            .copied()
            .collect();
    }
}

impl Index {
    /// The whole chunk map of one of this index's snapshots.
    pub fn snapshot_chunks(&self, snapshot: &Snapshot) -> BTreeMap<Month, ChunkRef> {
        let mut chunks = self.chunks.clone();
        for month in &snapshot.absent {
            chunks.remove(month);
        }
        chunks.extend(snapshot.changed.iter().map(|(m, r)| (*m, r.clone())));
        chunks
    }

    /// Every reference this index holds, current and in snapshots, to attach checksums to.
    pub fn refs_mut(&mut self) -> impl Iterator<Item = &mut ChunkRef> {
        let snapshots = self.snapshots.iter_mut().flat_map(|s| {
            s.changed
                .values_mut()
                .chain(s.registry.as_mut())
                .chain(s.recent.as_mut())
        });
        self.chunks
            .values_mut()
            .chain(self.registry.as_mut())
            .chain(self.catalog.as_mut())
            .chain(self.recent.as_mut())
            .chain(snapshots)
    }

    /// Every storage key this index keeps alive: current chunks and snapshot contents.
    pub fn live_keys(&self) -> std::collections::BTreeSet<String> {
        // Filled by `extend`, not `collect()`: collecting into a B-tree sorts with its own copy of
        // the standard stable sort for each element type, kilobytes of wasm each (see `sorting`).
        let mut keys: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        keys.extend(self.chunks.values().map(|c| c.key.clone()));
        keys.extend(self.registry.as_ref().map(|r| r.key.clone()));
        keys.extend(self.catalog.as_ref().map(|r| r.key.clone()));
        keys.extend(self.recent.as_ref().map(|r| r.key.clone()));
        for s in &self.snapshots {
            keys.extend(s.changed.values().map(|c| c.key.clone()));
            keys.extend(s.registry.as_ref().map(|r| r.key.clone()));
            keys.extend(s.recent.as_ref().map(|r| r.key.clone()));
            keys.extend(s.legacy_key.clone());
        }
        keys
    }
}

/// The records of one month: what a chunk holds, and what is sealed when the lock is on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkBody {
    /// The month's work entries.
    #[serde(default)]
    pub entries: Vec<WorkEntry>,
    /// The month's breaks and time off (by the day they start).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<BreakEntry>,
    /// The month's self-check results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckResult>,
    /// The month's continuing-education activities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ce: Vec<CeActivity>,
}

impl ChunkBody {
    /// How many records the body holds.
    pub fn records(&self) -> usize {
        self.entries.len() + self.breaks.len() + self.checks.len() + self.ce.len()
    }
}

/// One month of records, as stored. Schema 3 writes the compact form (`refs`, `rows`, `rests`,
/// see [`super::compact`]); schemas 1 and 2 wrote `entries` and `breaks` as objects, which are
/// still read. The fields are listed here rather than flattened from the bodies, which keeps
/// the stored text the same and the reading code small.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chunk {
    /// Schema of the chunk.
    pub schema: u32,
    /// The month it holds; every record's date must fall in it.
    pub month: Month,
    /// Schema 2: the month's work entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<WorkEntry>,
    /// Schema 2: the month's breaks and time off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<BreakEntry>,
    /// Schema 3: the month's records in compact form (empty when sealed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<String>,
    /// Schema 3: work entries as rows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Vec<serde_json::Value>>,
    /// Schema 3: breaks as rows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rests: Vec<Vec<serde_json::Value>>,
    /// The month's self-check results, as objects in either schema (they are few: about one a
    /// week).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckResult>,
    /// The month's continuing-education activities, as objects (a few a year).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ce: Vec<CeActivity>,
    /// With the lock on: the body as sealed text, bound to the chunk's key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<String>,
}

impl Chunk {
    /// The compact body this chunk holds in the clear.
    pub fn compact_body(&mut self) -> CompactBody {
        CompactBody {
            refs: std::mem::take(&mut self.refs),
            rows: std::mem::take(&mut self.rows),
            rests: std::mem::take(&mut self.rests),
            checks: std::mem::take(&mut self.checks),
            ce: std::mem::take(&mut self.ce),
        }
    }
}

/// Records that are not dated by month: what the registry holds (organisations, cases, targets,
/// imported instrument definitions and requirement sets).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryBody {
    /// Organisations and their contracts.
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    /// The caseload, open and closed.
    #[serde(default)]
    pub cases: Vec<Case>,
    /// The clinician's targets.
    #[serde(default)]
    pub targets: Targets,
    /// Instrument definitions the clinician imported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<Instrument>,
    /// Requirement sets (supervision, licensure hours, CE cycles).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirement_sets: Vec<RequirementSet>,
}

impl RegistryBody {
    /// How many records the registry holds (the targets count as one).
    pub fn records(&self) -> usize {
        self.organisations.len()
            + self.cases.len()
            + self.instruments.len()
            + self.requirement_sets.len()
            + 1
    }

    /// True when the registry holds nothing but default targets, so none need be stored.
    pub fn is_empty(&self) -> bool {
        self.organisations.is_empty()
            && self.cases.is_empty()
            && self.instruments.is_empty()
            && self.requirement_sets.is_empty()
            && self.targets.is_default()
    }
}

/// The registry, as stored: the body's fields next to the schema (listed, not flattened).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    /// Schema of the registry.
    pub schema: u32,
    /// Organisations and their contracts (empty when sealed).
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    /// The caseload (empty when sealed).
    #[serde(default)]
    pub cases: Vec<Case>,
    /// The clinician's targets (defaults when sealed).
    #[serde(default)]
    pub targets: Targets,
    /// Imported self-check definitions (empty when sealed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<Instrument>,
    /// Requirement sets (empty when sealed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirement_sets: Vec<RequirementSet>,
    /// With the lock on: the body as sealed text, bound to the registry's key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<String>,
}

impl Registry {
    /// The registry holding `body` in the clear, or `sealed` text instead.
    pub fn new(schema: u32, body: RegistryBody, sealed: Option<String>) -> Registry {
        let body = if sealed.is_some() {
            RegistryBody::default()
        } else {
            body
        };
        Registry {
            schema,
            organisations: body.organisations,
            cases: body.cases,
            targets: body.targets,
            instruments: body.instruments,
            requirement_sets: body.requirement_sets,
            sealed,
        }
    }

    /// The records held in the clear.
    pub fn into_body(self) -> RegistryBody {
        RegistryBody {
            organisations: self.organisations,
            cases: self.cases,
            targets: self.targets,
            instruments: self.instruments,
            requirement_sets: self.requirement_sets,
        }
    }
}

/// The key the registry gets when written at `revision`.
pub fn registry_key(revision: u64) -> String {
    format!("{}{revision}", super::keys::REGISTRY_PREFIX)
}

/// The key a month's chunk gets when written at `revision`.
pub fn chunk_key(month: Month, revision: u64) -> String {
    format!("{}{month}.r{revision}", super::keys::CHUNK_PREFIX)
}

/// The key the catalog gets when written at `revision`.
pub fn catalog_key(revision: u64) -> String {
    format!("{}{revision}", super::keys::CATALOG_PREFIX)
}

/// The key the recent chunk gets when written at `revision`.
pub fn recent_key(revision: u64) -> String {
    format!("{}{revision}", super::keys::RECENT_PREFIX)
}
