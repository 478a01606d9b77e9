//! Sync files carried by hand, on the store's side: saving this device's whole replica as a
//! file to download, and merging a file opened with the sync passphrase into the journal as it
//! is at that moment. The core does the work (`tend_core::sync::carry`); the card
//! (`views/data/sync_file.rs`) reads the chosen file and opens its key first. A device without
//! sync gets a set-up with no server from the first file it saves or opens.

use super::{set_state, SyncMsg, Synced};
use crate::platform;
use crate::store::AppState;
use std::rc::Rc;
use tend_core::sync::{merge_carried, save_carried, DeviceId, Replica, SyncKey, SyncState};
use tend_core::Action;

/// Runs a carried-file message (the others are not for here).
pub fn reduce(app: &mut AppState, msg: SyncMsg) {
    match msg {
        SyncMsg::SaveFile {
            new_key,
            device,
            now,
            nonce,
        } => save(app, new_key, device, now, nonce),
        SyncMsg::OpenFile {
            text,
            key,
            device,
            now,
        } => open(app, &text, key, device, now),
        _ => {}
    }
}

fn say(app: &mut AppState, text: impl Into<String>, is_error: bool) {
    app.sync.carry_note = Some((text.into(), is_error));
}

/// The file's name: the date only, so it reveals no label, name or device.
pub fn file_name() -> String {
    format!("tend-sync-{}.tsync", platform::today().format("%Y-%m-%d"))
}

fn save(
    app: &mut AppState,
    new_key: Option<Rc<SyncKey>>,
    device: String,
    now: u64,
    nonce: [u8; 24],
) {
    if app.read_only() {
        return say(
            app,
            "This tab is read-only; reload it to save a sync file.",
            true,
        );
    }
    let synced = match (app.sync.synced.clone(), new_key) {
        (Some(synced), _) => synced,
        (None, Some(key)) => {
            let mut state = SyncState::new(DeviceId(device));
            state.key = Some(key.to_stored());
            Rc::new(Synced {
                state,
                replica: Rc::new(Replica::default()),
                key,
            })
        }
        (None, None) => return say(app, "Choose a sync passphrase first.", true),
    };
    let current = app.doc().payload.clone();
    let saved = match save_carried(
        &synced.state,
        &synced.replica,
        &current,
        &synced.key,
        now,
        nonce,
    ) {
        Ok(saved) => saved,
        Err(e) => return say(app, e.to_string(), true),
    };
    let name = file_name();
    if !platform::download(&name, "application/octet-stream", &saved.text) {
        return say(
            app,
            "The browser refused the download; nothing was saved.",
            true,
        );
    }
    set_state(app, &synced, saved.state, Some(saved.replica));
    say(
        app,
        format!("Saved {name}. Open it on your other device with the sync passphrase."),
        false,
    );
}

fn open(app: &mut AppState, text: &str, key: Rc<SyncKey>, device: String, now: u64) {
    if app.read_only() {
        return say(
            app,
            "This tab is read-only; reload it to open a sync file.",
            true,
        );
    }
    let current = app.doc().payload.clone();
    let synced = app.sync.synced.clone();
    let local = synced
        .as_ref()
        .map(|s| (&s.state, s.replica.as_ref(), s.key.as_ref()));
    let opened = match merge_carried(&key, text, local, DeviceId(device), &current, now) {
        Ok(opened) => opened,
        Err(e) => return say(app, e.to_string(), true),
    };
    let got = opened.received;
    if got.journal != current {
        let replaced = app.ledger.apply(
            Action::ReplaceAll(got.journal.clone()),
            platform::BUILD,
            None,
        );
        if let Err(e) = replaced {
            let why = format!("The merged records were refused ({e}); nothing was changed.");
            return say(app, why, true);
        }
    }
    let base = synced.unwrap_or_else(|| {
        Rc::new(Synced {
            state: got.state.clone(),
            replica: Rc::new(Replica::default()),
            key,
        })
    });
    set_state(app, &base, got.state, Some(got.replica));
    let words = match opened.words {
        Some(words) => format!("Merged {words}."),
        None => "Nothing new in the file: this device already had all of it.".into(),
    };
    say(app, words, false);
}
