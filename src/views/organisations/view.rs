//! The organisations section: the organisations and contracts worked for, and for a chosen month
//! the hours, earnings, pro bono time (and its value at the usual rate) per organisation, with
//! how much income varies from month to month.

use super::org_form::OrgForm;
use crate::platform;
use crate::platform::locale::{date, money, DateStyle};
use crate::store::Msg;
use crate::views::common::{notice_line, use_store, ChartDraw, ChartFigure};
use tend_core::charts::org_months::{describe_org_months, render_org_months_svg};
use tend_core::duration::format_minutes;

use tend_core::selectors::income::{income_variability, month_income, org_series, MonthIncome};
use tend_core::tracking::{Arrangement, Organisation};
use tend_core::{Action, Journal, Month};
use yew::prelude::*;

fn month_label(month: Month) -> String {
    chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .map(|d| date(d, DateStyle::MonthYear))
        .unwrap_or_else(|_| month.to_string())
}

const WIDTH: u32 = 720;
const HEIGHT: u32 = 360;

/// The `count` months ending with `last`, oldest first, with each one's hours and earnings.
fn last_months(journal: &Journal, last: Month, count: usize) -> Vec<MonthIncome> {
    let mut months = vec![month_income(journal, last)];
    let mut at = last;
    while months.len() < count {
        let Some(prev) = at.prev() else { break };
        months.push(month_income(journal, prev));
        at = prev;
    }
    months.reverse();
    months
}

/// The six-month chart of hours by organisation, with its numbers as a table.
fn months_chart(months: &[MonthIncome], last: Month) -> Html {
    let draw = {
        let months = months.to_vec();
        ChartDraw::new(move |w, h| render_org_months_svg(&months, w, h))
    };
    let series = org_series(months);
    html! {
        <ChartFigure draw={draw} size={(WIDTH, HEIGHT)} summary={describe_org_months(months)}
            file_stem={format!("tend-organisations-{last}")} test_id="org-months-chart">
            <table>
                <caption>{"Hours by organisation in each month"}</caption>
                <thead><tr>
                    <th scope="col">{"Organisation"}</th>
                    { for months.iter().map(|m| html! { <th scope="col">{month_label(m.month)}</th> }) }
                </tr></thead>
                <tbody>
                    { for series.iter().map(|s| html! {
                        <tr>
                            <th scope="row">{s.name.clone()}</th>
                            { for s.minutes.iter().map(|m| html! { <td>{format_minutes(*m)}</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </ChartFigure>
    }
}

/// The Organisations section.
#[function_component(OrganisationsView)]
pub fn organisations_view() -> Html {
    let store = use_store();
    let month = use_state(|| Month::of(platform::today()));
    let editing = use_state(|| None::<Organisation>);
    let Some(store) = store else {
        return html! {};
    };
    let journal = &store.doc().payload;
    let income = month_income(journal, *month);
    let variability = income_variability(journal, *month, 6);
    let months = last_months(journal, *month, 6);
    let step = |forward: bool| {
        let month = month.clone();
        Callback::from(move |_: MouseEvent| {
            let next = if forward { month.next() } else { month.prev() };
            if let Some(m) = next {
                month.set(m);
            }
        })
    };
    let remove = |id: tend_core::tracking::OrgId, name: String| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Msg::Apply {
                action: Action::RemoveOrganisation(id.clone()),
                done: format!("Removed {name}."),
            })
        })
    };
    let variability_text = match variability.cv_basis_points {
        Some(cv) => format!(
            "Over the last {} months your computed earnings averaged {} a month and varied by {}% from month to month (coefficient of variation).",
            variability.months.len(),
            money(variability.mean),
            cv / 100
        ),
        None => "Not enough months with earnings yet to say how much income varies.".into(),
    };
    html! {
        <>
            <section class="card" aria-labelledby="orgs-heading">
                <h2 id="orgs-heading">{"Organisations"}</h2>
                {notice_line(store.notice.as_ref(), "orgs-status", None)}
                if journal.organisations.is_empty() {
                    <p class="muted">{"No organisations yet. Add the ones you work for, paid or pro bono."}</p>
                } else {
                    <ul class="cases" data-testid="org-list">
                        { for journal.organisations.iter().map(|o| html! {
                            <li key={o.id.0.clone()}>
                                <span class="case-label">{o.name.clone()}</span>
                                <span class="entry-kind">{format!("{}{}{} \u{b7} from {}{}",
                                    o.arrangement.label(),
                                    o.rate.map(|r| format!(" at {}", money(r))).unwrap_or_default(),
                                    if o.weekly_minutes > 0 { format!(" \u{b7} {} a week", format_minutes(o.weekly_minutes)) } else { String::new() },
                                    date(o.start, DateStyle::Day),
                                    o.end.map(|e| format!(" to {}", date(e, DateStyle::Day))).unwrap_or_default())}</span>
                                <button type="button" class="quiet" disabled={store.read_only()}
                                    onclick={{ let (editing, o) = (editing.clone(), o.clone()); Callback::from(move |_: MouseEvent| editing.set(Some(o.clone()))) }}
                                    aria-label={format!("Edit {}", o.name)}>{"Edit"}</button>
                                <button type="button" class="quiet" disabled={store.read_only()}
                                    onclick={remove(o.id.clone(), o.name.clone())}
                                    aria-label={format!("Remove {}", o.name)}>{"Remove"}</button>
                            </li>
                        }) }
                    </ul>
                }
                <h3 id="org-form-heading">{ match &*editing {
                    Some(o) => format!("Edit {}", o.name),
                    None => "Add an organisation".into(),
                } }</h3>
                <OrgForm editing={(*editing).clone()}
                    ondone={{ let editing = editing.clone(); Callback::from(move |()| editing.set(None)) }} />
            </section>
            <section class="card" aria-labelledby="month-heading">
                <div class="week-head">
                    <h2 id="month-heading">{month_label(*month)}</h2>
                    <nav class="week-nav" aria-label="Choose month">
                        <button type="button" onclick={step(false)}>{"Previous month"}</button>
                        <button type="button" onclick={step(true)}>{"Next month"}</button>
                    </nav>
                </div>
                // On a narrow phone the table scrolls inside its own box, never the page.
                <div class="table-scroll" tabindex="0" role="region" aria-label="Hours and earnings table">
                <table class="month-table" data-testid="month-income">
                    <caption>{format!("Hours and earnings by organisation, {} (amounts in your currency)", month_label(*month))}</caption>
                    <thead><tr>
                        <th scope="col">{"Organisation"}</th><th scope="col">{"Hours"}</th>
                        <th scope="col">{"Sessions"}</th><th scope="col">{"Earnings"}</th>
                        <th scope="col">{"Pro bono"}</th>
                    </tr></thead>
                    <tbody>
                        { for income.organisations.iter().map(|o| html! {
                            <tr>
                                <th scope="row">{o.name.clone()}</th>
                                <td>{format_minutes(o.minutes)}</td>
                                <td>{o.sessions}</td>
                                <td>{ match o.arrangement {
                                    Some(Arrangement::Salaried) => "salary".to_string(),
                                    _ => money(o.earnings),
                                } }</td>
                                <td>{format_minutes(o.pro_bono_minutes)}</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row">{"Total"}</th>
                        <td>{format_minutes(income.total_minutes())}</td><td></td>
                        <td>{money(income.total_earnings())}</td>
                        <td>{format_minutes(income.pro_bono_minutes())}</td>
                    </tr></tfoot>
                </table>
                </div>
                <p data-testid="pro-bono-value">{ match income.value_forgone() {
                    Some(v) => format!("Your pro bono time this month is worth {} at your usual rate.", money(v)),
                    None if income.pro_bono_minutes() > 0 => "Set your usual rate to see what your pro bono time is worth.".into(),
                    None => "No pro bono time this month.".into(),
                } }</p>
                if income.flagged().count() > 0 {
                    <p class="error">{format!("{} entries fall outside their contract's dates and earn nothing.", income.flagged().count())}</p>
                }
                <p data-testid="variability">{variability_text}</p>
                { months_chart(&months, *month) }
            </section>
        </>
    }
}
