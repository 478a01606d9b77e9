//! The sync merge's promises: devices that edit and delete with clocks days apart, then sync in
//! any order and any number of times, end with the same journal; the merge is commutative,
//! associative and idempotent; no record is lost except to a newer deletion; and compacting
//! tombstones never brings a deleted record back.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::BTreeMap;
use tend_core::sync::{
    merge, receive_file, Clock, DeviceId, FileHeader, Replica, Stamp, Versioned,
};
use tend_core::tracking::Complexity;
use tend_core::{Action, Case, CaseId, EntryId, Journal, WorkEntry, WorkKind};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// 1 March 2026, in milliseconds: the simulation's start.
const START_MS: i64 = 1_772_323_200_000;

/// One thing a device does.
#[derive(Clone, Debug)]
enum Op {
    /// Log entry `id` (or replace it: a removal and an add in one change) for case `case`.
    Log {
        id: u8,
        minutes: u32,
        case: Option<u8>,
    },
    RemoveEntry(u8),
    AddCase(u8, u8),
    RemoveCase(u8),
    Targets(u32),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..6, 1u32..600, proptest::option::of(0u8..3))
            .prop_map(|(id, minutes, case)| Op::Log { id, minutes, case }),
        2 => (0u8..6).prop_map(Op::RemoveEntry),
        2 => (0u8..3, 0u8..4).prop_map(|(c, label)| Op::AddCase(c, label)),
        2 => (0u8..3).prop_map(Op::RemoveCase),
        1 => (60u32..3000).prop_map(Op::Targets),
    ]
}

/// A step: a device acts, or one device reads another's files.
#[derive(Clone, Debug)]
enum Step {
    Act { device: usize, op: Op, wait_ms: u32 },
    Sync { from: usize, to: usize },
    Compact { device: usize },
}

fn step(devices: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..devices, op(), 0u32..3_600_000)
            .prop_map(|(device, op, wait_ms)| Step::Act { device, op, wait_ms }),
        2 => (0..devices, 0..devices).prop_map(|(from, to)| Step::Sync { from, to }),
        1 => (0..devices).prop_map(|device| Step::Compact { device }),
    ]
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// What `op` does to `journal`, if the reducer accepts it.
fn act(journal: &Journal, op: &Op) -> Option<Journal> {
    let action = |j: &Journal, a: Action| j.apply(&a).ok();
    match op {
        Op::Log { id, minutes, case } => {
            let id = EntryId(format!("e{id}"));
            let mut entry = WorkEntry::new(id.clone(), day(), *minutes, WorkKind::DirectSession);
            entry.case = case.map(|c| CaseId(format!("c{c}")));
            let base = action(journal, Action::RemoveEntry(id)).unwrap_or_else(|| journal.clone());
            action(&base, Action::AddEntry(entry))
        }
        Op::RemoveEntry(id) => action(journal, Action::RemoveEntry(EntryId(format!("e{id}")))),
        Op::AddCase(c, label) => {
            let case = Case::opened(
                CaseId(format!("c{c}")),
                &format!("Case {label}"),
                Complexity::default(),
                day(),
            );
            action(journal, Action::AddCase(case.clone()))
                .or_else(|| action(journal, Action::UpdateCase(case)))
        }
        Op::RemoveCase(c) => action(journal, Action::RemoveCase(CaseId(format!("c{c}")))),
        Op::Targets(minutes) => {
            let mut targets = journal.targets.clone();
            targets.weekly_minutes = *minutes;
            action(journal, Action::SetTargets(targets))
        }
    }
}

/// One simulated device.
#[derive(Clone)]
struct Device {
    name: DeviceId,
    skew_ms: i64,
    clock: Clock,
    replica: Replica,
    journal: Journal,
    /// Every version this device has uploaded: its files on the server, which compacting the
    /// replica does not rewrite.
    published: Replica,
    /// The newest stamp of each device's own this replica has merged (for compaction).
    seen: BTreeMap<DeviceId, Stamp>,
}

struct World {
    now_ms: i64,
    devices: Vec<Device>,
    /// Every version any device ever made, merged: the newest version of each record.
    history: Replica,
    compacts: bool,
}

impl World {
    fn new(skews: &[i64], compacts: bool) -> World {
        let names: Vec<DeviceId> = (0..skews.len())
            .map(|i| DeviceId(format!("d{i}")))
            .collect();
        let devices = skews
            .iter()
            .zip(&names)
            .map(|(skew, name)| Device {
                name: name.clone(),
                skew_ms: *skew,
                clock: Clock::new(name.clone()),
                replica: Replica::default(),
                journal: Journal::default(),
                published: Replica::default(),
                seen: names
                    .iter()
                    .map(|d| {
                        (
                            d.clone(),
                            Stamp {
                                millis: 0,
                                counter: 0,
                                device: d.clone(),
                            },
                        )
                    })
                    .collect(),
            })
            .collect();
        World {
            now_ms: START_MS,
            devices,
            history: Replica::default(),
            compacts,
        }
    }

    fn local_ms(&self, device: usize) -> u64 {
        (self.now_ms + self.devices[device].skew_ms) as u64
    }

    /// `to` reads `from`'s file: every version `from` made, with `from`'s clock in the header.
    fn sync(&mut self, from: usize, to: usize) {
        if from == to {
            return;
        }
        let now = self.local_ms(to);
        let source = &self.devices[from];
        let body = source.published.clone();
        let clock = source.clock.latest().clone();
        let header = FileHeader {
            format: "tend-sync".into(),
            version: 1,
            lock: dummy_lock(),
            device: source.name.clone(),
            seq: 1,
            clock: clock.clone(),
            since: None,
        };
        let d = &mut self.devices[to];
        receive_file(&mut d.replica, &mut d.clock, &header, &body, now).unwrap();
        d.seen.insert(clock.device.clone(), clock);
        d.journal = d.replica.to_journal().journal;
    }

    fn run(&mut self, step: &Step) {
        match step {
            Step::Act {
                device,
                op,
                wait_ms,
            } => {
                self.now_ms += i64::from(*wait_ms);
                let now = self.local_ms(*device);
                let d = &mut self.devices[*device];
                if let Some(after) = act(&d.journal, op) {
                    d.replica
                        .record_change(&d.journal, &after, &mut d.clock, now);
                    d.journal = after;
                    let own = d.replica.made_by(&d.name, None);
                    d.published.merge(&own);
                    self.history.merge(&own);
                }
            }
            Step::Sync { from, to } => self.sync(*from, *to),
            Step::Compact { device } => {
                if self.compacts {
                    let d = &mut self.devices[*device];
                    let own = d.clock.latest().clone();
                    d.seen.insert(d.name.clone(), own);
                    if let Some(h) = tend_core::sync::horizon(&d.seen) {
                        d.replica.compact(&h);
                    }
                }
            }
        }
    }

    /// Every device reads every other's files, twice round.
    fn settle(&mut self) {
        for _ in 0..2 {
            for to in 0..self.devices.len() {
                for from in 0..self.devices.len() {
                    self.sync(from, to);
                }
            }
        }
    }
}

fn dummy_lock() -> tend_core::lock::LockHeader {
    tend_core::lock::LockHeader {
        kdf: tend_core::lock::KdfParams::recommended([1; 16]),
        cipher: tend_core::lock::CIPHER.into(),
        wrapped_key: String::new(),
    }
}

fn live_equal(a: &Replica, b: &Replica) -> bool {
    let mut a = a.clone();
    let mut b = b.clone();
    for r in [&mut a, &mut b] {
        r.entries.retain(|_, v| v.value.is_some());
        r.cases.retain(|_, v| v.value.is_some());
        r.floor = None;
    }
    a == b
}

fn world() -> impl Strategy<Value = (Vec<i64>, Vec<Step>)> {
    (2usize..=4).prop_flat_map(|n| {
        (
            proptest::collection::vec(-5 * DAY_MS..5 * DAY_MS, n),
            proptest::collection::vec(step(n), 1..60),
        )
    })
}

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
