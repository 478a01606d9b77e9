//! Inputs kept from fuzzing (and hand-made hard cases in the same spirit), replayed on every test
//! run through the same checks as the fuzz targets in `fuzz/`. Add any crash input the fuzzer
//! finds to `tests/fuzz-regressions/<target>/` and it is tested here from then on.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use tend_core::storage::load;
use tend_core::Document;

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
