//! The sync file: sealed round trip, every refusal (wrong passphrase, another key, a flipped
//! byte, a cut-short file, a newer format) with nothing merged, and the size of a delta after
//! one new entry on a four-week and a five-year history.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use tend_core::bench::{generate, Profile};
use tend_core::sync::{
    create_sync_key, open_file, read_header, unlock_sync_key, write_file, Clock, DeviceId,
    FileHeader, Replica, SyncFileError, SyncKey, FILE_VERSION, FORMAT,
};
use tend_core::{Action, EntryId, Journal, WorkEntry, WorkKind};

const NOW: u64 = 1_772_323_200_000;
const PASSPHRASE: &str = "river stone lantern";

fn device() -> DeviceId {
    DeviceId("k3v9q2".into())
}

fn key() -> SyncKey {
    create_sync_key(PASSPHRASE, [7; 16], [8; 32], [9; 24]).unwrap()
}

fn header(key: &SyncKey, clock: &Clock, seq: u64, since: Option<u64>) -> FileHeader {
    FileHeader {
        format: FORMAT.into(),
        version: FILE_VERSION,
        lock: key.header.clone(),
        device: device(),
        seq,
        clock: clock.latest().clone(),
        since,
    }
}

fn new_entry(id: &str) -> WorkEntry {
    WorkEntry::new(
        EntryId(id.into()),
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        50,
        WorkKind::DirectSession,
    )
}

/// A replica of `journal` and a sealed full file of it.
fn full_file(key: &SyncKey, journal: &Journal) -> (Clock, Replica, String) {
    let mut clock = Clock::new(device());
    let replica = Replica::seed(journal, &mut clock, NOW);
    let body = replica.made_by(&device(), None);
    let text = write_file(key, &header(key, &clock, 1, None), &body, [1; 24]).unwrap();
    (clock, replica, text)
}

/// The size of the delta file after one new entry on `journal`, and of the full file.
fn delta_after_one_entry(key: &SyncKey, journal: &Journal) -> (usize, usize) {
    let (mut clock, mut replica, full) = full_file(key, journal);
    let uploaded = clock.latest().clone();
    let after = journal
        .apply(&Action::AddEntry(new_entry("new-one")))
        .unwrap();
    replica.record_change(journal, &after, &mut clock, NOW + 60_000);
    let delta = replica.made_by(&device(), Some(&uploaded));
    let text = write_file(key, &header(key, &clock, 2, Some(1)), &delta, [2; 24]).unwrap();
    let (h, body) = open_file(key, &text).unwrap();
    assert_eq!(h.since, Some(1));
    assert_eq!(body.entries.len(), 1);
    let mut other = Replica::default();
    other.merge(&open_file(key, &full).unwrap().1);
    other.merge(&body);
    assert_eq!(other.to_journal().journal, after);
    (text.len(), full.len())
}

#[test]
fn a_file_round_trips_and_refuses_everything_else() {
    let key = key();
    let journal =
        tend_core::demo::demo_journal(1, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()).unwrap();
    let (_, replica, text) = full_file(&key, &journal);

    // Round trip, reading the key from the file's own header with the passphrase.
    let head = read_header(&text).unwrap();
    assert_eq!(head.device, device());
    let opened = unlock_sync_key(PASSPHRASE, &head).unwrap();
    let (_, body) = open_file(&opened, &text).unwrap();
    assert_eq!(body, replica);
    let back = body.to_journal();
    assert!(back.journal.check().is_ok() && back.journal.check_references().is_ok());
    assert_eq!(back.journal, journal);

    // The wrong passphrase.
    let wrong = unlock_sync_key("river stone lanterns", &head).unwrap_err();
    assert_eq!(wrong, SyncFileError::WrongPassphrase);
    assert!(wrong.to_string().contains("Nothing was merged"));

    // Another key (another set-up, the same passphrase even).
    let other = create_sync_key(PASSPHRASE, [3; 16], [4; 32], [5; 24]).unwrap();
    assert_eq!(
        open_file(&other, &text).unwrap_err(),
        SyncFileError::OtherKey
    );

    // One byte flipped, anywhere: in the header's numbers or in the sealed body.
    let tampered_seq = text.replacen("\"seq\":1", "\"seq\":2", 1);
    assert!(matches!(
        open_file(&key, &tampered_seq),
        Err(SyncFileError::Damaged(_))
    ));
    for at in [text.len() / 2, text.len() - 3] {
        let mut bytes = text.clone().into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        let flipped = String::from_utf8(bytes).unwrap();
        assert!(matches!(
            open_file(&key, &flipped),
            Err(SyncFileError::Damaged(_))
        ));
    }

    // Cut short: in the body, at the line break, in the header.
    for len in [
        text.len() - 10,
        text.len() - 4,
        text.find('\n').unwrap(),
        40,
    ] {
        let err = open_file(&key, &text[..len]).unwrap_err();
        assert!(matches!(err, SyncFileError::Damaged(_)), "{len}: {err:?}");
    }

    // A newer format: refused by its header, before any key is needed.
    let newer = text.replacen(
        &format!("\"version\":{FILE_VERSION}"),
        "\"version\":2,\"chunks\":[]",
        1,
    );
    let err = read_header(&newer).unwrap_err();
    assert_eq!(err, SyncFileError::Newer { version: 2 });
    assert!(err.to_string().contains("newer version of Tend"));
    assert_eq!(open_file(&key, &newer).unwrap_err(), err);
}

#[test]
fn a_file_may_hold_only_its_own_devices_changes() {
    let key = key();
    let mut clock = Clock::new(DeviceId("someone-else".into()));
    let journal = Journal::default()
        .apply(&Action::AddEntry(new_entry("e1")))
        .unwrap();
    let body = Replica::seed(&journal, &mut clock, NOW);
    let mut head = header(&key, &Clock::new(device()), 1, None);
    head.clock.millis = NOW + 1;
    let text = write_file(&key, &head, &body, [6; 24]).unwrap();
    let err = open_file(&key, &text).unwrap_err();
    assert!(err.to_string().contains("did not make"), "{err}");
}

#[test]
fn a_delta_after_one_new_entry_is_small_whatever_the_history() {
    let key = key();
    let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let four_weeks = generate(Profile::Light, today).journal;
    let five_years = generate(Profile::Heavy, today).journal;
    let (light_delta, light_full) = delta_after_one_entry(&key, &four_weeks);
    let (heavy_delta, heavy_full) = delta_after_one_entry(&key, &five_years);
    println!(
        "sync file sizes: 4 weeks ({} entries): full {light_full} B, delta {light_delta} B; \
         5 years ({} entries): full {heavy_full} B, delta {heavy_delta} B",
        four_weeks.entries.len(),
        five_years.entries.len()
    );
    assert!(light_delta < 2_000 && heavy_delta < 2_000);
    assert!(heavy_delta.abs_diff(light_delta) < 100);
}
