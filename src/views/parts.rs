//! Every section but Today lives in its own part of the app, fetched the first time it is opened,
//! so that a first visit downloads only what Today needs (issue 21; docs/performance.md, "Splitting
//! the app into parts"). In a release build each `*_part` function below is a split point: the
//! build (scripts/split.mjs) cuts the code only it reaches into its own wasm file, and calling it
//! fetches that file first. Debug builds and tests call the functions directly.
//!
//! A part that cannot be fetched (offline before the service worker had it, a server error) shows
//! the reason with "Try again"; a part once fetched is kept for the rest of the visit.

use super::{
    CaseloadView, ChecksView, DataView, OrganisationsView, ReportView, RequirementsView, RiskView,
    SelfCareView,
};
use crate::parts::{fetch_part, split_point, Missing};
use crate::route::View;
use std::cell::RefCell;
use yew::prelude::*;

/// Draws a section; what a part hands back once it is loaded.
type Draw = fn() -> Html;

split_point!(caseload, caseload_part, Draw, || html! { <CaseloadView /> });
split_point!(
    organisations,
    organisations_part,
    Draw,
    || html! { <OrganisationsView /> }
);
split_point!(
    self_care,
    self_care_part,
    Draw,
    || html! { <SelfCareView /> }
);
split_point!(checks, checks_part, Draw, || html! { <ChecksView /> });
split_point!(risk, risk_part, Draw, || html! { <RiskView /> });
split_point!(
    requirements,
    requirements_part,
    Draw,
    || html! { <RequirementsView /> }
);
split_point!(report, report_part, Draw, || html! { <ReportView /> });
split_point!(data, data_part, Draw, || html! { <DataView /> });

/// Fetches (once) the part that draws `view`.
async fn load(view: View) -> Result<Draw, Missing> {
    match view {
        View::Today => Err(Missing),
        View::Caseload => fetch_part!(caseload_part),
        View::Organisations => fetch_part!(organisations_part),
        View::SelfCare => fetch_part!(self_care_part),
        View::Checks => fetch_part!(checks_part),
        View::Risk => fetch_part!(risk_part),
        View::Requirements => fetch_part!(requirements_part),
        View::Report => fetch_part!(report_part),
        // Your data holds sync's cards, whose messages only sync's part can take.
        View::Data => {
            let draw = fetch_part!(data_part)?;
            crate::sync::part::ensure().await?;
            Ok(draw)
        }
    }
}

thread_local! {
    /// The sections whose parts are loaded, with their draw functions.
    static LOADED: RefCell<Vec<(View, Draw)>> = const { RefCell::new(Vec::new()) };
}

fn loaded(view: View) -> Option<Draw> {
    LOADED.with(|l| l.borrow().iter().find(|(v, _)| *v == view).map(|(_, d)| *d))
}

/// What a section shows while its part is on the way.
#[derive(Clone, Copy, PartialEq)]
enum Waiting {
    Fetching,
    Failed,
}

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub view: View,
}

/// A section other than Today: drawn at once when its part is here, otherwise a calm "Opening…"
/// line until it arrives.
#[function_component(Section)]
pub fn section(props: &SectionProps) -> Html {
    let view = props.view;
    let waiting = use_state(|| Waiting::Fetching);
    // Bumped by "Try again" and when the part arrives, to start the effect or redraw.
    let attempt = use_state(|| 0u32);
    {
        let (waiting, attempt) = (waiting.clone(), attempt.clone());
        use_effect_with((view, *attempt), move |&(view, tries)| {
            if loaded(view).is_none() {
                waiting.set(Waiting::Fetching);
                wasm_bindgen_futures::spawn_local(async move {
                    match load(view).await {
                        Ok(draw) => {
                            LOADED.with(|l| l.borrow_mut().push((view, draw)));
                            attempt.set(tries + 1);
                        }
                        Err(Missing) => waiting.set(Waiting::Failed),
                    }
                });
            }
        });
    }
    if let Some(draw) = loaded(view) {
        return draw();
    }
    let name = view.label();
    match *waiting {
        Waiting::Fetching => html! {
            <p class="opening" role="status" aria-busy="true" data-testid="section-opening">
                {format!("Opening {name}…")}
            </p>
        },
        Waiting::Failed => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_| attempt.set(*attempt + 1))
            };
            html! {
                <div class="card" role="alert" data-testid="section-missing">
                    <p>{format!("{name} could not be opened: this part of Tend has not been downloaded yet, and the server did not answer. Check the connection and try again.")}</p>
                    <button type="button" onclick={retry}>{"Try again"}</button>
                </div>
            }
        }
    }
}
