//! Turning the passphrase lock on, changing the passphrase and turning it off.

use crate::platform::lock;
use crate::store::Msg;
use crate::views::common::use_store;
use tend_core::lock::check_new_passphrase;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Reads a passphrase field and empties it.
pub(super) fn take(field: &NodeRef) -> String {
    field
        .cast::<HtmlInputElement>()
        .map(|input| {
            let value = input.value();
            input.set_value("");
            value
        })
        .unwrap_or_default()
}

fn new_passphrase(first: String, second: String) -> Result<String, String> {
    check_new_passphrase(&first).map_err(|e| e.to_string())?;
    if first != second {
        return Err("The two new passphrases differ; type them again.".into());
    }
    Ok(first)
}

/// A labelled passphrase field.
pub(super) fn password(
    id: &'static str,
    label: &'static str,
    field: &NodeRef,
    purpose: &'static str,
) -> Html {
    html! {
        <div class="field">
            <label for={id}>{label}</label>
            <input {id} type="password" autocomplete={purpose} ref={field.clone()} />
        </div>
    }
}

/// The lock's part of "Your data".
#[function_component(LockSettings)]
pub fn lock_settings() -> Html {
    let store = use_store();
    let error = use_state(|| None::<String>);
    let (current, first, second) = (use_node_ref(), use_node_ref(), use_node_ref());
    let Some(store) = store else {
        return html! {};
    };
    // Each form works out the message for the store or the reason it cannot; this shows either.
    let report = {
        let (store, error) = (store.clone(), error.clone());
        move |outcome: Result<Msg, String>| match outcome {
            Ok(msg) => {
                error.set(None);
                store.dispatch(msg);
            }
            Err(message) => error.set(Some(message)),
        }
    };

    let turn_on = {
        let (first, second, report) = (first.clone(), second.clone(), report.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            report(
                new_passphrase(take(&first), take(&second))
                    .and_then(|p| lock::create(&p).map_err(|e| e.to_string()))
                    .map(|(header, key)| Msg::LockChanged {
                        lock: Some(header),
                        key: Some(key),
                        rewrite: true,
                        done: "The lock is on: your records are now stored encrypted.".into(),
                    }),
            )
        })
    };
    let change = {
        let (store, current, first, second, report) = (
            store.clone(),
            current.clone(),
            first.clone(),
            second.clone(),
            report.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(header) = store.lock.clone() else {
                return;
            };
            let old = take(&current);
            report(
                new_passphrase(take(&first), take(&second))
                    .and_then(|new| lock::rewrap(&old, &new, &header).map_err(|e| e.to_string()))
                    .map(|header| Msg::LockChanged {
                        lock: Some(header),
                        key: store.key.clone(),
                        rewrite: false,
                        done: "The passphrase is changed.".into(),
                    }),
            )
        })
    };
    let turn_off = {
        let (store, current) = (store.clone(), current.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(header) = store.lock.clone() else {
                return;
            };
            report(
                lock::unlock(&take(&current), &header)
                    .map_err(|e| e.to_string())
                    .map(|_| Msg::LockChanged {
                        lock: None,
                        key: None,
                        rewrite: true,
                        done: "The lock is off: your records are stored without encryption.".into(),
                    }),
            )
        })
    };

    html! {
        <div class="lock-settings" data-testid="lock-settings">
            <h3>{"Passphrase lock"}</h3>
            if store.lock.is_none() {
                <p>{"Off. With the lock on, Tend stores your records encrypted with a key made from \
                    your passphrase, and asks for it when the app opens. Nobody can recover a \
                    forgotten passphrase, so keep a backup."}</p>
                <form class="lock-form" onsubmit={turn_on}>
                    {password("lock-new", "New passphrase", &first, "new-password")}
                    {password("lock-repeat", "Repeat the passphrase", &second, "new-password")}
                    <button type="submit" disabled={store.read_only()}>{"Turn on the lock"}</button>
                </form>
            } else {
                <p>{"On. Your records are stored encrypted; this tab holds the key until it closes."}</p>
                <form class="lock-form" onsubmit={change}>
                    {password("lock-current", "Current passphrase", &current, "current-password")}
                    {password("lock-new", "New passphrase", &first, "new-password")}
                    {password("lock-repeat", "Repeat the new passphrase", &second, "new-password")}
                    <button type="submit">{"Change passphrase"}</button>
                    <button type="button" class="quiet" onclick={turn_off}>
                        {"Turn off the lock (uses the current passphrase)"}
                    </button>
                </form>
            }
            <p class="field-error" role="alert" data-testid="lock-error">
                {(*error).clone().unwrap_or_default()}
            </p>
        </div>
    }
}
