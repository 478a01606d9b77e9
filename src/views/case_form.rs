//! Adding a case: a pseudonymous label (checked, with the reason when refused), organisation,
//! complexity, trauma focus and the day it opened.

use super::value_of;
use crate::platform;
use crate::store::{Msg, Store};
use chrono::NaiveDate;
use tend_core::tracking::{check_label, Case, CaseId, Complexity, OrgId};
use tend_core::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The form that opens a new case.
#[function_component(CaseForm)]
pub fn case_form() -> Html {
    let store = use_context::<Store>();
    let error = use_state(|| None::<String>);
    let (label, org, complexity, trauma, opened) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    super::use_initial_value(&opened, platform::today().format("%Y-%m-%d").to_string());
    let Some(store) = store else {
        return html! {};
    };
    let today = platform::today();
    let onsubmit = {
        let (store, error) = (store.clone(), error.clone());
        let (label, org, complexity, trauma, opened) = (
            label.clone(),
            org.clone(),
            complexity.clone(),
            trauma.clone(),
            opened.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let checked = match check_label(&value_of(&label)) {
                Ok(text) => text,
                Err(problem) => {
                    error.set(Some(problem.to_string()));
                    if let Some(input) = label.cast::<HtmlInputElement>() {
                        let _ = input.focus();
                    }
                    return;
                }
            };
            let on = NaiveDate::parse_from_str(&value_of(&opened), "%Y-%m-%d").unwrap_or(today);
            let level = Complexity::from_slug(&value_of(&complexity)).unwrap_or_default();
            let organisation = Some(value_of(&org)).filter(|v| !v.is_empty()).map(OrgId);
            let mut case = Case::opened(CaseId(platform::new_id()), &checked, level, on);
            case.organisation = organisation;
            if let Some(checkbox) = trauma.cast::<HtmlInputElement>() {
                case.trauma_focused = checkbox.checked();
                checkbox.set_checked(false);
            }
            error.set(None);
            if let Some(input) = label.cast::<HtmlInputElement>() {
                input.set_value("");
                let _ = input.focus();
            }
            store.dispatch(Msg::Apply {
                action: Action::AddCase(case),
                done: format!("Opened case {checked}."),
            });
        })
    };
    let weights = &store.doc.payload.targets.weights;
    let organisations = &store.doc.payload.organisations;
    html! {
        <form class="entry-form" {onsubmit} aria-describedby="case-label-hint" data-testid="case-form">
            <div class="field">
                <label for="case-label">{"Case label"}</label>
                <input id="case-label" type="text" autocomplete="off" ref={label}
                    aria-invalid={error.is_some().to_string()} aria-describedby="case-label-hint case-error" />
                <span id="case-label-hint" class="hint">
                    {"Initials or a code only. Tend refuses anything that looks like a name or contact details, so nothing here could identify a client."}
                </span>
            </div>
            if !organisations.is_empty() {
                <div class="field">
                    <label for="case-org">{"Organisation"}</label>
                    <select id="case-org" ref={org}>
                        <option value="" selected=true>{"None"}</option>
                        { for organisations.iter().map(|o| html! { <option value={o.id.0.clone()}>{o.name.clone()}</option> }) }
                    </select>
                </div>
            }
            <div class="field">
                <label for="case-complexity">{"Complexity"}</label>
                <select id="case-complexity" ref={complexity}>
                    { for Complexity::ALL.into_iter().map(|c| html! {
                        <option value={c.slug()} selected={c == Complexity::default()}>
                            {format!("{} ({} points)", c.label(), weights.points(c))}
                        </option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="case-opened">{"Opened"}</label>
                <input id="case-opened" type="date" ref={opened} />
            </div>
            <div class="field checks">
                <label><input type="checkbox" ref={trauma} />{" Trauma-focused"}</label>
            </div>
            <button type="submit" class="primary" disabled={store.read_only()}>{"Add case"}</button>
            <p id="case-error" class="field-error" role="alert" data-testid="case-error">
                {(*error).clone().unwrap_or_default()}
            </p>
        </form>
    }
}
