//! The backup button, offered both by the backup reminder banner and by "Your data", so a backup
//! is made and recorded the same way from either.

use crate::platform;
use crate::store::{Msg, Store};
use tend_core::exchange::export_backup;
use yew::prelude::*;

/// A button that downloads a backup file (sealed when the lock is on) and records the backup.
pub fn backup_button(store: &Store, label: &'static str) -> Html {
    let onclick = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let stamp = platform::today().format("%Y-%m-%d");
            let sealer = store.key.clone().map(platform::lock::Sealer);
            let lock = store.lock.as_ref().zip(
                sealer
                    .as_ref()
                    .map(|s| s as &dyn tend_core::storage::Cipher),
            );
            let text = export_backup(
                &store.doc().payload,
                platform::now_ms(),
                platform::BUILD,
                lock,
            );
            let saved = text.is_ok_and(|text| {
                platform::download(
                    &format!("tend-backup-{stamp}.json"),
                    "application/json",
                    &text,
                )
            });
            if saved {
                let mut settings = store.settings.clone();
                settings.last_backup_at = Some(platform::now_ms());
                store.dispatch(Msg::Settings(settings));
            } else {
                store.dispatch(Msg::Problem(
                    "The backup could not be made or downloaded.".into(),
                ));
            }
        })
    };
    html! { <button type="button" {onclick}>{label}</button> }
}
