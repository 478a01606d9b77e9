//! Offline edits stamped when they were made (issue 19): two devices edit the same record while
//! both are offline and the later edit wins whichever syncs last; with many devices editing and
//! syncing at random the latest edit of each record wins; clocks days apart never make a stamp
//! go backwards; the records an action names cover every record the reducer changes; and the
//! bytes a noted change adds.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sync_common;
mod sync_server;

use proptest::prelude::*;
use sync_common::{day, op};
use sync_server::*;
use tend_core::sync::{touched_by, Clock, DeviceId, Edits, Replica, Touched};
use tend_core::tracking::Complexity;
use tend_core::{Action, Case, CaseId, EntryId, Journal, WorkEntry, WorkKind};

const MINUTE: u64 = 60_000;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;

fn case(id: u8, label: &str) -> Case {
    Case::opened(
        CaseId(format!("c{id}")),
        label,
        Complexity::default(),
        day(),
    )
}

/// Applies `action` as the shell does: through the reducer, noting when it was made.
fn take(device: &mut Device, action: Action, at_ms: u64) {
    device.journal = device.journal.apply(&action).unwrap();
    device.state.edits.note(&touched_by(&action), at_ms);
}

/// Two devices that both hold case c0, synced, then both offline.
fn both_hold_a_case(server: &mut Server) -> (Device, Device) {
    let key = group_key();
    let mut a = Device::new("laptop", &key);
    let mut b = Device::new("phone", &key);
    take(&mut a, Action::AddCase(case(0, "AB")), START_MS);
    a.sync(server, START_MS + MINUTE).unwrap();
    b.sync(server, START_MS + 2 * MINUTE).unwrap();
    a.sync(server, START_MS + 3 * MINUTE).unwrap();
    assert_eq!(b.journal.cases[0].label, "AB");
    (a, b)
}

#[test]
fn the_later_offline_edit_wins_whichever_device_syncs_last() {
    for a_syncs_last in [true, false] {
        let mut server = Server::default();
        let (mut a, mut b) = both_hold_a_case(&mut server);
        // Offline for two days: the laptop edits first, the phone a day later.
        take(&mut a, Action::UpdateCase(case(0, "A's")), START_MS + DAY);
        take(
            &mut b,
            Action::UpdateCase(case(0, "B's")),
            START_MS + 2 * DAY,
        );
        let back = START_MS + 3 * DAY;
        let (first, last) = if a_syncs_last {
            (&mut b, &mut a)
        } else {
            (&mut a, &mut b)
        };
        first.sync(&mut server, back).unwrap();
        last.sync(&mut server, back + MINUTE).unwrap();
        first.sync(&mut server, back + 2 * MINUTE).unwrap();
        assert_eq!(
            a.journal.cases[0].label, "B's",
            "A syncs last: {a_syncs_last}"
        );
        assert_eq!(
            b.journal.cases[0].label, "B's",
            "A syncs last: {a_syncs_last}"
        );
        assert!(a.state.edits.is_empty() && b.state.edits.is_empty());
    }
}

#[test]
fn without_noted_times_the_device_that_syncs_later_wins_as_before() {
    let mut server = Server::default();
    let (mut a, mut b) = both_hold_a_case(&mut server);
    take(&mut a, Action::UpdateCase(case(0, "A's")), START_MS + DAY);
    take(
        &mut b,
        Action::UpdateCase(case(0, "B's")),
        START_MS + 2 * DAY,
    );
    // A state stored before times were kept has none: the sync's time stamps the change.
    a.state.edits = Edits::default();
    b.state.edits = Edits::default();
    let back = START_MS + 3 * DAY;
    b.sync(&mut server, back).unwrap();
    a.sync(&mut server, back + MINUTE).unwrap();
    b.sync(&mut server, back + 2 * MINUTE).unwrap();
    assert_eq!(a.journal.cases[0].label, "A's");
    assert_eq!(b.journal.cases[0].label, "A's");
}

#[test]
fn a_state_stored_before_times_were_kept_reads_with_none() {
    let mut state = tend_core::sync::SyncState::new(DeviceId("laptop".into()));
    let text = serde_json::to_string(&state).unwrap();
    assert!(!text.contains("edits"), "{text}");
    let read: tend_core::sync::SyncState = serde_json::from_str(&text).unwrap();
    assert!(read.edits.is_empty());
    state
        .edits
        .note(&Touched::Records(vec![("c", "c0".into())]), 5);
    let text = serde_json::to_string(&state).unwrap();
    let read: tend_core::sync::SyncState = serde_json::from_str(&text).unwrap();
    assert_eq!(read.edits.time_of("c", "c0", 9), 5);
}

/// The bytes one noted change adds to the stored times, with ids as the app makes them
/// (`<millis in hex>-<8 hex digits>`).
#[test]
fn a_noted_change_adds_a_few_dozen_bytes() {
    let mut edits = Edits::default();
    let size = |e: &Edits| serde_json::to_string(e).unwrap().len();
    edits.note(
        &Touched::Records(vec![("e", "19ad3f1c2b0-00000000".into())]),
        START_MS,
    );
    let one = size(&edits);
    for i in 1..=100u32 {
        let id = format!("19ad3f1c2b{:x}-{i:08x}", i % 16);
        edits.note(&Touched::Records(vec![("e", id)]), START_MS + u64::from(i));
    }
    let per_change = (size(&edits) - one) / 100;
    println!("first noted change: {one} bytes; each further one: {per_change} bytes");
    assert!(per_change <= 40, "{per_change} bytes per change");
    assert!(one < 80, "{one} bytes for the first");
}

/// Stamps made by stamping `journal`'s records as changes made at the given times.
fn stamp_at(clock: &mut Clock, times: &[(u8, u64)], now: u64) -> Replica {
    let mut journal = Journal::default();
    let mut edits = Edits::default();
    for (i, at) in times {
        let id = EntryId(format!("e{i}"));
        if journal.entries.iter().any(|e| e.id == id) {
            continue;
        }
        let entry = WorkEntry::new(id.clone(), day(), 10, WorkKind::DirectSession);
        journal = journal.apply(&Action::AddEntry(entry)).unwrap();
        edits.note(&touched_by(&Action::RemoveEntry(id)), *at);
    }
    let mut replica = Replica::default();
    replica.record_change_at(&Journal::default(), &journal, clock, now, &edits);
    replica
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Noted times days ahead of or behind the device's clock, and a clock that has seen stamps
    /// days ahead: every stamp comes after the clock's latest, they follow the noted times'
    /// order, and none runs ahead of both the device's time and the clock's latest.
    #[test]
    fn skewed_times_never_make_a_stamp_go_backwards(
        times in proptest::collection::vec((0u8..20, 0u64..20 * DAY), 1..20),
        seen_ahead in 0u64..10 * DAY,
        now_offset in 0u64..20 * DAY,
    ) {
        let now = START_MS + now_offset;
        let mut clock = Clock::new(DeviceId("d".into()));
        clock.tick(START_MS + seen_ahead);
        let before = clock.latest().clone();
        let times: Vec<(u8, u64)> = times.iter().map(|(i, t)| (*i, START_MS + t)).collect();
        let replica = stamp_at(&mut clock, &times, now);
        let mut stamped: Vec<_> = replica.entries.values().map(|v| v.stamp.clone()).collect();
        prop_assert!(!stamped.is_empty());
        stamped.sort();
        let top = now.max(before.millis + 1);
        for s in &stamped {
            prop_assert!(*s > before);
            prop_assert!(s.millis <= top);
        }
        // The order of the stamps is the order of the noted times.
        let mut by_time: Vec<(u64, String)> = replica
            .entries
            .iter()
            .map(|(k, v)| (v.stamp.millis * 1000 + u64::from(v.stamp.counter), k.0.clone()))
            .collect();
        by_time.sort();
        let noted = |id: &str| times.iter().find(|(i, _)| format!("e{i}") == id).map(|t| t.1).unwrap();
        for pair in by_time.windows(2) {
            prop_assert!(noted(&pair[0].1) <= noted(&pair[1].1));
        }
    }

    /// Three devices relabel cases at random moments and sync in any order: once all have
    /// synced twice round, every device shows, for each case, the label of its latest edit.
    #[test]
    fn the_latest_edit_of_each_record_wins(
        steps in proptest::collection::vec(
            (0usize..3, proptest::option::of((0u8..3, 0u8..50)), 1u64..6 * HOUR),
            1..40,
        ),
    ) {
        let key = group_key();
        let mut devices: Vec<Device> =
            ["a", "b", "c"].iter().map(|n| Device::new(n, &key)).collect();
        let mut server = Server::default();
        let mut now = START_MS;
        for n in 0..3u8 {
            take(&mut devices[0], Action::AddCase(case(n, "first")), now);
        }
        for d in devices.iter_mut() {
            now += MINUTE;
            d.sync(&mut server, now).unwrap();
        }
        devices[0].sync(&mut server, now + MINUTE).unwrap();
        let mut latest: Vec<String> = vec!["first".into(); 3];
        for (step, (who, edit, wait)) in steps.iter().enumerate() {
            now += wait;
            match edit {
                Some((n, label)) => {
                    // Each edit's label is its own: saving the label a case already has on that
                    // device changes nothing there, so there is no change to stamp (an edit
                    // another device made meanwhile rightly stays the latest change).
                    let label = format!("{who}:{label}:{step}");
                    let d = &mut devices[*who];
                    take(d, Action::UpdateCase(case(*n, &label)), now);
                    latest[usize::from(*n)] = label;
                }
                None => {
                    devices[*who].sync(&mut server, now).unwrap();
                }
            }
        }
        for _ in 0..2 {
            for d in &mut devices {
                now += MINUTE;
                d.sync(&mut server, now).unwrap();
            }
        }
        for d in &devices {
            let labels: Vec<&str> = d.journal.cases.iter().map(|c| c.label.as_str()).collect();
            let mut want: Vec<(&str, &str)> = d
                .journal
                .cases
                .iter()
                .map(|c| (c.id.0.as_str(), c.label.as_str()))
                .collect();
            want.sort();
            let got: Vec<&str> = want.iter().map(|(_, l)| *l).collect();
            prop_assert_eq!(got, latest.iter().map(String::as_str).collect::<Vec<_>>(), "{:?}", labels);
        }
    }

    /// Every record an ordinary action changes is one the action names, so noting a change
    /// never needs to read the history.
    #[test]
    fn an_action_names_every_record_it_changes(ops in proptest::collection::vec(op(), 1..40)) {
        let mut journal = Journal::default();
        for op in &ops {
            for action in actions_of(&journal, op) {
                let Ok(after) = journal.apply(&action) else { continue };
                let mut changed = Replica::default();
                let mut clock = Clock::new(DeviceId("d".into()));
                changed.record_change(&journal, &after, &mut clock, START_MS);
                let touched = touched_by(&action);
                prop_assert_ne!(&touched, &Touched::Everything, "{:?}", action);
                let mut noted = Edits::default();
                noted.note(&touched, 1);
                let all = |kind: &str, id: String| noted.time_of(kind, &id, 0) == 1;
                for k in changed.entries.keys() { prop_assert!(all("e", k.to_string())); }
                for k in changed.cases.keys() { prop_assert!(all("c", k.to_string())); }
                for k in changed.requirement_sets.keys() { prop_assert!(all("r", k.clone())); }
                for k in changed.ce_activities.keys() { prop_assert!(all("a", k.to_string())); }
                if changed.targets.is_some() { prop_assert!(all("t", String::new())); }
                journal = after;
            }
        }
    }
}

/// The actions the shared simulated `op` takes (an edit of an entry is its removal and re-adding).
fn actions_of(journal: &Journal, op: &sync_common::Op) -> Vec<Action> {
    use sync_common::Op;
    let after = sync_common::act(journal, op);
    match (op, after) {
        (_, None) => Vec::new(),
        (Op::Log { id, .. }, Some(after)) => {
            let id = EntryId(format!("e{id}"));
            let entry = after.entries.iter().find(|e| e.id == id).unwrap().clone();
            let mut out = Vec::new();
            if journal.entries.iter().any(|e| e.id == id) {
                out.push(Action::RemoveEntry(id));
            }
            out.push(Action::AddEntry(entry));
            out
        }
        (Op::RemoveEntry(id), _) => vec![Action::RemoveEntry(EntryId(format!("e{id}")))],
        (Op::AddCase(c, _), Some(after)) => {
            let id = CaseId(format!("c{c}"));
            let case = after.cases.iter().find(|x| x.id == id).unwrap().clone();
            if journal.cases.iter().any(|x| x.id == id) {
                vec![Action::UpdateCase(case)]
            } else {
                vec![Action::AddCase(case)]
            }
        }
        (Op::RemoveCase(c), _) => vec![Action::RemoveCase(CaseId(format!("c{c}")))],
        (Op::Targets(_), Some(after)) => vec![Action::SetTargets(after.targets)],
        (Op::AddSet(n, _), Some(after)) => {
            let id = format!("set{n}");
            let set = after
                .requirement_sets
                .iter()
                .find(|s| s.id == id)
                .unwrap()
                .clone();
            if journal.requirement_sets.iter().any(|s| s.id == id) {
                vec![Action::UpdateRequirementSet(set)]
            } else {
                vec![Action::AddRequirementSet(set)]
            }
        }
        (Op::RemoveSet(n), _) => vec![Action::RemoveRequirementSet(format!("set{n}"))],
        (Op::LogCe(id, _), Some(after)) => {
            let id = tend_core::requirements::CeId(format!("ce{id}"));
            let activity = after
                .ce_activities
                .iter()
                .find(|a| a.id == id)
                .unwrap()
                .clone();
            let mut out = Vec::new();
            if journal.ce_activities.iter().any(|a| a.id == id) {
                out.push(Action::RemoveCeActivity(id));
            }
            out.push(Action::AddCeActivity(activity));
            out
        }
        (Op::RemoveCe(id), _) => vec![Action::RemoveCeActivity(tend_core::requirements::CeId(
            format!("ce{id}"),
        ))],
    }
}

/// The shortest time of five runs of `f` done `n` times, in microseconds per call.
fn micros(n: u32, mut f: impl FnMut(u32)) -> f64 {
    (0..5)
        .map(|_| {
            let start = std::time::Instant::now();
            for i in 0..n {
                f(i);
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(n)
        })
        .fold(f64::INFINITY, f64::min)
}

/// Logging one entry: the reducer's own work against what noting its time adds (the records it
/// names, the note, and the text written to storage, with up to 200 changes noted since the last
/// sync), on four weeks and on five years.
#[test]
fn noting_a_logged_entry_does_not_read_the_history() {
    use tend_core::bench::{generate, Profile};
    let last = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let mut figures = Vec::new();
    for profile in [Profile::Light, Profile::Heavy] {
        let journal = generate(profile, last).journal;
        let action = |i: u32| {
            let id = EntryId(format!("19ad3f1c2b0-{i:08x}"));
            Action::AddEntry(WorkEntry::new(id, last, 10, WorkKind::Documentation))
        };
        let apply = micros(200, |i| {
            journal.apply(&action(i)).unwrap();
        });
        let mut edits = Edits::default();
        let note = micros(200, |i| {
            if i == 0 {
                edits = Edits::default();
            }
            edits.note(&touched_by(&action(i)), START_MS + u64::from(i));
            std::hint::black_box(serde_json::to_string(&edits).unwrap());
        });
        println!(
            "{profile:?}: {} entries; the reducer {apply:.1} µs, noting the time {note:.1} µs",
            journal.entries.len()
        );
        figures.push(note);
    }
    // The same work whatever the history's length (generous against a busy machine).
    assert!(figures[1] < figures[0] * 3.0 + 20.0, "{figures:?}");
}
