//! An instrument definition file chosen for import: reading it must never panic, and whatever it
//! accepts must be a definition that validates and scores any complete set of answers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tend_core::checks::read_instrument;

fuzz_target!(|data: &[u8]| {
    if let Ok(instrument) = read_instrument(data) {
        assert!(instrument.validate().is_ok());
        for answer in instrument.scale.answers() {
            let answers = vec![answer; instrument.items as usize];
            assert!(instrument.score(&answers).is_ok());
        }
    }
});
