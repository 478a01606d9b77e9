//! Carrying out a save against a store that can fail: chunks first, the index last as the commit
//! point, then deletes. A write that fails takes back the writes before it, so storage is left
//! exactly as the save found it and the ledger keeps every change for the next try.

use super::Ledger;
use crate::lock::LockHeader;
use crate::storage::save::{plan_save, SavePlan, SaveRequest, SnapshotPolicy, SnapshotRequest};
use crate::storage::{Cipher, Index, KeyValue, INDEX_KEY};
use std::collections::BTreeSet;

/// A key-value store that can also be written, such as localStorage.
pub trait KeyStore: KeyValue {
    /// Stores `text` under `key`, or says why it could not.
    fn set(&mut self, key: &str, text: &str) -> Result<(), SaveError>;
    /// Removes `key`; removing is best effort (a key left behind is only kept aside later).
    fn remove(&mut self, key: &str);
}

impl KeyStore for std::collections::BTreeMap<String, String> {
    fn set(&mut self, key: &str, text: &str) -> Result<(), SaveError> {
        self.insert(key.to_string(), text.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        std::collections::BTreeMap::remove(self, key);
    }
}

/// Why a save did not happen. Storage is as it was before the save in every case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The storage for this site is full.
    Full,
    /// Storage is disabled or failed, with the reason given.
    Unavailable(String),
    /// Another tab saved a newer revision since this tab last read or wrote.
    Stale,
}

impl SaveError {
    /// The sentence shown to the clinician.
    pub fn message(&self) -> String {
        match self {
            SaveError::Full => "This browser's storage for Tend is full, so your latest changes \
                are kept in this tab only. Download a copy now so nothing is lost."
                .into(),
            SaveError::Unavailable(why) => format!(
                "This browser is not letting Tend save ({why}). Your entries are kept in this tab \
                 only until it closes; download a copy to keep them."
            ),
            SaveError::Stale => "Tend is open in another tab that keeps saving at the same \
                moment. This tab's changes are kept here; reload to bring both together."
                .into(),
        }
    }
}

/// What a save takes from its surroundings: the clock, the build, and the lock when it is on.
pub struct SaveContext<'a> {
    /// The clock, in milliseconds since 1970.
    pub now_ms: i64,
    /// The writing build.
    pub build: &'a str,
    /// The lock header and the cipher that seals with its key, when the lock is on.
    pub lock: Option<(&'a LockHeader, &'a dyn Cipher)>,
}

/// What a finished save leaves behind, for [`Ledger::saved`].
#[derive(Clone, Debug, PartialEq)]
pub struct SaveDone {
    /// The index now stored.
    pub index: Index,
    /// How many pending actions the save carried.
    pub actions: usize,
    /// Characters written, for the record of what a save costs.
    pub written: usize,
    /// Characters of the index text, for the storage figure.
    pub index_chars: usize,
}

impl Ledger {
    /// Saves what is unsaved into `kv`. Refuses with [`SaveError::Stale`] when storage holds a
    /// revision this ledger has not seen (the caller reloads, which replays the pending actions,
    /// and tries again). Never writes over a key already in storage.
    pub fn save(
        &self,
        kv: &mut impl KeyStore,
        ctx: SaveContext<'_>,
    ) -> Result<SaveDone, SaveError> {
        // Every key now in storage: the plan names its new pieces so that it writes over none.
        let taken: BTreeSet<String> = kv.keys().into_iter().collect();
        if let Some(stored) = stored_revision(kv) {
            if Some(stored) != self.base.as_ref().map(|b| b.revision) {
                return Err(SaveError::Stale);
            }
        }
        let plan = plan_save(SaveRequest {
            base: self.base.as_ref(),
            doc: &self.doc,
            dirty: &self.dirty,
            added: &self.added,
            registry_dirty: self.registry_dirty,
            now_ms: ctx.now_ms,
            build: ctx.build,
            snapshot: self.full_write.clone().unwrap_or(SnapshotRequest::Auto),
            policy: SnapshotPolicy::default(),
            lock: ctx.lock.map(|(header, _)| header),
            cipher: ctx.lock.map(|(_, cipher)| cipher),
            drop_snapshots: self.drop_snapshots,
            taken: &taken,
        })
        .map_err(|why| SaveError::Unavailable(format!("sealing failed: {why}")))?;
        plan.carry_out(kv)?;
        let written = plan.index_text.len()
            + plan
                .chunk_writes
                .iter()
                .map(|(_, t)| t.len())
                .sum::<usize>();
        Ok(SaveDone {
            index_chars: plan.index_text.chars().count(),
            index: plan.index,
            actions: self.pending.len(),
            written,
        })
    }
}

impl SavePlan {
    /// Writes the chunks, then the index, then deletes what is no longer needed. If a write
    /// fails, or a key the plan chose has been taken meanwhile (another tab writing between the
    /// plan and here), the chunks already written are removed again and storage is as before.
    pub fn carry_out(&self, kv: &mut impl KeyStore) -> Result<(), SaveError> {
        let mut written: Vec<&str> = Vec::new();
        for (key, text) in &self.chunk_writes {
            let failed = if kv.get(key).is_some() {
                Some(SaveError::Stale)
            } else {
                kv.set(key, text).err()
            };
            if let Some(error) = failed {
                take_back(kv, &written);
                return Err(error);
            }
            written.push(key);
        }
        if let Err(error) = kv.set(INDEX_KEY, &self.index_text) {
            take_back(kv, &written);
            return Err(error);
        }
        for key in &self.deletes {
            kv.remove(key);
        }
        Ok(())
    }
}

/// Removes the pieces a failed save wrote.
fn take_back(kv: &mut impl KeyStore, keys: &[&str]) {
    for key in keys {
        kv.remove(key);
    }
}

/// The revision of the stored index, if there is a readable one. A damaged index counts as none:
/// its text was set aside when it was loaded and a fresh index may replace it.
fn stored_revision(kv: &impl KeyValue) -> Option<u64> {
    let text = kv.get(INDEX_KEY)?;
    crate::json::from_text::<Index>(&text)
        .ok()
        .map(|i| i.revision)
}
