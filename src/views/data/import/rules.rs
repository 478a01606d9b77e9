//! The mapping step of the calendar import: rules on event titles that give each event a kind
//! and an organisation, and what events no rule matches get.

use tend_core::import::{Matcher, Rules};
use tend_core::{OrgId, Organisation, WorkKind};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// One rule as the clinician edits it.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleRow {
    /// The text the title must contain.
    pub text: String,
    /// The kind matching events get.
    pub kind: WorkKind,
    /// The organisation matching events get (`None`: the default).
    pub org: Option<OrgId>,
}

/// Every rule plus the defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    /// The rules, first match wins.
    pub rows: Vec<RuleRow>,
    /// The kind of events no rule matches.
    pub kind: WorkKind,
    /// The organisation of events no rule matches.
    pub org: Option<OrgId>,
}

impl Default for Mapping {
    fn default() -> Mapping {
        let row = |text: &str, kind| RuleRow {
            text: text.into(),
            kind,
            org: None,
        };
        Mapping {
            rows: vec![
                row("Intake", WorkKind::Assessment),
                row("Supervision", WorkKind::Supervision),
                row("Notes", WorkKind::Documentation),
            ],
            kind: WorkKind::DirectSession,
            org: None,
        }
    }
}

impl Mapping {
    /// The kind rules for the core import.
    pub fn kinds(&self) -> Rules<WorkKind> {
        self.rows.iter().fold(Rules::new(self.kind), |rules, r| {
            rules.with(Matcher::Contains(r.text.clone()), r.kind)
        })
    }

    /// The organisation rules; a rule without its own organisation gives the default one.
    pub fn organisations(&self) -> Rules<Option<OrgId>> {
        self.rows
            .iter()
            .fold(Rules::new(self.org.clone()), |rules, r| {
                let org = r.org.clone().or_else(|| self.org.clone());
                rules.with(Matcher::Contains(r.text.clone()), org)
            })
    }
}

/// Props of [`MappingForm`].
#[derive(Properties, PartialEq)]
pub struct MappingProps {
    /// The current mapping.
    pub mapping: Mapping,
    /// The organisations to choose from.
    pub orgs: Vec<Organisation>,
    /// Called with the changed mapping.
    pub onchange: Callback<Mapping>,
}

fn kind_select(id: String, label: &str, chosen: WorkKind, on: Callback<WorkKind>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(k) = WorkKind::from_slug(&select.value()) {
            on.emit(k);
        }
    });
    html! {
        <div class="field">
            <label for={id.clone()}>{label.to_string()}</label>
            <select {id} {onchange}>
                { for WorkKind::ALL.into_iter().map(|k| html! {
                    <option value={k.slug()} selected={k == chosen}>{k.label()}</option>
                }) }
            </select>
        </div>
    }
}

fn org_select(
    id: String,
    label: &str,
    none: &'static str,
    orgs: &[Organisation],
    chosen: Option<&OrgId>,
    on: Callback<Option<OrgId>>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let value = select.value();
        on.emit((!value.is_empty()).then_some(OrgId(value)));
    });
    html! {
        <div class="field">
            <label for={id.clone()}>{label.to_string()}</label>
            <select {id} {onchange}>
                <option value="" selected={chosen.is_none()}>{none}</option>
                { for orgs.iter().map(|o| html! {
                    <option value={o.id.0.clone()} selected={Some(&o.id) == chosen}>{o.name.clone()}</option>
                }) }
            </select>
        </div>
    }
}

/// A click handler that emits the mapping changed by `change`.
fn edit(
    m: &Mapping,
    on: &Callback<Mapping>,
    change: impl Fn(&mut Mapping) + 'static,
) -> Callback<MouseEvent> {
    let (m, on) = (m.clone(), on.clone());
    Callback::from(move |_: MouseEvent| {
        let mut next = m.clone();
        change(&mut next);
        on.emit(next);
    })
}

/// The rules table and the defaults.
#[function_component(MappingForm)]
pub fn mapping_form(props: &MappingProps) -> Html {
    let m = &props.mapping;
    let rows = m.rows.iter().enumerate().map(|(i, row)| {
        let on_text = {
            let (m, on) = (m.clone(), props.onchange.clone());
            Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let mut next = m.clone();
                if let Some(r) = next.rows.get_mut(i) {
                    r.text = input.value();
                }
                on.emit(next);
            })
        };
        let on_kind = {
            let (m, on) = (m.clone(), props.onchange.clone());
            Callback::from(move |k: WorkKind| {
                let mut next = m.clone();
                if let Some(r) = next.rows.get_mut(i) {
                    r.kind = k;
                }
                on.emit(next);
            })
        };
        let on_org = {
            let (m, on) = (m.clone(), props.onchange.clone());
            Callback::from(move |o: Option<OrgId>| {
                let mut next = m.clone();
                if let Some(r) = next.rows.get_mut(i) {
                    r.org = o;
                }
                on.emit(next);
            })
        };
        let remove = edit(m, &props.onchange, move |next| {
            if i < next.rows.len() {
                next.rows.remove(i);
            }
        });
        let n = i + 1;
        html! {
            <li class="rule" data-testid="import-rule">
                <div class="field">
                    <label for={format!("rule-text-{i}")}>{format!("Rule {n}: title contains")}</label>
                    <input id={format!("rule-text-{i}")} type="text" value={row.text.clone()} oninput={on_text} />
                </div>
                {kind_select(format!("rule-kind-{i}"), &format!("Rule {n}: kind"), row.kind, on_kind)}
                {org_select(format!("rule-org-{i}"), &format!("Rule {n}: organisation"), "Same as unmatched events", &props.orgs, row.org.as_ref(), on_org)}
                <button type="button" class="quiet" onclick={remove}
                    aria-label={format!("Remove rule {n}")}>{"Remove"}</button>
            </li>
        }
    });
    let add = edit(m, &props.onchange, |next| {
        next.rows.push(RuleRow {
            text: String::new(),
            kind: WorkKind::DirectSession,
            org: None,
        })
    });
    let on_default_kind = {
        let (m, on) = (m.clone(), props.onchange.clone());
        Callback::from(move |k: WorkKind| {
            on.emit(Mapping {
                kind: k,
                ..m.clone()
            })
        })
    };
    let on_default_org = {
        let (m, on) = (m.clone(), props.onchange.clone());
        Callback::from(move |o: Option<OrgId>| {
            on.emit(Mapping {
                org: o,
                ..m.clone()
            })
        })
    };
    html! {
        <fieldset class="mapping">
            <legend>{"Kinds and organisations"}</legend>
            <p class="hint">{"Each event takes the first rule whose text its title contains (capitals do not matter)."}</p>
            <ol class="rules">{ for rows }</ol>
            <button type="button" class="quiet" onclick={add}>{"Add a rule"}</button>
            <div class="rule defaults">
                {kind_select("default-kind".into(), "Events no rule matches: kind", m.kind, on_default_kind)}
                {org_select("default-org".into(), "Events no rule matches: organisation", "No organisation", &props.orgs, m.org.as_ref(), on_default_org)}
            </div>
        </fieldset>
    }
}
