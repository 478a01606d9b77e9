//! The caseload section: today's weighted caseload against capacity with its traffic light, the
//! register of cases with close and reopen, and twelve weeks of caseload as a chart and a table.

use super::case_form::CaseForm;
use crate::platform;
use crate::platform::locale::{date, DateStyle};
use crate::store::Msg;
use crate::views::common::{notice_line, use_store, ChartDraw, ChartFigure};
use chrono::Days;
use tend_core::charts::caseload::{describe_caseload, render_caseload_svg};
use tend_core::selectors::caseload::{caseload_by_week, caseload_on, TrafficLight};
use tend_core::tracking::Case;
use tend_core::Action;
use yew::prelude::*;

const WIDTH: u32 = 720;
const HEIGHT: u32 = 360;

fn light_class(light: TrafficLight) -> &'static str {
    match light {
        TrafficLight::Green => "light green",
        TrafficLight::Amber => "light amber",
        TrafficLight::Red => "light red",
    }
}

/// The Caseload section.
#[function_component(CaseloadView)]
pub fn caseload_view() -> Html {
    let editing = use_state(|| None::<Case>);
    let Some(store) = use_store() else {
        return html! {};
    };
    let today = platform::today();
    let journal = &store.doc().payload;
    let now = caseload_on(journal, today);
    let first = today.checked_sub_days(Days::new(7 * 11)).unwrap_or(today);
    let weeks = caseload_by_week(journal, first, today);
    let draw = {
        let weeks = weeks.clone();
        ChartDraw::new(move |w, h| render_caseload_svg(&weeks, w, h))
    };
    let (open, closed): (Vec<&Case>, Vec<&Case>) = journal.cases.iter().partition(|c| c.is_open());
    let row = |case: &Case, open: bool| {
        let closed_today = case.periods.last().is_some_and(|p| p.closed == Some(today));
        let action = if open {
            Action::CloseCase {
                id: case.id.clone(),
                on: today,
            }
        } else if closed_today {
            // Closed by mistake today: undo the closing rather than start a new period.
            let mut reopened = case.clone();
            if let Some(last) = reopened.periods.last_mut() {
                last.closed = None;
            }
            Action::UpdateCase(reopened)
        } else {
            Action::ReopenCase {
                id: case.id.clone(),
                on: today,
            }
        };
        let verb = if open { "Close" } else { "Reopen" };
        let done = format!(
            "{} case {}.",
            if open { "Closed" } else { "Reopened" },
            case.label
        );
        let onclick = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| {
                store.dispatch(Msg::Apply {
                    action: action.clone(),
                    done: done.clone(),
                })
            })
        };
        let remove = {
            let (store, id, label) = (store.clone(), case.id.clone(), case.label.clone());
            Callback::from(move |_: MouseEvent| {
                store.dispatch(Msg::Apply {
                    action: Action::RemoveCase(id.clone()),
                    done: format!("Removed case {label}."),
                })
            })
        };
        let org = case
            .organisation
            .as_ref()
            .and_then(|id| journal.organisations.iter().find(|o| &o.id == id))
            .map(|o| format!(" \u{b7} {}", o.name))
            .unwrap_or_default();
        let since = case
            .periods
            .last()
            .map(|p| date(p.opened, DateStyle::Day))
            .unwrap_or_default();
        html! {
            <li key={case.id.0.clone()}>
                <span class="case-label">{case.label.clone()}</span>
                <span class="entry-kind">
                    {format!("{} ({} points){}{} \u{b7} opened {}",
                        case.complexity.label(), journal.targets.weights.points(case.complexity), org,
                        if case.trauma_focused { " \u{b7} trauma-focused" } else { "" }, since)}
                </span>
                <button type="button" class="quiet" disabled={store.read_only()}
                    onclick={{ let (editing, case) = (editing.clone(), (*case).clone()); Callback::from(move |_: MouseEvent| editing.set(Some(case.clone()))) }}
                    aria-label={format!("Edit case {}", case.label)}>{"Edit"}</button>
                <button type="button" class="quiet" {onclick} disabled={store.read_only()}
                    aria-label={format!("{verb} case {}", case.label)}>{verb}</button>
                if !open {
                    <button type="button" class="quiet" onclick={remove} disabled={store.read_only()}
                        aria-label={format!("Remove case {}", case.label)}>{"Remove"}</button>
                }
            </li>
        }
    };
    html! {
        <>
            <section class="card" aria-labelledby="caseload-heading">
                <h2 id="caseload-heading">{"Caseload"}</h2>
                <p class="caseload-now" data-testid="caseload-now">
                    <span class={light_class(now.light)} aria-hidden="true"></span>
                    {format!("{} held today: {} of your {} points ({}%). {}.",
                        match now.open_cases { 1 => "1 case".to_string(), n => format!("{n} cases") }, now.points, now.capacity, now.percent, now.light.label())}
                </p>
                <p class="muted">{"Weights follow the practice of caseload weighting schemes: each case counts for points by its complexity, against the points you can hold. Change both under your targets."}</p>
                {notice_line(store.notice.as_ref(), "caseload-status", None)}
                <h3>{ match &*editing {
                    Some(c) => format!("Edit case {}", c.label),
                    None => "Open a case".into(),
                } }</h3>
                <CaseForm editing={(*editing).clone()}
                    ondone={{ let editing = editing.clone(); Callback::from(move |()| editing.set(None)) }} />
                <h3>{format!("Open cases ({})", open.len())}</h3>
                if open.is_empty() {
                    <p class="muted">{"No open cases. Open one above with its complexity, and its sessions count towards your caseload."}</p>
                } else {
                    <ul class="day-list cases" data-testid="open-cases">{ for open.iter().map(|c| row(c, true)) }</ul>
                }
                if !closed.is_empty() {
                    <h3>{format!("Closed cases ({})", closed.len())}</h3>
                    <ul class="day-list cases" data-testid="closed-cases">{ for closed.iter().map(|c| row(c, false)) }</ul>
                }
            </section>
            <section class="card" aria-labelledby="caseload-weeks-heading">
                <h2 id="caseload-weeks-heading">{"Caseload by week"}</h2>
                <ChartFigure draw={draw} size={(WIDTH, HEIGHT)} summary={describe_caseload(&weeks)}
                    file_stem={format!("tend-caseload-{}", today.format("%Y-%m-%d"))} test_id="caseload-chart">
                    <table>
                        <caption>{"Peak weighted caseload in each week"}</caption>
                        <thead><tr>
                            <th scope="col">{"Week"}</th><th scope="col">{"Points"}</th>
                            <th scope="col">{"Of capacity"}</th><th scope="col">{"Light"}</th>
                        </tr></thead>
                        <tbody>
                            { for weeks.iter().map(|w| html! {
                                <tr>
                                    <th scope="row">{format!("Week {} ({})", w.week.week(), date(w.monday, DateStyle::DayMonth))}</th>
                                    <td>{w.peak.points}</td>
                                    <td>{format!("{}%", w.peak.percent)}</td>
                                    <td>{w.peak.light.label()}</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </ChartFigure>
            </section>
        </>
    }
}
