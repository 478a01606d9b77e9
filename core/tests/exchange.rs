//! Backups, restores and CSV: round trips, the preview, idempotent restores, sealed backups and
//! a clear refusal for every kind of bad file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use std::cell::Cell;
use tend_core::exchange::{
    entries_csv, export_backup, preview, read_backup, BackupError, MAX_IMPORT_BYTES,
};
use tend_core::lock::{self, DataKey};
use tend_core::storage::Cipher;
use tend_core::{Action, Document, EntryId, Journal, WorkEntry, WorkKind};

fn entry(id: &str, date: &str, minutes: u32, kind: WorkKind) -> WorkEntry {
    WorkEntry::new(EntryId(id.into()), date.parse().unwrap(), minutes, kind)
}

fn journal() -> Journal {
    Journal {
        entries: vec![
            entry("a", "2026-11-23", 50, WorkKind::DirectSession),
            entry("b", "2026-11-23", 20, WorkKind::Documentation),
            entry("c", "2026-10-02", 90, WorkKind::Supervision),
        ]
        .into(),
        ..Default::default()
    }
}

#[test]
fn a_backup_round_trips_and_describes_itself() {
    let text = export_backup(&journal(), 1_795_000_000_000, "tend 0.1.0", None).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "tend-backup");
    assert_eq!(value["version"], 1);
    assert_eq!(value["schema"], tend_core::SCHEMA_VERSION);
    assert_eq!(value["exported_at"], 1_795_000_000_000i64);
    let (file, restored) = read_backup(text.as_bytes(), None).unwrap();
    assert_eq!(restored, journal());
    assert_eq!(file.app, "tend 0.1.0");
}

#[test]
fn restoring_previews_then_merges_and_twice_changes_nothing() {
    let mine = Document::new("t")
        .apply(
            &Action::AddEntry(entry("a", "2026-11-23", 50, WorkKind::DirectSession)),
            "t",
        )
        .unwrap()
        .apply(
            &Action::AddEntry(entry("b", "2026-11-23", 25, WorkKind::Documentation)),
            "t",
        )
        .unwrap()
        .apply(
            &Action::AddEntry(entry("z", "2026-11-24", 10, WorkKind::Admin)),
            "t",
        )
        .unwrap();
    let incoming = journal();
    let p = preview(&mine.payload, &incoming);
    assert_eq!((p.added, p.updated, p.unchanged), (1, 1, 1));
    assert_eq!(
        p.describe(),
        "3 records (3 work entries): 1 new, 1 updated, 1 already here."
    );
    let once = mine.apply(&Action::Restore(incoming.clone()), "t").unwrap();
    assert_eq!(once.payload.entries.len(), 4, "z is kept, c is added");
    let b = once.payload.entries.iter().find(|e| e.id.0 == "b").unwrap();
    assert_eq!(
        b.minutes, 20,
        "the backup's version replaces the changed record"
    );
    let p2 = preview(&once.payload, &incoming);
    assert!(p2.is_noop());
    let twice = once.apply(&Action::Restore(incoming), "t").unwrap();
    assert_eq!(twice.payload, once.payload);
}

#[test]
fn a_restore_that_would_overfill_a_day_is_refused_whole() {
    let mine = Document::new("t")
        .apply(
            &Action::AddEntry(entry("x", "2026-11-23", 1400, WorkKind::OnCall)),
            "t",
        )
        .unwrap();
    let err = mine.apply(&Action::Restore(journal()), "t").unwrap_err();
    assert!(err.to_string().contains("Mon 23 Nov 2026"), "{err}");
}

struct TestCipher(DataKey, Cell<u8>);

impl Cipher for TestCipher {
    fn seal(&self, plaintext: &str, associated: &str) -> Result<String, String> {
        self.1.set(self.1.get() + 1);
        lock::seal(&self.0, [self.1.get(); 24], plaintext, associated).map_err(|e| e.to_string())
    }
    fn open(&self, sealed: &str, associated: &str) -> Result<String, String> {
        lock::open(&self.0, sealed, associated).map_err(|e| e.to_string())
    }
}

#[test]
fn a_locked_backup_needs_the_passphrase_and_hides_the_records() {
    let (header, key) = lock::create_lock("river walk at dusk", [1; 16], [2; 32], [3; 24]).unwrap();
    let cipher = TestCipher(key, Cell::new(10));
    let text = export_backup(&journal(), 0, "t", Some((&header, &cipher))).unwrap();
    assert!(!text.contains("direct_session") && text.contains("argon2id"));
    match read_backup(text.as_bytes(), None) {
        Err(BackupError::Locked(h)) => assert_eq!(h, header),
        other => panic!("expected a locked backup, got {other:?}"),
    }
    let key = lock::unlock("river walk at dusk", &header).unwrap();
    let (_, restored) =
        read_backup(text.as_bytes(), Some(&TestCipher(key, Cell::new(50)))).unwrap();
    assert_eq!(restored, journal());
}

#[test]
fn every_bad_file_gets_its_own_message() {
    let good = export_backup(&journal(), 0, "t", None).unwrap();
    let huge = vec![b' '; MAX_IMPORT_BYTES + 1];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", b"  \n".to_vec(), "empty"),
        ("binary", vec![0xff, 0xfe, 0x00, 0x81], "not text"),
        (
            "bad json",
            b"{\"format\": \"tend-backup\",".to_vec(),
            "not readable JSON",
        ),
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "cut short",
        ),
        (
            "other json",
            b"{\"hello\": 1}".to_vec(),
            "not a Tend backup",
        ),
        (
            "newer version",
            good.replace("\"version\": 1", "\"version\": 9")
                .into_bytes(),
            "newer version of Tend (file version 9)",
        ),
        (
            "newer schema",
            good.replacen(
                &format!("\"schema\": {}", tend_core::SCHEMA_VERSION),
                "\"schema\": 7",
                1,
            )
            .into_bytes(),
            "record format 7",
        ),
        (
            "no records",
            b"{\"format\":\"tend-backup\",\"version\":1,\"schema\":2,\"exported_at\":0}".to_vec(),
            "neither plain nor sealed",
        ),
        (
            "bad record",
            good.replace("\"minutes\": 50", "\"minutes\": 0")
                .into_bytes(),
            "lasts 0 minutes",
        ),
        ("too large", huge, "never larger than 5 MB"),
    ];
    for (name, bytes, expected) in cases {
        let message = read_backup(&bytes, None).unwrap_err().to_string();
        assert!(message.contains(expected), "{name}: {message}");
    }
}

#[test]
fn csv_has_a_header_iso_dates_and_reads_back() {
    let mut j = journal();
    j.entries
        .push(entry("d,\"quoted\"", "2026-11-24", 45, WorkKind::OnCall));
    let text = entries_csv(&j).unwrap();
    // #17: a byte-order mark first and CRLF line ends, for spreadsheets on Windows.
    assert!(text.starts_with(
        "\u{feff}id,date,minutes,hours,kind,start,organisation,case,trauma,pro_bono\r\n"
    ));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][1], "2026-10-02", "oldest first, ISO dates");
    assert_eq!(&rows[3][0], "d,\"quoted\"", "commas and quotes survive");
    assert_eq!(&rows[3][3], "0.75");
    assert_eq!(&rows[3][4], "On-call / crisis");
}
