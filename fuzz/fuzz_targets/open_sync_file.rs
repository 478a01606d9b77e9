//! A sync file fetched from the server, or carried by hand and chosen on the device: reading its
//! header and opening it with a sync key must never panic, whatever the file holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tend_core::sync::{
    create_sync_key, open_carried, open_file, read_carried_header, read_header, SyncKey,
};

/// One key for the whole run (Argon2id is slow on purpose).
fn key() -> &'static SyncKey {
    static KEY: OnceLock<SyncKey> = OnceLock::new();
    KEY.get_or_init(|| {
        create_sync_key("fuzzing passphrase", [7; 16], [9; 32], [3; 24]).expect("a key")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = read_header(&text);
    if let Ok((_, body)) = open_file(key(), &text) {
        assert!(body.to_journal().journal.check().is_ok());
    }
    let _ = read_carried_header(&text);
    if let Ok((_, body)) = open_carried(key(), &text) {
        assert!(body.floor.is_none() && body.to_journal().journal.check().is_ok());
    }
});
