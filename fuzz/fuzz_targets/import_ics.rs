//! A calendar file chosen for import: reading it must never panic or run away, and every
//! proposal must be one the reducer accepts, on a day in the range, with a key of its own. The
//! first byte picks the clinician's UTC offset; the rest is the file.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use tend_core::import::{import_ics, ImportOptions, Rules, MAX_OCCURRENCES};
use tend_core::WorkKind;

fuzz_target!(|data: &[u8]| {
    let Some((first, file)) = data.split_first() else {
        return;
    };
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(2012, 3, 1),
        NaiveDate::from_ymd_opt(2013, 3, 31),
    ) else {
        return;
    };
    let options = ImportOptions {
        from,
        to,
        utc_offset_minutes: (i32::from(*first) - 128) * 7,
        owner_emails: vec!["calmozilla1@gmail.com".into()],
        kinds: Rules::new(WorkKind::DirectSession),
    };
    let Ok(import) = import_ics(file, &options) else {
        return;
    };
    let mut ids = HashSet::new();
    for entry in &import.entries {
        assert!((1..=1440).contains(&entry.minutes));
        assert!((from..=to).contains(&entry.date));
        assert!(ids.insert(entry.id.clone()));
    }
    for day in &import.all_day {
        assert!((from..=to).contains(&day.date));
        assert!(ids.insert(day.id.clone()));
    }
    assert!(import.stats.occurrences + import.stats.all_day <= MAX_OCCURRENCES);
});
