//! One sync session, planned as pure steps the shell carries out over the network.
//!
//! 1. The shell lists the folder (names and ETags) and [`plan`] says which files to fetch: every
//!    sync file of another device that was not merged yet, or whose ETag changed.
//! 2. The shell fetches them and [`receive`] opens all of them with the group key before
//!    merging any: the local journal's changes since the last sync are stamped first (each with
//!    the time it was made, [`super::edits`]), then every file is merged, and the result is a new
//!    journal, a new state and a [`Summary`] of what came in. Any failure is a [`SyncError`] and
//!    nothing is changed.
//! 3. [`outgoing`] writes this device's next file (a delta of what it made since its last upload,
//!    or an empty first file that announces the device) under a new random name, and
//!    [`uploaded`] records it once the server has it. If the upload fails, the state is as before
//!    and the next session writes the same versions again; if it succeeded unseen, the next file
//!    repeats some versions, which merging takes in twice without harm.

use super::clock::{ClockError, Stamp};
use super::edits::Edits;
use super::file::{
    open_named, read_header, unlock_sync_key, write_named, FileHeader, SyncFileError, SyncKey,
    FILE_VERSION, FORMAT,
};
use super::replica::Replica;
use super::state::{owner_of, SyncState};
use crate::journal::Journal;
use crate::lock::NONCE_LEN;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;
use std::hash::Hash;

/// A file in the server's listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The file's name in the sync folder.
    pub name: String,
    /// Its ETag as the server gave it.
    pub etag: String,
}

/// A fetched file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    /// The file's name.
    pub name: String,
    /// Its ETag when fetched.
    pub etag: String,
    /// Its text.
    pub text: String,
}

/// Why a sync did not merge anything. Nothing local was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncError {
    /// A file could not be opened; its name and why.
    File(String, SyncFileError),
    /// A file's clock is too far ahead.
    Clock(ClockError),
    /// Joining found no Tend sync file in the folder.
    NothingToJoin,
    /// The stored group key is damaged: sync must be set up again on this device.
    NoKey,
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncError::File(_, e) => e.fmt(f),
            SyncError::Clock(e) => e.fmt(f),
            SyncError::NothingToJoin => f.write_str(
                "That folder holds no synced Tend data yet. Set sync up on the device that has \
                 your data first, then join from this one.",
            ),
            SyncError::NoKey => f.write_str(
                "This device's copy of the sync key is damaged. Leave sync on this device and \
                 join again with your sync passphrase; nothing was merged or changed.",
            ),
        }
    }
}

impl std::error::Error for SyncError {}

/// The files of other devices to fetch: not merged yet, or changed since (ETag differs).
pub fn plan(state: &SyncState, listing: &[Listed]) -> Vec<String> {
    listing
        .iter()
        .filter(|f| owner_of(&f.name).is_some() && !state.is_own(&f.name))
        .filter(|f| state.seen.get(&f.name) != Some(&f.etag))
        .map(|f| f.name.clone())
        .collect()
}

/// Opens the group key of a folder being joined, from any file in it, with the passphrase.
pub fn join_key(passphrase: &str, fetched: &Fetched) -> Result<SyncKey, SyncError> {
    let header =
        read_header(&fetched.text).map_err(|e| SyncError::File(fetched.name.clone(), e))?;
    unlock_sync_key(passphrase, &header).map_err(|e| SyncError::File(fetched.name.clone(), e))
}

/// What came in from other devices, counted by kind of record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// How many devices sent the files merged.
    pub devices: usize,
    /// Records of each kind added, changed or removed by the merge, in the order shown.
    pub counts: Vec<(&'static str, &'static str, usize)>,
}

impl Summary {
    /// True if nothing in the journal changed.
    pub fn is_empty(&self) -> bool {
        self.counts.iter().all(|(_, _, n)| *n == 0)
    }

    /// "14 entries and 1 case from 1 other device", or `None` when nothing came in.
    pub fn describe(&self) -> Option<String> {
        let list = self.listed()?;
        let from = if self.devices == 1 {
            "1 other device".to_string()
        } else {
            format!("{} other devices", self.devices)
        };
        Some(format!("{list} from {from}"))
    }

    /// "14 entries and 1 case", or `None` when nothing came in.
    pub fn listed(&self) -> Option<String> {
        let parts: Vec<String> = self
            .counts
            .iter()
            .filter(|(_, _, n)| *n > 0)
            .map(|(one, many, n)| format!("{n} {}", if *n == 1 { one } else { many }))
            .collect();
        let list = match parts.as_slice() {
            [] => return None,
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        };
        Some(list)
    }
}

/// How many records of one kind differ between two journals: added or changed (by their
/// stored text) and removed (by id).
fn differing<'a, T: Serialize + 'a, K: Eq + Hash>(
    before: impl Iterator<Item = &'a T> + Clone,
    after: impl Iterator<Item = &'a T> + Clone,
    id: impl Fn(&T) -> K,
) -> usize {
    let text = |r: &T| serde_json::to_string(r).unwrap_or_default();
    let old: HashSet<String> = before.clone().map(text).collect();
    let new_ids: HashSet<K> = after.clone().map(&id).collect();
    let changed = after.filter(|r| !old.contains(&text(r))).count();
    let removed = before.filter(|r| !new_ids.contains(&id(r))).count();
    changed + removed
}

/// What changed between the journal before a merge and after it, by kind.
pub(super) fn summarise(before: &Journal, after: &Journal, devices: usize) -> Summary {
    let (b, a) = (before, after);
    Summary {
        devices,
        counts: vec![
            (
                "entry",
                "entries",
                differing(b.entries.iter(), a.entries.iter(), |r| r.id.clone()),
            ),
            (
                "break",
                "breaks",
                differing(b.breaks.iter(), a.breaks.iter(), |r| r.id.clone()),
            ),
            (
                "case",
                "cases",
                differing(b.cases.iter(), a.cases.iter(), |r| r.id.clone()),
            ),
            (
                "organisation",
                "organisations",
                differing(b.organisations.iter(), a.organisations.iter(), |r| {
                    r.id.clone()
                }),
            ),
            (
                "self-check",
                "self-checks",
                differing(b.checks.iter(), a.checks.iter(), |r| r.id.clone()),
            ),
            (
                "instrument",
                "instruments",
                differing(b.instruments.iter(), a.instruments.iter(), |r| r.id.clone()),
            ),
            (
                "requirement set",
                "requirement sets",
                differing(b.requirement_sets.iter(), a.requirement_sets.iter(), |r| {
                    r.id.clone()
                }),
            ),
            (
                "CE activity",
                "CE activities",
                differing(b.ce_activities.iter(), a.ce_activities.iter(), |r| {
                    r.id.clone()
                }),
            ),
            (
                "change to the targets",
                "changes to the targets",
                usize::from(b.targets != a.targets),
            ),
        ],
    }
}

/// The outcome of [`receive`].
#[derive(Clone, Debug)]
pub struct Received {
    /// The merged journal (equal to the current one if nothing came in).
    pub journal: Journal,
    /// The merged replica.
    pub replica: Replica,
    /// The state after the merge.
    pub state: SyncState,
    /// What came in.
    pub summary: Summary,
}

/// Stamps the local changes since the last sync (`current` against the replica's journal), each
/// as made when `state.edits` says (then forgets those times), then opens every fetched file
/// with `key` and merges them. Refuses the whole session, changing nothing, if any file cannot be
/// opened or its clock is too far ahead.
pub fn receive(
    state: &SyncState,
    replica: &Replica,
    current: &Journal,
    key: &SyncKey,
    fetched: &[Fetched],
    now_ms: u64,
) -> Result<Received, SyncError> {
    let mut opened: Vec<(&Fetched, FileHeader, Replica)> = Vec::new();
    let mut names = Vec::new();
    for file in fetched {
        let (header, body, name) =
            open_named(key, &file.text).map_err(|e| SyncError::File(file.name.clone(), e))?;
        names.push((header.device.clone(), header.seq, name));
        if owner_of(&file.name) != Some(header.device.0.as_str()) {
            let why = "its name and its header name different devices".to_string();
            return Err(SyncError::File(
                file.name.clone(),
                SyncFileError::Damaged(why),
            ));
        }
        opened.push((file, header, body));
    }
    let mut next = state.clone();
    let mut merged = replica.clone();
    let base = merged.to_journal().journal;
    merged.record_change_at(&base, current, &mut next.clock, now_ms, &state.edits);
    next.edits = Edits::default();
    for (_, header, _) in &opened {
        next.clock
            .receive(&header.clock, now_ms)
            .map_err(SyncError::Clock)?;
    }
    let mut senders = std::collections::BTreeSet::new();
    for (file, header, body) in &opened {
        merged.merge(body);
        next.seen.insert(file.name.clone(), file.etag.clone());
        senders.insert(header.device.clone());
        let seen = next.devices.entry(header.device.clone()).or_default();
        seen.seq = seen.seq.max(header.seq);
        seen.millis = seen.millis.max(header.clock.millis);
    }
    super::names::take_names(&mut next, state, names);
    let journal = merged.to_journal().journal;
    let summary = summarise(current, &journal, senders.len());
    next.last_sync_ms = Some(now_ms);
    if let Some(words) = summary.describe() {
        next.last_came_in = Some(words);
    }
    Ok(Received {
        journal,
        replica: merged,
        state: next,
        summary,
    })
}

/// This device's next file, to upload under `name`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upload {
    /// The file's name (from [`SyncState::file_name`]).
    pub name: String,
    /// The file's text.
    pub text: String,
    /// Its sequence number.
    pub seq: u64,
    /// The newest stamp it covers.
    pub upto: Stamp,
    /// True for a full file, which replaces this device's older files (`super::own_files`).
    pub full: bool,
    /// The older files of this device a full file replaces, to delete once it is recorded.
    pub replaces: Vec<String>,
    /// The device's name the file carries, sealed.
    pub device_name: Option<String>,
}

/// The file this device should upload now, or `None` if it has nothing new to say. The first
/// file is written even when empty, so other devices learn of this one, and so is a file after
/// the device was renamed, so they learn its name. When its deltas are due
/// to be rewritten ([`super::own_files`]), the file is a full one replacing its older files.
pub fn outgoing(
    state: &SyncState,
    replica: &Replica,
    key: &SyncKey,
    random_name: &str,
    nonce: [u8; NONCE_LEN],
) -> Result<Option<Upload>, SyncError> {
    let mut body = replica.made_by(state.device(), state.sent.as_ref());
    let sent_name = state
        .devices
        .get(state.device())
        .and_then(|d| d.name.as_ref());
    if body.is_empty() && state.seq > 0 && sent_name == state.name.as_ref() {
        return Ok(None);
    }
    let replaces = super::own_files::rewrite(state, replica);
    let rewrite = replaces.is_some();
    if rewrite {
        body = replica.made_by(state.device(), None);
    }
    let upto = state.clock.latest().clone();
    let header = FileHeader {
        format: FORMAT.into(),
        version: FILE_VERSION,
        lock: key.header.clone(),
        device: state.device().clone(),
        seq: state.seq + 1,
        clock: upto.clone(),
        since: (state.seq > 0 && !rewrite).then_some(state.seq),
    };
    let name = state.file_name(random_name);
    let text = write_named(key, &header, &body, state.name.as_deref(), nonce)
        .map_err(|e| SyncError::File(name.clone(), e))?;
    Ok(Some(Upload {
        name,
        text,
        seq: header.seq,
        upto,
        full: header.since.is_none(),
        replaces: replaces.unwrap_or_default(),
        device_name: state.name.clone(),
    }))
}

/// Records that the server now holds `upload` (with `etag`, if it gave one); after a full file,
/// the files it replaces are to be deleted ([`super::own_files::to_delete`]).
pub fn uploaded(state: &mut SyncState, upload: &Upload, etag: &str) {
    state.seq = upload.seq;
    state.sent = Some(upload.upto.clone());
    state.seen.insert(upload.name.clone(), etag.to_string());
    let bytes = u64::try_from(upload.text.len()).unwrap_or(u64::MAX);
    if upload.full {
        state.own.full_seq = upload.seq;
        state.own.full_bytes = Some(bytes);
        state.own.delta_bytes = 0;
        state.own.replaced.extend(upload.replaces.iter().cloned());
    } else {
        state.own.delta_bytes = state.own.delta_bytes.saturating_add(bytes);
    }
    let device = state.device().clone();
    let me = state.devices.entry(device).or_default();
    me.seq = upload.seq;
    me.millis = upload.upto.millis;
    me.name = upload.device_name.clone();
}
