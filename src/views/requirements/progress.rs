//! One requirement set's progress, as the clinician reads it: what is due soon, each supervision
//! minimum by period, the licensure hours by category with what was capped and why, the weeks
//! that did not count and why, the projected completion date, and the CE cycle. Every figure
//! comes from `requirements::evaluate`; this file only lays it out.

use crate::platform::locale::{date, DateStyle};
use tend_core::duration::format_minutes;
use tend_core::requirements::{
    CeProgress, CeStatus, LicensureProgress, PeriodStatus, Projection, RequirementSet, SetProgress,
    SupervisionProgress, WeekStatus,
};
use yew::prelude::*;

/// Minutes as Tend shows them (`12 h 30 min`).
pub fn hours(minutes: u64) -> String {
    format_minutes(u32::try_from(minutes).unwrap_or(u32::MAX))
}

/// A sentence from the core with its first letter in capitals, to start a table cell.
fn capital(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// How many past periods or weeks are listed (the newest).
const SHOWN: usize = 8;

fn due_list(id: &str, progress: &SetProgress) -> Html {
    html! {
        <div data-testid={format!("due-{id}")}>
            <h3>{"Due soon"}</h3>
            if progress.due.is_empty() {
                <p>{"Nothing is due soon."}</p>
            } else {
                <ul class="due-list">
                    { for progress.due.iter().map(|item| html! {
                        <li class={classes!(item.overdue.then_some("overdue"))}>{item.to_string()}</li>
                    }) }
                </ul>
            }
        </div>
    }
}

fn supervision(rule: &SupervisionProgress) -> Html {
    let periods: Vec<_> = rule.periods.iter().rev().take(SHOWN).collect();
    html! {
        <div class="table-scroll" data-testid={format!("supervision-{}", rule.id)}>
            <h3>{rule.name.clone()}</h3>
            if periods.is_empty() {
                <p>{"No work is logged yet, so no period has been measured."}</p>
            } else {
                <table class="month-table">
                    <caption>{"Supervision received, newest first"}</caption>
                    <thead><tr>
                        <th scope="col">{"Period"}</th><th scope="col">{"Client work"}</th>
                        <th scope="col">{"Needed"}</th><th scope="col">{"Received"}</th>
                        <th scope="col">{"Status"}</th>
                    </tr></thead>
                    <tbody>
                        { for periods.iter().map(|p| html! {
                            <tr>
                                <th scope="row">{format!("{} to {}", date(p.first, DateStyle::DayMonth), date(p.last, DateStyle::Day))}</th>
                                <td>{hours(p.client_minutes)}</td>
                                <td>{hours(p.required_minutes)}</td>
                                <td>{hours(p.received_minutes)}</td>
                                <td class={classes!(matches!(p.status, PeriodStatus::Short { .. }).then_some("short"))}>{capital(p.status.to_string())}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}

fn projection_text(log: &LicensureProgress) -> String {
    match log.projection {
        Projection::Complete => "The log is complete.".into(),
        Projection::On(day) => format!(
            "At the pace of the last {} complete weeks, the hours would be complete on {}.",
            log.pace.weeks,
            date(day, DateStyle::Full)
        ),
        Projection::TooLittleHistory => {
            "No complete week is logged yet, so there is no pace to project from.".into()
        }
        Projection::NoRecentHours => {
            "Nothing counted in the recent weeks, so no completion date can be projected.".into()
        }
        Projection::NotWithinHorizon => {
            "At the recent pace the hours would not be complete within fifty years.".into()
        }
    }
}

fn week_reason(status: &WeekStatus) -> String {
    status.to_string()
}

fn licensure(set: &RequirementSet, log: &LicensureProgress) -> Html {
    let id = &set.id;
    let rules = set.licensure.as_ref();
    let supervisor = rules.map(|l| l.supervisor.clone()).unwrap_or_default();
    let start = rules.and_then(|l| l.start);
    let not_counted: Vec<_> = log.weeks_not_counted().collect();
    let shown_weeks: Vec<_> = not_counted.iter().rev().take(SHOWN).collect();
    let permille = log.progress_permille();
    html! {
        <div data-testid={format!("licensure-{id}")}>
            <h3>{"Licensure hours"}</h3>
            <p class="progress-total" data-testid={format!("licensure-total-{id}")}>
                {format!("{} of {} counted ({}.{}%).", hours(log.counted_minutes), hours(log.total_minutes), permille / 10, permille % 10)}
            </p>
            <progress max="1000" value={permille.to_string()} aria-label="Licensure hours counted"></progress>
            <p data-testid={format!("projection-{id}")}>{projection_text(log)}</p>
            <p class="hint">
                { match start {
                    Some(day) => format!("Hours count from {}. ", date(day, DateStyle::Day)),
                    None => "No start date is set, so every logged hour counts. ".into(),
                } }
                { if supervisor.is_empty() { "No supervisor is named.".to_string() } else { format!("Supervisor: {supervisor}.") } }
            </p>
            <div class="table-scroll">
                <table class="month-table" data-testid={format!("categories-{id}")}>
                    <caption>{"Hours by category"}</caption>
                    <thead><tr>
                        <th scope="col">{"Category"}</th><th scope="col">{"Logged"}</th>
                        <th scope="col">{"Counted"}</th><th scope="col">{"Why they differ"}</th>
                    </tr></thead>
                    <tbody>
                        { for log.categories.iter().map(|c| {
                            let mut why = c.reasons();
                            if c.missing_minutes > 0 {
                                why.push(format!("{} more needed to reach the category's minimum.", hours(c.missing_minutes)));
                            }
                            html! {
                                <tr data-testid={format!("category-{}", c.id)}>
                                    <th scope="row">{c.name.clone()}</th>
                                    <td>{hours(c.logged_minutes)}</td>
                                    <td>{hours(c.counted_minutes)}</td>
                                    <td>{ if why.is_empty() { "All counted.".to_string() } else { why.join(" ") } }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <h4>{"Weeks that did not count"}</h4>
            if shown_weeks.is_empty() {
                <p>{"Every week so far counted."}</p>
            } else {
                <ul data-testid={format!("weeks-not-counted-{id}")}>
                    { for shown_weeks.iter().map(|w| html! {
                        <li>{format!("Week of {}: {}", date(w.first, DateStyle::Day), week_reason(&w.status))}</li>
                    }) }
                </ul>
                if not_counted.len() > SHOWN {
                    <p class="hint">{format!("{} weeks in all; the newest {SHOWN} are listed.", not_counted.len())}</p>
                }
            }
        </div>
    }
}

fn ce_status(ce: &CeProgress) -> String {
    match ce.status {
        CeStatus::Complete => "Complete for this cycle.".into(),
        CeStatus::Open { days_left } => format!("Open, {days_left} days left."),
        CeStatus::DueSoon { days_left } => format!("Due soon: {days_left} days left."),
        CeStatus::Overdue { days_past } => format!("Overdue by {days_past} days."),
        CeStatus::NoDueDate => "No due date is set; add yours to see what is due.".into(),
    }
}

fn ce(id: &str, ce: &CeProgress) -> Html {
    html! {
        <div data-testid={format!("ce-{id}")}>
            <h3>{"Continuing education"}</h3>
            <p class="progress-total" data-testid={format!("ce-total-{id}")}>
                {format!("{} of {} completed in the cycle from {} to {}.", hours(ce.counted_minutes), hours(ce.required_minutes), date(ce.first, DateStyle::Day), date(ce.last, DateStyle::Day))}
            </p>
            <p data-testid={format!("ce-status-{id}")}>{ce_status(ce)}</p>
            if !ce.categories.is_empty() {
                <ul>
                    { for ce.categories.iter().map(|c| html! {
                        <li>{format!("{}: {} of {}", c.name, hours(c.counted_minutes), hours(c.required_minutes))}</li>
                    }) }
                </ul>
            }
            if !ce.not_counted.is_empty() {
                <p class="hint">{format!("{} logged activities fall outside this cycle.", ce.not_counted.len())}</p>
            }
        </div>
    }
}

/// Everything a set's progress shows, in order: due, supervision, licensure, CE.
pub fn progress_html(set: &RequirementSet, progress: &SetProgress) -> Html {
    html! {
        <>
            {due_list(&set.id, progress)}
            { for progress.supervision.iter().map(supervision) }
            { for progress.licensure.iter().map(|log| licensure(set, log)) }
            { for progress.ce.iter().map(|c| ce(&set.id, c)) }
        </>
    }
}
