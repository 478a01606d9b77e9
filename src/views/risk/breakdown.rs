//! What made up one week's index: a week picker, then every factor's points largest first in
//! plain words with its source, and, when the latest week is in the highest band, a calm card of
//! concrete next steps.

use chrono::{Datelike, NaiveDate};
use std::rc::Rc;
use tend_core::risk::{calls_for_care, latest_scored, RiskWeek};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`Breakdown`].
#[derive(Properties, PartialEq)]
pub struct BreakdownProps {
    /// The whole history, oldest first.
    pub weeks: Rc<Vec<RiskWeek>>,
}

fn week_label(monday: NaiveDate) -> String {
    format!(
        "Week {} ({})",
        monday.iso_week().week(),
        monday.format("%-d %b %Y")
    )
}

/// The factor breakdown of a chosen week.
#[function_component(Breakdown)]
pub fn breakdown(props: &BreakdownProps) -> Html {
    let chosen = use_state(|| None::<NaiveDate>);
    let latest = latest_scored(&props.weeks);
    let week = chosen
        .and_then(|m| props.weeks.iter().find(|w| w.monday == m))
        .or(latest);
    let (Some(week), Some(latest)) = (week, latest) else {
        return html! {};
    };
    let Some(score) = week.score.as_ref() else {
        return html! {};
    };
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let value = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value());
            if let Some(day) = value.and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok()) {
                chosen.set(Some(day));
            }
        })
    };
    let latest_high = calls_for_care(latest);
    html! {
        <>
            if latest_high {
                <CareCard />
            }
            <section class="card" aria-labelledby="risk-parts-heading">
                <h2 id="risk-parts-heading">{"What made up the index"}</h2>
                <div class="field week-pick">
                    <label for="risk-week">{"Week"}</label>
                    <select id="risk-week" {onchange}>
                        { for props.weeks.iter().rev().filter(|w| w.score.is_some()).map(|w| html! {
                            <option value={w.monday.format("%Y-%m-%d").to_string()}
                                selected={w.monday == week.monday}>{week_label(w.monday)}</option>
                        }) }
                    </select>
                </div>
                <p class="risk-total" data-testid="risk-week-index" data-index={score.index.to_string()}>
                    {format!("{}: {} of 100, {}.", week_label(week.monday), score.index, score.band.label())}
                </p>
                if score.parts.iter().all(|p| p.points == 0) {
                    <p class="muted">{"Nothing added to the index this week."}</p>
                }
                <ol class="risk-parts" data-testid="risk-breakdown">
                    { for score.parts.iter().filter(|p| p.points != 0).map(|p| html! {
                        <li data-points={p.points.to_string()}>
                            <span class={classes!("risk-points", (p.points < 0).then_some("protective"))}>
                                {if p.points > 0 { format!("+{}", p.points) } else { p.points.to_string() }}
                            </span>
                            <span>
                                <strong>{p.factor.label()}</strong>{" \u{2014} "}{score.sentence(p)}
                                <br /><span class="hint">{p.factor.source()}</span>
                            </span>
                        </li>
                    }) }
                </ol>
                if !score.notes.is_empty() {
                    <ul class="muted risk-notes">
                        { for score.notes.iter().map(|n| html! { <li>{n.clone()}</li> }) }
                    </ul>
                }
            </section>
        </>
    }
}

/// A calm card of concrete steps for a week in the highest band. It never diagnoses.
#[function_component(CareCard)]
fn care_card() -> Html {
    html! {
        <section class="card care" aria-labelledby="care-heading" data-testid="care-card">
            <h2 id="care-heading">{"A moment to look after yourself"}</h2>
            <p>{"Your latest week, or your latest ProQOL result, is in its highest band. That is not a diagnosis, and weeks like this can pass, but it is worth acting on while it is small. Some steps that help many clinicians:"}</p>
            <ul>
                <li>{"Take the picture you see here to supervision, or ask for an extra session."}</li>
                <li>{"Put time off in the diary, even one day, and protect a full day off each week."}</li>
                <li>{"Talk with a colleague or a peer support group you trust."}</li>
                <li>{"Professional help is there for helpers too: your own doctor, an employee assistance programme or a therapist of your own."}</li>
            </ul>
        </section>
    }
}
