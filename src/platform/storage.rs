//! Browser storage: runs the core's load and save plans against `localStorage`.
//!
//! The core decides what to read and write and carries out a save through the [`KeyStore`]
//! trait; this module gives it localStorage, maps the browser's failures to [`SaveError`]s, and
//! keeps unreadable text aside under quarantine keys.

use super::lock::{KeyHandle, Sealer};
use super::BUILD;
use tend_core::lock::LockHeader;
use tend_core::settings::{DeviceSettings, SETTINGS_KEY};
use tend_core::storage::{
    self, KeyStore, KeyValue, Ledger, Loaded, SaveContext, SaveDone, Snapshot, Usage, INDEX_KEY,
    KEY_PREFIX, QUARANTINE_PREFIX,
};
use tend_core::{Index, Journal};

pub use tend_core::storage::SaveError;
use wasm_bindgen::{JsCast, JsValue};

/// localStorage seen through the core's [`KeyValue`] trait.
struct LocalStore(web_sys::Storage);

impl KeyStore for LocalStore {
    fn set(&mut self, key: &str, text: &str) -> Result<(), SaveError> {
        write(self, key, text)
    }

    fn remove(&mut self, key: &str) {
        let _ = self.0.remove_item(key);
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn keys(&self) -> Vec<String> {
        let count = self.0.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
}

fn local_store() -> Result<LocalStore, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(LocalStore(s)),
        Ok(None) => Err("storage is switched off".into()),
        Err(e) => Err(describe(&e)),
    }
}

fn describe(error: &JsValue) -> String {
    if let Some(ex) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", ex.name(), ex.message());
    }
    error.as_string().unwrap_or_else(|| "unknown error".into())
}

fn is_quota_error(error: &JsValue) -> bool {
    error.dyn_ref::<web_sys::DomException>().is_some_and(|ex| {
        matches!(
            ex.name().as_str(),
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
        ) || matches!(ex.code(), 22 | 1014)
    })
}

fn write(store: &LocalStore, key: &str, text: &str) -> Result<(), SaveError> {
    store.0.set_item(key, text).map_err(|e| {
        if is_quota_error(&e) {
            SaveError::Full
        } else {
            SaveError::Unavailable(describe(&e))
        }
    })
}

/// What start-up found, ready for the store.
pub struct Boot {
    /// The core's reading of storage.
    pub loaded: Loaded,
    /// Why nothing can be saved, if so.
    pub storage_error: Option<SaveError>,
    /// Unreadable text could not be set aside, so nothing may be written over it.
    pub quarantine_failed: bool,
    /// Keys kept aside: text set aside now or earlier, and data pieces no index names.
    pub kept: Vec<String>,
}

/// A tab's unlocked key with the lock header it belongs to.
pub type Key<'a> = Option<(&'a LockHeader, &'a KeyHandle)>;

/// Reads Tend's data, setting aside anything unreadable under a quarantine key. With `key`, sealed
/// chunks of the same lock are opened.
pub fn load(key: Key<'_>) -> Boot {
    let sealer = key.map(|(header, k)| (header, Sealer(k.clone())));
    let unlocked = sealer
        .as_ref()
        .map(|(header, s)| (*header, s as &dyn storage::Cipher));
    let store = match local_store() {
        Ok(s) => s,
        Err(why) => {
            return Boot {
                loaded: Loaded::empty(BUILD),
                storage_error: Some(SaveError::Unavailable(why)),
                quarantine_failed: false,
                kept: Vec::new(),
            }
        }
    };
    let mut loaded = storage::load(&store, BUILD, unlocked);
    let settings_unreadable = check_settings(&store, &mut loaded);
    let stamp = super::now_ms();
    // Text a save would write over or delete is copied aside first; pieces no index names stay
    // where they are (no save touches them) and are listed as kept.
    let quarantine_failed = loaded
        .unreadable
        .iter()
        .filter(|u| !u.raw.is_empty() && !loaded.unnamed.contains(&u.key))
        .any(|u| {
            write(
                &store,
                &format!("{QUARANTINE_PREFIX}{}.{stamp}", u.key),
                &u.raw,
            )
            .is_err()
        });
    if settings_unreadable && !quarantine_failed {
        // Kept aside: start again from the defaults, so the next start does not report it again.
        let _ = write(&store, SETTINGS_KEY, &DeviceSettings::default().encode());
    }
    let mut kept: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .collect();
    kept.extend(loaded.unnamed.iter().cloned());
    kept.sort();
    Boot {
        loaded,
        storage_error: None,
        quarantine_failed,
        kept,
    }
}

/// Names this browser's settings as unreadable when their text cannot be read, so they are kept
/// aside like any other text rather than replaced by defaults unnoticed. True when so.
fn check_settings(store: &LocalStore, loaded: &mut Loaded) -> bool {
    let Some(text) = store.get(SETTINGS_KEY) else {
        return false;
    };
    let Err(why) = DeviceSettings::read(&text) else {
        return false;
    };
    loaded.unreadable.push(storage::Unreadable {
        key: SETTINGS_KEY.into(),
        month: None,
        reason: format!(
            "this browser's settings (break plan, theme, backup dates): {why}; Tend started with \
             its defaults"
        ),
        raw: text,
    });
    true
}

/// The text under a key kept aside, to download.
pub fn kept_text(key: &str) -> Option<String> {
    local_store().ok()?.get(key)
}

/// Removes a key kept aside, once the clinician has seen it offered and asked. A data piece is
/// removed only while the stored index still does not name it (another tab may have saved since
/// the list was made); text set aside under a quarantine key always may be.
pub fn remove_kept(key: &str) -> Result<(), String> {
    let store = local_store()?;
    if !key.starts_with(QUARANTINE_PREFIX) {
        let loaded = storage::load(&store, BUILD, None);
        if loaded.rebuilt.is_some() || loaded.index.is_none() {
            return Err("Tend cannot tell right now whether it still needs that copy".into());
        }
        let named = loaded
            .index
            .as_ref()
            .map(|i| i.live_keys())
            .unwrap_or_default();
        if named.contains(key) || !storage::is_data_key(key) {
            return Err("Tend uses that piece now, so it was kept".into());
        }
    }
    store.0.remove_item(key).map_err(|e| describe(&e))
}

/// Reads the records of an earlier state.
pub fn load_snapshot(
    index: &Index,
    snapshot: &Snapshot,
    key: Option<&KeyHandle>,
) -> Result<Journal, String> {
    let store = local_store()?;
    let sealer = key.map(|k| Sealer(k.clone()));
    storage::load_snapshot(
        &store,
        index,
        snapshot,
        sealer.as_ref().map(|s| s as &dyn storage::Cipher),
    )
}

thread_local! {
    /// Bytes of Tend's keys outside the index and its chunks (settings, kept-aside text, schema 1
    /// data), measured once at start-up so a save need not read the whole store again.
    static OTHER_BYTES: std::cell::Cell<Usage> = const { std::cell::Cell::new(Usage { bytes: 0 }) };
}

/// Saves what the ledger holds unsaved, sealing with `key` when the lock is on, and reports what
/// was saved and the storage used afterwards. The core plans and carries out the save, taking
/// back its own writes if one fails; this supplies localStorage, the clock and the cipher.
pub fn save(ledger: &Ledger, key: Key<'_>) -> Result<(SaveDone, Usage), SaveError> {
    let mut store = local_store().map_err(SaveError::Unavailable)?;
    let sealer = key.map(|(header, k)| (header, Sealer(k.clone())));
    let done = ledger.save(
        &mut store,
        SaveContext {
            now_ms: super::now_ms(),
            build: BUILD,
            lock: sealer
                .as_ref()
                .map(|(header, s)| (*header, s as &dyn storage::Cipher)),
        },
    )?;
    let usage = Usage::of_index(&done.index, done.index_chars).plus(OTHER_BYTES.with(|o| o.get()));
    Ok((done, usage))
}

/// How much of the budget Tend's keys use, read key by key (at start-up only: it reads the whole
/// store). Also notes the share outside the index and its chunks for later saves.
pub fn usage() -> Option<Usage> {
    let store = local_store().ok()?;
    let pairs: Vec<(String, String)> = store
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(KEY_PREFIX))
        .filter_map(|k| store.get(&k).map(|v| (k, v)))
        .collect();
    let total = Usage::of(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let other = Usage::of(
        pairs
            .iter()
            .filter(|(k, _)| k != INDEX_KEY && !storage::is_data_key(k))
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    OTHER_BYTES.with(|o| o.set(other));
    Some(total)
}

/// This browser's settings (defaults if none or unreadable).
pub fn load_settings() -> DeviceSettings {
    local_store()
        .ok()
        .and_then(|s| s.get(SETTINGS_KEY))
        .map(|t| DeviceSettings::decode(&t))
        .unwrap_or_default()
}

/// Stores this browser's settings; failure only loses a convenience, so it is ignored.
pub fn save_settings(settings: &DeviceSettings) {
    if let Ok(store) = local_store() {
        let _ = write(&store, SETTINGS_KEY, &settings.encode());
    }
}

/// Reads this device's sync set-up, opening it with the lock's key when the lock is on.
pub fn load_sync(key: Option<&KeyHandle>) -> Result<Option<storage::SyncStored>, String> {
    let store = local_store()?;
    let sealer = key.map(|k| Sealer(k.clone()));
    storage::load_sync(&store, sealer.as_ref().map(|s| s as &dyn storage::Cipher))
}

/// Saves the sync set-up (changed chunks only, unless `rewrite`), sealed when the lock is on.
pub fn save_sync(
    key: Option<&KeyHandle>,
    before: &storage::SyncChunks,
    state: &tend_core::sync::SyncState,
    replica: &tend_core::sync::Replica,
    rewrite: bool,
) -> Result<storage::SyncChunks, SaveError> {
    write_sealed(key, |store, cipher| {
        storage::save_sync(store, cipher, before, state, replica, rewrite)
    })
}

/// Runs a write of sync's keys against localStorage, sealed with the lock's key when it is on.
fn write_sealed<T>(
    key: Option<&KeyHandle>,
    write: impl FnOnce(&mut LocalStore, Option<&dyn storage::Cipher>) -> Result<T, SaveError>,
) -> Result<T, SaveError> {
    let mut store = local_store().map_err(SaveError::Unavailable)?;
    let sealer = key.map(|k| Sealer(k.clone()));
    write(
        &mut store,
        sealer.as_ref().map(|s| s as &dyn storage::Cipher),
    )
}

/// The times of local changes every tab has noted, opened with the lock's key when it is on.
pub fn load_edits(key: Option<&KeyHandle>) -> tend_core::sync::Edits {
    let Ok(store) = local_store() else {
        return tend_core::sync::Edits::default();
    };
    let sealer = key.map(|k| Sealer(k.clone()));
    storage::load_edits(&store, sealer.as_ref().map(|s| s as &dyn storage::Cipher))
}

/// Adds this tab's noted times to the stored ones (never replacing another tab's).
pub fn note_edits(
    key: Option<&KeyHandle>,
    edits: &tend_core::sync::Edits,
) -> Result<(), SaveError> {
    write_sealed(key, |store, cipher| {
        storage::note_edits(store, cipher, edits)
    })
}

/// Forgets the stored times a sync stamped (a time noted since stays).
pub fn forget_edits(
    key: Option<&KeyHandle>,
    stamped: &tend_core::sync::Edits,
) -> Result<(), SaveError> {
    write_sealed(key, |store, cipher| {
        storage::forget_edits(store, cipher, stamped)
    })
}

/// Writes the stored times again under the lock's current key (or plain) after it changed.
pub fn reseal_edits(key: Option<&KeyHandle>) -> Result<(), SaveError> {
    write_sealed(key, storage::reseal_edits)
}

/// Whether sync is set up on this device: its state is stored (read or not).
pub fn sync_stored() -> bool {
    local_store().is_ok_and(|s| s.get(storage::SYNC_STATE_KEY).is_some())
}

/// Forgets the sync set-up on this device.
pub fn remove_sync() {
    if let Ok(mut store) = local_store() {
        storage::remove_sync(&mut store);
    }
}
