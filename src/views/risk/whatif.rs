//! What-if sliders: more or fewer cases and weekly hours, and a planned vacation, with the index
//! projected for the coming twelve weeks next to the projection with nothing changed.

use chrono::{Datelike, NaiveDate};
use tend_core::risk::{project, Projected, WeekInputs, WhatIf};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Weeks projected.
const WEEKS: usize = 12;

/// Props of [`WhatIfPanel`].
#[derive(Properties, PartialEq)]
pub struct WhatIfProps {
    /// The latest scored week's inputs, the starting point.
    pub base: WeekInputs,
    /// That week's Monday.
    pub monday: NaiveDate,
    /// Points a case added or closed carries (the clinician's moderate weight).
    pub case_points: u32,
}

/// One labelled range input. The value is held in the panel's state, so binding it is safe.
fn slider(
    id: &'static str,
    label: &'static str,
    (min, max): (i32, i32),
    value: i32,
    text: String,
    set: Callback<i32>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let value = e.target_dyn_into::<HtmlInputElement>().map(|i| i.value());
        if let Some(v) = value.and_then(|v| v.parse::<i32>().ok()) {
            set.emit(v.clamp(min, max));
        }
    });
    html! {
        <div class="field slider">
            <label for={id}>{label}</label>
            <input type="range" {id} min={min.to_string()} max={max.to_string()} step="1"
                value={value.to_string()} aria-valuetext={text.clone()} {oninput} />
            <output for={id} data-testid={format!("{id}-value")}>{text}</output>
        </div>
    }
}

fn signed(n: i32, unit: &str) -> String {
    match n {
        0 => format!("no change in {unit}"),
        n if n > 0 => format!("{n} more {unit}"),
        n => format!("{} fewer {unit}", -n),
    }
}

fn describe(p: &Projected) -> String {
    format!("{} of 100, {}", p.index, p.band.label())
}

/// The what-if panel.
#[function_component(WhatIfPanel)]
pub fn what_if_panel(props: &WhatIfProps) -> Html {
    let plan = use_state(|| WhatIf {
        vacation_in_weeks: 4,
        ..WhatIf::default()
    });
    let update = |change: fn(&mut WhatIf, i32)| {
        let plan = plan.clone();
        Callback::from(move |v: i32| {
            let mut next = *plan;
            change(&mut next, v);
            plan.set(next);
        })
    };
    let what = WhatIf {
        case_points: props.case_points,
        ..*plan
    };
    let changed = project(&props.base, props.monday, &what, WEEKS);
    let as_now = project(
        &props.base,
        props.monday,
        &WhatIf {
            case_points: props.case_points,
            ..WhatIf::default()
        },
        WEEKS,
    );
    let headline = match (changed.last(), as_now.last()) {
        (Some(c), Some(n)) => format!(
            "In {WEEKS} weeks (week of {}): {}. As things are now: {}.",
            c.monday.format("%-d %b %Y"),
            describe(c),
            describe(n)
        ),
        _ => "No projection could be made.".into(),
    };
    let vacation_days = plan.vacation_days as i32;
    html! {
        <section class="card" aria-labelledby="whatif-heading" data-testid="whatif">
            <h2 id="whatif-heading">{"What if"}</h2>
            <p class="muted">{"Try a change before you commit to it. The projection assumes your usual week continues (your average hours of the last four weeks, the same caseload, breaks, support and self-check answers), so it is a sketch, not a forecast."}</p>
            <div class="whatif-sliders">
                { slider("whatif-cases", "Cases more or fewer", (-10, 10), plan.cases,
                    format!("{} ({} points each)", signed(plan.cases, "cases"), props.case_points),
                    update(|w, v| w.cases = v)) }
                { slider("whatif-hours", "Weekly hours more or fewer", (-20, 20), plan.weekly_hours,
                    signed(plan.weekly_hours, "hours a week"), update(|w, v| w.weekly_hours = v)) }
                { slider("whatif-vacation", "Planned vacation in days", (0, 21), vacation_days,
                    if vacation_days == 0 { "no vacation planned".into() } else { format!("{vacation_days} days") },
                    update(|w, v| w.vacation_days = v.max(0) as u32)) }
                { slider("whatif-start", "Vacation starts in weeks", (1, 10), plan.vacation_in_weeks as i32,
                    format!("in {} weeks", plan.vacation_in_weeks), update(|w, v| w.vacation_in_weeks = v.max(1) as u32)) }
            </div>
            <p class="risk-total" role="status" data-testid="whatif-result">{headline}</p>
            <table class="month-table">
                <caption>{"Projected index week by week"}</caption>
                <thead><tr>
                    <th scope="col">{"Week"}</th><th scope="col">{"With these changes"}</th>
                    <th scope="col">{"As things are now"}</th>
                </tr></thead>
                <tbody>
                    { for changed.iter().zip(&as_now).map(|(c, n)| html! {
                        <tr>
                            <th scope="row">{format!("Week {} ({})", c.monday.iso_week().week(), c.monday.format("%-d %b"))}</th>
                            <td>{describe(c)}</td>
                            <td>{describe(n)}</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
