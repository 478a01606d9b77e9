//! The Report section: a chosen period's numbers laid out to print or save as PDF for
//! supervision, a contract negotiation or one's own review. The print stylesheet hides the
//! navigation and controls and keeps figures and tables whole on a page.

mod sections;
mod supervision;

use crate::platform;
use crate::views::common::{use_initial_value, use_store, value_of};
use chrono::NaiveDate;
use tend_core::selectors::report::{report, Period};
use yew::prelude::*;

/// Which period the clinician chose.
#[derive(Clone, Copy, PartialEq)]
enum Choice {
    FourWeeks,
    Quarter,
    Custom,
}

fn parse(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The Report section.
#[function_component(ReportView)]
pub fn report_view() -> Html {
    let store = use_store();
    let today = platform::today();
    let choice = use_state(|| Choice::FourWeeks);
    let custom = use_state(|| Ok::<Period, String>(Period::last_four_weeks(today)));
    let (from_ref, to_ref) = (use_node_ref(), use_node_ref());
    let made_at = use_state(|| platform::local_time_label(platform::now_ms()));
    let print_problem = use_state(|| None::<String>);
    let four = Period::last_four_weeks(today);
    use_initial_value(&from_ref, four.from.format("%Y-%m-%d").to_string());
    use_initial_value(&to_ref, four.to.format("%Y-%m-%d").to_string());
    let Some(store) = store else {
        return html! {};
    };
    let period = match *choice {
        Choice::FourWeeks => Ok(four),
        Choice::Quarter => Ok(Period::last_quarter(today)),
        Choice::Custom => (*custom).clone(),
    };
    let on_choice = {
        let (choice, made_at) = (choice.clone(), made_at.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            choice.set(match input.value().as_str() {
                "quarter" => Choice::Quarter,
                "custom" => Choice::Custom,
                _ => Choice::FourWeeks,
            });
            made_at.set(platform::local_time_label(platform::now_ms()));
        })
    };
    let on_custom = {
        let (custom, from_ref, to_ref, made_at) = (
            custom.clone(),
            from_ref.clone(),
            to_ref.clone(),
            made_at.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            custom.set(
                match (parse(&value_of(&from_ref)), parse(&value_of(&to_ref))) {
                    (Some(from), Some(to)) => Period::custom(from, to),
                    _ => Err("Give both days of the period as dates.".into()),
                },
            );
            made_at.set(platform::local_time_label(platform::now_ms()));
        })
    };
    let on_print = {
        let print_problem = print_problem.clone();
        Callback::from(move |_: MouseEvent| {
            print_problem.set((!platform::print()).then(|| {
                "The browser would not open its print dialog; use its own Print menu.".to_string()
            }));
        })
    };
    let radio = |value: &'static str, label: &'static str, this: Choice| {
        html! {
            <label><input type="radio" name="report-period" {value} checked={*choice == this}
                onchange={on_choice.clone()} />{label}</label>
        }
    };
    let journal = &store.doc().payload;

    html! {
        <section class="card report" aria-labelledby="report-heading" data-testid="report-view">
            <div class="report-controls no-print">
                <h2>{"Report"}</h2>
                <fieldset class="all-day">
                    <legend>{"Period"}</legend>
                    {radio("four-weeks", "Last 4 weeks", Choice::FourWeeks)}
                    {radio("quarter", "Last quarter", Choice::Quarter)}
                    {radio("custom", "Custom range", Choice::Custom)}
                </fieldset>
                <form class="import-range" onsubmit={on_custom} hidden={*choice != Choice::Custom}>
                    <div class="field">
                        <label for="report-from">{"From"}</label>
                        <input id="report-from" type="date" ref={from_ref} />
                    </div>
                    <div class="field">
                        <label for="report-to">{"To (included)"}</label>
                        <input id="report-to" type="date" ref={to_ref} />
                    </div>
                    <button type="submit">{"Show this period"}</button>
                </form>
                <button type="button" class="primary" onclick={on_print}>{"Print or save as PDF"}</button>
                if let Some(problem) = &*print_problem {
                    <p class="field-error" role="alert">{problem.clone()}</p>
                }
            </div>
            { match period {
                Err(message) => html! { <p class="field-error" role="alert" data-testid="report-message">{message}</p> },
                Ok(period) => {
                    let r = report(journal, period);
                    html! {
                        <article class="report-body">
                            <header class="report-header">
                                <h2 id="report-heading" data-testid="report-title">
                                    {format!("Tend report: {} to {}", period.from.format("%-d %B %Y"), period.to.format("%-d %B %Y"))}
                                </h2>
                                <p>{format!("{} days. Made on {}.", period.days(), *made_at)}</p>
                            </header>
                            {sections::hours_by_kind(&r)}
                            {sections::hours_by_week(&r)}
                            {sections::caseload(&r)}
                            {sections::rest(&r)}
                            {sections::organisations(&r)}
                            {supervision::supervision_section(journal, period, today)}
                            {sections::risk_section(journal, period)}
                            <footer class="report-footer">
                                {"A private self-check report made by Tend. It is not a diagnosis, and it holds only what was logged in this browser."}
                            </footer>
                        </article>
                    }
                }
            } }
        </section>
    }
}
