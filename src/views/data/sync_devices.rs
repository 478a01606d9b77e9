//! The devices part of the Sync card: this device's name, which the clinician can change (it
//! travels sealed in this device's files), and every device of the group listed by name
//! ("Laptop, last synced …") with a button to remove another one. Names are shown as text, which
//! Yew escapes; a device from a build before names shows by its random id.

use super::sync_settings::delete_files_of;
use crate::platform;
use crate::store::{Msg, Store};
use crate::sync::SyncMsg;
use crate::views::common::use_store;
use tend_core::sync::names::MAX_NAME_CHARS;
use tend_core::sync::{device_name, DeviceId, DeviceSeen, SyncState};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How a device is listed: its name, or its id when it has none.
fn label(device: &DeviceId, seen: &DeviceSeen, mine: bool) -> String {
    match (&seen.name, mine) {
        (Some(name), true) => format!("{name} (this device)"),
        (Some(name), false) => name.clone(),
        (None, true) => format!("This device ({device})"),
        (None, false) => format!("Device {device}"),
    }
}

/// What the devices part says after a rename or a removal.
type Said = UseStateHandle<Option<(String, bool)>>;

fn device_row(
    store: &Store,
    said: &Said,
    state: &SyncState,
    device: &DeviceId,
    seen: &DeviceSeen,
) -> Html {
    let when = platform::local_time_label(i64::try_from(seen.millis).unwrap_or(0));
    let mine = device == state.device();
    let mut seen = seen.clone();
    if mine {
        seen.name = state.name.clone();
    }
    let shown = label(device, &seen, mine);
    let remove = {
        let (store, device, server) = (store.clone(), device.clone(), state.server.clone());
        let said = said.clone();
        Callback::from(move |_: MouseEvent| {
            let (store, device, server) = (store.clone(), device.clone(), server.clone());
            let said = said.clone();
            spawn_local(async move {
                let Some(server) = server else { return };
                match delete_files_of(&server, &device).await {
                    Ok(()) => store.dispatch(Msg::Sync(SyncMsg::DeviceRemoved(device))),
                    Err(e) => said.set(Some((e.to_string(), true))),
                }
            });
        })
    };
    html! {
        <li>
            <span>{format!("{shown}, last synced {when}")}</span>
            if !mine {
                <button type="button" class="quiet" onclick={remove}
                    aria-label={format!("Remove device {shown}")}>{"Remove"}</button>
            }
        </li>
    }
}

/// This device's name and the list of devices.
#[function_component(SyncDevices)]
pub fn sync_devices() -> Html {
    let store = use_store();
    let field = use_node_ref();
    let said: Said = use_state(|| None);
    let Some(store) = store else {
        return html! {};
    };
    let Some(synced) = store.sync.synced.clone() else {
        return html! {};
    };
    let state = &synced.state;
    let rename = {
        let (store, field, said) = (store.clone(), field.clone(), said.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = field
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            match device_name(&text) {
                Ok(name) => {
                    said.set(Some((format!("This device is now called {name}."), false)));
                    store.dispatch(Msg::Sync(SyncMsg::Rename(name)));
                }
                Err(e) => said.set(Some((e.to_string(), true))),
            }
        })
    };
    let message = (*said).clone().map(|(text, is_error)| {
        let class = if is_error { "field-error" } else { "muted" };
        html! { <p {class} role="status" data-testid="sync-name-message">{text}</p> }
    });
    let current = state.name.clone().unwrap_or_default();
    html! {
        <>
            <h4>{"Devices"}</h4>
            <form class="sync-name" onsubmit={rename}>
                <div class="field">
                    <label for="sync-device-name">{"This device's name"}</label>
                    <input id="sync-device-name" type="text" autocomplete="off"
                        maxlength={(2 * MAX_NAME_CHARS).to_string()} value={current} ref={field} />
                </div>
                <button type="submit" class="quiet">{"Save name"}</button>
            </form>
            {message}
            <ul data-testid="sync-devices">
                { for state.devices.iter().map(|(device, seen)| device_row(&store, &said, state, device, seen)) }
            </ul>
        </>
    }
}
