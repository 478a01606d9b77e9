//! "Sync" in Your data: connect to the clinician's own WebDAV folder, test the connection in
//! words, set sync up on the first device or join from another with the same sync passphrase,
//! and once set up: sync now, the last sync and what came in, the devices (`sync_devices.rs`),
//! leaving sync.

use super::sync_devices::SyncDevices;
use crate::platform::{self, lock::random_bytes, webdav};
use crate::store::{Msg, Store};
use crate::sync::driver::{forget_stored, new_device_id};
use crate::sync::{Step, SyncMsg};
use crate::views::common::use_store;
use std::rc::Rc;
use tend_core::lock::check_new_passphrase;
use tend_core::sync::{
    create_sync_key, join_key, owner_of, unlock_own, DeviceId, ServerSettings, SyncError, SyncKey,
    FILE_SUFFIX,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn value(field: &NodeRef) -> String {
    field
        .cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

fn field(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    r: &NodeRef,
    auto: &'static str,
) -> Html {
    html! {
        <div class="field">
            <label for={id}>{label}</label>
            <input {id} type={kind} autocomplete={auto} ref={r.clone()} />
        </div>
    }
}

const NOT_THE_FILES_PASSPHRASE: &str = "That is not the sync passphrase of this device's sync \
    files; type that one to set up sync with the same key. Nothing was changed.";

/// What the form says after a test, a set-up or a join.
type Say = UseStateHandle<Option<(String, bool)>>;

fn server_from(
    url: &NodeRef,
    user: &NodeRef,
    password: &NodeRef,
) -> Result<ServerSettings, String> {
    let url = value(url).trim().to_string();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err("Give the folder's full address, starting with https://.".into());
    }
    Ok(ServerSettings {
        url: format!("{}/", url.trim_end_matches('/')),
        user: value(user).trim().to_string(),
        password: value(password),
    })
}

async fn test(server: ServerSettings, say: Say) {
    say.set(Some(("Testing the connection…".into(), false)));
    match webdav::list(&server).await {
        Ok(files) => {
            let ours = files.iter().filter(|f| owner_of(&f.name).is_some()).count();
            say.set(Some((
                format!("Connected. The folder holds {ours} Tend sync files."),
                false,
            )));
        }
        Err(e) => say.set(Some((e.to_string(), true))),
    }
}

async fn set_up(store: Store, server: ServerSettings, passphrase: String, say: Say) {
    if let Err(e) = check_new_passphrase(&passphrase) {
        return say.set(Some((e.to_string(), true)));
    }
    say.set(Some(("Setting up sync…".into(), false)));
    let _ = webdav::make_folder(&server).await;
    let listing = match webdav::list(&server).await {
        Ok(l) => l,
        Err(e) => return say.set(Some((e.to_string(), true))),
    };
    if listing.iter().any(|f| owner_of(&f.name).is_some()) {
        return say.set(Some((
            "That folder already holds synced Tend data: use Join with its sync passphrase.".into(),
            true,
        )));
    }
    // A device that so far only carried files keeps its group key (and its files' group).
    if let Some(own) = store.sync.synced.as_ref().map(|s| s.key.clone()) {
        return match unlock_own(&passphrase, &own) {
            Ok(key) => begin(&store, server, key, "Sync is set up.", &say),
            Err(_) => say.set(Some((NOT_THE_FILES_PASSPHRASE.into(), true))),
        };
    }
    let (Some(salt), Some(key), Some(nonce)) = (random_bytes(), random_bytes(), random_bytes())
    else {
        return say.set(Some(("The browser gave no random numbers.".into(), true)));
    };
    match create_sync_key(&passphrase, salt, key, nonce) {
        Ok(key) => begin(&store, server, key, "Sync is set up.", &say),
        Err(e) => say.set(Some((e.to_string(), true))),
    }
}

/// Starts syncing as a new device of the group `key` opens, saying `done` first.
fn begin(store: &Store, server: ServerSettings, key: SyncKey, done: &str, say: &Say) {
    say.set(Some((done.into(), false)));
    store.dispatch(Msg::Sync(SyncMsg::Begin {
        server,
        key: Rc::new(key),
        device: new_device_id(),
    }));
}

async fn join(store: Store, server: ServerSettings, passphrase: String, say: Say) {
    say.set(Some(("Joining…".into(), false)));
    let listing = match webdav::list(&server).await {
        Ok(l) => l,
        Err(e) => return say.set(Some((e.to_string(), true))),
    };
    let Some(first) = listing.iter().find(|f| owner_of(&f.name).is_some()) else {
        return say.set(Some((SyncError::NothingToJoin.to_string(), true)));
    };
    let file = match webdav::get(&server, &first.name).await {
        Ok(f) => f,
        Err(e) => return say.set(Some((e.to_string(), true))),
    };
    match join_key(&passphrase, &file) {
        Ok(key) => begin(&store, server, key, "Joined. Syncing now…", &say),
        Err(e) => say.set(Some((e.to_string(), true))),
    }
}

/// Deletes every file of `device` from the folder (this device's when leaving).
pub(super) async fn delete_files_of(
    server: &ServerSettings,
    device: &DeviceId,
) -> Result<(), webdav::DavError> {
    for file in webdav::list(server).await? {
        if owner_of(&file.name) == Some(device.0.as_str()) && file.name.ends_with(FILE_SUFFIX) {
            webdav::delete(server, &file.name).await?;
        }
    }
    Ok(())
}

/// The Sync card.
#[function_component(SyncSettings)]
pub fn sync_settings() -> Html {
    let store = use_store();
    let say: Say = use_state(|| None);
    let (url, user, password, passphrase) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let delete_too = use_node_ref();
    let Some(store) = store else {
        return html! {};
    };
    let message = (*say).clone().map(|(text, is_error)| {
        let class = if is_error { "field-error" } else { "muted" };
        html! { <p {class} role="status" data-testid="sync-message">{text}</p> }
    });
    let with_server = store
        .sync
        .synced
        .clone()
        .filter(|s| s.state.server.is_some());
    let Some(synced) = with_server else {
        let run = |what: u8| {
            let (store, say) = (store.clone(), say.clone());
            let (url, user, password, passphrase) = (
                url.clone(),
                user.clone(),
                password.clone(),
                passphrase.clone(),
            );
            Callback::from(move |(): ()| {
                let server = match server_from(&url, &user, &password) {
                    Ok(s) => s,
                    Err(why) => return say.set(Some((why, true))),
                };
                let (store, say, secret) = (store.clone(), say.clone(), value(&passphrase));
                spawn_local(async move {
                    match what {
                        0 => test(server, say).await,
                        1 => set_up(store, server, secret, say).await,
                        _ => join(store, server, secret, say).await,
                    }
                });
            })
        };
        let on_test = run(0).reform(|e: SubmitEvent| e.prevent_default());
        let on_setup = run(1).reform(|_: MouseEvent| ());
        let on_join = run(2).reform(|_: MouseEvent| ());
        return html! {
            <div class="sync-settings" data-testid="sync-settings">
                <h3>{"Sync"}</h3>
                <p>{"Keep one history on all your devices through your own WebDAV storage \
                    (Nextcloud, a NAS, rclone). Tend writes only encrypted files there, sealed \
                    with a sync passphrase that never leaves your devices."}</p>
                <form class="sync-form" onsubmit={on_test}>
                    {field("sync-url", "Folder address", "url", &url, "url")}
                    {field("sync-user", "User name", "text", &user, "username")}
                    {field("sync-password", "App password", "password", &password, "current-password")}
                    {field("sync-passphrase", "Sync passphrase", "password", &passphrase, "new-password")}
                    <button type="submit" class="quiet">{"Test connection"}</button>
                    <button type="button" onclick={on_setup}>{"Set up sync on this device"}</button>
                    <button type="button" onclick={on_join}>{"Join with this passphrase"}</button>
                </form>
                if let Some(problem) = &store.sync.problem {
                    <p class="field-error" role="alert" data-testid="sync-problem">{problem.clone()}</p>
                }
                {message}
            </div>
        };
    };
    let state = &synced.state;
    let me = state.device().clone();
    let busy = !matches!(store.sync.step, Step::Idle);
    let sync_now = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Msg::Sync(SyncMsg::Start)))
    };
    let leave = {
        let (store, delete_too, say) = (store.clone(), delete_too.clone(), say.clone());
        let (server, me) = (state.server.clone(), me.clone());
        Callback::from(move |_: MouseEvent| {
            let delete = delete_too
                .cast::<HtmlInputElement>()
                .is_some_and(|i| i.checked());
            let (store, server, me, say) = (store.clone(), server.clone(), me.clone(), say.clone());
            spawn_local(async move {
                if let (true, Some(server)) = (delete, server) {
                    if let Err(e) = delete_files_of(&server, &me).await {
                        return say.set(Some((e.to_string(), true)));
                    }
                }
                forget_stored();
                say.set(None);
                store.dispatch(Msg::Sync(SyncMsg::Left));
            });
        })
    };
    let last = state
        .last_sync_ms
        .map(|ms| platform::local_time_label(i64::try_from(ms).unwrap_or(0)))
        .unwrap_or_else(|| "not yet".into());
    let status = if busy {
        "Syncing…".to_string()
    } else if store.sync.offline {
        "Offline: your changes wait here and go with the next sync.".to_string()
    } else {
        format!("Last synced: {last}")
    };
    html! {
        <div class="sync-settings" data-testid="sync-settings">
            <h3>{"Sync"}</h3>
            <p>{format!("On, with {}", state.server.as_ref().map(|s| s.url.as_str()).unwrap_or(""))}</p>
            <p role="status" data-testid="sync-status" data-sessions={store.sync.sessions.to_string()}>{status}</p>
            if let Some(words) = &state.last_came_in {
                <p data-testid="sync-came-in">{format!("Last came in: {words}.")}</p>
            }
            if let Some(problem) = &store.sync.problem {
                <p class="field-error" role="alert" data-testid="sync-problem">{problem.clone()}</p>
            }
            <button type="button" onclick={sync_now} disabled={busy}>{"Sync now"}</button>
            <SyncDevices />
            <h4>{"Leave sync"}</h4>
            <label class="check">
                <input type="checkbox" ref={delete_too} />
                {" Also delete this device's files from the server"}
            </label>
            <button type="button" class="quiet" onclick={leave}>{"Leave sync on this device"}</button>
            {message}
        </div>
    }
}
