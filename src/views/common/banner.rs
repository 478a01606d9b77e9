//! The banners: say plainly when changes are not being saved, when stored data could not be
//! read, when storage is nearly full and when a backup is overdue, each with a way out.

use super::backup::backup_button;
use super::store_hook::use_store;
use crate::platform;
use crate::store::Persistence;
use tend_core::storage::UsageLevel;
use yew::prelude::*;

/// Banners for storage problems; renders nothing when all is well.
#[function_component(StorageBanner)]
pub fn storage_banner() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let save_problem = match &store.persistence {
        Persistence::Saved => None,
        Persistence::MemoryOnly(message) | Persistence::ReadOnly(message) => Some(message.clone()),
    };
    let usage = store.usage.filter(|u| u.level() != UsageLevel::Comfortable);
    let has_data = !store.doc().payload.entries.is_empty();
    let overdue = store
        .settings
        .backup_overdue_days(platform::now_ms())
        .filter(|_| has_data && save_problem.is_none());
    html! {
        <>
            if let Some(message) = save_problem {
                <div class="banner" role="alert" data-testid="storage-banner">
                    <p>{message}</p>
                    {backup_button(&store, "Download a copy")}
                </div>
            }
            if let Some(rebuilt) = &store.rebuilt {
                <div class="banner" role="alert" data-testid="rebuilt-banner">
                    <p>{rebuilt.clone()}</p>
                    {backup_button(&store, "Download a backup")}
                </div>
            }
            if !store.quarantined.is_empty() {
                <div class="banner" role="alert" data-testid="load-banner">
                    <p>{"Tend could not read part of its saved data. It loaded everything else and \
                        kept the unreadable text aside, unchanged:"}</p>
                    <ul>
                        { for store.quarantined.iter().map(|q| html! { <li>{q.reason.clone()}</li> }) }
                    </ul>
                    <p>{"You can download that text from \u{201c}Your data\u{201d} below."}</p>
                </div>
            }
            if let Some(usage) = usage {
                <div class="banner" role="status" data-testid="usage-banner">
                    <p>{usage.describe()}</p>
                    {backup_button(&store, "Download a backup")}
                </div>
            }
            if let Some(days) = overdue {
                <div class="banner" role="status" data-testid="backup-banner">
                    <p>{format!("It has been {days} days since your last backup. Browsers can \
                        clear a site's data; a backup file keeps your records safe.")}</p>
                    {backup_button(&store, "Download a backup")}
                </div>
            }
        </>
    }
}
