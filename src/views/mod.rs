//! One module per view; each reads the store from context and dispatches messages to it.

mod banner;
mod break_form;
mod break_plan;
mod case_form;
mod caseload;
mod chart_figure;
mod checks;
mod data_view;
mod day_list;
mod entry_form;
mod import;
mod kept_aside;
mod lock_settings;
mod org_form;
mod organisations;
mod page_tools;
mod plan_export;
mod reminders;
mod report;
mod restore;
pub mod risk;
mod self_care;
mod tables;
mod targets_form;
mod unlock;
mod week_view;
mod welcome;

pub use banner::StorageBanner;
pub use caseload::CaseloadView;
pub use chart_figure::ChartFigure;
pub use checks::{ChecksView, DueCard};
pub use data_view::DataView;
pub use day_list::DayList;
pub use entry_form::EntryForm;
pub use organisations::OrganisationsView;
pub use page_tools::{use_theme, Later, SkipLink, ThemeChoice, UndoBar};
pub use reminders::Reminders;
pub use report::ReportView;
pub use risk::RiskView;
pub use self_care::SelfCareView;
pub use unlock::UnlockScreen;
pub use week_view::WeekView;
pub use welcome::Welcome;

use crate::platform;
use crate::store::{Msg, Store};
use chrono::NaiveDate;
use tend_core::exchange::export_backup;
use yew::prelude::*;

/// How views name a day, in the browser's locale (`Mon, Nov 23`), with `today` spelled out.
pub fn day_name(date: NaiveDate, today: NaiveDate) -> String {
    use platform::locale::{date as local, DateStyle};
    if date == today {
        format!("today ({})", local(date, DateStyle::WeekdayDay))
    } else {
        local(date, DateStyle::Full)
    }
}

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

/// The current value of an input or select, or an empty string.
pub(crate) fn value_of(node: &NodeRef) -> String {
    use web_sys::{HtmlInputElement, HtmlSelectElement};
    node.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .or_else(|| node.cast::<HtmlSelectElement>().map(|s| s.value()))
        .unwrap_or_default()
}

/// Puts `text` into an input once, when it first appears, without binding its value: a bound
/// value would be put back on every re-render (say, to show an error) and undo what was typed.
#[hook]
pub(crate) fn use_initial_value(node: &NodeRef, text: String) {
    let node = node.clone();
    use_effect_with((), move |_| {
        if let Some(input) = node.cast::<web_sys::HtmlInputElement>() {
            if input.value().is_empty() {
                input.set_value(&text);
            }
        }
    });
}
