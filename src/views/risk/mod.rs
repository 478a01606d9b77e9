//! The Risk trend section: the risk index week by week as a chart and table, what made up any
//! week's index in plain words, what-if sliders for a changed workload or a planned vacation, and
//! the insights that appear once enough weeks have a weekly pulse. A self-check, not a diagnosis.

mod breakdown;
mod insights;
mod whatif;

use crate::platform;
use crate::views::common::{use_store, ChartDraw, ChartFigure};
use breakdown::Breakdown;
use chrono::Datelike;
use insights::InsightsList;
use std::rc::Rc;
use tend_core::charts::risk::{describe_risk, proqol_scaled, render_risk_svg};
use tend_core::risk::history::default_targets;
use tend_core::risk::{latest_scored, risk_history, signals_for_week, RiskWeek};
use whatif::WhatIfPanel;
use yew::prelude::*;

const WIDTH: u32 = 720;
const HEIGHT: u32 = 360;
/// Weeks shown in the chart and its table.
const CHART_WEEKS: usize = 26;

/// The Risk trend section.
#[function_component(RiskView)]
pub fn risk_view() -> Html {
    let store = use_store();
    let today = platform::today();
    let revision = store.as_ref().map_or(0, |s| s.doc().revision);
    let history = {
        let store = store.clone();
        use_memo((revision, today), move |_| {
            let journal = store.map(|s| s.doc().payload.clone()).unwrap_or_default();
            risk_history(&journal, today, &|monday| {
                signals_for_week(&journal, monday)
            })
        })
    };
    let history: Rc<Vec<RiskWeek>> = history;
    let shown = &history[history.len().saturating_sub(CHART_WEEKS)..];
    let draw = {
        let history = history.clone();
        use_memo(history, |history| {
            let history = history.clone();
            ChartDraw::new(move |w, h| {
                render_risk_svg(&history[history.len().saturating_sub(CHART_WEEKS)..], w, h)
            })
        })
    };
    let draw = (*draw).clone();
    let latest = latest_scored(&history).cloned();
    let moderate = store
        .as_ref()
        .map_or(6, |s| s.doc().payload.targets.weights.moderate);
    html! {
        <>
            <section class="card" aria-labelledby="risk-heading">
                <h2 id="risk-heading">{"Risk trend"}</h2>
                <p class="muted">{"A compassion-fatigue risk index from 0 to 100 for each week, from your hours, caseload, trauma-focused work, breaks, time off, support and self-checks. It is a self-check, not a diagnosis: it only knows what you log."}</p>
                <p class="risk-now" data-testid="risk-now">{ match &latest {
                    Some(w) => {
                        let s = w.score.as_ref().map_or(0, |s| s.index);
                        format!("Latest week with data (week {}): {} of 100, {}.",
                            w.monday.iso_week().week(), s, tend_core::risk::Band::of(s).label())
                    }
                    None => "Not enough data yet: log some work, time off or a self-check and the index appears here.".to_string(),
                } }</p>
                if store.as_ref().is_some_and(|s| default_targets(&s.doc().payload)) {
                    <p class="hint" data-testid="risk-default-targets">{"Hours, caseload and breaks are measured against Tend's starting targets (37.5 hours a week, 100 caseload points, 3 breaks a day). Set your own under Self-care and the index will follow them."}</p>
                }
                <ChartFigure draw={draw} size={(WIDTH, HEIGHT)} summary={describe_risk(shown)}
                    file_stem={format!("tend-risk-{}", today.format("%Y-%m-%d"))} test_id="risk-chart">
                    <table>
                        <caption>{"Risk index and self-check scores by week"}</caption>
                        <thead><tr>
                            <th scope="col">{"Week"}</th><th scope="col">{"Index"}</th>
                            <th scope="col">{"Band"}</th><th scope="col">{"Pulse strain"}</th>
                            <th scope="col">{"ProQOL BO/STS (scaled)"}</th>
                        </tr></thead>
                        <tbody>
                            { for shown.iter().map(|w| html! {
                                <tr>
                                    <th scope="row">{format!("Week {} ({})", w.monday.iso_week().week(), w.monday.format("%-d %b"))}</th>
                                    <td>{w.score.as_ref().map_or("not enough data".to_string(), |s| s.index.to_string())}</td>
                                    <td>{w.score.as_ref().map_or("", |s| s.band.label())}</td>
                                    <td>{w.inputs.signals.pulse_strain.map_or("none".to_string(), |v| format!("{v:.0}"))}</td>
                                    <td>{proqol_scaled(w).map_or("none".to_string(), |v| format!("{v:.0}"))}</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </ChartFigure>
            </section>
            if latest.is_some() {
                <Breakdown weeks={history.clone()} />
            }
            if let Some(week) = latest {
                <WhatIfPanel base={week.inputs} monday={week.monday} case_points={moderate} />
            }
            <InsightsList weeks={history} />
        </>
    }
}
