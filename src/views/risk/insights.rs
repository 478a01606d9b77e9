//! The insights list: which logged factors moved together with the weekly pulse, with the weeks
//! behind each statement, or why there are none yet.

use std::rc::Rc;
use tend_core::risk::insights::MIN_WEEKS;
use tend_core::risk::{insights, Insights, RiskWeek};
use yew::prelude::*;

/// Props of [`InsightsList`].
#[derive(Properties, PartialEq)]
pub struct InsightsProps {
    /// The whole history.
    pub weeks: Rc<Vec<RiskWeek>>,
}

/// The insights section.
#[function_component(InsightsList)]
pub fn insights_list(props: &InsightsProps) -> Html {
    let body = match insights(&props.weeks) {
        Insights::NotEnough { weeks_with_pulse } => html! {
            <p data-testid="insights-none">{format!(
                "Insights appear once at least {MIN_WEEKS} weeks have both logged work and a weekly pulse, so that a pattern is more than chance. So far {weeks_with_pulse} {} one.",
                if weeks_with_pulse == 1 { "week has" } else { "weeks have" }
            )}</p>
        },
        Insights::Found(found) if found.is_empty() => html! {
            <p data-testid="insights-none">{"None of the logged factors varied enough across the weeks with a pulse to compare."}</p>
        },
        Insights::Found(found) => html! {
            <>
                <ul data-testid="insights">
                    { for found.iter().map(|i| html! { <li>{i.sentence.clone()}</li> }) }
                </ul>
                <p class="hint">{"Moving together is not the same as causing: these are patterns in your own weeks to reflect on, perhaps with your supervisor."}</p>
            </>
        },
    };
    html! {
        <section class="card" aria-labelledby="insights-heading">
            <h2 id="insights-heading">{"Insights"}</h2>
            {body}
        </section>
    }
}
