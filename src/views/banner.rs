//! The storage banner: says plainly when changes are not being saved, or when stored data could
//! not be read, and offers the data as a download so nothing is lost.

use crate::platform::{self, Persistence};
use crate::store::Store;
use yew::prelude::*;

/// Banners for storage problems; renders nothing when all is well.
#[function_component(StorageBanner)]
pub fn storage_banner() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let stamp = platform::today().format("%Y-%m-%d").to_string();
    let save_problem = match &store.persistence {
        Persistence::Saved => None,
        Persistence::MemoryOnly(message) | Persistence::ReadOnly(message) => Some(message.clone()),
    };
    let download_copy = {
        let (store, stamp) = (store.clone(), stamp.clone());
        Callback::from(move |_: MouseEvent| {
            platform::download(
                &format!("tend-copy-{stamp}.json"),
                "application/json",
                &store.doc.encode(),
            );
        })
    };
    let download_unreadable = {
        let (store, stamp) = (store.clone(), stamp);
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = &store.quarantined {
                platform::download(&format!("tend-unreadable-{stamp}.txt"), "text/plain", text);
            }
        })
    };
    html! {
        <>
            if let Some(message) = save_problem {
                <div class="banner" role="alert" data-testid="storage-banner">
                    <p>{message}</p>
                    <button type="button" onclick={download_copy}>{"Download a copy"}</button>
                </div>
            }
            if let Some(problem) = store.load_problem.clone() {
                <div class="banner" role="alert" data-testid="load-banner">
                    <p>{problem}</p>
                    if store.quarantined.is_some() {
                        <button type="button" onclick={download_unreadable}>
                            {"Download the unreadable data"}
                        </button>
                    }
                </div>
            }
        </>
    }
}
