//! Adding or editing an organisation and its contract: name, arrangement, rate, agreed weekly
//! hours and the contract's dates.

use crate::platform;
use crate::platform::locale::{decimal_sign, money};
use crate::store::Msg;
use crate::views::common::{use_initial_value, use_store, value_of};
use chrono::NaiveDate;
use tend_core::money::parse_minor_with;
use tend_core::tracking::{Arrangement, OrgId, Organisation};
use tend_core::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Reads the form into an organisation, or says what is wrong.
fn read(fields: &[NodeRef; 6], today: NaiveDate) -> Result<Organisation, String> {
    let [name, arrangement, rate, hours, start, end] = fields;
    let name = value_of(name).trim().to_string();
    if name.is_empty() {
        return Err("Give the organisation a name.".into());
    }
    let arrangement = Arrangement::ALL
        .into_iter()
        .find(|a| a.label() == value_of(arrangement))
        .unwrap_or(Arrangement::Hourly);
    let rate_text = value_of(rate);
    let rate = if rate_text.trim().is_empty() {
        None
    } else {
        Some(parse_minor_with(&rate_text, decimal_sign())?)
    };
    let hours_text = value_of(hours);
    let weekly_minutes = if hours_text.trim().is_empty() {
        0
    } else {
        let h: f64 = hours_text.trim().replace(',', ".").parse().map_err(|_| {
            format!(
                "\u{201c}{}\u{201d} is not a number of hours.",
                hours_text.trim()
            )
        })?;
        if !(0.0..=80.0).contains(&h) {
            return Err("Weekly hours agreed must be between 0 and 80.".into());
        }
        (h * 60.0).round() as u32
    };
    let date = |node: &NodeRef| NaiveDate::parse_from_str(&value_of(node), "%Y-%m-%d").ok();
    Ok(Organisation {
        id: OrgId(platform::new_id()),
        name,
        arrangement,
        rate: matches!(arrangement, Arrangement::Hourly | Arrangement::PerSession)
            .then_some(rate)
            .flatten(),
        weekly_minutes,
        start: date(start).unwrap_or(today),
        end: date(end),
    })
}

/// Props of [`OrgForm`].
#[derive(Properties, PartialEq)]
pub struct OrgFormProps {
    /// The organisation being edited; `None` to add a new one.
    #[prop_or_default]
    pub editing: Option<Organisation>,
    /// Called when an edit is saved or cancelled.
    #[prop_or_default]
    pub ondone: Callback<()>,
}

/// Puts an organisation's terms into the form's fields.
fn fill(fields: &[NodeRef; 6], org: &Organisation) {
    let [name, arrangement, rate, hours, start, end] = fields;
    let set = |node: &NodeRef, text: String| {
        if let Some(input) = node.cast::<HtmlInputElement>() {
            input.set_value(&text);
        } else if let Some(select) = node.cast::<web_sys::HtmlSelectElement>() {
            select.set_value(&text);
        }
    };
    set(name, org.name.clone());
    set(arrangement, org.arrangement.label().into());
    set(rate, org.rate.map(money).unwrap_or_default());
    let minutes = org.weekly_minutes;
    set(
        hours,
        match minutes {
            0 => String::new(),
            m if m % 60 == 0 => (m / 60).to_string(),
            m => format!("{:.2}", f64::from(m) / 60.0),
        },
    );
    set(start, org.start.format("%Y-%m-%d").to_string());
    set(
        end,
        org.end
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    );
}

/// The form that adds an organisation, or edits one.
#[function_component(OrgForm)]
pub fn org_form(props: &OrgFormProps) -> Html {
    let store = use_store();
    let error = use_state(|| None::<String>);
    let fields: [NodeRef; 6] = [
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    ];
    use_initial_value(&fields[4], platform::today().format("%Y-%m-%d").to_string());
    {
        let fields = fields.clone();
        use_effect_with(props.editing.clone(), move |editing| {
            if let Some(org) = editing {
                fill(&fields, org);
                if let Some(input) = fields[0].cast::<HtmlInputElement>() {
                    let _ = input.focus();
                }
            }
        });
    }
    let Some(store) = store else {
        return html! {};
    };
    let today = platform::today();
    let onsubmit = {
        let (store, error, fields) = (store.clone(), error.clone(), fields.clone());
        let (editing, ondone) = (props.editing.clone(), props.ondone.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match read(&fields, today) {
                Ok(mut org) => {
                    error.set(None);
                    for (i, field) in fields.iter().enumerate() {
                        if let Some(input) = field.cast::<HtmlInputElement>() {
                            if i != 4 {
                                input.set_value("");
                            }
                        }
                    }
                    let (action, done) = match &editing {
                        Some(old) => {
                            org.id = old.id.clone();
                            let done = format!("Saved the changes to {}.", org.name);
                            (Action::UpdateOrganisation(org), done)
                        }
                        None => {
                            let done = format!("Added {}.", org.name);
                            (Action::AddOrganisation(org), done)
                        }
                    };
                    store.dispatch(Msg::Apply { action, done });
                    ondone.emit(());
                }
                Err(problem) => error.set(Some(problem)),
            }
        })
    };
    let fields_for_cancel = fields.clone();
    let [name, arrangement, rate, hours, start, end] = fields;
    html! {
        <form class="entry-form" {onsubmit} data-testid="org-form">
            <div class="field">
                <label for="org-name">{"Name"}</label>
                <input id="org-name" type="text" autocomplete="organization" ref={name} />
            </div>
            <div class="field">
                <label for="org-arrangement">{"Arrangement"}</label>
                <select id="org-arrangement" ref={arrangement}>
                    { for Arrangement::ALL.into_iter().map(|a| html! {
                        <option value={a.label()} selected={a == Arrangement::Hourly}>{a.label()}</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="org-rate">{"Rate (per hour or per session)"}</label>
                <input id="org-rate" type="text" inputmode="decimal" ref={rate} aria-describedby="org-rate-hint" />
                <span id="org-rate-hint" class="hint">{format!("In your currency, for example 85 or {}", money(8550))}</span>
            </div>
            <div class="field">
                <label for="org-hours">{"Weekly hours agreed"}</label>
                <input id="org-hours" type="text" inputmode="decimal" ref={hours} />
            </div>
            <div class="field">
                <label for="org-start">{"Contract start"}</label>
                <input id="org-start" type="date" ref={start} />
            </div>
            <div class="field">
                <label for="org-end">{"Contract end (optional)"}</label>
                <input id="org-end" type="date" ref={end} />
            </div>
            <button type="submit" class="primary" disabled={store.read_only()}>
                { if props.editing.is_some() { "Save changes" } else { "Add organisation" } }
            </button>
            if props.editing.is_some() {
                <button type="button" onclick={
                    let (ondone, fields) = (props.ondone.clone(), fields_for_cancel.clone());
                    Callback::from(move |_: MouseEvent| {
                        for (i, field) in fields.iter().enumerate() {
                            if let Some(input) = field.cast::<HtmlInputElement>() {
                                if i != 4 { input.set_value(""); }
                            }
                        }
                        ondone.emit(());
                    })
                }>{"Cancel"}</button>
            }
            <p class="field-error" role="alert" data-testid="org-error">{(*error).clone().unwrap_or_default()}</p>
        </form>
    }
}
