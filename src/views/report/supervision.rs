//! The report's supervision section: each supervision minimum of the clinician's requirement sets
//! over the report's period, period by period, met or short. Shown only when a set has a
//! supervision minimum; the figures are those of the Requirements section.

use crate::platform::locale::{date, DateStyle};
use tend_core::duration::format_minutes;
use tend_core::selectors::report::Period;
use tend_core::selectors::requirements::supervision_standing;
use tend_core::Journal;
use yew::prelude::*;

fn show(minutes: u64) -> String {
    format_minutes(u32::try_from(minutes).unwrap_or(u32::MAX))
}

/// The section, or nothing when no set has a supervision minimum.
pub fn supervision_section(journal: &Journal, period: Period, today: chrono::NaiveDate) -> Html {
    let standing = supervision_standing(journal, period.from, period.to, today);
    if standing.is_empty() {
        return html! {};
    }
    html! {
        <section class="report-section" aria-labelledby="report-supervision" data-testid="report-supervision">
            <h3 id="report-supervision">{"Supervision"}</h3>
            { for standing.iter().map(|s| {
                let finished = s.periods.iter().filter(|p| p.last < today).count();
                html! {
                    <div class="table-scroll">
                        <p>{format!("{} ({}): {} of {} finished periods short.", s.rule, s.set, s.short(), finished)}</p>
                        <table class="month-table">
                            <caption>{format!("{}, period by period", s.rule)}</caption>
                            <thead><tr>
                                <th scope="col">{"Period"}</th><th scope="col">{"Needed"}</th>
                                <th scope="col">{"Received"}</th><th scope="col">{"Status"}</th>
                            </tr></thead>
                            <tbody>
                                { for s.periods.iter().map(|p| html! {
                                    <tr>
                                        <th scope="row">{format!("{} to {}", date(p.first, DateStyle::DayMonth), date(p.last, DateStyle::Day))}</th>
                                        <td>{show(p.required_minutes)}</td>
                                        <td>{show(p.received_minutes)}</td>
                                        <td>{p.status.to_string()}</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            }) }
        </section>
    }
}
