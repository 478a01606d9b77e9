//! The sync merge's promises: devices that edit and delete with clocks days apart, then sync in
//! any order and any number of times, end with the same journal; the merge is commutative,
//! associative and idempotent; no record is lost except to a newer deletion; and compacting
//! tombstones never brings a deleted record back.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use tend_core::sync::{merge, DeviceId, Replica, Stamp, Versioned};
use tend_core::{EntryId, WorkEntry, WorkKind};

mod sync_common;

use sync_common::*;
proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Devices with clocks up to five days off either way converge on one journal whatever the
    /// order and repetition of syncs, and that journal keeps the newest version of every record.
    #[test]
    fn devices_converge_and_keep_the_newest_version((skews, steps) in world()) {
        let mut w = World::new(&skews, false);
        for s in &steps {
            w.run(s);
        }
        w.settle();
        let first = w.devices[0].journal.clone();
        prop_assert!(first.check().is_ok() && first.check_references().is_ok());
        for d in &w.devices {
            prop_assert_eq!(&d.journal, &first);
            // Nothing lost: each device holds exactly the newest version ever made of each record.
            prop_assert_eq!(&d.replica, &w.history);
        }
    }

    /// Compacting tombstones at any point (with every device's last stamp known) changes no
    /// journal at any step: a deleted record never comes back.
    #[test]
    fn compaction_never_resurrects((skews, steps) in world()) {
        let mut plain = World::new(&skews, false);
        let mut compacted = World::new(&skews, true);
        for s in &steps {
            plain.run(s);
            compacted.run(s);
            for (p, c) in plain.devices.iter().zip(&compacted.devices) {
                prop_assert_eq!(&p.journal, &c.journal);
            }
        }
        plain.settle();
        compacted.settle();
        for (p, c) in plain.devices.iter().zip(&compacted.devices) {
            prop_assert_eq!(&p.journal, &c.journal);
            prop_assert!(live_equal(&p.replica, &c.replica));
        }
    }

    #[test]
    fn merge_is_commutative_associative_and_idempotent(
        a in replica(), b in replica(), c in replica()
    ) {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        prop_assert_eq!(merge(&a, &a), a.clone());
        prop_assert_eq!(merge(&merge(&a, &b), &b), merge(&a, &b));
    }
}

/// Small random replicas whose stamps and values collide often (same stamp, other value too).
fn replica() -> impl Strategy<Value = Replica> {
    let stamp = (0u64..4, 0u32..2, 0u8..3).prop_map(|(millis, counter, d)| Stamp {
        millis,
        counter,
        device: DeviceId(format!("d{d}")),
    });
    let version = (0u8..4, stamp, proptest::option::of(1u32..4));
    (
        proptest::collection::vec(version, 0..8),
        proptest::option::of((0u64..4, 0u32..3000)),
    )
        .prop_map(|(versions, targets)| {
            let mut r = Replica::default();
            for (id, stamp, minutes) in versions {
                let id = EntryId(format!("e{id}"));
                let value = minutes.map(|m| WorkEntry::new(id.clone(), day(), m, WorkKind::Admin));
                let v = Versioned { stamp, value };
                let keep = r.entries.get(&id).is_none_or(|cur| v.beats(cur));
                if keep {
                    r.entries.insert(id, v);
                }
            }
            r.targets = targets.map(|(millis, weekly)| {
                let t = tend_core::Targets {
                    weekly_minutes: weekly,
                    ..Default::default()
                };
                Versioned {
                    stamp: Stamp {
                        millis,
                        counter: 0,
                        device: DeviceId("d0".into()),
                    },
                    value: Some(t),
                }
            });
            r
        })
}
