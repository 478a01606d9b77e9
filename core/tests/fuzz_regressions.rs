//! Inputs kept from fuzzing (and hand-made hard cases in the same spirit), replayed on every test
//! run through the same checks as the fuzz targets in `fuzz/`. Add any crash input the fuzzer
//! finds to `tests/fuzz-regressions/<target>/` and it is tested here from then on.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::Path;
use tend_core::checks::read_instrument;
use tend_core::import::{import_ics, ImportOptions, Rules, MAX_OCCURRENCES};
use tend_core::storage::load;
use tend_core::{Document, WorkKind};

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no regression inputs for {target}");
    files
        .into_iter()
        .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn decode_document_inputs() {
    for (name, data) in inputs("decode_document") {
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        match Document::decode(text) {
            Ok(doc) => assert_eq!(Document::decode(&doc.encode()), Ok(doc), "{name}"),
            Err(e) => assert!(!e.to_string().is_empty(), "{name}"),
        }
    }
}

#[test]
fn load_store_inputs() {
    const KEYS: [&str; 5] = [
        "tend.index",
        "tend.chunk.2026-11.r3",
        "tend.chunk.2026-10.r2",
        "tend.document",
        "tend.chunk.2026-11.r1",
    ];
    for (name, data) in inputs("load_store") {
        let text = String::from_utf8_lossy(&data);
        let store: BTreeMap<String, String> = KEYS
            .iter()
            .zip(text.split('\0'))
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let loaded = load(&store, "test", None);
        assert!(loaded.doc.payload.check().is_ok(), "{name}");
    }
}

#[test]
fn import_ics_inputs() {
    // As fuzz/fuzz_targets/import_ics.rs: the first byte picks the offset, the rest is the file.
    let (from, to) = (
        NaiveDate::from_ymd_opt(2012, 3, 1).unwrap(),
        NaiveDate::from_ymd_opt(2013, 3, 31).unwrap(),
    );
    for (name, data) in inputs("import_ics") {
        let Some((first, file)) = data.split_first() else {
            continue;
        };
        let options = ImportOptions {
            from,
            to,
            utc_offset_minutes: (i32::from(*first) - 128) * 7,
            owner_emails: vec!["calmozilla1@gmail.com".into()],
            kinds: Rules::new(WorkKind::DirectSession),
        };
        let Ok(import) = import_ics(file, &options) else {
            continue;
        };
        let mut ids = HashSet::new();
        for entry in &import.entries {
            assert!((1..=1440).contains(&entry.minutes), "{name}");
            assert!((from..=to).contains(&entry.date), "{name}");
            assert!(ids.insert(entry.id.clone()), "{name}");
        }
        for day in &import.all_day {
            assert!((from..=to).contains(&day.date), "{name}");
            assert!(ids.insert(day.id.clone()), "{name}");
        }
        assert!(
            import.stats.occurrences + import.stats.all_day <= MAX_OCCURRENCES,
            "{name}"
        );
    }
}

#[test]
fn read_instrument_inputs() {
    for (name, data) in inputs("read_instrument") {
        match read_instrument(&data) {
            Ok(instrument) => {
                assert!(instrument.validate().is_ok(), "{name}");
                for answer in instrument.scale.answers() {
                    let answers = vec![answer; instrument.items as usize];
                    assert!(instrument.score(&answers).is_ok(), "{name}");
                }
            }
            Err(problems) => assert!(problems.iter().all(|p| !p.is_empty()), "{name}"),
        }
    }
}
