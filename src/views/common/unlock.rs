//! The unlock screen, shown instead of everything else while the passphrase lock is closed.

use super::store_hook::use_store;
use crate::platform::{self, lock};
use crate::store::Msg;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Asks for the passphrase and opens the data with it.
#[function_component(UnlockScreen)]
pub fn unlock_screen() -> Html {
    let store = use_store();
    let error = use_state(|| None::<String>);
    let input = use_node_ref();
    let onsubmit = {
        let (store, error, input) = (store.clone(), error.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(store), Some(field)) = (&store, input.cast::<HtmlInputElement>()) else {
                return;
            };
            let Some(header) = store.lock.clone() else {
                return;
            };
            match lock::unlock(&field.value(), &header) {
                Ok(key) => {
                    field.set_value("");
                    error.set(None);
                    let boot = platform::load(Some((&header, &key)));
                    store.dispatch(Msg::Unlocked {
                        loaded: Box::new(boot.loaded),
                        key,
                    });
                }
                Err(problem) => {
                    error.set(Some(problem.to_string()));
                    let _ = field.focus();
                }
            }
        })
    };
    html! {
        <section class="card" aria-labelledby="unlock-heading">
            <h2 id="unlock-heading">{"Tend is locked"}</h2>
            <p>{"Your records are stored encrypted. Enter your passphrase to open them in this tab."}</p>
            <form class="lock-form" {onsubmit}>
                <div class="field">
                    <label for="unlock-passphrase">{"Passphrase"}</label>
                    <input id="unlock-passphrase" type="password" autocomplete="current-password"
                        ref={input} autofocus=true aria-describedby="unlock-error" />
                </div>
                <button type="submit" class="primary">{"Unlock"}</button>
                <p id="unlock-error" class="field-error" role="alert" data-testid="unlock-error">
                    {(*error).clone().unwrap_or_default()}
                </p>
            </form>
        </section>
    }
}
