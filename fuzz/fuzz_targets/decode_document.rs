//! Whole-document text (a downloaded copy, schema 1's single key): decoding must never panic,
//! and whatever decodes must survive a round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tend_core::Document;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(doc) = Document::decode(text) {
            assert_eq!(Document::decode(&doc.encode()).as_ref(), Ok(&doc));
        }
    }
});
