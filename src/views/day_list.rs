//! The entries of the day chosen in the form, each with a delete button.

use super::day_name;
use crate::store::{Msg, Store};
use chrono::NaiveDate;
use tend_core::duration::format_minutes;
use tend_core::Action;
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
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let entries: Vec<_> = store.doc.payload.entries_on(props.day).cloned().collect();
    let total = store.doc.payload.minutes_on(props.day);
    let heading = format!("Logged for {}", day_name(props.day, props.today));
    if entries.is_empty() {
        return html! {
            <p class="muted" data-testid="day-empty">{format!("Nothing logged for {} yet.", day_name(props.day, props.today))}</p>
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
                            <span class="entry-kind">{entry.kind.label()}</span>
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
