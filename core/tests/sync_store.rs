//! The sync state kept in storage: a round trip plain and sealed, a save after one new entry on
//! five years that rewrites one chunk and the state (a few KB), a failed write that leaves
//! storage as it was, the journal's loader leaving the sync keys alone, and the times of local
//! changes that two tabs note into the same store without wiping each other's.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use std::cell::Cell;
use std::collections::BTreeMap;
use tend_core::bench::{generate, Profile};
use tend_core::lock::{self, DataKey};
use tend_core::storage::{
    forget_edits, load_edits, load_sync, note_edits, remove_sync, reseal_edits, save_sync, Cipher,
    KeyStore, KeyValue, SaveError, SyncChunks, SYNC_STATE_KEY,
};
use tend_core::sync::{Clock, DeviceId, Edits, Replica, ServerSettings, SyncState, Touched};
use tend_core::{Action, EntryId, WorkEntry, WorkKind};

const NOW: u64 = 1_772_323_200_000;

struct TestCipher(DataKey, Cell<u8>);

impl Cipher for TestCipher {
    fn seal(&self, plaintext: &str, associated: &str) -> Result<String, String> {
        self.1.set(self.1.get().wrapping_add(1).max(1));
        lock::seal(&self.0, [self.1.get(); 24], plaintext, associated).map_err(|e| e.to_string())
    }
    fn open(&self, sealed: &str, associated: &str) -> Result<String, String> {
        lock::open(&self.0, sealed, associated).map_err(|e| e.to_string())
    }
}

/// A store that counts what is written and can fail the nth write.
#[derive(Default)]
struct Counting {
    map: BTreeMap<String, String>,
    written: Vec<(String, usize)>,
    fail_at: Option<usize>,
}

impl KeyValue for Counting {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }
    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}

impl KeyStore for Counting {
    fn set(&mut self, key: &str, text: &str) -> Result<(), SaveError> {
        if self.fail_at == Some(self.written.len()) {
            return Err(SaveError::Full);
        }
        self.written.push((key.into(), text.len()));
        self.map.insert(key.into(), text.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }
}

fn five_years() -> (SyncState, Replica, tend_core::Journal) {
    let journal = generate(Profile::Heavy, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()).journal;
    let mut state = SyncState::new(DeviceId("laptop".into()));
    state.server = Some(ServerSettings {
        url: "https://cloud.example/remote.php/dav/files/me/tend/".into(),
        user: "me".into(),
        password: "app-password-secret".into(),
    });
    let mut clock = Clock::new(DeviceId("laptop".into()));
    let replica = Replica::seed(&journal, &mut clock, NOW);
    state.clock = clock;
    (state, replica, journal)
}

#[test]
fn a_sync_after_one_entry_on_five_years_writes_a_few_kb() {
    let (mut state, mut replica, journal) = five_years();
    let mut store = Counting::default();
    let chunks = save_sync(
        &mut store,
        None,
        &SyncChunks::default(),
        &state,
        &replica,
        false,
    )
    .unwrap();
    let first: usize = store.written.iter().map(|(_, n)| n).sum();
    assert!(
        first > 1_000_000,
        "the first save writes everything: {first}"
    );
    let loaded = load_sync(&store, None).unwrap().unwrap();
    assert_eq!(loaded.replica, replica);
    assert_eq!(loaded.state, state);

    let entry = WorkEntry::new(
        EntryId("new-one".into()),
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        50,
        WorkKind::DirectSession,
    );
    let after = journal.apply(&Action::AddEntry(entry)).unwrap();
    replica.record_change(&journal, &after, &mut state.clock, NOW + 60_000);
    store.written.clear();
    let chunks = save_sync(&mut store, None, &chunks, &state, &replica, false).unwrap();
    let bytes: usize = store.written.iter().map(|(_, n)| n).sum();
    println!(
        "one entry on five years: {} writes, {bytes} bytes",
        store.written.len()
    );
    assert_eq!(store.written.len(), 2, "one chunk and the state");
    assert!(bytes < 12_000, "{bytes} bytes");
    let loaded = load_sync(&store, None).unwrap().unwrap();
    assert_eq!(loaded.replica, replica);
    assert_eq!(loaded.chunks, chunks);
    let live = store
        .keys()
        .iter()
        .filter(|k| k.starts_with("tend.sync."))
        .count();
    assert_eq!(
        live,
        chunks.generations.iter().filter(|g| **g > 0).count() + 1,
        "replaced chunks are deleted"
    );
}

#[test]
fn sealed_state_hides_the_password_and_needs_the_key() {
    let (state, replica, _) = five_years();
    let (_, key) = lock::create_lock("river walk at dusk", [1; 16], [2; 32], [3; 24]).unwrap();
    let cipher = TestCipher(key, Cell::new(1));
    let mut store = Counting::default();
    save_sync(
        &mut store,
        Some(&cipher),
        &SyncChunks::default(),
        &state,
        &replica,
        false,
    )
    .unwrap();
    assert!(store
        .map
        .values()
        .all(|t| !t.contains("app-password-secret") && !t.contains("direct")));
    assert!(load_sync(&store, None).unwrap_err().contains("unlock"));
    let loaded = load_sync(&store, Some(&cipher)).unwrap().unwrap();
    assert_eq!(loaded.state.server, state.server);
    assert_eq!(loaded.replica, replica);
}

#[test]
fn a_failed_write_leaves_storage_as_it_was() {
    let (mut state, replica, _) = five_years();
    let mut store = Counting::default();
    let chunks = save_sync(
        &mut store,
        None,
        &SyncChunks::default(),
        &state,
        &replica,
        false,
    )
    .unwrap();
    let before = store.map.clone();
    state.seq = 7;
    for fail_at in 0..3 {
        store.written.clear();
        store.fail_at = Some(fail_at);
        let err = save_sync(&mut store, None, &chunks, &state, &replica, true).unwrap_err();
        assert_eq!(err, SaveError::Full);
        assert_eq!(store.map, before, "write {fail_at} failed");
    }
    let damaged = store
        .map
        .keys()
        .find(|k| k.contains("replica"))
        .unwrap()
        .clone();
    store.map.insert(damaged.clone(), "{\"entries\":{".into());
    assert!(load_sync(&store, None).unwrap_err().contains("damaged"));
    remove_sync(&mut store);
    assert!(store.map.is_empty());
    assert!(load_sync(&store, None).unwrap().is_none());
    assert!(store.get(SYNC_STATE_KEY).is_none());
}

#[test]
fn the_journal_loader_leaves_sync_keys_alone() {
    let (state, replica, _) = five_years();
    let mut store = Counting::default();
    save_sync(
        &mut store,
        None,
        &SyncChunks::default(),
        &state,
        &replica,
        false,
    )
    .unwrap();
    let loaded = tend_core::storage::load(&store.map, "t", None);
    assert!(loaded.unreadable.is_empty());
    assert!(loaded.unnamed.is_empty());
}

#[test]
fn a_save_refuses_when_another_tab_saved_since() {
    let (mut state, replica, _) = five_years();
    let mut store = Counting::default();
    let mine = save_sync(
        &mut store,
        None,
        &SyncChunks::default(),
        &state,
        &replica,
        false,
    )
    .unwrap();
    let theirs = load_sync(&store, None).unwrap().unwrap().chunks;
    state.seq = 3;
    let theirs = save_sync(&mut store, None, &theirs, &state, &replica, false).unwrap();
    let before = store.map.clone();
    state.seq = 4;
    let err = save_sync(&mut store, None, &mine, &state, &replica, false).unwrap_err();
    assert_eq!(err, SaveError::Stale);
    assert_eq!(store.map, before);
    let reread = load_sync(&store, None).unwrap().unwrap();
    assert_eq!(reread.state.seq, 3);
    save_sync(&mut store, None, &reread.chunks, &state, &replica, false).unwrap();
    assert!(save_sync(&mut store, None, &theirs, &state, &replica, false).is_err());
}

fn noted(kind: &'static str, id: &str, at: u64) -> Edits {
    let mut edits = Edits::default();
    edits.note(&Touched::Records(vec![(kind, id.into())]), at);
    edits
}

/// Two tabs note their own changes into the same store; a sync in one forgets only what it
/// stamped, so a change the other tab noted meanwhile (even of the same record) stays.
#[test]
fn two_tabs_note_times_without_wiping_each_others() {
    let (_, key) = lock::create_lock("river walk at dusk", [1; 16], [2; 32], [3; 24]).unwrap();
    for cipher in [None, Some(TestCipher(key, Cell::new(0)))] {
        let c = cipher.as_ref().map(|c| c as &dyn Cipher);
        let mut store = Counting::default();
        assert!(load_edits(&store, c).is_empty());
        let first = noted("c", "case-1", NOW);
        note_edits(&mut store, c, &first).unwrap();
        note_edits(&mut store, c, &noted("e", "entry-1", NOW + 5)).unwrap();
        let written = store.written.len();
        note_edits(&mut store, c, &first).unwrap();
        assert_eq!(
            store.written.len(),
            written,
            "noting the same again writes nothing"
        );
        let stored = load_edits(&store, c);
        assert_eq!(stored.time_of("c", "case-1", 0), NOW);
        assert_eq!(stored.time_of("e", "entry-1", 0), NOW + 5);
        assert_eq!(
            store.map[tend_core::storage::EDITS_KEY].starts_with('{'),
            c.is_none()
        );
        // A sync stamped what it read; the other tab then edits case-1 again.
        let stamped = stored.clone();
        note_edits(&mut store, c, &noted("c", "case-1", NOW + 9)).unwrap();
        forget_edits(&mut store, c, &stamped).unwrap();
        let left = load_edits(&store, c);
        assert_eq!(left.len(), 1);
        assert_eq!(left.time_of("c", "case-1", 0), NOW + 9);
        forget_edits(&mut store, c, &left).unwrap();
        assert!(store.get(tend_core::storage::EDITS_KEY).is_none());
        note_edits(&mut store, c, &first).unwrap();
        remove_sync(&mut store);
        assert!(store.keys().is_empty());
    }
}

#[test]
fn unreadable_times_read_as_none_and_the_next_note_replaces_them() {
    let mut store = Counting::default();
    store
        .set(tend_core::storage::EDITS_KEY, "{not json")
        .unwrap();
    assert!(load_edits(&store, None).is_empty());
    note_edits(&mut store, None, &noted("c", "x", NOW)).unwrap();
    assert_eq!(load_edits(&store, None).time_of("c", "x", 0), NOW);
}

/// The lock turned on seals the stored times; turned off, times sealed under the old key cannot
/// be read and are dropped (a change then gets its sync's time).
#[test]
fn the_lock_turned_on_or_off_reseals_the_times() {
    let (_, key) = lock::create_lock("river walk at dusk", [1; 16], [2; 32], [3; 24]).unwrap();
    let cipher = TestCipher(key, Cell::new(0));
    let mut store = Counting::default();
    note_edits(&mut store, None, &noted("c", "x", NOW)).unwrap();
    reseal_edits(&mut store, Some(&cipher)).unwrap();
    let text = store.get(tend_core::storage::EDITS_KEY).unwrap();
    assert!(!text.contains("\"x\""), "{text}");
    assert_eq!(load_edits(&store, Some(&cipher)).time_of("c", "x", 0), NOW);
    reseal_edits(&mut store, None).unwrap();
    assert!(store.get(tend_core::storage::EDITS_KEY).is_none());
}
