//! A benchmark history as it lies in localStorage: saved through the core's own save plan into
//! an in-memory map, exactly as the shell would write it key by key.

use super::BenchHistory;
use crate::document::Document;
use crate::settings::{DeviceSettings, Persistence, SETTINGS_KEY};
use crate::storage::{all_months, plan_save, SaveRequest, INDEX_KEY};
use std::collections::BTreeMap;

/// Storage keys and their text, as localStorage would hold them.
pub type BenchStore = BTreeMap<String, String>;

/// The build name written into benchmark indexes.
pub const BENCH_BUILD: &str = "bench";

/// Saves `history` as one first save (every month and the registry) at `now_ms`, and records
/// device settings saying a backup was just made, so no reminder banner changes what is drawn.
/// Fails only if the save plan does (it cannot without a cipher).
pub fn stored_after_save(history: &BenchHistory, now_ms: i64) -> Result<BenchStore, String> {
    let mut store = BenchStore::new();
    store.insert(
        SETTINGS_KEY.into(),
        DeviceSettings {
            first_saved_at: Some(now_ms),
            last_backup_at: Some(now_ms),
            persistence: Persistence::Granted,
            ..DeviceSettings::default()
        }
        .encode(),
    );
    let journal = &history.journal;
    let records = journal.entries.len() + journal.breaks.len() + journal.cases.len();
    if records == 0 {
        return Ok(store);
    }
    let mut doc = Document::new(BENCH_BUILD);
    doc.payload = journal.clone();
    doc.revision = records as u64;
    let dirty = all_months(&doc, None);
    let mut request = SaveRequest::new(None, &doc, &dirty, now_ms);
    request.registry_dirty = true;
    request.build = BENCH_BUILD;
    let plan = plan_save(request)?;
    for (key, text) in plan.chunk_writes {
        store.insert(key, text);
    }
    store.insert(INDEX_KEY.into(), plan.index_text);
    for key in plan.deletes {
        store.remove(&key);
    }
    Ok(store)
}

/// Characters in keys and values: what localStorage counts against its quota (as UTF-16 code
/// units, which for Tend's ASCII text is one per character).
pub fn stored_chars(store: &BenchStore) -> usize {
    store
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum()
}
