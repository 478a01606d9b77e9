//! Editing a requirement set's main fields: its name, the licensure log's start date, supervisor
//! (free text) and total, the CE cycle's hours and due date, and each supervision minimum's hours.
//! The edited set is checked by the same rules as an imported file before it is kept; every
//! problem is listed and nothing typed is lost.

use crate::store::Msg;
use crate::views::common::{use_initial_value, use_store, value_of};
use chrono::NaiveDate;
use tend_core::requirements::RequirementSet;
use tend_core::Action;
use yew::prelude::*;

/// Properties of [`EditSet`].
#[derive(Properties, PartialEq)]
pub struct EditProps {
    /// The set as stored.
    pub set: RequirementSet,
}

/// Hours typed with a point or a comma, as whole minutes.
fn minutes_of(label: &str, text: &str, problems: &mut Vec<String>) -> u32 {
    let clean = text.trim().replace(',', ".");
    match clean.parse::<f64>() {
        Ok(h) if h.is_finite() && h > 0.0 && h * 60.0 < f64::from(u32::MAX) => {
            let minutes = (h * 60.0).round();
            if (minutes - h * 60.0).abs() > 1e-6 {
                problems.push(format!(
                    "{label}: {text} hours is not a whole number of minutes."
                ));
            }
            minutes as u32
        }
        _ => {
            problems.push(format!(
                "{label}: \u{201c}{text}\u{201d} is not a number of hours above 0."
            ));
            0
        }
    }
}

/// A date typed in a date field, or none when empty.
fn day_of(label: &str, text: &str, problems: &mut Vec<String>) -> Option<NaiveDate> {
    if text.trim().is_empty() {
        return None;
    }
    let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    if parsed.is_none() {
        problems.push(format!("{label}: \u{201c}{text}\u{201d} is not a date."));
    }
    parsed
}

fn hours_text(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        (minutes / 60).to_string()
    } else {
        format!("{}", f64::from(minutes) / 60.0)
    }
}

/// One text field, filled once with its stored value.
#[derive(Properties, PartialEq)]
struct FieldProps {
    id: String,
    label: String,
    kind: &'static str,
    value: String,
    node: NodeRef,
    #[prop_or_default]
    hint: Option<String>,
}

#[function_component(Field)]
fn field(props: &FieldProps) -> Html {
    use_initial_value(&props.node, props.value.clone());
    let hint_id = format!("{}-hint", props.id);
    html! {
        <div class="field">
            <label for={props.id.clone()}>{props.label.clone()}</label>
            <input id={props.id.clone()} type={props.kind} ref={props.node.clone()}
                inputmode={(props.kind == "text" && props.label.contains("hours")).then_some("decimal")}
                aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())} />
            if let Some(hint) = &props.hint {
                <span class="hint" id={hint_id}>{hint.clone()}</span>
            }
        </div>
    }
}

/// The edit form, folded away under its summary.
#[function_component(EditSet)]
pub fn edit_set(props: &EditProps) -> Html {
    let store = use_store();
    let problems = use_state(Vec::<String>::new);
    let set = &props.set;
    let minimums = set.supervision.len();
    let name = use_node_ref();
    let start = use_node_ref();
    let supervisor = use_node_ref();
    let total = use_node_ref();
    let ce_hours = use_node_ref();
    let due = use_node_ref();
    let supervision: Vec<NodeRef> = use_memo(minimums, |n| vec![NodeRef::default(); *n])
        .as_ref()
        .clone();
    let Some(store) = store else {
        return html! {};
    };
    let id = set.id.clone();
    let onsubmit = {
        let (store, problems, set) = (store.clone(), problems.clone(), set.clone());
        let (name, start, supervisor, total) = (
            name.clone(),
            start.clone(),
            supervisor.clone(),
            total.clone(),
        );
        let (ce_hours, due, supervision) = (ce_hours.clone(), due.clone(), supervision.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut list = Vec::new();
            let mut next = set.clone();
            next.name = value_of(&name).trim().to_string();
            if let Some(log) = next.licensure.as_mut() {
                log.start = day_of("Start date", &value_of(&start), &mut list);
                log.supervisor = value_of(&supervisor).trim().to_string();
                log.total_minutes = minutes_of("Total hours", &value_of(&total), &mut list);
            }
            if let Some(cycle) = next.ce.as_mut() {
                cycle.minutes = minutes_of("CE hours", &value_of(&ce_hours), &mut list);
                cycle.due = day_of("CE due date", &value_of(&due), &mut list);
            }
            for (rule, node) in next.supervision.iter_mut().zip(&supervision) {
                let label = format!("{} hours", rule.name);
                rule.minutes = minutes_of(&label, &value_of(node), &mut list);
            }
            if list.is_empty() {
                list.extend(next.problems().iter().map(ToString::to_string));
            }
            if !list.is_empty() {
                problems.set(list);
                return;
            }
            problems.set(Vec::new());
            let done = format!("Saved the changes to {}.", next.name);
            store.dispatch(Msg::Apply {
                action: Action::UpdateRequirementSet(next),
                done,
            });
        })
    };
    let field = |suffix: &str,
                 label: &str,
                 kind: &'static str,
                 value: String,
                 node: &NodeRef,
                 hint: Option<&str>| {
        html! {
            <Field id={format!("{id}-{suffix}")} label={label.to_string()} {kind} {value}
                node={node.clone()} hint={hint.map(str::to_string)} />
        }
    };
    html! {
        <details class="edit-set">
            <summary>{"Edit this set"}</summary>
            <form class="import-form" {onsubmit} novalidate=true data-testid={format!("edit-{id}")}>
                {field("name", "Name", "text", set.name.clone(), &name, None)}
                if let Some(log) = &set.licensure {
                    {field("start", "Licensure start date", "date", log.start.map(|d| d.to_string()).unwrap_or_default(), &start, Some("Hours before this day do not count."))}
                    {field("supervisor", "Supervisor", "text", log.supervisor.clone(), &supervisor, Some("Free text; it appears on the printed log."))}
                    {field("total", "Total hours to reach", "text", hours_text(log.total_minutes), &total, None)}
                }
                if let Some(cycle) = &set.ce {
                    {field("ce-hours", "CE hours per cycle", "text", hours_text(cycle.minutes), &ce_hours, None)}
                    {field("ce-due", "CE due date", "date", cycle.due.map(|d| d.to_string()).unwrap_or_default(), &due, Some("The last day of your current cycle."))}
                }
                { for set.supervision.iter().zip(&supervision).enumerate().map(|(i, (rule, node))| {
                    let hint = rule.per_client_minutes.map(|per| format!("For every {} client hours.", hours_text(per)));
                    html! {
                        <Field id={format!("{id}-minimum-{i}")} label={format!("{}: supervision hours per {}", rule.name, rule.period.slug())}
                            kind="text" value={hours_text(rule.minutes)} node={node.clone()} {hint} />
                    }
                }) }
                <button type="submit" class="primary" disabled={store.read_only()}>{"Save changes"}</button>
                if !problems.is_empty() {
                    <ul class="field-error problems" role="alert" data-testid={format!("edit-problems-{id}")}>
                        { for problems.iter().map(|p| html! { <li>{p.clone()}</li> }) }
                    </ul>
                }
            </form>
        </details>
    }
}
