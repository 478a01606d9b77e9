//! Keeping a device's sync state in the key-value store, beside the journal's own layout.
//!
//! The replica holds a stamped version of every record, so after years it is as large as the
//! journal; it is kept in 1024 chunks by a hash of each record's id, and a save writes only the
//! chunks whose text changed, so a sync after one new entry rewrites one chunk and the small
//! state. As for the journal, chunks are written under new keys first, the state (which names
//! each chunk's generation) last as the commit point, and replaced chunks deleted after; a
//! failed write takes back what was written. With the lock on, every piece is sealed (the
//! WebDAV password and the group key live in the state). The times of local changes not stamped
//! yet have their own short key, which every tab adds to ([`note_edits`]). The keys start with
//! `tend.sync.`, which the journal's loader neither reads nor keeps aside.

use super::ledger::{KeyStore, SaveError};
use super::sum::sum_of;
use super::{Cipher, KeyValue};
use crate::sync::{Edits, Keyed, Replica, SyncState, Versions};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The key of the stored sync state (the commit point of a sync save).
pub const SYNC_STATE_KEY: &str = "tend.sync.state";
/// The prefix of every key sync keeps.
pub const SYNC_PREFIX: &str = "tend.sync.";
/// The key of the noted times of local changes not stamped yet ([`note_edits`]).
pub const EDITS_KEY: &str = "tend.sync.edits";
const CHUNK_PREFIX: &str = "tend.sync.replica.";
const BUCKETS: u64 = 1024;

/// Where the replica's chunks are: for each bucket, the generation its chunk was written in (0
/// for an empty bucket), which names its key. Stored in the state as one short array, so the
/// state stays small; the checksums of the chunks' plain text are kept only in memory, to tell
/// which chunks a save must rewrite.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncChunks {
    /// The generation of each bucket's chunk, by bucket (0: no chunk).
    pub generations: Vec<u64>,
    /// The newest generation written; each save that writes a chunk raises it.
    pub generation: u64,
    /// The checksum of each chunk's plain text, by bucket.
    pub sums: BTreeMap<u16, String>,
    /// The checksum of the stored state's text as last read or written here: a save finding
    /// another text there (another tab synced meanwhile) refuses, so neither tab deletes chunks
    /// the other's state names.
    pub state_sum: Option<String>,
}

fn chunk_key(bucket: u16, generation: u64) -> String {
    format!("{CHUNK_PREFIX}{bucket}.g{generation}")
}

impl SyncChunks {
    fn keys(&self) -> impl Iterator<Item = (u16, String)> + '_ {
        self.generations
            .iter()
            .enumerate()
            .filter(|(_, g)| **g > 0)
            .map(|(b, g)| {
                let bucket = u16::try_from(b).unwrap_or(0);
                (bucket, chunk_key(bucket, *g))
            })
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    state: SyncState,
    #[serde(default)]
    generations: Vec<u64>,
}

/// The stored sync state, its replica and where the chunks are.
#[derive(Clone, Debug)]
pub struct SyncStored {
    /// The state.
    pub state: SyncState,
    /// The replica, put together from its chunks.
    pub replica: Replica,
    /// Where the chunks are.
    pub chunks: SyncChunks,
}

/// The bucket of a record id (FNV-1a over the kind and the id's text).
fn bucket(kind: &str, id: &str) -> u16 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in kind.bytes().chain(id.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    u16::try_from(hash % BUCKETS).unwrap_or(0)
}

fn split_kind<T: Keyed>(
    out: &mut BTreeMap<u16, Replica>,
    kind: &str,
    versions: &Versions<T>,
    pick: impl Fn(&mut Replica) -> &mut Versions<T>,
) where
    T::Key: Serialize,
{
    for (key, version) in versions {
        let id = serde_json::to_string(key).unwrap_or_default();
        let chunk = out.entry(bucket(kind, &id)).or_default();
        pick(chunk).insert(key.clone(), version.clone());
    }
}

/// The replica split into its buckets (targets and the compaction floor in bucket 0). Adding a
/// record kind to the replica means one more line here.
pub fn split_replica(replica: &Replica) -> BTreeMap<u16, Replica> {
    let mut out: BTreeMap<u16, Replica> = BTreeMap::new();
    split_kind(&mut out, "e", &replica.entries, |r| &mut r.entries);
    split_kind(&mut out, "b", &replica.breaks, |r| &mut r.breaks);
    split_kind(&mut out, "o", &replica.organisations, |r| {
        &mut r.organisations
    });
    split_kind(&mut out, "c", &replica.cases, |r| &mut r.cases);
    split_kind(&mut out, "s", &replica.checks, |r| &mut r.checks);
    split_kind(&mut out, "i", &replica.instruments, |r| &mut r.instruments);
    split_kind(&mut out, "r", &replica.requirement_sets, |r| {
        &mut r.requirement_sets
    });
    split_kind(&mut out, "a", &replica.ce_activities, |r| {
        &mut r.ce_activities
    });
    if replica.targets.is_some() || replica.floor.is_some() {
        let first = out.entry(0).or_default();
        first.targets = replica.targets.clone();
        first.floor = replica.floor.clone();
    }
    out
}

fn read(kv: &impl KeyValue, cipher: Option<&dyn Cipher>, key: &str) -> Result<String, String> {
    let text = kv
        .get(key)
        .ok_or_else(|| format!("a piece of the sync state ({key}) is missing"))?;
    if text.starts_with('{') {
        return Ok(text);
    }
    match cipher {
        Some(c) => c.open(&text, key),
        None => Err("the sync state is sealed by the lock; unlock Tend first".into()),
    }
}

fn seal(cipher: Option<&dyn Cipher>, key: &str, text: String) -> Result<String, SaveError> {
    match cipher {
        Some(c) => c.seal(&text, key).map_err(SaveError::Unavailable),
        None => Ok(text),
    }
}

/// Loads the sync state, or `None` if this device has none. A piece that is missing, damaged
/// or sealed without the key is an error in words; nothing is changed.
pub fn load_sync(
    kv: &impl KeyValue,
    cipher: Option<&dyn Cipher>,
) -> Result<Option<SyncStored>, String> {
    if kv.get(SYNC_STATE_KEY).is_none() {
        return Ok(None);
    }
    let text = read(kv, cipher, SYNC_STATE_KEY)?;
    let stored: Stored =
        crate::json::from_text(&text).map_err(|_| "the sync state is unreadable".to_string())?;
    let mut chunks = SyncChunks {
        generation: stored.generations.iter().copied().max().unwrap_or(0),
        generations: stored.generations,
        sums: BTreeMap::new(),
        state_sum: kv.get(SYNC_STATE_KEY).map(|t| sum_of(&t)),
    };
    let mut replica = Replica::default();
    for (bucket, key) in chunks.keys().collect::<Vec<_>>() {
        let text = read(kv, cipher, &key)?;
        let part: Replica = crate::json::from_text(&text)
            .map_err(|_| format!("a piece of the sync state ({key}) is damaged"))?;
        chunks.sums.insert(bucket, sum_of(&text));
        replica.merge(&part);
        if part.floor.is_some() {
            replica.floor = part.floor;
        }
    }
    Ok(Some(SyncStored {
        state: stored.state,
        replica,
        chunks,
    }))
}

/// Saves the state and the replica's changed chunks (every chunk with `rewrite`, as after the
/// lock was turned on or off). Returns where the chunks now are, or why nothing was saved.
pub fn save_sync(
    kv: &mut impl KeyStore,
    cipher: Option<&dyn Cipher>,
    before: &SyncChunks,
    state: &SyncState,
    replica: &Replica,
    rewrite: bool,
) -> Result<SyncChunks, SaveError> {
    if kv.get(SYNC_STATE_KEY).map(|t| sum_of(&t)) != before.state_sum {
        return Err(SaveError::Stale);
    }
    let generation = before.generation + 1;
    let mut after = SyncChunks {
        generations: vec![0; BUCKETS as usize],
        generation,
        sums: BTreeMap::new(),
        state_sum: None,
    };
    let mut written: Vec<String> = Vec::new();
    let mut result = Ok(());
    for (bucket, part) in split_replica(replica) {
        let text =
            serde_json::to_string(&part).map_err(|e| SaveError::Unavailable(e.to_string()))?;
        let sum = sum_of(&text);
        let slot = usize::from(bucket);
        let old = before.generations.get(slot).copied().unwrap_or(0);
        if old > 0 && before.sums.get(&bucket) == Some(&sum) && !rewrite {
            after.generations[slot] = old;
        } else {
            let key = chunk_key(bucket, generation);
            result = seal(cipher, &key, text).and_then(|t| kv.set(&key, &t));
            if result.is_err() {
                break;
            }
            written.push(key);
            after.generations[slot] = generation;
        }
        after.sums.insert(bucket, sum);
    }
    if result.is_ok() {
        let stored = Stored {
            state: state.clone(),
            generations: after.generations.clone(),
        };
        result = serde_json::to_string(&stored)
            .map_err(|e| SaveError::Unavailable(e.to_string()))
            .and_then(|t| seal(cipher, SYNC_STATE_KEY, t))
            .and_then(|t| {
                after.state_sum = Some(sum_of(&t));
                kv.set(SYNC_STATE_KEY, &t)
            });
    }
    if let Err(e) = result {
        for key in written {
            kv.remove(&key);
        }
        return Err(e);
    }
    let live: Vec<String> = after.keys().map(|(_, k)| k).collect();
    for (_, old) in before.keys() {
        if !live.contains(&old) {
            kv.remove(&old);
        }
    }
    Ok(after)
}

/// Reads the noted times of local changes not stamped yet (`tend.sync.edits`). None stored, or
/// text that cannot be read, is no times: they only decide which of two edits of one record wins,
/// and without them a change is stamped with the sync's time, as before they were kept.
pub fn load_edits(kv: &impl KeyValue, cipher: Option<&dyn Cipher>) -> Edits {
    if kv.get(EDITS_KEY).is_none() {
        return Edits::default();
    }
    read(kv, cipher, EDITS_KEY)
        .ok()
        .and_then(|text| crate::json::from_text(&text).ok())
        .unwrap_or_default()
}

fn write_edits(
    kv: &mut impl KeyStore,
    cipher: Option<&dyn Cipher>,
    edits: &Edits,
) -> Result<(), SaveError> {
    if edits.is_empty() {
        kv.remove(EDITS_KEY);
        return Ok(());
    }
    let text = serde_json::to_string(edits).map_err(|e| SaveError::Unavailable(e.to_string()))?;
    let text = seal(cipher, EDITS_KEY, text)?;
    kv.set(EDITS_KEY, &text)
}

/// Reads the stored times, changes them, and writes them back only if they changed.
fn update_edits(
    kv: &mut impl KeyStore,
    cipher: Option<&dyn Cipher>,
    change: impl FnOnce(&mut Edits),
) -> Result<(), SaveError> {
    let mut edits = load_edits(kv, cipher);
    let before = edits.clone();
    change(&mut edits);
    if edits == before {
        return Ok(());
    }
    write_edits(kv, cipher, &edits)
}

/// Adds `noted` to the stored times of local changes, keeping the later time per record: read,
/// merge and write at once, so a tab never wipes what another tab noted. Kept apart from the
/// state, so that noting a change writes only this short text and never makes the state stale
/// under a tab that is syncing.
pub fn note_edits(
    kv: &mut impl KeyStore,
    cipher: Option<&dyn Cipher>,
    noted: &Edits,
) -> Result<(), SaveError> {
    update_edits(kv, cipher, |edits| edits.merge(noted))
}

/// Forgets the stored times a sync stamped (see [`Edits::forget`]): a time noted meanwhile, by
/// this tab or another, stays for the next sync.
pub fn forget_edits(
    kv: &mut impl KeyStore,
    cipher: Option<&dyn Cipher>,
    stamped: &Edits,
) -> Result<(), SaveError> {
    update_edits(kv, cipher, |edits| edits.forget(stamped))
}

/// Writes the stored times again, sealed with `cipher` or plain, after the lock was turned on,
/// changed or off. Times sealed under a key no longer held cannot be read and are dropped.
pub fn reseal_edits(kv: &mut impl KeyStore, cipher: Option<&dyn Cipher>) -> Result<(), SaveError> {
    if kv.get(EDITS_KEY).is_none() {
        return Ok(());
    }
    let edits = load_edits(kv, cipher);
    write_edits(kv, cipher, &edits)
}

/// Forgets every sync key (leaving sync on this device). The journal is untouched.
pub fn remove_sync(kv: &mut impl KeyStore) {
    for key in kv.keys() {
        if key.starts_with(SYNC_PREFIX) {
            kv.remove(&key);
        }
    }
}
