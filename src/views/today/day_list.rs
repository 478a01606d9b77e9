//! The entries of the day chosen in the form, each with a delete button.

use super::day_name;
use crate::platform;
use crate::store::{Msg, Store};
use crate::views::common::use_store;
use chrono::NaiveDate;
use tend_core::duration::format_minutes;
use tend_core::{Action, EntryId, WorkEntry};
use yew::prelude::*;

/// Props of [`DayList`].
#[derive(Properties, PartialEq)]
pub struct DayListProps {
    /// The day whose entries are listed.
    pub day: NaiveDate,
    /// Today, to name it as such.
    pub today: NaiveDate,
}

/// The list of one day's entries.
#[function_component(DayList)]
pub fn day_list(props: &DayListProps) -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let entries: Vec<_> = store.doc().payload.entries_on(props.day).cloned().collect();
    let total = store.doc().payload.minutes_on(props.day);
    let heading = format!("Logged for {}", day_name(props.day, props.today));
    if entries.is_empty() {
        return html! {
            <>
                <p class="muted" data-testid="day-empty">{format!("Nothing logged for {} yet.", day_name(props.day, props.today))}</p>
                {same_as_last_week(&store, props.day)}
            </>
        };
    }
    html! {
        <div class="day-list">
            <h3>{heading}</h3>
            <ul data-testid="day-entries">
                { for entries.into_iter().map(|entry| {
                    let what = format!("{} {}", format_minutes(entry.minutes), entry.kind.label().to_lowercase());
                    let onclick = {
                        let (store, id, what) = (store.clone(), entry.id.clone(), what.clone());
                        Callback::from(move |_: MouseEvent| store.dispatch(Msg::Apply {
                            action: Action::RemoveEntry(id.clone()),
                            done: format!("Deleted {what}."),
                        }))
                    };
                    html! {
                        <li key={entry.id.0.clone()}>
                            <span class="entry-minutes">{format_minutes(entry.minutes)}</span>
                            <span class="entry-kind">{describe(&store, &entry)}</span>
                            <button type="button" class="quiet" {onclick} aria-label={format!("Delete {what}")}>
                                {"Delete"}
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <p class="day-total">{format!("Total: {}", format_minutes(total))}</p>
        </div>
    }
}

/// A button that logs the same entries as the same weekday a week earlier, with new ids.
fn same_as_last_week(store: &Store, day: NaiveDate) -> Html {
    let Some(source) = day.checked_sub_days(chrono::Days::new(7)) else {
        return html! {};
    };
    let earlier: Vec<_> = store.doc().payload.entries_on(source).cloned().collect();
    if earlier.is_empty() || store.read_only() {
        return html! {};
    }
    let total: u32 = earlier.iter().map(|e| e.minutes).sum();
    let weekday = source.format("%A").to_string();
    let label = format!(
        "Add the same as last {weekday} ({} entries, {})",
        earlier.len(),
        format_minutes(total)
    );
    let onclick = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            for entry in &earlier {
                let copy = WorkEntry {
                    id: EntryId(platform::new_id()),
                    date: day,
                    ..entry.clone()
                };
                store.dispatch(Msg::Apply {
                    action: Action::AddEntry(copy),
                    done: format!("Added the same as last {weekday}."),
                });
            }
        })
    };
    html! { <button type="button" {onclick} data-testid="same-as-last">{label}</button> }
}

/// The kind, and the organisation and case when the entry has them.
fn describe(store: &Store, entry: &WorkEntry) -> String {
    let journal = &store.doc().payload;
    let mut parts = vec![entry.kind.label().to_string()];
    if let Some(org) = entry
        .organisation
        .as_ref()
        .and_then(|id| journal.organisations.iter().find(|o| &o.id == id))
    {
        parts.push(org.name.clone());
    }
    if let Some(case) = entry
        .case
        .as_ref()
        .and_then(|id| journal.cases.iter().find(|c| &c.id == id))
    {
        parts.push(case.label.clone());
    }
    if entry.trauma {
        parts.push("trauma content".into());
    }
    if entry.pro_bono {
        parts.push("pro bono".into());
    }
    parts.join(" \u{b7} ")
}
