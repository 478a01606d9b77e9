//! The sync session planner against an in-memory WebDAV folder: devices set up, join, edit and
//! converge; a failure between any two requests loses nothing and the next sync completes;
//! every refusal (wrong passphrase, another key, a tampered or cut-short file, a newer format)
//! merges nothing and changes nothing; what came in is said in words.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sync_common;
mod sync_server;

use proptest::prelude::*;
use sync_common::{act, op, Op};
use sync_server::*;
use tend_core::sync::{
    create_sync_key, join_key, plan, receive, Fetched, Listed, SyncError, SyncFileError, SyncKey,
};

const MINUTE: u64 = 60_000;

fn log(id: u8, minutes: u32, case: Option<u8>) -> Op {
    Op::Log { id, minutes, case }
}

fn edit(device: &mut Device, op: &Op) {
    if let Some(after) = act(&device.journal, op) {
        device.journal = after;
    }
}

/// Two devices with some history each, the first already synced once.
fn two_devices(server: &mut Server) -> (Device, Device) {
    let key = group_key();
    let mut a = Device::new("laptop", &key);
    let mut b = Device::new("phone", &key);
    edit(&mut a, &Op::AddCase(0, 1));
    edit(&mut a, &log(0, 50, Some(0)));
    a.sync(server, START_MS).unwrap();
    b.sync(server, START_MS + MINUTE).unwrap();
    edit(&mut a, &log(1, 30, None));
    edit(&mut a, &Op::RemoveEntry(0));
    edit(&mut b, &log(2, 45, Some(0)));
    edit(&mut b, &Op::AddCase(0, 2));
    (a, b)
}

fn settle(devices: &mut [&mut Device], server: &mut Server, mut now: u64) {
    for _ in 0..2 {
        for d in devices.iter_mut() {
            now += MINUTE;
            d.sync(server, now).unwrap();
        }
    }
}

#[test]
fn a_joining_device_gets_the_history_and_both_converge() {
    let mut server = Server::default();
    let (mut a, mut b) = two_devices(&mut server);
    assert!(
        b.journal.entries.iter().any(|e| e.id.0 == "e0"),
        "the phone got the laptop's first entry"
    );
    settle(&mut [&mut a, &mut b], &mut server, START_MS + 10 * MINUTE);
    assert_eq!(a.journal, b.journal);
    let ids: Vec<&str> = a.journal.entries.iter().map(|e| e.id.0.as_str()).collect();
    assert_eq!(ids, ["e1", "e2"], "the deleted entry stays deleted");
    assert_eq!(
        a.journal.cases[0].label, "Case 2",
        "the later edit of the case wins"
    );
    assert_eq!(a.state.devices.len(), 2);
}

#[test]
fn what_came_in_is_said_in_words() {
    let mut server = Server::default();
    let key = group_key();
    let mut a = Device::new("laptop", &key);
    let mut b = Device::new("phone", &key);
    b.sync(&mut server, START_MS).unwrap();
    edit(&mut a, &Op::AddCase(0, 1));
    edit(&mut a, &log(0, 50, Some(0)));
    edit(&mut a, &log(1, 50, Some(0)));
    a.sync(&mut server, START_MS + MINUTE).unwrap();
    let said = b.sync(&mut server, START_MS + 2 * MINUTE).unwrap();
    assert_eq!(said, "2 entries and 1 case from 1 other device");
    assert_eq!(b.sync(&mut server, START_MS + 3 * MINUTE).unwrap(), "");
    assert_eq!(
        b.state.last_came_in.as_deref(),
        Some("2 entries and 1 case from 1 other device")
    );
}

#[test]
fn a_sync_fetches_only_files_it_has_not_merged() {
    let mut server = Server::default();
    let (mut a, mut b) = two_devices(&mut server);
    settle(&mut [&mut a, &mut b], &mut server, START_MS + 10 * MINUTE);
    let listing = server.list().unwrap();
    assert!(plan(&a.state, &listing).is_empty());
    edit(&mut b, &log(4, 20, None));
    b.sync(&mut server, START_MS + 30 * MINUTE).unwrap();
    let listing = server.list().unwrap();
    let wanted = plan(&a.state, &listing);
    assert_eq!(wanted.len(), 1);
    assert!(wanted[0].starts_with("phone-"));
}

/// The journal's records with entries in id order: when a sync fails, local changes are stamped
/// at the next one, which can change the order entries are listed in but nothing else.
fn by_id(journal: &tend_core::Journal) -> (Vec<tend_core::WorkEntry>, tend_core::Journal) {
    let mut entries: Vec<_> = journal.entries.iter().cloned().collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let mut rest = journal.clone();
    rest.entries = Default::default();
    (entries, rest)
}

/// A failure at every request in turn, lost on the way or on the way back: nothing is lost,
/// and the next syncs complete and converge.
#[test]
fn a_failure_between_any_two_requests_loses_nothing() {
    let mut clean = Server::default();
    let (mut a, mut b) = two_devices(&mut clean);
    let start = clean.requests;
    a.sync(&mut clean, START_MS + 5 * MINUTE).unwrap();
    b.sync(&mut clean, START_MS + 6 * MINUTE).unwrap();
    let requests = clean.requests - start;
    settle(&mut [&mut a, &mut b], &mut clean, START_MS + 10 * MINUTE);
    let expected = a.journal.clone();
    for at in 0..requests {
        for fault in [Fault::Lost, Fault::AnswerLost] {
            let mut server = Server::default();
            let (mut a, mut b) = two_devices(&mut server);
            server.fail_at = Some((server.requests + at, fault));
            let first = a.sync(&mut server, START_MS + 5 * MINUTE);
            let second = b.sync(&mut server, START_MS + 6 * MINUTE);
            assert!(first.is_err() || second.is_err(), "request {at} failed");
            server.fail_at = None;
            settle(&mut [&mut a, &mut b], &mut server, START_MS + 10 * MINUTE);
            assert_eq!(a.journal, b.journal, "request {at}, {fault:?}");
            assert_eq!(
                by_id(&a.journal),
                by_id(&expected),
                "request {at}, {fault:?}"
            );
        }
    }
}

/// The second device's files as fetched, and its state before, for the refusal tests.
fn fetched_from_phone(server: &mut Server) -> (Device, Vec<Fetched>) {
    let (mut a, mut b) = two_devices(server);
    b.sync(server, START_MS + 5 * MINUTE).unwrap();
    edit(&mut a, &log(5, 25, None));
    let listing = server.list().unwrap();
    let fetched = plan(&a.state, &listing)
        .iter()
        .map(|n| server.get(n).unwrap())
        .collect();
    (a, fetched)
}

fn refused(device: &Device, fetched: &[Fetched], key: &SyncKey) -> SyncError {
    let before = (device.state.clone(), device.journal.clone());
    let err = receive(
        &device.state,
        &device.replica,
        &device.journal,
        key,
        fetched,
        START_MS + 20 * MINUTE,
    )
    .unwrap_err();
    assert_eq!((device.state.clone(), device.journal.clone()), before);
    assert!(!err.to_string().is_empty());
    err
}

#[test]
fn every_bad_file_is_refused_and_nothing_changes() {
    let mut server = Server::default();
    let (a, fetched) = fetched_from_phone(&mut server);
    let key = SyncKey::from_stored(&a.key).unwrap();
    let last = fetched.len() - 1;
    let with = |text: String| {
        let mut files = fetched.clone();
        files[last].text = text;
        files
    };
    let text = fetched[last].text.clone();
    let (head, body) = text.split_once('\n').unwrap();
    let mut flipped = body.as_bytes().to_vec();
    flipped[10] = if flipped[10] == b'A' { b'B' } else { b'A' };
    let cases = [
        with(format!("{head}\n{}", String::from_utf8(flipped).unwrap())),
        with(text[..text.len() - 20].to_string()),
        with(head.to_string()),
        with(text.replace("\"seq\":", "\"seq\":9,\"x\":")),
    ];
    for files in cases {
        let err = refused(&a, &files, &key);
        assert!(
            matches!(err, SyncError::File(_, SyncFileError::Damaged(_))),
            "{err:?}"
        );
    }
    let newer = with(text.replacen("\"version\":1", "\"version\":2", 1));
    let err = refused(&a, &newer, &key);
    assert!(matches!(
        err,
        SyncError::File(_, SyncFileError::Newer { version: 2 })
    ));
    let other = create_sync_key(PASSPHRASE, [9; 16], [9; 32], [9; 24]).unwrap();
    let err = refused(&a, &fetched, &other);
    assert!(matches!(err, SyncError::File(_, SyncFileError::OtherKey)));
    let mut renamed = fetched.clone();
    renamed[last].name = renamed[last].name.replace("phone-", "tablet-");
    let err = refused(&a, &renamed, &key);
    assert!(matches!(err, SyncError::File(_, SyncFileError::Damaged(_))));
}

#[test]
fn joining_needs_the_right_passphrase() {
    let mut server = Server::default();
    let key = group_key();
    let mut a = Device::new("laptop", &key);
    a.sync(&mut server, START_MS).unwrap();
    let listing: Vec<Listed> = server.list().unwrap();
    let file = server.get(&listing[0].name).unwrap();
    let err = join_key("not the passphrase", &file).unwrap_err();
    assert_eq!(
        err,
        SyncError::File(file.name.clone(), SyncFileError::WrongPassphrase)
    );
    assert!(err.to_string().contains("sync passphrase"));
    let joined = join_key(PASSPHRASE, &file).unwrap();
    assert_eq!(joined.to_stored(), key);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Three devices editing at random and syncing in any order, with a failure at a random
    /// request, end with the same journal once each has synced cleanly twice round.
    #[test]
    fn devices_converge_whatever_fails(
        steps in proptest::collection::vec((0usize..3, proptest::option::of(op())), 1..30),
        fail_at in 0usize..60,
        answer_lost in any::<bool>(),
    ) {
        let key = group_key();
        let mut devices: Vec<Device> = ["a", "b", "c"].iter().map(|n| Device::new(n, &key)).collect();
        let mut server = Server::default();
        let fault = if answer_lost { Fault::AnswerLost } else { Fault::Lost };
        server.fail_at = Some((fail_at, fault));
        let mut now = START_MS;
        for (who, step) in &steps {
            now += MINUTE;
            match step {
                Some(op) => edit(&mut devices[*who], op),
                None => { let _ = devices[*who].sync(&mut server, now); }
            }
        }
        server.fail_at = None;
        let [a, b, c] = &mut devices[..] else { unreachable!() };
        settle(&mut [a, b, c], &mut server, now);
        prop_assert_eq!(&devices[0].journal, &devices[1].journal);
        prop_assert_eq!(&devices[1].journal, &devices[2].journal);
    }
}

/// The laptop's next sync rewrites its files: list, fetch the phone's file, upload the full
/// file, delete each older file. A failure at each of those requests, lost on the way or on the
/// way back, with the phone syncing in between, loses nothing; the next syncs complete, converge
/// and leave no file of the laptop's that its state does not know.
#[test]
fn a_failure_at_any_request_of_a_rewrite_loses_nothing() {
    let key = group_key();
    let scenario = |server: &mut Server| {
        let mut a = Device::new("laptop", &key);
        let mut b = Device::new("phone", &key);
        let mut now = START_MS;
        for n in 0..9u8 {
            edit(&mut a, &log(n % 4, 20 + u32::from(n), None));
            edit(&mut b, &log(4 + n % 2, 30 + u32::from(n), Some(0)));
            edit(&mut b, &Op::AddCase(0, n));
            now += MINUTE;
            a.sync(server, now).unwrap();
            now += MINUTE;
            b.sync(server, now).unwrap();
        }
        edit(&mut a, &Op::RemoveEntry(1));
        edit(&mut a, &log(2, 77, Some(0)));
        (a, b, now + MINUTE)
    };
    let mut clean = Server::default();
    let (mut a, mut b, now) = scenario(&mut clean);
    let start = clean.requests;
    a.sync(&mut clean, now).unwrap();
    let requests = clean.requests - start;
    assert!(
        a.state.own.full_seq > 1,
        "the scenario's last sync rewrites"
    );
    assert!(requests > 3, "it deletes the older files");
    settle(&mut [&mut b, &mut a], &mut clean, now);
    let expected = a.journal.clone();
    for at in 0..requests {
        for fault in [Fault::Lost, Fault::AnswerLost] {
            let mut server = Server::default();
            let (mut a, mut b, now) = scenario(&mut server);
            server.fail_at = Some((server.requests + at, fault));
            assert!(a.sync(&mut server, now).is_err(), "request {at} failed");
            server.fail_at = None;
            settle(&mut [&mut b, &mut a], &mut server, now);
            edit(&mut a, &log(3, 11, None));
            settle(&mut [&mut b, &mut a], &mut server, now + 10 * MINUTE);
            assert_eq!(a.journal, b.journal, "request {at}, {fault:?}");
            let mut a_then = a.journal.clone();
            a_then.entries.retain(|e| e.id.0 != "e3");
            let mut then = expected.clone();
            then.entries.retain(|e| e.id.0 != "e3");
            assert_eq!(by_id(&a_then), by_id(&then), "request {at}, {fault:?}");
            assert!(a.state.own.replaced.is_empty(), "request {at}, {fault:?}");
            for name in server.files.keys().filter(|n| n.starts_with("laptop-")) {
                assert!(
                    a.state.seen.contains_key(name),
                    "{name} left behind: request {at}, {fault:?}"
                );
            }
        }
    }
}
