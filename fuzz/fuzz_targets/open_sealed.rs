//! Sealed storage and lock headers are untrusted text too: reading a header, checking its
//! settings and opening sealed text must never panic, and nothing opens under the wrong key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tend_core::lock::{self, LockHeader};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(header) = LockHeader::decode(text) {
        let _ = header.check();
    }
    // Text the fuzzer makes up can never carry a valid tag for this key: opening must refuse.
    let (sealed, associated) = text.split_once('\0').unwrap_or((text, "tend.chunk.2026-11.r1"));
    KEY.with(|key| assert!(lock::open(key, sealed, associated).is_err()));
});

thread_local! {
    /// One fixed key per process; deriving it costs one Argon2id run.
    static KEY: lock::DataKey = lock::create_lock("fuzzing passphrase", [1; 16], [2; 32], [3; 24])
        .map(|(_, key)| key)
        .expect("fixed, valid inputs always make a lock");
}
