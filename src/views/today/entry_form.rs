//! The quick-entry form: date, duration and kind, submitted with Enter or the button.
//!
//! It is built for the keyboard: native controls in a natural tab order, Enter submits, errors
//! are announced and focus returns to the duration so the next entry can be typed at once. The
//! duration and kind are kept after each entry, since sessions tend to repeat.

use super::day_name;
use crate::platform;
use crate::store::{Msg, Store};
use crate::views::common::{notice_line, use_store};
use chrono::{NaiveDate, NaiveTime};
use tend_core::duration::{format_minutes, parse_duration};
use tend_core::tracking::{CaseId, OrgId};
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

/// The optional details of the next entry: who it was for and what it carried.
#[derive(Clone, PartialEq)]
struct EntryDetails {
    organisation: Option<OrgId>,
    case: Option<CaseId>,
    start: Option<NaiveTime>,
    trauma: bool,
    pro_bono: bool,
}

/// The form that logs one work entry.
#[function_component(EntryForm)]
pub fn entry_form(props: &EntryFormProps) -> Html {
    let store = use_store();
    let duration = use_state(|| "50".to_string());
    let kind = use_state(|| WorkKind::DirectSession);
    let error = use_state(|| None::<String>);
    let duration_ref = use_node_ref();
    // The organisation of the latest entry that had one: the usual next one. Looked up once, when
    // the form first shows: with years of entries and none with an organisation, it reads them all.
    let organisation = use_state(|| {
        store.as_ref().and_then(|s| {
            s.doc()
                .payload
                .entries
                .iter()
                .rev()
                .find_map(|e| e.organisation.clone())
        })
    });
    let case = use_state(|| None::<CaseId>);
    let start = use_state(|| None::<NaiveTime>);
    let trauma = use_state(|| false);
    let pro_bono = use_state(|| false);

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
    let on_org = {
        let (organisation, case) = (organisation.clone(), case.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            organisation.set((!value.is_empty()).then_some(OrgId(value)));
            case.set(None);
        })
    };
    let on_case = {
        let case = case.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            case.set((!value.is_empty()).then_some(CaseId(value)));
        })
    };
    let on_start = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            start.set(NaiveTime::parse_from_str(&input.value(), "%H:%M").ok());
        })
    };
    let toggle = |flag: &UseStateHandle<bool>| {
        let flag = flag.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            flag.set(input.checked());
        })
    };
    let (on_trauma, on_pro_bono) = (toggle(&trauma), toggle(&pro_bono));
    // A remembered organisation or case that is no longer there (removed, or its records could
    // not be read) is not offered, so logging is not refused for a choice nobody can see.
    let known = |found: Option<bool>| found.unwrap_or(false);
    let details = EntryDetails {
        organisation: (*organisation).clone().filter(|id| {
            known(
                store
                    .as_ref()
                    .map(|s| s.doc().payload.organisations.iter().any(|o| o.id == *id)),
            )
        }),
        case: (*case).clone().filter(|id| {
            known(
                store
                    .as_ref()
                    .map(|s| s.doc().payload.cases.iter().any(|c| c.id == *id)),
            )
        }),
        start: *start,
        trauma: *trauma,
        pro_bono: *pro_bono,
    };
    let on_submit = {
        let (duration, kind, error, duration_ref, details) = (
            duration.clone(),
            kind.clone(),
            error.clone(),
            duration_ref.clone(),
            details.clone(),
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
                        organisation: details.organisation.clone(),
                        case: details.case.clone(),
                        start: details.start,
                        trauma: details.trauma,
                        pro_bono: details.pro_bono,
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
            {details_fields(store.as_ref(), &details, props.day, DetailHandlers {
                organisation: on_org, case: on_case, start: on_start, trauma: on_trauma, pro_bono: on_pro_bono,
            })}
            <button type="submit" class="primary" {disabled}>{"Add entry"}</button>
            <p id="duration-error" class="field-error" data-testid="duration-error">
                {(*error).clone().unwrap_or_default()}
            </p>
            {notice_line(store.as_ref().and_then(|s| s.notice.as_ref()), "form-status", Some("form-status"))}
        </form>
    }
}

/// What each detail field calls when it changes.
struct DetailHandlers {
    organisation: Callback<Event>,
    case: Callback<Event>,
    start: Callback<Event>,
    trauma: Callback<Event>,
    pro_bono: Callback<Event>,
}

/// The organisation, case, start time and flags: shown when they can be used.
fn details_fields(
    store: Option<&Store>,
    details: &EntryDetails,
    day: NaiveDate,
    on: DetailHandlers,
) -> Html {
    let Some(store) = store else {
        return html! {};
    };
    let journal = &store.doc().payload;
    let cases: Vec<_> = journal
        .cases
        .iter()
        .filter(|c| c.is_open_on(day))
        .filter(|c| details.organisation.is_none() || c.organisation == details.organisation)
        .collect();
    html! {
        <>
            if !journal.organisations.is_empty() {
                <div class="field">
                    <label for="entry-org">{"Organisation"}</label>
                    <select id="entry-org" onchange={on.organisation}>
                        <option value="" selected={details.organisation.is_none()}>{"None"}</option>
                        { for journal.organisations.iter().map(|o| html! {
                            <option value={o.id.0.clone()} selected={details.organisation.as_ref() == Some(&o.id)}>
                                {o.name.clone()}
                            </option>
                        }) }
                    </select>
                </div>
            }
            if !cases.is_empty() {
                <div class="field">
                    <label for="entry-case">{"Case"}</label>
                    <select id="entry-case" onchange={on.case}>
                        <option value="" selected={details.case.is_none()}>{"None"}</option>
                        { for cases.iter().map(|c| html! {
                            <option value={c.id.0.clone()} selected={details.case.as_ref() == Some(&c.id)}>
                                {c.label.clone()}
                            </option>
                        }) }
                    </select>
                </div>
            }
            <div class="field">
                <label for="entry-start">{"Start (optional)"}</label>
                <input id="entry-start" type="time" onchange={on.start}
                    value={details.start.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()} />
            </div>
            <div class="field checks">
                <label><input type="checkbox" checked={details.trauma} onchange={on.trauma} />{" Trauma content"}</label>
                <label><input type="checkbox" checked={details.pro_bono} onchange={on.pro_bono} />{" Pro bono"}</label>
            </div>
        </>
    }
}
