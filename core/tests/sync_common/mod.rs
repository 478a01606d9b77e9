//! The simulated devices the sync tests share: random edits and deletes, clocks set apart,
//! and syncs between them through real sync files.

#![allow(dead_code)]

use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::BTreeMap;
use tend_core::requirements::{examples, CeActivity, CeId};
use tend_core::sync::{receive_file, Clock, DeviceId, FileHeader, Replica, Stamp};
use tend_core::tracking::Complexity;
use tend_core::{Action, Case, CaseId, EntryId, Journal, WorkEntry, WorkKind};

pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// 1 March 2026, in milliseconds: the simulation's start.
pub const START_MS: i64 = 1_772_323_200_000;

/// One thing a device does.
#[derive(Clone, Debug)]
pub enum Op {
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
    /// Add requirement set `n` (one of the shipped examples under its own id) or rename it.
    AddSet(u8, u8),
    RemoveSet(u8),
    /// Log CE activity `id` (or replace it).
    LogCe(u8, u32),
    RemoveCe(u8),
}

pub fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..6, 1u32..600, proptest::option::of(0u8..3))
            .prop_map(|(id, minutes, case)| Op::Log { id, minutes, case }),
        2 => (0u8..6).prop_map(Op::RemoveEntry),
        2 => (0u8..3, 0u8..4).prop_map(|(c, label)| Op::AddCase(c, label)),
        2 => (0u8..3).prop_map(Op::RemoveCase),
        1 => (60u32..3000).prop_map(Op::Targets),
        1 => (0u8..2, 0u8..3).prop_map(|(n, name)| Op::AddSet(n, name)),
        1 => (0u8..2).prop_map(Op::RemoveSet),
        1 => (0u8..3, 30u32..600).prop_map(|(id, minutes)| Op::LogCe(id, minutes)),
        1 => (0u8..3).prop_map(Op::RemoveCe),
    ]
}

/// A step: a device acts, or one device reads another's files.
#[derive(Clone, Debug)]
pub enum Step {
    Act { device: usize, op: Op, wait_ms: u32 },
    Sync { from: usize, to: usize },
    Compact { device: usize },
}

pub fn step(devices: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..devices, op(), 0u32..3_600_000)
            .prop_map(|(device, op, wait_ms)| Step::Act { device, op, wait_ms }),
        2 => (0..devices, 0..devices).prop_map(|(from, to)| Step::Sync { from, to }),
        1 => (0..devices).prop_map(|device| Step::Compact { device }),
    ]
}

pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// What `op` does to `journal`, if the reducer accepts it.
pub fn act(journal: &Journal, op: &Op) -> Option<Journal> {
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
        Op::AddSet(n, name) => {
            let mut set = examples().into_iter().next()?;
            set.id = format!("set{n}");
            set.name = format!("Set {n} ({name})");
            action(journal, Action::AddRequirementSet(set.clone()))
                .or_else(|| action(journal, Action::UpdateRequirementSet(set)))
        }
        Op::RemoveSet(n) => action(journal, Action::RemoveRequirementSet(format!("set{n}"))),
        Op::LogCe(id, minutes) => {
            let id = CeId(format!("ce{id}"));
            let activity = CeActivity {
                id: id.clone(),
                date: day(),
                minutes: *minutes,
                category: "ethics".into(),
                ..CeActivity::default()
            };
            let base =
                action(journal, Action::RemoveCeActivity(id)).unwrap_or_else(|| journal.clone());
            action(&base, Action::AddCeActivity(activity))
        }
        Op::RemoveCe(id) => action(journal, Action::RemoveCeActivity(CeId(format!("ce{id}")))),
    }
}

/// One simulated device.
#[derive(Clone)]
pub struct Device {
    pub name: DeviceId,
    pub skew_ms: i64,
    pub clock: Clock,
    pub replica: Replica,
    pub journal: Journal,
    /// Every version this device has uploaded: its files on the server, which compacting the
    /// replica does not rewrite.
    pub published: Replica,
    /// The newest stamp of each device's own this replica has merged (for compaction).
    pub seen: BTreeMap<DeviceId, Stamp>,
}

pub struct World {
    pub now_ms: i64,
    pub devices: Vec<Device>,
    /// Every version any device ever made, merged: the newest version of each record.
    pub history: Replica,
    pub compacts: bool,
}

impl World {
    pub fn new(skews: &[i64], compacts: bool) -> World {
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

    pub fn local_ms(&self, device: usize) -> u64 {
        (self.now_ms + self.devices[device].skew_ms) as u64
    }

    /// `to` reads `from`'s file: every version `from` made, with `from`'s clock in the header.
    pub fn sync(&mut self, from: usize, to: usize) {
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

    pub fn run(&mut self, step: &Step) {
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
    pub fn settle(&mut self) {
        for _ in 0..2 {
            for to in 0..self.devices.len() {
                for from in 0..self.devices.len() {
                    self.sync(from, to);
                }
            }
        }
    }
}

pub fn dummy_lock() -> tend_core::lock::LockHeader {
    tend_core::lock::LockHeader {
        kdf: tend_core::lock::KdfParams::recommended([1; 16]),
        cipher: tend_core::lock::CIPHER.into(),
        wrapped_key: String::new(),
    }
}

pub fn live_equal(a: &Replica, b: &Replica) -> bool {
    let mut a = a.clone();
    let mut b = b.clone();
    for r in [&mut a, &mut b] {
        r.entries.retain(|_, v| v.value.is_some());
        r.cases.retain(|_, v| v.value.is_some());
        r.requirement_sets.retain(|_, v| v.value.is_some());
        r.ce_activities.retain(|_, v| v.value.is_some());
        r.floor = None;
    }
    a == b
}

pub fn world() -> impl Strategy<Value = (Vec<i64>, Vec<Step>)> {
    (2usize..=4).prop_flat_map(|n| {
        (
            proptest::collection::vec(-5 * DAY_MS..5 * DAY_MS, n),
            proptest::collection::vec(step(n), 1..60),
        )
    })
}
