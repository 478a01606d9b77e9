//! The licensure log export for one period: a CSV file and a printable sheet with the hours by
//! category and week, for a supervisor to check and sign outside Tend. Both are made from the
//! core's `PeriodLog`, so their numbers are the same. While the sheet is shown, the print
//! stylesheet prints only the sheet.

use crate::platform;
use crate::platform::locale::{date, DateStyle};
use crate::views::common::{use_initial_value, value_of};
use chrono::{Datelike, Months, NaiveDate};
use tend_core::exchange::{hours_2, licensure_csv, period_log, week_reason, PeriodLog};
use tend_core::requirements::{LogWeek, RequirementSet};
use yew::prelude::*;

/// Properties of [`LogExport`].
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// The set whose log is exported.
    pub set: RequirementSet,
    /// The log's weeks, as evaluated.
    pub weeks: Vec<LogWeek>,
}

/// The printable sheet of one period.
fn sheet(id: &str, period: &PeriodLog) -> Html {
    html! {
        <div class="log-sheet" data-testid={format!("log-sheet-{id}")}>
            <h3>{format!("Licensure log: {}", period.set)}</h3>
            <p>{format!("Weeks starting {} to {}.", date(period.first, DateStyle::Day), date(period.last, DateStyle::Day))}
                {" Hours per week are counted after the week's supervision rule, counting double and weekly caps, before any overall cap."}</p>
            <div class="table-scroll">
                <table class="month-table" data-testid={format!("log-weeks-{id}")}>
                    <caption>{"Hours by week and category (logged / counted)"}</caption>
                    <thead><tr>
                        <th scope="col">{"Week"}</th>
                        { for period.categories.iter().map(|c| html! { <th scope="col">{c.clone()}</th> }) }
                        <th scope="col">{"Counts?"}</th>
                    </tr></thead>
                    <tbody>
                        { for period.weeks.iter().map(|w| html! {
                            <tr>
                                <th scope="row">{w.first.format("%Y-%m-%d").to_string()}</th>
                                { for (0..period.categories.len()).map(|i| html! {
                                    <td>{format!("{} / {}", hours_2(w.logged.get(i).copied().unwrap_or(0)), hours_2(w.counted.get(i).copied().unwrap_or(0)))}</td>
                                }) }
                                <td>{ match week_reason(w) { r if r.is_empty() => "yes".to_string(), r => format!("no: {r}") } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <table class="month-table" data-testid={format!("log-totals-{id}")}>
                <caption>{"Totals for the period, in hours"}</caption>
                <thead><tr><th scope="col">{"Category"}</th><th scope="col">{"Logged"}</th><th scope="col">{"Counted"}</th></tr></thead>
                <tbody>
                    { for period.categories.iter().enumerate().map(|(i, c)| html! {
                        <tr data-testid="log-total-row">
                            <th scope="row">{c.clone()}</th>
                            <td>{hours_2(period.logged.get(i).copied().unwrap_or(0))}</td>
                            <td>{hours_2(period.counted.get(i).copied().unwrap_or(0))}</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="signature">{ if period.supervisor.is_empty() { "Supervisor: ____________________".to_string() } else { format!("Supervisor: {}", period.supervisor) } }</p>
            <p class="signature">{"Signature: ____________________    Date: ____________"}</p>
        </div>
    }
}

/// The period chooser, the CSV button and the printable sheet.
#[function_component(LogExport)]
pub fn log_export(props: &ExportProps) -> Html {
    let (from, to) = (use_node_ref(), use_node_ref());
    let period = use_state(|| None::<(NaiveDate, NaiveDate)>);
    let problem = use_state(|| None::<String>);
    let today = platform::today();
    let month_start = today.with_day(1).unwrap_or(today);
    let default_from = month_start
        .checked_sub_months(Months::new(1))
        .unwrap_or(month_start);
    use_initial_value(&from, default_from.to_string());
    use_initial_value(&to, today.to_string());
    let id = props.set.id.clone();
    let read = {
        let (from, to, problem) = (from.clone(), to.clone(), problem.clone());
        move || {
            let parse =
                |n: &NodeRef| NaiveDate::parse_from_str(value_of(n).trim(), "%Y-%m-%d").ok();
            match (parse(&from), parse(&to)) {
                (Some(a), Some(b)) if a <= b => {
                    problem.set(None);
                    Some((a, b))
                }
                _ => {
                    problem.set(Some(
                        "Choose a first and a last day, the first not after the last.".into(),
                    ));
                    None
                }
            }
        }
    };
    let on_show = {
        let (read, period) = (read.clone(), period.clone());
        Callback::from(move |_: MouseEvent| period.set(read()))
    };
    let on_csv = {
        let (read, set, weeks, problem) = (
            read.clone(),
            props.set.clone(),
            props.weeks.clone(),
            problem.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some((a, b)) = read() else { return };
            let Some(log) = period_log(&set, &weeks, a, b) else {
                return;
            };
            let name = format!("tend-licensure-log-{a}-to-{b}.csv");
            if !platform::download(&name, "text/csv", &licensure_csv(&log)) {
                problem.set(Some("The browser would not save the file.".into()));
            }
        })
    };
    let on_print = {
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| {
            if !platform::print() {
                problem.set(Some(
                    "The browser would not open its print dialog; use its own Print menu.".into(),
                ));
            }
        })
    };
    let shown = (*period).and_then(|(a, b)| period_log(&props.set, &props.weeks, a, b));
    html! {
        <>
            <div class="log-export no-print" data-testid={format!("log-export-{id}")}>
                <h3>{"Licensure log for your supervisor"}</h3>
                <div class="import-range">
                    <div class="field">
                        <label for={format!("{id}-log-from")}>{"Weeks starting from"}</label>
                        <input id={format!("{id}-log-from")} type="date" ref={from} />
                    </div>
                    <div class="field">
                        <label for={format!("{id}-log-to")}>{"to"}</label>
                        <input id={format!("{id}-log-to")} type="date" ref={to} />
                    </div>
                </div>
                <div class="actions">
                    <button type="button" onclick={on_show}>{"Show the printable log"}</button>
                    <button type="button" onclick={on_csv}>{"Download the log as CSV"}</button>
                    if shown.is_some() {
                        <button type="button" class="primary" onclick={on_print}>{"Print or save as PDF"}</button>
                    }
                </div>
                if let Some(p) = &*problem {
                    <p class="field-error" role="alert">{p.clone()}</p>
                }
            </div>
            if let Some(log) = &shown {
                {sheet(&id, log)}
            }
        </>
    }
}
