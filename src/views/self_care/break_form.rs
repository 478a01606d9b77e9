//! Logging a break, time off or self-care: timed kinds take a duration, whole-day kinds a first
//! and an optional last day.

use crate::platform;
use crate::store::Msg;
use crate::views::common::{use_initial_value, use_store};
use chrono::NaiveDate;
use tend_core::duration::{format_minutes, parse_duration};
use tend_core::tracking::{BreakEntry, BreakId, BreakKind};
use tend_core::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The form that logs one break record.
#[function_component(BreakForm)]
pub fn break_form() -> Html {
    let store = use_store();
    let kind = use_state(|| BreakKind::MicroBreak);
    let error = use_state(|| None::<String>);
    let (date, duration, until) = (use_node_ref(), use_node_ref(), use_node_ref());
    use_initial_value(&date, platform::today().format("%Y-%m-%d").to_string());
    let Some(store) = store else {
        return html! {};
    };
    let today = platform::today();
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(k) = BreakKind::from_slug(&select.value()) {
                kind.set(k);
            }
        })
    };
    let onsubmit = {
        let (store, kind, error) = (store.clone(), kind.clone(), error.clone());
        let (date, duration, until) = (date.clone(), duration.clone(), until.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |n: &NodeRef| {
                n.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let day = NaiveDate::parse_from_str(&value(&date), "%Y-%m-%d").unwrap_or(today);
            let (minutes, last) = if kind.is_whole_day() {
                (
                    0,
                    NaiveDate::parse_from_str(&value(&until), "%Y-%m-%d")
                        .ok()
                        .filter(|d| *d > day),
                )
            } else {
                match parse_duration(&value(&duration)) {
                    Ok(m) => (m, None),
                    Err(problem) => {
                        error.set(Some(problem.to_string()));
                        return;
                    }
                }
            };
            error.set(None);
            let record = BreakEntry {
                id: BreakId(platform::new_id()),
                kind: *kind,
                date: day,
                minutes,
                until: last,
            };
            let what = if minutes > 0 {
                format!(
                    "{} of {}",
                    format_minutes(minutes),
                    kind.label().to_lowercase()
                )
            } else {
                kind.label().to_lowercase()
            };
            store.dispatch(Msg::Apply {
                action: Action::AddBreak(record),
                done: format!("Logged {what} on {}.", day.format("%a %-d %b")),
            });
        })
    };
    html! {
        <form class="entry-form" {onsubmit} data-testid="break-form">
            <div class="field">
                <label for="break-kind">{"Kind"}</label>
                <select id="break-kind" onchange={on_kind}>
                    { for BreakKind::ALL.into_iter().map(|k| html! {
                        <option value={k.slug()} selected={k == *kind}>{k.label()}</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="break-date">{ if kind.is_whole_day() { "First day" } else { "Date" } }</label>
                <input id="break-date" type="date" ref={date} />
            </div>
            if kind.is_whole_day() {
                <div class="field">
                    <label for="break-until">{"Last day (optional)"}</label>
                    <input id="break-until" type="date" ref={until} />
                </div>
            } else {
                <div class="field">
                    <label for="break-duration">{"Duration"}</label>
                    <input id="break-duration" type="text" autocomplete="off" ref={duration} value="10" />
                </div>
            }
            <button type="submit" class="primary" disabled={store.read_only()}>{"Add"}</button>
            <p class="field-error" role="alert" data-testid="break-error">{(*error).clone().unwrap_or_default()}</p>
        </form>
    }
}
