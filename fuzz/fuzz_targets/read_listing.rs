//! A WebDAV server's PROPFIND answer: reading the listing must never panic, and every file it
//! names is a plain name (no folder part) that sync could ask for.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tend_core::sync::parse_listing;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for file in parse_listing(&text) {
        assert!(!file.name.contains('/'), "a listed name holds a folder: {}", file.name);
    }
});
