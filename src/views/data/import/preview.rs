//! The import preview: how many entries a calendar adds, a sample of them, what is already
//! there, what the journal refuses and what the file left out, all before anything changes.

use tend_core::duration::format_minutes;
use tend_core::import::{Import, Plan};
use tend_core::{Organisation, WorkEntry};
use yew::prelude::*;

/// How many proposals the sample table shows.
const SAMPLE: usize = 8;

fn org_name(orgs: &[Organisation], entry: &WorkEntry) -> String {
    entry
        .organisation
        .as_ref()
        .and_then(|id| orgs.iter().find(|o| &o.id == id))
        .map_or_else(|| "None".into(), |o| o.name.clone())
}

/// The headline sentence: what confirming adds and what it leaves.
pub fn summary(import: &Import, plan: &Plan) -> String {
    let mut parts = vec![format!(
        "{} new work {} ({})",
        plan.entries.len(),
        if plan.entries.len() == 1 {
            "entry"
        } else {
            "entries"
        },
        format_minutes(plan.minutes())
    )];
    if !plan.days_off.is_empty() {
        parts.push(format!("{} days off", plan.days_off.len()));
    }
    parts.push(format!(
        "{} already imported",
        plan.present.len() + plan.days_off_present
    ));
    if !plan.refused.is_empty() {
        parts.push(format!("{} refused", plan.refused.len()));
    }
    if plan.all_day_skipped > 0 {
        parts.push(format!("{} all-day days skipped", plan.all_day_skipped));
    }
    let skipped = import.stats.cancelled + import.stats.declined + import.stats.no_length;
    if skipped > 0 {
        parts.push(format!(
            "{skipped} occurrences skipped as cancelled, declined or lasting no time"
        ));
    }
    format!("{}.", parts.join(", "))
}

/// Props of [`ImportPreview`].
#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// What the file holds.
    pub import: Import,
    /// What confirming would do.
    pub plan: Plan,
    /// The organisations, to name them.
    pub orgs: Vec<Organisation>,
}

/// The preview tables.
#[function_component(ImportPreview)]
pub fn import_preview(props: &PreviewProps) -> Html {
    let (import, plan) = (&props.import, &props.plan);
    let sample = plan.entries.iter().take(SAMPLE).map(|e| {
        let title = import
            .entries
            .iter()
            .find(|p| p.id == e.id)
            .map(|p| p.summary.clone())
            .unwrap_or_default();
        html! {
            <tr>
                <td>{e.date.format("%a %-d %b %Y").to_string()}</td>
                <td>{e.start.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()}</td>
                <td>{format_minutes(e.minutes)}</td>
                <td>{title}</td>
                <td>{e.kind.label()}</td>
                <td>{org_name(&props.orgs, e)}</td>
            </tr>
        }
    });
    let more = plan.entries.len().saturating_sub(SAMPLE);
    html! {
        <div class="import-preview" data-testid="import-preview">
            <p role="status" data-testid="import-summary">{summary(import, plan)}</p>
            if !plan.entries.is_empty() {
                <table class="month-table">
                    <caption>{ if more > 0 { format!("The first {SAMPLE} of {} new entries", plan.entries.len()) } else { "The new entries".into() } }</caption>
                    <thead><tr>
                        <th scope="col">{"Day"}</th><th scope="col">{"Start"}</th><th scope="col">{"Length"}</th>
                        <th scope="col">{"Title"}</th><th scope="col">{"Kind"}</th><th scope="col">{"Organisation"}</th>
                    </tr></thead>
                    <tbody>{ for sample }</tbody>
                </table>
            }
            if !plan.refused.is_empty() {
                <h4>{"Refused (not added)"}</h4>
                <ul class="import-refused" data-testid="import-refused">
                    { for plan.refused.iter().map(|r| html! {
                        <li>{format!("{}, {} ({}): {}.", r.date.format("%a %-d %b %Y"), r.summary,
                            if r.minutes > 0 { format_minutes(r.minutes) } else { "all day".into() }, r.reason)}</li>
                    }) }
                </ul>
            }
            if !plan.present.is_empty() {
                <p class="muted" data-testid="import-present">
                    {format!("Already imported earlier, so left alone: {} {}, e.g. {} on {}.",
                        plan.present.len(),
                        if plan.present.len() == 1 { "entry" } else { "entries" },
                        plan.present.first().map(|p| p.summary.clone()).unwrap_or_default(),
                        plan.present.first().map(|p| p.date.format("%-d %b %Y").to_string()).unwrap_or_default())}
                </p>
            }
            if !import.warnings.is_empty() {
                <h4>{"Left out of the file, and why"}</h4>
                <ul class="import-warnings" data-testid="import-warnings">
                    { for import.warnings.iter().map(|w| html! { <li>{w.to_string()}</li> }) }
                </ul>
            }
        </div>
    }
}
