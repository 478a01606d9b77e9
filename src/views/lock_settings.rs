//! Turning the passphrase lock on, changing the passphrase and turning it off.

use crate::platform::lock;
use crate::store::{Msg, Store};
use tend_core::lock::check_new_passphrase;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn take(field: &NodeRef) -> String {
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

fn password(id: &'static str, label: &'static str, field: &NodeRef, purpose: &'static str) -> Html {
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
    let store = use_context::<Store>();
    let error = use_state(|| None::<String>);
    let (current, first, second) = (use_node_ref(), use_node_ref(), use_node_ref());
    let Some(store) = store else {
        return html! {};
    };
    let fail = {
        let error = error.clone();
        move |message: String| error.set(Some(message))
    };

    let turn_on = {
        let (store, first, second, error, fail) = (
            store.clone(),
            first.clone(),
            second.clone(),
            error.clone(),
            fail.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let result = new_passphrase(take(&first), take(&second))
                .and_then(|p| lock::create(&p).map_err(|e| e.to_string()));
            match result {
                Ok((header, key)) => {
                    error.set(None);
                    store.dispatch(Msg::LockChanged {
                        lock: Some(header),
                        key: Some(key),
                        rewrite: true,
                        done: "The lock is on: your records are now stored encrypted.".into(),
                    });
                }
                Err(message) => fail(message),
            }
        })
    };
    let change = {
        let (store, current, first, second, error, fail) = (
            store.clone(),
            current.clone(),
            first.clone(),
            second.clone(),
            error.clone(),
            fail.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(header) = store.lock.clone() else {
                return;
            };
            let old = take(&current);
            let result = new_passphrase(take(&first), take(&second))
                .and_then(|new| lock::rewrap(&old, &new, &header).map_err(|e| e.to_string()));
            match result {
                Ok(header) => {
                    error.set(None);
                    store.dispatch(Msg::LockChanged {
                        lock: Some(header),
                        key: store.key.clone(),
                        rewrite: false,
                        done: "The passphrase is changed.".into(),
                    });
                }
                Err(message) => fail(message),
            }
        })
    };
    let turn_off = {
        let (store, current, error) = (store.clone(), current.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(header) = store.lock.clone() else {
                return;
            };
            match lock::unlock(&take(&current), &header) {
                Ok(_) => {
                    error.set(None);
                    store.dispatch(Msg::LockChanged {
                        lock: None,
                        key: None,
                        rewrite: true,
                        done: "The lock is off: your records are stored without encryption.".into(),
                    });
                }
                Err(problem) => fail(problem.to_string()),
            }
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
