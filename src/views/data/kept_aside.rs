//! "Kept aside": every piece of text Tend keeps in storage but does not use, offered for download
//! and, once the clinician has seen it, for removal.
//!
//! Tend never deletes text it could not read, nor pieces no index names (left by a save cut short,
//! or older copies found after the index was lost): one of them may hold the only copy of
//! something. They stay until the clinician removes them here.

use crate::platform;
use crate::store::Msg;
use crate::views::common::use_store;
use tend_core::storage::describe_key;
use yew::prelude::*;

/// The list of kept keys with a download and a remove button each; nothing when there are none.
#[function_component(KeptAside)]
pub fn kept_aside() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    if store.kept.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{"Kept aside in this browser"}</h3>
            <p class="muted">{"Tend does not use these pieces and never deletes them by itself. \
                Download any you want to keep, then remove them to free space."}</p>
            <ul class="quarantine" data-testid="kept-aside">
                { for store.kept.iter().map(|key| {
                    let download = {
                        let key = key.clone();
                        let store = store.clone();
                        Callback::from(move |_: MouseEvent| match platform::kept_text(&key) {
                            Some(text) => {
                                platform::download(&format!("tend-kept-{key}.txt"), "text/plain", &text);
                            }
                            None => store.dispatch(Msg::Problem(
                                "That piece is no longer in storage.".into())),
                        })
                    };
                    let remove = {
                        let key = key.clone();
                        let store = store.clone();
                        Callback::from(move |_: MouseEvent| match platform::remove_kept(&key) {
                            Ok(()) => store.dispatch(Msg::KeptRemoved(key.clone())),
                            Err(why) => store.dispatch(Msg::Problem(format!(
                                "That piece was not removed: {why}."))),
                        })
                    };
                    let what = describe_key(key);
                    html! {
                        <li>
                            <span>{format!("{}{} ({key})",
                                what.get(..1).unwrap_or_default().to_uppercase(),
                                what.get(1..).unwrap_or_default())}</span>
                            <button type="button" class="quiet" onclick={download}
                                aria-label={format!("Download {what}")}>{"Download"}</button>
                            <button type="button" class="quiet" onclick={remove}
                                aria-label={format!("Remove {what}")}>{"Remove"}</button>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}
