//! A file offered for restore: reading it must never panic, and whatever it accepts must be
//! records the journal's checks accept.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tend_core::exchange::read_backup;

fuzz_target!(|data: &[u8]| {
    if let Ok((_, journal)) = read_backup(data, None) {
        assert!(journal.check().is_ok());
    }
});
