//! The form that takes any instrument: one radio group per item when Tend may show the wording
//! (the weekly pulse, imported instruments with prompts), otherwise one number box per item
//! number, to copy the answers from the official form (ProQOL 5). Everything is checked before
//! saving and every problem is listed by item number; nothing typed is lost on an error.

use crate::platform;
use crate::store::Msg;
use crate::views::common::{use_initial_value, use_store, value_of};
use chrono::NaiveDate;
use tend_core::checks::{CheckId, CheckResult, Instrument};
use tend_core::Action;
use web_sys::{HtmlFormElement, HtmlInputElement};
use yew::prelude::*;

/// Properties of [`InstrumentForm`].
#[derive(Properties, PartialEq)]
pub struct FormProps {
    /// The instrument to take.
    pub instrument: Instrument,
}

/// Turns the typed answers into one number per item, or lists every problem by item number.
pub fn parse_answers(instrument: &Instrument, typed: &[String]) -> Result<Vec<u8>, Vec<String>> {
    let (min, max) = (instrument.scale.min, instrument.scale.max);
    let mut answers = Vec::new();
    let mut missing = Vec::new();
    let mut problems = Vec::new();
    for n in 1..=instrument.items {
        let text = typed.get(n as usize - 1).map(|t| t.trim()).unwrap_or("");
        match text.parse::<u8>() {
            _ if text.is_empty() => missing.push(n.to_string()),
            Ok(a) if (min..=max).contains(&a) => answers.push(a),
            _ => problems.push(format!(
                "Item {n}: \u{201c}{text}\u{201d} is not an answer; answers go from {min} to {max}."
            )),
        }
    }
    if !missing.is_empty() {
        let text = match missing.as_slice() {
            [one] => format!("Item {one} still needs an answer."),
            many => format!("Items {} still need an answer.", many.join(", ")),
        };
        problems.insert(0, text);
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(problems)
    }
}

/// A short sentence of a result's scores: `Strain 42 of 100 (moderate)`.
pub fn describe_scores(instrument: &Instrument, answers: &[u8]) -> String {
    instrument
        .score(answers)
        .map(|scores| {
            scores
                .iter()
                .map(|s| {
                    let sub = instrument.subscale(&s.id);
                    let top = sub
                        .map(|sub| instrument.score_range(sub).1.display(0))
                        .unwrap_or_default();
                    format!("{} {} of {top} ({})", s.name, s.shown(), s.band)
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

/// Takes one instrument and saves the result.
#[function_component(InstrumentForm)]
pub fn instrument_form(props: &FormProps) -> Html {
    let store = use_store();
    let instrument = &props.instrument;
    let items = instrument.items as usize;
    let typed = use_state(|| vec![String::new(); items]);
    let problems = use_state(Vec::<String>::new);
    let saved = use_state(String::new);
    let (form, date) = (use_node_ref(), use_node_ref());
    let today_text = platform::today().format("%Y-%m-%d").to_string();
    use_initial_value(&date, today_text.clone());
    let Some(store) = store else {
        return html! {};
    };
    let id = instrument.id.clone();
    let set = |n: usize| {
        let typed = typed.clone();
        move |value: String| {
            let mut next = (*typed).clone();
            if let Some(slot) = next.get_mut(n) {
                *slot = value;
            }
            typed.set(next);
        }
    };
    let onsubmit = {
        let (store, typed, problems, saved, instrument) = (
            store.clone(),
            typed.clone(),
            problems.clone(),
            saved.clone(),
            instrument.clone(),
        );
        let (form, date) = (form.clone(), date.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let answers = match parse_answers(&instrument, &typed) {
                Ok(a) => a,
                Err(list) => {
                    problems.set(list);
                    saved.set(String::new());
                    return;
                }
            };
            let today = platform::today();
            let day = NaiveDate::parse_from_str(&value_of(&date), "%Y-%m-%d").unwrap_or(today);
            if day > today {
                problems.set(vec![
                    "The date is in the future; choose today or an earlier day.".into(),
                ]);
                return;
            }
            problems.set(Vec::new());
            let summary = describe_scores(&instrument, &answers);
            let done = format!(
                "Saved: {}, {}. {summary}.",
                instrument.name,
                day.format("%a %-d %b")
            );
            saved.set(done.clone());
            store.dispatch(Msg::Apply {
                action: Action::AddCheck(CheckResult {
                    id: CheckId(platform::new_id()),
                    instrument: instrument.id.clone(),
                    date: day,
                    answers,
                }),
                done,
            });
            typed.set(vec![String::new(); instrument.items as usize]);
            if let Some(f) = form.cast::<HtmlFormElement>() {
                f.reset();
            }
            if let Some(d) = date.cast::<HtmlInputElement>() {
                d.set_value(&today.format("%Y-%m-%d").to_string());
            }
        })
    };
    let answered = typed.iter().filter(|t| !t.trim().is_empty()).count();
    let scale = &instrument.scale;
    let rows = if instrument.prompts.is_empty() {
        html! {
            <div class="item-grid">
                { for (0..items).map(|i| {
                    let n = i + 1;
                    let field = format!("{id}-item-{n}");
                    let set = set(i);
                    let oninput = Callback::from(move |e: InputEvent| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        set(input.value());
                    });
                    html! {
                        <div class="field item-number">
                            <label for={field.clone()}>{format!("Item {n}")}</label>
                            <input id={field} type="number" inputmode="numeric" min={scale.min.to_string()}
                                max={scale.max.to_string()} step="1" autocomplete="off" {oninput} />
                        </div>
                    }
                }) }
            </div>
        }
    } else {
        html! {
            { for instrument.prompts.iter().enumerate().map(|(i, prompt)| {
                let n = i + 1;
                let chosen = typed.get(i).cloned().unwrap_or_default();
                html! {
                    <fieldset class="item-row">
                        <legend>{format!("{n}. {prompt}")}</legend>
                        <div class="answers">
                            { for scale.answers().map(|a| {
                                let value = a.to_string();
                                let field = format!("{id}-item-{n}-{a}");
                                let set = set(i);
                                let v = value.clone();
                                let onchange = Callback::from(move |_: Event| set(v.clone()));
                                let label = scale.label(a).map(|l| format!("{a} {l}")).unwrap_or_else(|| value.clone());
                                html! {
                                    <label for={field.clone()} class="answer">
                                        <input type="radio" id={field} name={format!("{id}-item-{n}")}
                                            value={value.clone()} checked={chosen == value} {onchange} />
                                        <span>{label}</span>
                                    </label>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
        }
    };
    let labels = scale
        .answers()
        .filter_map(|a| scale.label(a).map(|l| format!("{a} = {l}")))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <form class="check-form" ref={form} {onsubmit} data-testid={format!("form-{id}")} novalidate=true>
            if instrument.prompts.is_empty() && !labels.is_empty() {
                <p class="hint">{format!("Answers: {labels}.")}</p>
            }
            {rows}
            <div class="check-submit">
                <div class="field">
                    <label for={format!("{id}-date")}>{"Taken on"}</label>
                    <input id={format!("{id}-date")} type="date" max={today_text} ref={date} />
                </div>
                <button type="submit" class="primary" disabled={store.read_only()}>{"Save"}</button>
                <span class="muted" data-testid={format!("answered-{id}")}>{format!("{answered} of {items} answered")}</span>
            </div>
            <p class="status" role="status" data-testid={format!("saved-{id}")}>{(*saved).clone()}</p>
            if !problems.is_empty() {
                <ul class="field-error problems" role="alert" data-testid={format!("problems-{id}")}>
                    { for problems.iter().map(|p| html! { <li>{p.clone()}</li> }) }
                </ul>
            }
        </form>
    }
}
