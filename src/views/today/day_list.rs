//! The entries and breaks of the day chosen in the form, a compact row each with its delete
//! button at the end of the line; a busy day folds its earlier entries under "Show earlier".

use super::day_name;
use crate::platform;
use crate::store::{Msg, Store};
use crate::views::common::{use_store, Folded};
use chrono::NaiveDate;
use tend_core::duration::format_minutes;
use tend_core::tracking::BreakEntry;
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

/// Rows a day list shows before the earlier ones fold under "Show earlier".
const KEEP: usize = 8;

/// The list of one day's entries and breaks, a compact row each.
#[function_component(DayList)]
pub fn day_list(props: &DayListProps) -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let journal = &store.doc().payload;
    let entries: Vec<_> = journal.entries_on(props.day).cloned().collect();
    let breaks: Vec<BreakEntry> = journal
        .breaks
        .iter()
        .filter(|b| b.date <= props.day && b.last_day() >= props.day)
        .cloned()
        .collect();
    let total = journal.minutes_on(props.day);
    let heading = format!("Logged for {}", day_name(props.day, props.today));
    if entries.is_empty() && breaks.is_empty() {
        return html! {
            <>
                <p class="muted" data-testid="day-empty">{format!("Nothing logged for {} yet: log work above, or tap a one-tap choice.", day_name(props.day, props.today))}</p>
                {same_as_last_week(&store, props.day)}
            </>
        };
    }
    let delete = |action: Action, what: &str| {
        let (store, done) = (store.clone(), format!("Deleted {what}."));
        let onclick = Callback::from(move |_: MouseEvent| {
            store.dispatch(Msg::Apply {
                action: action.clone(),
                done: done.clone(),
            })
        });
        html! {
            <button type="button" class="quiet row-action" {onclick} aria-label={format!("Delete {what}")}>
                {"Delete"}
            </button>
        }
    };
    let rows: Vec<Html> = entries
        .iter()
        .map(|entry| {
            let what = format!(
                "{} {}",
                format_minutes(entry.minutes),
                entry.kind.label().to_lowercase()
            );
            html! {
                <li key={entry.id.0.clone()} class="row">
                    <span class="entry-minutes">{format_minutes(entry.minutes)}</span>
                    <span class="entry-kind">{describe(&store, entry)}</span>
                    {delete(Action::RemoveEntry(entry.id.clone()), &what)}
                </li>
            }
        })
        .collect();
    html! {
        <div class="day-list">
            <h3>{heading}</h3>
            if !rows.is_empty() {
                <Folded rows={rows} keep={KEEP} tag="ul" class="rows" test_id="day-entries" noun="entries" />
            }
            if !breaks.is_empty() {
                <h4 class="rows-heading">{"Breaks"}</h4>
                <ul class="rows" data-testid="day-breaks">
                    { for breaks.iter().map(|b| {
                        let what = break_name(b);
                        html! {
                            <li key={b.id.0.clone()} class="row">
                                <span class="entry-minutes">{ if b.minutes > 0 { format_minutes(b.minutes) } else { "All day".into() } }</span>
                                <span class="entry-kind">{b.kind.label()}</span>
                                {delete(Action::RemoveBreak(b.id.clone()), &what)}
                            </li>
                        }
                    }) }
                </ul>
            }
            <p class="day-total">{format!("Total: {}", format_minutes(total))}</p>
        </div>
    }
}

/// "10 min micro-break", or the kind alone for a day or more off.
fn break_name(b: &BreakEntry) -> String {
    if b.minutes > 0 {
        format!(
            "{} {}",
            format_minutes(b.minutes),
            b.kind.label().to_lowercase()
        )
    } else {
        b.kind.label().to_lowercase()
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
