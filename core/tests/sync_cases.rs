//! Sync cases worked by hand: clock skew of days either way, an entry whose case was deleted on
//! another device, a file from a clock months ahead, and a compacted deletion.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sync_common;

use sync_common::*;
use tend_core::sync::{receive_file, FileHeader};
use tend_core::EntryId;

/// A device whose clock is days behind still wins with a change made after seeing another's,
/// and a device days ahead cannot override a change made after seeing its own.
#[test]
fn skew_of_days_either_way_keeps_cause_before_effect() {
    for skew in [-4 * DAY_MS, 4 * DAY_MS] {
        let mut w = World::new(&[0, skew], false);
        let log = Op::Log {
            id: 1,
            minutes: 50,
            case: None,
        };
        w.run(&Step::Act {
            device: 0,
            op: log,
            wait_ms: 1,
        });
        w.sync(0, 1);
        assert_eq!(w.devices[1].journal.entries.len(), 1);
        w.run(&Step::Act {
            device: 1,
            op: Op::RemoveEntry(1),
            wait_ms: 1,
        });
        w.sync(1, 0);
        assert!(w.devices[0].journal.entries.is_empty(), "skew {skew}");
        let relog = Op::Log {
            id: 1,
            minutes: 70,
            case: None,
        };
        w.run(&Step::Act {
            device: 0,
            op: relog,
            wait_ms: 1,
        });
        w.settle();
        for d in &w.devices {
            assert_eq!(d.journal.entries[0].minutes, 70, "skew {skew}");
        }
    }
}

/// An entry logged for a case another device deleted meanwhile is kept, without the link.
#[test]
fn an_entry_for_a_deleted_case_is_kept_without_its_link() {
    let mut w = World::new(&[0, DAY_MS], false);
    w.run(&Step::Act {
        device: 0,
        op: Op::AddCase(0, 0),
        wait_ms: 1,
    });
    w.sync(0, 1);
    w.run(&Step::Act {
        device: 0,
        op: Op::RemoveCase(0),
        wait_ms: 1,
    });
    let log = Op::Log {
        id: 2,
        minutes: 45,
        case: Some(0),
    };
    w.run(&Step::Act {
        device: 1,
        op: log,
        wait_ms: 1,
    });
    w.settle();
    let resolved = w.devices[0].replica.to_journal();
    assert!(resolved.journal.cases.is_empty());
    assert_eq!(resolved.journal.entries.len(), 1);
    assert_eq!(resolved.journal.entries[0].case, None);
    assert_eq!(resolved.entries_unlinked, vec![EntryId("e2".into())]);
    assert!(resolved.journal.check_references().is_ok());
    assert_eq!(w.devices[1].journal, resolved.journal);
}

/// A remote stamp months ahead is refused, and nothing is merged.
#[test]
fn a_file_from_a_clock_months_ahead_is_refused() {
    let mut w = World::new(&[0, 60 * DAY_MS], false);
    w.run(&Step::Act {
        device: 1,
        op: Op::Targets(900),
        wait_ms: 1,
    });
    let before = w.devices[0].replica.clone();
    let source = &w.devices[1];
    let header = FileHeader {
        format: "tend-sync".into(),
        version: 1,
        lock: dummy_lock(),
        device: source.name.clone(),
        seq: 1,
        clock: source.clock.latest().clone(),
        since: None,
    };
    let body = source.replica.made_by(&source.name, None);
    let d = &mut w.devices[0];
    let refused = receive_file(
        &mut d.replica,
        &mut d.clock,
        &header,
        &body,
        START_MS as u64 + 2,
    );
    assert!(refused.unwrap_err().to_string().contains("60 days ahead"));
    assert_eq!(w.devices[0].replica, before);
}

/// Compaction drops a tombstone every device has passed, and an old copy of the deleted record
/// arriving afterwards (from a file written before the deletion) is not taken back in.
#[test]
fn a_compacted_deletion_stays_deleted() {
    let mut w = World::new(&[0, -3 * DAY_MS], true);
    let log = Op::Log {
        id: 3,
        minutes: 20,
        case: None,
    };
    w.run(&Step::Act {
        device: 0,
        op: log,
        wait_ms: 1,
    });
    let old_file = w.devices[0].published.clone();
    w.sync(0, 1);
    w.run(&Step::Act {
        device: 1,
        op: Op::RemoveEntry(3),
        wait_ms: 1,
    });
    w.sync(1, 0);
    w.sync(0, 1);
    let d = &mut w.devices[1];
    let own = d.clock.latest().clone();
    d.seen.insert(d.name.clone(), own);
    let h = tend_core::sync::horizon(&d.seen).unwrap();
    assert_eq!(d.replica.compact(&h), 1);
    assert_eq!(d.replica.tombstones(), 0);
    assert_eq!(d.replica.merge(&old_file), 0);
    assert!(d.replica.to_journal().journal.entries.is_empty());
}
