//! Adding or editing a case: a pseudonymous label (checked, with the reason when refused),
//! organisation, complexity, trauma focus and, for a new case, the day it opened.

use crate::platform;
use crate::store::Msg;
use crate::views::common::{use_initial_value, use_store, value_of};
use chrono::NaiveDate;
use tend_core::tracking::{check_label, Case, CaseId, Complexity, OrgId};
use tend_core::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`CaseForm`].
#[derive(Properties, PartialEq)]
pub struct CaseFormProps {
    /// The case being edited (its open periods are kept); `None` to open a new one.
    #[prop_or_default]
    pub editing: Option<Case>,
    /// Called when an edit is saved or cancelled.
    #[prop_or_default]
    pub ondone: Callback<()>,
}

/// The form that opens a new case, or edits one.
#[function_component(CaseForm)]
pub fn case_form(props: &CaseFormProps) -> Html {
    let store = use_store();
    let error = use_state(|| None::<String>);
    let (label, org, complexity, trauma, opened) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    use_initial_value(&opened, platform::today().format("%Y-%m-%d").to_string());
    {
        let (label, org, complexity, trauma) = (
            label.clone(),
            org.clone(),
            complexity.clone(),
            trauma.clone(),
        );
        use_effect_with(props.editing.clone(), move |editing| {
            if let Some(case) = editing {
                if let Some(input) = label.cast::<HtmlInputElement>() {
                    input.set_value(&case.label);
                    let _ = input.focus();
                }
                if let Some(select) = org.cast::<HtmlSelectElement>() {
                    select.set_value(case.organisation.as_ref().map_or("", |o| o.0.as_str()));
                }
                if let Some(select) = complexity.cast::<HtmlSelectElement>() {
                    select.set_value(case.complexity.slug());
                }
                if let Some(checkbox) = trauma.cast::<HtmlInputElement>() {
                    checkbox.set_checked(case.trauma_focused);
                }
            }
        });
    }
    let Some(store) = store else {
        return html! {};
    };
    let today = platform::today();
    let onsubmit = {
        let (store, error) = (store.clone(), error.clone());
        let (editing, ondone) = (props.editing.clone(), props.ondone.clone());
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
            let mut case = match &editing {
                Some(old) => Case {
                    label: checked.clone(),
                    complexity: level,
                    ..old.clone()
                },
                None => Case::opened(CaseId(platform::new_id()), &checked, level, on),
            };
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
            let (action, done) = match editing {
                Some(_) => (
                    Action::UpdateCase(case),
                    format!("Saved the changes to case {checked}."),
                ),
                None => (Action::AddCase(case), format!("Opened case {checked}.")),
            };
            store.dispatch(Msg::Apply { action, done });
            ondone.emit(());
        })
    };
    let cancel = {
        let (ondone, label, trauma) = (props.ondone.clone(), label.clone(), trauma.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = label.cast::<HtmlInputElement>() {
                input.set_value("");
            }
            if let Some(checkbox) = trauma.cast::<HtmlInputElement>() {
                checkbox.set_checked(false);
            }
            ondone.emit(());
        })
    };
    let weights = &store.doc().payload.targets.weights;
    let organisations = &store.doc().payload.organisations;
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
            <div class="field" hidden={props.editing.is_some()}>
                <label for="case-opened">{"Opened"}</label>
                <input id="case-opened" type="date" ref={opened} />
            </div>
            <div class="field checks">
                <label><input type="checkbox" ref={trauma} />{" Trauma-focused"}</label>
            </div>
            <button type="submit" class="primary" disabled={store.read_only()}>
                { if props.editing.is_some() { "Save changes" } else { "Add case" } }
            </button>
            if props.editing.is_some() {
                <button type="button" onclick={cancel}>{"Cancel"}</button>
            }
            <p id="case-error" class="field-error" role="alert" data-testid="case-error">
                {(*error).clone().unwrap_or_default()}
            </p>
        </form>
    }
}
