//! "Your data": storage use against the budget, protection from clearing, backups, calendar
//! import and the break plan's calendar file, snapshots to restore, and any unreadable text kept
//! aside.

use super::import::CalendarImport;
use super::kept_aside::KeptAside;
use super::lock_settings::LockSettings;
use super::plan_export::PlanExportCard;
use super::restore::RestoreControls;
use super::sync_file::SyncFileCard;
use super::sync_settings::SyncSettings;
use super::tables::CsvButtons;
use crate::platform;
use crate::store::{protection_label, Msg};
use crate::views::common::{backup_button, notice_line, use_store, ThemeChoice};
use tend_core::storage::SnapshotReason;
use yew::prelude::*;

/// The data and safety section.
#[function_component(DataView)]
pub fn data_view() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let snapshots = store
        .base()
        .map(|b| b.snapshots.clone())
        .unwrap_or_default();
    let last_backup = store
        .settings
        .last_backup_at
        .map(platform::local_time_label)
        .unwrap_or_else(|| "never".into());
    html! {
        <section class="card" aria-labelledby="data-heading" data-testid="data-view">
            <h2 id="data-heading">{"Your data"}</h2>
            {notice_line(store.notice.as_ref(), "data-status", None)}
            if let Some(usage) = store.usage {
                <p>
                    <label for="usage-meter">{usage.describe()}</label>
                    <meter id="usage-meter" min="0" max="1" low="0.7" high="0.9" optimum="0"
                        value={usage.fraction().min(1.0).to_string()} />
                </p>
            }
            <p data-testid="protection">
                {"Protected from automatic clearing: "}{protection_label(store.settings.persistence)}
            </p>
            <p>{"Last backup: "}{last_backup}</p>
            {backup_button(&store, "Download a backup")}
            <CsvButtons />
            <RestoreControls />
            <CalendarImport />
            <PlanExportCard />
            <LockSettings />
            <SyncSettings />
            <SyncFileCard />
            <h3>{"On this device"}</h3>
            <ThemeChoice />
            <h3>{"Earlier states"}</h3>
            if snapshots.is_empty() {
                <p class="muted">{"Tend keeps the last few days' states here once you have logged for a while."}</p>
            } else {
                <ul class="snapshots" data-testid="snapshots">
                    { for snapshots.iter().rev().map(|snapshot| {
                        let when = platform::local_time_label(snapshot.taken_at);
                        let what = match snapshot.reason {
                            SnapshotReason::Rolling => format!("As it was at {when}"),
                            SnapshotReason::BeforeMigration => format!(
                                "As it was before the update of {when} (format {})", snapshot.schema),
                        };
                        let onclick = {
                            let (store, snapshot, label) = (store.clone(), snapshot.clone(), what.to_lowercase());
                            Callback::from(move |_: MouseEvent| match store.base().ok_or_else(|| "no saved state".to_string()).and_then(|index| platform::load_snapshot(index, &snapshot, store.key.as_ref())) {
                                Ok(journal) => store.dispatch(Msg::Restore { journal, label: label.clone() }),
                                Err(why) => store.dispatch(Msg::Problem(format!(
                                    "That earlier state could not be read ({why}); nothing was changed."))),
                            })
                        };
                        html! {
                            <li>
                                <span>{format!("{what}, revision {}", snapshot.revision)}</span>
                                <button type="button" class="quiet" {onclick} disabled={store.read_only()}>
                                    {"Restore"}
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            if !store.quarantined.is_empty() {
                <h3>{"Unreadable data kept aside"}</h3>
                <ul class="quarantine">
                    { for store.quarantined.iter().map(|q| {
                        let onclick = {
                            let q = q.clone();
                            Callback::from(move |_: MouseEvent| {
                                platform::download(&format!("tend-unreadable-{}.txt", q.key), "text/plain", &q.raw);
                            })
                        };
                        html! {
                            <li>
                                <span>{q.reason.clone()}</span>
                                <button type="button" class="quiet" {onclick}>{"Download the unreadable text"}</button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <KeptAside />
        </section>
    }
}
