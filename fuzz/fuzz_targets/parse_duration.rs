//! Whatever is typed into the duration field: parsing must never panic and never accept a
//! duration outside one minute to one day.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tend_core::duration::parse_duration;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(minutes) = parse_duration(text) {
            assert!((1..=1440).contains(&minutes));
        }
    }
});
