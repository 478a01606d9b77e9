//! A device replacing its own files on the server by one full file: its files stay few after
//! many syncs, a device that never read the replaced deltas (nor one joining later) still gets
//! every record and every deletion, other devices forget the names no longer listed, and a
//! replica that dropped tombstones never writes a full file. Run with `--nocapture` for the
//! figures.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sync_common;
mod sync_server;

use chrono::NaiveDate;
use sync_common::{act, Op};
use sync_server::*;
use tend_core::bench::{generate, Profile};
use tend_core::sync::own_files::{LISTED_BYTES, MIN_DELTAS, UNKNOWN_SIZE_DELTAS};
use tend_core::sync::{outgoing, OwnFiles, SyncKey};
use tend_core::{Action, EntryId, WorkEntry, WorkKind};

const MINUTE: u64 = 60_000;

fn edit(device: &mut Device, op: &Op) {
    device.journal = act(&device.journal, op).expect("the edit applies");
}

/// Logs entry `id` with `minutes` (a changed entry when it was already there).
fn log(id: u8, minutes: u32) -> Op {
    Op::Log {
        id,
        minutes,
        case: None,
    }
}

fn add_entry(device: &mut Device, n: usize) {
    let day = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap() + chrono::Days::new(n as u64);
    let entry = WorkEntry::new(
        EntryId(format!("more-{n}")),
        day,
        50,
        WorkKind::DirectSession,
    );
    device.journal = device.journal.apply(&Action::AddEntry(entry)).unwrap();
}

/// Four weeks of history, then 200 syncs each after one new entry: without rewriting the
/// laptop would keep 201 files; with it, a few.
#[test]
fn after_many_syncs_a_device_keeps_few_files() {
    let key = group_key();
    let mut laptop = Device::new("laptop", &key);
    let mut phone = Device::new("phone", &key);
    laptop.journal = generate(Profile::Light, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()).journal;
    let mut server = Server::default();
    let mut now = START_MS;
    let (mut uploads, mut uploaded_bytes, mut most) = (0, 0, 0);
    for n in 0..=200 {
        if n > 0 {
            add_entry(&mut laptop, n);
        }
        let before = server.up;
        now += MINUTE;
        laptop.sync(&mut server, now).unwrap();
        uploads += 1;
        uploaded_bytes += server.up - before;
        most = most.max(server.files_of("laptop").0);
        if n % 7 == 0 {
            now += MINUTE;
            phone.sync(&mut server, now).unwrap();
        }
    }
    now += MINUTE;
    phone.sync(&mut server, now).unwrap();
    let (files, bytes) = server.files_of("laptop");
    println!(
        "laptop after 200 syncs of one entry on four weeks: without rewriting {uploads} files, \
         {uploaded_bytes} B; with it {files} files, {bytes} B (at most {most} at once)"
    );
    assert_eq!(phone.journal, laptop.journal);
    assert_eq!(uploads, 201);
    // Four weeks' full file is about 81 KB: rewriting is due after about 24 deltas.
    assert!(most <= 30, "{most} files at once");
    assert!(files < most && bytes * 3 < uploaded_bytes);
    let full = laptop.state.own.full_bytes.unwrap() as usize;
    assert!(
        bytes < full + full / 2,
        "the deltas left hold less than half a full file"
    );
    assert!(laptop.state.own.replaced.is_empty());
    for name in phone.state.seen.keys() {
        assert!(
            server.files.contains_key(name),
            "{name} is no longer listed"
        );
    }
}

/// The tablet reads the folder once, then is away while the laptop deletes an entry the phone
/// made, the phone edits one the laptop made, and the laptop rewrites its files (deleting the
/// deltas that carried the deletion). On its return it, and a device joining only now, end with
/// the same journal as the others: the deletion holds and the phone's edit wins.
#[test]
fn a_device_that_never_read_the_replaced_deltas_gets_everything() {
    let key = group_key();
    let mut laptop = Device::new("laptop", &key);
    let mut phone = Device::new("phone", &key);
    let mut tablet = Device::new("tablet", &key);
    let mut server = Server::default();
    let mut now = START_MS;
    let mut step = |d: &mut Device, server: &mut Server| {
        now += MINUTE;
        d.sync(server, now).unwrap();
    };
    edit(&mut phone, &log(0, 50));
    edit(&mut laptop, &log(1, 50));
    step(&mut phone, &mut server);
    step(&mut laptop, &mut server);
    step(&mut tablet, &mut server);
    let ids =
        |d: &Device| -> Vec<String> { d.journal.entries.iter().map(|e| e.id.0.clone()).collect() };
    assert_eq!(
        ids(&tablet).len(),
        2,
        "the tablet has both entries before it goes away"
    );
    edit(&mut laptop, &Op::RemoveEntry(0));
    step(&mut laptop, &mut server);
    step(&mut phone, &mut server);
    edit(
        &mut phone,
        &Op::Log {
            id: 1,
            minutes: 99,
            case: None,
        },
    );
    step(&mut phone, &mut server);
    step(&mut laptop, &mut server);
    let first_deltas: Vec<String> = laptop
        .state
        .seen
        .keys()
        .filter(|n| n.starts_with("laptop-"))
        .cloned()
        .collect();
    for n in 0..(MIN_DELTAS as u8 + 4) {
        edit(&mut laptop, &log(10 + n % 4, 20 + u32::from(n)));
        step(&mut laptop, &mut server);
    }
    assert!(
        laptop.state.own.full_seq > 1,
        "the laptop wrote a full file"
    );
    for name in &first_deltas {
        assert!(
            !server.files.contains_key(name),
            "{name} was replaced and deleted"
        );
    }
    step(&mut phone, &mut server);
    step(&mut tablet, &mut server);
    let mut late = Device::new("late", &key);
    step(&mut late, &mut server);
    for d in [&phone, &tablet, &late] {
        assert_eq!(d.journal, laptop.journal);
    }
    assert!(
        !ids(&tablet).contains(&"e0".to_string()),
        "the deletion holds"
    );
    let e1 = tablet
        .journal
        .entries
        .iter()
        .find(|e| e.id.0 == "e1")
        .unwrap();
    assert_eq!(e1.minutes, 99, "the phone's later edit wins");
}

/// A full file arriving after the deltas it replaces changes nothing more, and says nothing came
/// in.
#[test]
fn a_full_file_after_its_deltas_merges_to_the_same() {
    let key = group_key();
    let mut laptop = Device::new("laptop", &key);
    let mut phone = Device::new("phone", &key);
    let mut server = Server::default();
    let mut now = START_MS;
    for n in 0..=MIN_DELTAS {
        edit(&mut laptop, &log(n as u8 % 5, 20 + n as u32));
        now += MINUTE;
        laptop.sync(&mut server, now).unwrap();
        now += MINUTE;
        phone.sync(&mut server, now).unwrap();
    }
    let before = phone.journal.clone();
    let full_seq = laptop.state.own.full_seq;
    now += MINUTE;
    edit(&mut laptop, &Op::AddCase(0, 1));
    laptop.sync(&mut server, now).unwrap();
    assert!(
        laptop.state.own.full_seq > full_seq,
        "this upload was a full file"
    );
    now += MINUTE;
    assert_eq!(
        phone.sync(&mut server, now).unwrap(),
        "1 case from 1 other device"
    );
    assert_eq!(phone.journal.entries, before.entries);
    assert_eq!(phone.journal, laptop.journal);
}

/// A replica that dropped old tombstones writes only deltas: its full file would lack them.
#[test]
fn a_replica_with_a_floor_never_writes_a_full_file() {
    let key = group_key();
    let sync_key = SyncKey::from_stored(&key).unwrap();
    let mut laptop = Device::new("laptop", &key);
    let mut server = Server::default();
    let mut now = START_MS;
    for n in 0..=MIN_DELTAS {
        edit(&mut laptop, &log(n as u8 % 5, 20 + n as u32));
        now += MINUTE;
        laptop.sync(&mut server, now).unwrap();
    }
    edit(&mut laptop, &log(5, 50));
    now += MINUTE;
    let got = tend_core::sync::receive(
        &laptop.state,
        &laptop.replica,
        &laptop.journal,
        &sync_key,
        &[],
        now,
    )
    .unwrap();
    assert!(got.state.own.due(got.state.seq));
    let plain = outgoing(&got.state, &got.replica, &sync_key, "aa", [1; 24])
        .unwrap()
        .unwrap();
    assert!(plain.full && !plain.replaces.is_empty());
    let mut floored = got.replica.clone();
    floored.floor = got.state.sent.clone();
    let up = outgoing(&got.state, &floored, &sync_key, "aa", [1; 24])
        .unwrap()
        .unwrap();
    assert!(!up.full && up.replaces.is_empty());
}

/// The thresholds follow the rule in `own_files`: the least count of deltas whose listing cost
/// reaches twice the full file, or deltas holding half its bytes, never below the minimum.
#[test]
fn rewriting_is_due_by_the_rule() {
    for full in [1_000u64, 81_200, 4_940_000] {
        let own = OwnFiles {
            full_seq: 1,
            full_bytes: Some(full),
            delta_bytes: 0,
            replaced: Default::default(),
        };
        let first = (2..10_000).find(|seq| own.due(*seq)).unwrap();
        let n = own.deltas(first);
        assert!(n >= MIN_DELTAS);
        assert!(n * n * LISTED_BYTES >= 2 * full || n == MIN_DELTAS);
        assert!((n - 1) * (n - 1) * LISTED_BYTES < 2 * full || n == MIN_DELTAS);
        println!("full file {full} B: rewritten after {n} deltas of few bytes");
        let heavy = OwnFiles {
            delta_bytes: full / 2 + 1,
            ..own.clone()
        };
        assert!(heavy.due(1 + MIN_DELTAS));
        assert!(!heavy.due(MIN_DELTAS));
    }
    let old = OwnFiles::default();
    assert!(!old.due(UNKNOWN_SIZE_DELTAS));
    assert!(old.due(UNKNOWN_SIZE_DELTAS + 1));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(16))]

    /// Three devices editing at random for long enough that they rewrite their files, syncing in
    /// any order with a failure at a random request, end with the same journal once each has
    /// synced cleanly twice round, with no replaced file left and none unknown to its device.
    #[test]
    fn devices_converge_with_rewrites_whatever_fails(
        steps in proptest::collection::vec(
            (0usize..3, proptest::option::of(sync_common::op())), 40..120),
        fail_at in 0usize..200,
        answer_lost in proptest::prelude::any::<bool>(),
    ) {
        let key = group_key();
        let mut devices: Vec<Device> =
            ["a", "b", "c"].iter().map(|n| Device::new(n, &key)).collect();
        let mut server = Server::default();
        let fault = if answer_lost { Fault::AnswerLost } else { Fault::Lost };
        server.fail_at = Some((fail_at, fault));
        let mut now = START_MS;
        for (who, step) in &steps {
            now += MINUTE;
            let d = &mut devices[*who];
            match step {
                Some(op) => {
                    if let Some(after) = act(&d.journal, op) {
                        d.journal = after;
                    }
                    // Sync after most edits, as the app does a few seconds after each change.
                    let _ = d.sync(&mut server, now);
                }
                None => {
                    let _ = d.sync(&mut server, now);
                }
            }
        }
        server.fail_at = None;
        for _ in 0..2 {
            for d in devices.iter_mut() {
                now += MINUTE;
                d.sync(&mut server, now).unwrap();
            }
        }
        proptest::prop_assert_eq!(&devices[0].journal, &devices[1].journal);
        proptest::prop_assert_eq!(&devices[1].journal, &devices[2].journal);
        for d in &devices {
            proptest::prop_assert!(d.state.own.replaced.is_empty());
            let prefix = format!("{}-", d.state.device().0);
            for name in server.files.keys().filter(|n| n.starts_with(&prefix)) {
                proptest::prop_assert!(d.state.seen.contains_key(name), "{} unknown", name);
            }
        }
    }
}
