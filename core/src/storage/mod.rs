//! How Tend lays its data out in a key-value store (the browser's localStorage), as pure code.
//!
//! Saving must stay cheap after years of use and must never lose data, so the journal is stored
//! in monthly chunks under an index:
//!
//! - `tend.index` names the chunk holding each month, the schema, the revision and the writing
//!   build, and keeps a few rolling snapshots (older indexes) that can be restored.
//! - `tend.chunk.<YYYY-MM>.r<revision>` holds one month's entries. Chunks are never rewritten in
//!   place: a changed month gets a new key that no key in storage has, the index is written last
//!   as the commit point, and pieces the previous index named and the new one does not are deleted
//!   afterwards. A save that fails half-way therefore leaves the previous state whole, and keys
//!   no index names are never written over or deleted by a save (see `keys.rs` and `sum.rs`).
//! - Since schema 4, records added since their month was written wait in a small recent chunk,
//!   and the list of months lives in a catalog written only when it changes, so adding a record
//!   writes a few hundred characters plus the recent chunk (see [`recent`] and [`catalog`]).
//!
//! The browser shell only runs what this module plans: [`load`] reads through the [`KeyValue`]
//! trait and [`plan_save`] returns the exact writes and deletes. Both are tested natively with an
//! in-memory map.

mod catalog;
mod compact;
mod ids;
mod keys;
mod layout;
mod ledger;
mod load;
mod read;
mod rebuild;
mod recent;
mod save;
mod snapshots;
mod sum;
mod sync_store;
mod touch;
mod usage;
mod write;

pub use crate::document::migrate::{migrate, MigrationError};
pub use catalog::{index_three_to_four, Catalog, IndexHead};
pub use compact::{compact, expand, CompactBody};
pub use keys::{describe_key, is_data_key, parse_data_key, unnamed_keys, DataKey};
pub use layout::{
    catalog_key, chunk_key, recent_key, registry_key, Chunk, ChunkBody, ChunkRef, Index, Registry,
    RegistryBody, Snapshot, SnapshotReason, INDEX_KEY, LEGACY_KEY,
};
pub use ledger::{KeyStore, Ledger, SaveContext, SaveDone, SaveError};
pub use load::{load, load_snapshot, Loaded, Unlocked, Unreadable};
pub use recent::{Added, Recent, RecordId, FOLD_CHARS};
pub use save::{plan_save, SavePlan, SaveRequest, SnapshotPolicy, SnapshotRequest};
pub use sum::sum_of;
pub use sync_store::{
    forget_edits, load_edits, load_sync, note_edits, remove_sync, reseal_edits, save_sync,
    split_replica, SyncChunks, SyncStored, EDITS_KEY, SYNC_PREFIX, SYNC_STATE_KEY,
};
pub use touch::{added_by, all_months, touched_months, touches_registry};
pub use usage::{Usage, UsageLevel, BUDGET_BYTES};

/// Sealing and opening stored text with the passphrase lock's data key. The shell implements it
/// (it supplies a fresh random nonce for every seal); tests use a stand-in.
pub trait Cipher {
    /// Seals `plaintext`, binding it to the storage key `associated`.
    fn seal(&self, plaintext: &str, associated: &str) -> Result<String, String>;
    /// Opens text sealed for the storage key `associated`.
    fn open(&self, sealed: &str, associated: &str) -> Result<String, String>;
}

/// Read access to a key-value store such as localStorage.
pub trait KeyValue {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Option<String>;
    /// Every key in the store.
    fn keys(&self) -> Vec<String>;
}

impl KeyValue for std::collections::BTreeMap<String, String> {
    fn get(&self, key: &str) -> Option<String> {
        std::collections::BTreeMap::get(self, key).cloned()
    }

    fn keys(&self) -> Vec<String> {
        self.keys().cloned().collect()
    }
}

/// Prefix of every key Tend writes.
pub const KEY_PREFIX: &str = "tend.";
/// Prefix of keys holding stored text that could not be read, kept aside rather than deleted.
pub const QUARANTINE_PREFIX: &str = "tend.quarantine.";
