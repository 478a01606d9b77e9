//! "Your targets": the few numbers the sections measure against, all the clinician's own.

use crate::platform::locale::{decimal_sign, money, number, week_order, weekday_name};
use crate::store::Msg;
use crate::views::common::use_store;
use chrono::Weekday;
use tend_core::money::parse_minor_with;
use tend_core::tracking::{Targets, WorkingDays};
use tend_core::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The weekdays in the order `day_refs` holds their checkboxes.
const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn hours(text: &str, what: &str) -> Result<u32, String> {
    let h: f64 = text.trim().replace(',', ".").parse().map_err(|_| {
        format!(
            "{what}: \u{201c}{}\u{201d} is not a number of hours.",
            text.trim()
        )
    })?;
    if !(0.0..=100.0).contains(&h) {
        return Err(format!("{what} must be between 0 and 100 hours."));
    }
    Ok((h * 60.0).round() as u32)
}

fn whole(text: &str, what: &str) -> Result<u32, String> {
    text.trim().parse().map_err(|_| {
        format!(
            "{what}: \u{201c}{}\u{201d} is not a whole number.",
            text.trim()
        )
    })
}

/// Hours as the browser's locale writes them (`37.5`, `37,5`); the form reads either back.
fn as_hours(minutes: u32) -> String {
    number(f64::from(minutes) / 60.0, 2)
}

/// The text fields' contents for stored targets.
fn field_texts(t: &Targets) -> [String; 5] {
    [
        as_hours(t.weekly_minutes),
        as_hours(t.max_direct_minutes),
        t.capacity_points.to_string(),
        t.breaks_per_day.to_string(),
        t.usual_rate.map(money).unwrap_or_default(),
    ]
}

/// The targets form.
#[function_component(TargetsForm)]
pub fn targets_form() -> Html {
    let store = use_store();
    let error = use_state(|| None::<String>);
    // The text of each field, kept here so a re-render (say, to show an error) never resets what
    // was typed; filled from the stored targets when they change.
    let stored = store
        .as_ref()
        .map(|s| s.doc().payload.targets.clone())
        .unwrap_or_default();
    let texts = use_state(|| field_texts(&stored));
    {
        let texts = texts.clone();
        use_effect_with(stored.clone(), move |stored| texts.set(field_texts(stored)));
    }
    let day_refs = use_mut_ref(|| (0..7).map(|_| NodeRef::default()).collect::<Vec<_>>());
    let Some(store) = store else {
        return html! {};
    };
    let current = store.doc().payload.targets.clone();
    let onsubmit = {
        let (store, error, current) = (store.clone(), error.clone(), current.clone());
        let texts = texts.clone();
        let day_refs = day_refs.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let read = || -> Result<Targets, String> {
                let days: Vec<Weekday> = DAYS
                    .iter()
                    .zip(day_refs.borrow().iter())
                    .filter(|(_, r)| r.cast::<HtmlInputElement>().is_some_and(|i| i.checked()))
                    .map(|(d, _)| *d)
                    .collect();
                let [weekly, direct, capacity, breaks, rate_text] = &*texts;
                Ok(Targets {
                    weekly_minutes: hours(weekly, "Sustainable weekly hours")?,
                    max_direct_minutes: hours(direct, "Maximum direct hours")?,
                    capacity_points: whole(capacity, "Capacity")?,
                    breaks_per_day: whole(breaks, "Breaks per working day")?,
                    working_days: WorkingDays::of(&days),
                    usual_rate: if rate_text.trim().is_empty() {
                        None
                    } else {
                        Some(parse_minor_with(rate_text, decimal_sign())?)
                    },
                    ..current.clone()
                })
            };
            match read() {
                Ok(targets) => {
                    error.set(None);
                    store.dispatch(Msg::Apply {
                        action: Action::SetTargets(targets),
                        done: "Your targets are saved.".into(),
                    });
                }
                Err(problem) => error.set(Some(problem)),
            }
        })
    };
    let edit = |i: usize| {
        let texts = texts.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*texts).clone();
            next[i] = input.value();
            texts.set(next);
        })
    };
    html! {
        <section class="card" aria-labelledby="targets-heading">
            <h2 id="targets-heading">{"Your targets"}</h2>
            <p class="muted">{"No research gives one right number of hours or cases for everyone; these are your own, and every section measures against them."}</p>
            <form class="entry-form" {onsubmit} data-testid="targets-form">
                <div class="field">
                    <label for="t-weekly">{"Sustainable weekly hours"}</label>
                    <input id="t-weekly" type="text" inputmode="decimal" value={texts[0].clone()} oninput={edit(0)} />
                </div>
                <div class="field">
                    <label for="t-direct">{"Maximum direct client hours a week"}</label>
                    <input id="t-direct" type="text" inputmode="decimal" value={texts[1].clone()} oninput={edit(1)} />
                </div>
                <div class="field">
                    <label for="t-capacity">{"Caseload capacity in points"}</label>
                    <input id="t-capacity" type="text" inputmode="numeric" value={texts[2].clone()} oninput={edit(2)} />
                </div>
                <div class="field">
                    <label for="t-breaks">{"Breaks per working day"}</label>
                    <input id="t-breaks" type="text" inputmode="numeric" value={texts[3].clone()} oninput={edit(3)} />
                </div>
                <div class="field">
                    <label for="t-rate">{"Usual hourly rate (optional)"}</label>
                    <input id="t-rate" type="text" inputmode="decimal" value={texts[4].clone()} oninput={edit(4)} />
                </div>
                <fieldset class="field checks days">
                    <legend>{"Working days"}</legend>
                    // In the order of the locale's week (Sunday first in the United States).
                    { for week_order().into_iter().map(|day| {
                        let r = day_refs.borrow().get(day.num_days_from_monday() as usize).cloned().unwrap_or_default();
                        html! {
                            <label><input type="checkbox" ref={r} checked={current.working_days.contains(day)} />{format!(" {}", weekday_name(day))}</label>
                        }
                    }) }
                </fieldset>
                <button type="submit" class="primary" disabled={store.read_only()}>{"Save targets"}</button>
                <p class="field-error" role="alert" data-testid="targets-error">{(*error).clone().unwrap_or_default()}</p>
            </form>
        </section>
    }
}
