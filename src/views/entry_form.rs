//! The quick-entry form: date, duration and kind, submitted with Enter or the button.
//!
//! It is built for the keyboard: native controls in a natural tab order, Enter submits, errors
//! are announced and focus returns to the duration so the next entry can be typed at once. The
//! duration and kind are kept after each entry, since sessions tend to repeat.

use super::day_name;
use crate::platform;
use crate::store::{Msg, Store};
use chrono::NaiveDate;
use tend_core::duration::{format_minutes, parse_duration};
use tend_core::{Action, EntryId, WorkEntry, WorkKind};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`EntryForm`].
#[derive(Properties, PartialEq)]
pub struct EntryFormProps {
    /// The day entries are logged for.
    pub day: NaiveDate,
    /// Today, the default and the upper end of sensible dates.
    pub today: NaiveDate,
    /// Called when the clinician picks another day.
    pub onday: Callback<NaiveDate>,
}

/// The form that logs one work entry.
#[function_component(EntryForm)]
pub fn entry_form(props: &EntryFormProps) -> Html {
    let store = use_context::<Store>();
    let duration = use_state(|| "50".to_string());
    let kind = use_state(|| WorkKind::DirectSession);
    let error = use_state(|| None::<String>);
    let duration_ref = use_node_ref();

    let on_date = {
        let onday = props.onday.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(date) = NaiveDate::parse_from_str(&input.value(), "%Y-%m-%d") {
                onday.emit(date);
            }
        })
    };
    let on_duration = {
        let duration = duration.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            duration.set(input.value());
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(k) = WorkKind::from_slug(&select.value()) {
                kind.set(k);
            }
        })
    };
    let on_submit = {
        let (duration, kind, error, duration_ref) = (
            duration.clone(),
            kind.clone(),
            error.clone(),
            duration_ref.clone(),
        );
        let (store, day, today) = (store.clone(), props.day, props.today);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(store) = &store else { return };
            match parse_duration(&duration) {
                Err(problem) => error.set(Some(problem.to_string())),
                Ok(minutes) => {
                    error.set(None);
                    let entry = WorkEntry {
                        id: EntryId(platform::new_id()),
                        date: day,
                        minutes,
                        kind: *kind,
                        ..Default::default()
                    };
                    let done = format!(
                        "Logged {} of {} for {}.",
                        format_minutes(minutes),
                        kind.label().to_lowercase(),
                        day_name(day, today)
                    );
                    store.dispatch(Msg::Apply {
                        action: Action::AddEntry(entry),
                        done,
                    });
                }
            }
            if let Some(input) = duration_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
        })
    };

    let notice = store.as_ref().and_then(|s| s.notice.clone());
    let disabled = store.as_ref().is_none_or(|s| s.read_only());
    html! {
        <form class="entry-form" onsubmit={on_submit} novalidate=true aria-describedby="form-status">
            <div class="field">
                <label for="entry-date">{"Date"}</label>
                <input id="entry-date" type="date" required=true
                    value={props.day.format("%Y-%m-%d").to_string()} onchange={on_date} />
            </div>
            <div class="field">
                <label for="entry-duration">{"Duration"}</label>
                <input id="entry-duration" type="text" inputmode="text" autocomplete="off"
                    ref={duration_ref} value={(*duration).clone()} oninput={on_duration}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby="duration-hint duration-error" />
                <span id="duration-hint" class="hint">{"Minutes, or 1:30, or 1.5h"}</span>
            </div>
            <div class="field">
                <label for="entry-kind">{"Kind of work"}</label>
                <select id="entry-kind" onchange={on_kind}>
                    { for WorkKind::ALL.into_iter().map(|k| html! {
                        <option value={k.slug()} selected={k == *kind}>{k.label()}</option>
                    }) }
                </select>
            </div>
            <button type="submit" class="primary" {disabled}>{"Add entry"}</button>
            <p id="duration-error" class="field-error" data-testid="duration-error">
                {(*error).clone().unwrap_or_default()}
            </p>
            <p id="form-status" role="status" data-testid="form-status"
                class={classes!("status", notice.as_ref().filter(|n| n.is_error).map(|_| "error"))}>
                {notice.map(|n| n.text).unwrap_or_default()}
            </p>
        </form>
    }
}
