//! "Sync by file" in Your data, beside the Sync card: save a sync file holding every record
//! here, sealed, and open one saved on another device with the sync passphrase, with no server
//! needed. A device with no sync set-up chooses a sync passphrase (twice) with its first file.
//! The store merges (`sync/carry.rs`); this reads the file and opens its key first.

use super::lock_settings::{password, take};
use crate::platform::{self, lock::random_bytes};
use crate::store::{Msg, Store};
use crate::sync::driver::new_device_id;
use crate::sync::SyncMsg;
use crate::views::common::use_store;
use std::rc::Rc;
use tend_core::lock::check_new_passphrase;
use tend_core::sync::{
    create_sync_key, read_carried_header, unlock_carried, CarryError, MAX_CARRIED_BYTES,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn now() -> u64 {
    u64::try_from(platform::now_ms()).unwrap_or(0)
}

/// The message to save a file, with a new group key when this device has none.
fn save_message(store: &Store, first: String, second: String) -> Result<SyncMsg, String> {
    let nonce = random_bytes().ok_or("The browser gave no random numbers.")?;
    let new_key = if store.sync.synced.is_some() {
        None
    } else {
        check_new_passphrase(&first).map_err(|e| e.to_string())?;
        if first != second {
            return Err("The two sync passphrases differ; type them again.".into());
        }
        let (Some(salt), Some(key), Some(wrap)) = (random_bytes(), random_bytes(), random_bytes())
        else {
            return Err("The browser gave no random numbers.".into());
        };
        let key = create_sync_key(&first, salt, key, wrap).map_err(|e| e.to_string())?;
        Some(Rc::new(key))
    };
    Ok(SyncMsg::SaveFile {
        new_key,
        device: new_device_id(),
        now: now(),
        nonce,
    })
}

/// The message to merge the chosen file, once its key opens with `passphrase`.
fn open_message(text: Rc<String>, passphrase: &str) -> Result<SyncMsg, String> {
    let header = read_carried_header(&text).map_err(|e| e.to_string())?;
    let key = unlock_carried(passphrase, &header).map_err(|e| e.to_string())?;
    Ok(SyncMsg::OpenFile {
        text,
        key: Rc::new(key),
        device: new_device_id(),
        now: now(),
    })
}

/// Saving and opening carried sync files.
#[function_component(SyncFileCard)]
pub fn sync_file_card() -> Html {
    let store = use_store();
    let (first, second, passphrase) = (use_node_ref(), use_node_ref(), use_node_ref());
    let chosen = use_state(|| None::<Rc<String>>);
    // A problem found here, before the store is asked; cleared when the store is asked.
    let problem = use_state(|| None::<String>);
    let Some(store) = store else {
        return html! {};
    };
    let report = {
        let (store, problem) = (store.clone(), problem.clone());
        move |outcome: Result<SyncMsg, String>| match outcome {
            Ok(msg) => {
                problem.set(None);
                store.dispatch(Msg::Sync(msg));
            }
            Err(why) => problem.set(Some(why)),
        }
    };
    let on_save = {
        let (store, first, second, report) =
            (store.clone(), first.clone(), second.clone(), report.clone());
        Callback::from(move |_: MouseEvent| {
            report(save_message(&store, take(&first), take(&second)))
        })
    };
    let on_choose = {
        let (chosen, problem) = (chosen.clone(), problem.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (chosen, problem) = (chosen.clone(), problem.clone());
            platform::read_chosen_file(&input, MAX_CARRIED_BYTES, move |read| {
                let text = match read {
                    Ok(bytes) => String::from_utf8(bytes).map_err(|_| CarryError::NotSync.to_string()),
                    Err(0) => Err("The file could not be read; nothing was changed.".into()),
                    Err(bytes) => Err(format!(
                        "That file is {} MB; a sync file is never larger than {} MB. Nothing was changed.",
                        bytes / (1024 * 1024),
                        MAX_CARRIED_BYTES / (1024 * 1024)
                    )),
                };
                match text {
                    Ok(text) => {
                        problem.set(None);
                        chosen.set(Some(Rc::new(text)));
                    }
                    Err(why) => {
                        chosen.set(None);
                        problem.set(Some(why));
                    }
                }
            });
        })
    };
    let on_open = {
        let (chosen, passphrase, report) = (chosen.clone(), passphrase.clone(), report.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let secret = take(&passphrase);
            report(match (*chosen).clone() {
                Some(text) => open_message(text, &secret),
                None => Err("Choose a sync file first.".into()),
            })
        })
    };
    let note = match ((*problem).clone(), store.sync.carry_note.clone()) {
        (Some(why), _) => Some((why, true)),
        (None, note) => note,
    };
    let disabled = store.read_only();
    html! {
        <div class="sync-file" data-testid="sync-file">
            <h3>{"Sync by file"}</h3>
            <p>{"No server? Save a sync file here and open it on your other device with the \
                sync passphrase: it holds every record, sealed. Devices that sync through a \
                server can swap files too."}</p>
            if store.sync.synced.is_none() {
                {password("sync-file-new", "New sync passphrase", &first, "new-password")}
                {password("sync-file-repeat", "Repeat the new sync passphrase", &second, "new-password")}
            }
            <button type="button" onclick={on_save} {disabled}>{"Save a sync file"}</button>
            <form class="sync-file-open" onsubmit={on_open}>
                <div class="field">
                    <label for="sync-file-chosen">{"Sync file to open"}</label>
                    <input id="sync-file-chosen" type="file" accept=".tsync" onchange={on_choose} {disabled} />
                </div>
                {password("sync-file-passphrase", "Passphrase of the sync file", &passphrase, "current-password")}
                <button type="submit" {disabled}>{"Open a sync file"}</button>
            </form>
            if let Some((text, is_error)) = note {
                if is_error {
                    <p class="field-error" role="alert" data-testid="sync-file-message">{text}</p>
                } else {
                    <p class="muted" role="status" data-testid="sync-file-message">{text}</p>
                }
            }
        </div>
    }
}
