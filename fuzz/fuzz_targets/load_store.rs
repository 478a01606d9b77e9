//! A whole store of untrusted text: the input is split at NUL bytes into the values of Tend's
//! keys. Loading must never panic, and every record it accepts must pass the journal's checks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use tend_core::storage::load;

const KEYS: [&str; 5] = [
    "tend.index",
    "tend.chunk.2026-11.r3",
    "tend.chunk.2026-10.r2",
    "tend.document",
    "tend.chunk.2026-11.r1",
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let store: BTreeMap<String, String> = KEYS
        .iter()
        .zip(text.split('\0'))
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let loaded = load(&store, "fuzz", None);
    assert!(loaded.doc.payload.check().is_ok());
});
