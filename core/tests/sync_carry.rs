//! The sync file carried by hand between devices with no server: a round trip from A to B, a
//! relay from A through B to C (deletions included), two devices that edited apart and swap
//! files both ways, every refusal (with nothing merged), and random histories that converge.
//! The file's size is measured in `sync_carry_size.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod carry_common;
mod sync_common;

use carry_common::*;
use chrono::NaiveDate;
use proptest::prelude::*;
use sync_common::{act, op, Op};
use tend_core::sync::{
    create_sync_key, merge, open_file, outgoing, read_header, same_group, unlock_own, CarryError,
    SyncFileError, MAX_AHEAD_MS,
};
use tend_core::tracking::Complexity;
use tend_core::{Action, Case, CaseId, EntryId, Journal, WorkEntry, WorkKind};

fn entry(id: &str, minutes: u32) -> WorkEntry {
    let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    WorkEntry::new(EntryId(id.into()), day, minutes, WorkKind::DirectSession)
}

fn case(id: &str, label: &str) -> Case {
    let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    Case::opened(CaseId(id.into()), label, Complexity::default(), day)
}

#[test]
fn a_file_carries_everything_from_one_device_to_a_new_one() {
    let mut a = Device::first("a");
    a.apply(Action::AddCase(case("c1", "C1")));
    for (i, minutes) in [50, 25, 40].into_iter().enumerate() {
        a.apply(Action::AddEntry(entry(&format!("e{i}"), minutes)));
    }
    let text = a.save(NOW);
    let (head, body) = text.split_once('\n').unwrap();
    assert!(head.contains("\"carried\":true") && head.contains("\"memory_kib\""));
    assert!(!text.contains("e0") && !body.contains('{'));

    let mut b = Device::new("b");
    let words = b.open(PASSPHRASE, &text, NOW + 1_000).unwrap();
    assert_eq!(words.as_deref(), Some("3 entries and 1 case from the file"));
    assert_eq!(b.journal, a.journal);
    assert_eq!(b.replica(), a.replica());
    // The same file again brings nothing.
    assert_eq!(b.open(PASSPHRASE, &text, NOW + 2_000).unwrap(), None);
    assert_eq!(b.journal, a.journal);
}

#[test]
fn a_file_relayed_from_a_through_b_reaches_c_with_deletions() {
    let mut a = Device::first("a");
    a.apply(Action::AddEntry(entry("e1", 50)));
    a.apply(Action::AddEntry(entry("e2", 30)));
    let mut c = Device::new("c");
    c.open(PASSPHRASE, &a.save(NOW), NOW).unwrap();
    assert_eq!(c.journal.entries.len(), 2);

    a.apply(Action::RemoveEntry(EntryId("e1".into())));
    a.apply(Action::AddEntry(entry("e3", 20)));
    let mut b = Device::new("b");
    b.open(PASSPHRASE, &a.save(NOW + 60_000), NOW + 61_000)
        .unwrap();
    b.apply(Action::AddCase(case("c1", "From B")));
    let from_b = b.save(NOW + 120_000);

    let words = c.open(PASSPHRASE, &from_b, NOW + 180_000).unwrap();
    assert_eq!(
        words.as_deref(),
        Some("2 entries and 1 case from the file"),
        "e1 removed, e3 added, B's case"
    );
    assert_eq!(c.journal, b.journal);
    let ids: Vec<_> = c.journal.entries.iter().map(|e| e.id.0.clone()).collect();
    assert_eq!(ids, ["e2", "e3"]);
    assert_eq!(c.replica().tombstones(), 1);
}

#[test]
fn two_devices_that_edited_apart_agree_after_swapping_files() {
    let mut a = Device::first("a");
    a.apply(Action::AddCase(case("c1", "C1")));
    a.apply(Action::AddEntry(entry("e1", 50)));
    a.apply(Action::AddEntry(entry("e2", 25)));
    let mut b = Device::new("b");
    b.open(PASSPHRASE, &a.save(NOW), NOW).unwrap();

    // Apart: the same case renamed on both, a delete on each, an entry on each.
    a.apply(Action::UpdateCase(case("c1", "C1 on A")));
    a.apply(Action::RemoveEntry(EntryId("e2".into())));
    a.apply(Action::AddEntry(entry("a1", 15)));
    b.apply(Action::UpdateCase(case("c1", "C1 on B")));
    b.apply(Action::RemoveEntry(EntryId("e1".into())));
    b.apply(Action::AddEntry(entry("b1", 45)));

    let from_a = a.save(NOW + 60_000);
    let from_b = b.save(NOW + 120_000);
    a.open(PASSPHRASE, &from_b, NOW + 180_000).unwrap();
    b.open(PASSPHRASE, &from_a, NOW + 180_000).unwrap();
    assert_eq!(a.journal, b.journal);
    assert_eq!(a.replica(), b.replica());
    let ids: Vec<_> = a.journal.entries.iter().map(|e| e.id.0.clone()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"a1".to_string()) && ids.contains(&"b1".to_string()));
    // B's rename was stamped later (B saved later), so it wins on both.
    assert_eq!(a.journal.cases[0].label, "C1 on B");
}

/// A refused file: what it is, its text, words the message must hold, and the expected error.
type Refusal = (&'static str, String, &'static str, fn(&CarryError) -> bool);

#[test]
fn every_refusal_says_why_and_changes_nothing() {
    let mut a = Device::first("a");
    a.apply(Action::AddEntry(entry("e1", 50)));
    let good = a.save(NOW);
    let mut b = Device::first("b");
    b.apply(Action::AddEntry(entry("b1", 20)));
    b.save(NOW);
    let (journal, replica) = (b.journal.clone(), b.replica().clone());

    // A server file by mistake (one device's changes), from the same group.
    let (state, replica_a, key) = a.synced.as_ref().unwrap();
    let server = outgoing(state, replica_a, key, "r4nd0m", [6; 24])
        .unwrap()
        .unwrap()
        .text;
    // Another group: the same passphrase, another group key.
    let mut other = Device::first("o");
    other.synced.as_mut().unwrap().2 =
        create_sync_key(PASSPHRASE, [1; 16], [2; 32], [3; 24]).unwrap();
    other.apply(Action::AddEntry(entry("o1", 10)));
    let other_group = other.save(NOW);
    let (head, body) = good.split_once('\n').unwrap();
    let flip = |s: &str, at: usize| {
        let mut bytes = s.as_bytes().to_vec();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        String::from_utf8(bytes).unwrap()
    };
    let newer = good.replacen("\"version\":2", "\"version\":3", 1);
    let backup = r#"{"format":"tend-backup","version":3,"schema":5}"#;
    let cases: Vec<Refusal> = vec![
        (
            "wrong passphrase",
            good.clone(),
            "does not open this file",
            |e| *e == CarryError::WrongPassphrase,
        ),
        ("other group", other_group, "another sync set-up", |e| {
            *e == CarryError::OtherGroup
        }),
        (
            "body flipped",
            format!("{head}\n{}", flip(body, body.len() / 2)),
            "damaged",
            |e| matches!(e, CarryError::Damaged(_)),
        ),
        (
            "header edited",
            good.replacen("\"device\":\"a\"", "\"device\":\"z\"", 1),
            "damaged",
            |e| matches!(e, CarryError::Damaged(_)),
        ),
        (
            "cut in the body",
            good[..good.len() - 9].to_string(),
            "damaged",
            |e| matches!(e, CarryError::Damaged(_)),
        ),
        ("cut at the line", head.to_string(), "cut short", |e| {
            matches!(e, CarryError::Damaged(_))
        }),
        (
            "cut in the header",
            good[..60].to_string(),
            "cut short",
            |e| matches!(e, CarryError::Damaged(_)),
        ),
        ("newer", newer, "newer version of Tend (format 3)", |e| {
            *e == CarryError::Newer { version: 3 }
        }),
        (
            "not Tend",
            "BEGIN:VCALENDAR\nEND:VCALENDAR".into(),
            "not a Tend sync file",
            |e| *e == CarryError::NotSync,
        ),
        ("a backup", backup.into(), "not a Tend sync file", |e| {
            *e == CarryError::NotSync
        }),
        ("empty", String::new(), "not a Tend sync file", |e| {
            *e == CarryError::NotSync
        }),
        ("server file", server, "sync folder on a server", |e| {
            *e == CarryError::ServerFile
        }),
    ];
    for (what, text, says, is) in cases {
        let passphrase = if what == "wrong passphrase" {
            "river stone lanterns"
        } else {
            PASSPHRASE
        };
        let err = b.open(passphrase, &text, NOW + 1_000).unwrap_err();
        assert!(is(&err), "{what}: {err:?}");
        let message = err.to_string();
        assert!(message.contains(says), "{what}: {message}");
        assert!(
            message.contains("Nothing was merged or changed"),
            "{what}: {message}"
        );
        assert_eq!((&b.journal, b.replica()), (&journal, &replica), "{what}");
    }
    // A device without sync keeps none after a refusal.
    let mut fresh = Device::new("f");
    assert!(fresh.open("not it at all", &good, NOW).is_err());
    assert!(fresh.synced.is_none() && fresh.journal == Journal::default());

    // A file dated far ahead of this device's clock.
    a.apply(Action::AddEntry(entry("e2", 5)));
    let ahead = a.save(NOW + MAX_AHEAD_MS + 86_400_000);
    let err = b.open(PASSPHRASE, &ahead, NOW).unwrap_err();
    assert!(matches!(err, CarryError::Clock(_)), "{err:?}");
    assert_eq!((&b.journal, b.replica()), (&journal, &replica));
}

#[test]
fn a_server_reader_old_or_new_never_takes_a_carried_file() {
    let mut a = Device::first("a");
    a.apply(Action::AddEntry(entry("e1", 50)));
    let text = a.save(NOW);
    let key = group_key();
    // This build's server reader names it for what it is.
    let err = open_file(&key, &text).unwrap_err();
    assert!(err.to_string().contains("Open a sync file"), "{err}");
    // A reader from before carried files ignores the unknown field and refuses the version.
    let without = text.replacen("\"carried\":true,", "", 1);
    assert_eq!(
        read_header(&without).unwrap_err(),
        SyncFileError::Newer { version: 2 }
    );
}

#[test]
fn a_device_that_only_carried_files_keeps_its_key_for_a_server() {
    let key = group_key();
    let again = unlock_own(PASSPHRASE, &key).unwrap();
    assert!(same_group(&again, &key));
    let err = unlock_own("not the passphrase", &key).unwrap_err();
    assert_eq!(err, CarryError::WrongPassphrase);
    let other = create_sync_key(PASSPHRASE, [3; 16], [9; 32], [5; 24]).unwrap();
    assert!(!same_group(&other, &key));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Two devices act at random and swap files in a random order: after both read the other's
    /// latest file they hold the same journal and replica, and nothing either made is lost.
    #[test]
    fn random_histories_converge(
        ops_a in proptest::collection::vec(op(), 0..12),
        ops_b in proptest::collection::vec(op(), 0..12),
        b_first in any::<bool>(),
    ) {
        let mut a = Device::first("a");
        let mut b = Device::new("b");
        let start = a.save(NOW);
        b.open(PASSPHRASE, &start, NOW).unwrap();
        let run = |d: &mut Device, ops: &[Op]| {
            for op in ops {
                if let Some(next) = act(&d.journal, op) {
                    d.journal = next;
                }
            }
        };
        run(&mut a, &ops_a);
        run(&mut b, &ops_b);
        let (from_a, from_b) = if b_first {
            let fb = b.save(NOW + 60_000);
            (a.save(NOW + 120_000), fb)
        } else {
            let fa = a.save(NOW + 60_000);
            (fa, b.save(NOW + 120_000))
        };
        // What both had made, every record at its newest version: nothing may be lost.
        let both = merge(a.replica(), b.replica());
        a.open(PASSPHRASE, &from_b, NOW + 180_000).unwrap();
        b.open(PASSPHRASE, &from_a, NOW + 180_000).unwrap();
        prop_assert_eq!(&a.journal, &b.journal);
        prop_assert_eq!(a.replica(), b.replica());
        prop_assert_eq!(a.replica(), &both);
        prop_assert_eq!(&a.journal, &both.to_journal().journal);
        prop_assert!(a.journal.check().is_ok());
    }
}
