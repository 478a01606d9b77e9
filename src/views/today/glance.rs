//! Today at a glance: the few figures a clinician checks between sessions, at the top of Today,
//! each linking to the section that says more. The figures come from `selectors::glance`; the
//! latest risk band and its largest factor come from the risk model, read here because the core's
//! selectors do not read it. Supervision adequacy is shown only when a requirement set has a
//! supervision minimum.

use crate::platform;
use crate::platform::locale::{date, first_weekday, number, DateStyle};
use crate::views::common::use_store;
use std::rc::Rc;
use tend_core::duration::format_minutes;
use tend_core::requirements::{Period, PeriodStatus};
use tend_core::risk::latest_risk;
use tend_core::selectors::glance::glance;
use tend_core::selectors::requirements::supervision_standing;
use tend_core::selectors::week::week_start_on;
use yew::prelude::*;

/// The latest scored week's band and the factor that gave it the most points, if any week has a
/// score.
fn latest_band(journal: &tend_core::Journal, today: chrono::NaiveDate) -> Option<String> {
    let latest = latest_risk(journal, today, &|monday| {
        tend_core::risk::signals_for_week(journal, monday)
    })?;
    let score = latest.score?;
    let top = score.parts.iter().find(|p| p.points > 0);
    Some(match top {
        Some(part) => format!(
            "{}, mostly {}",
            score.band.label(),
            part.factor.label().to_lowercase()
        ),
        None => score.band.label().to_string(),
    })
}

/// The current period of the first supervision minimum kept, in a few calm words.
fn supervision_line(journal: &tend_core::Journal, today: chrono::NaiveDate) -> Option<String> {
    let standing = supervision_standing(journal, today, today, today);
    let first = standing.first()?;
    let now = first.holding(today)?;
    let rule = journal
        .requirement_sets
        .iter()
        .flat_map(|s| &s.supervision)
        .next()?;
    let span = match rule.period {
        Period::Week => "this week",
        Period::Month => "this month",
    };
    let show = |m: u64| format_minutes(u32::try_from(m).unwrap_or(u32::MAX));
    Some(match now.status {
        PeriodStatus::InProgress { missing_minutes } => {
            format!(
                "{} of {} {span}",
                show(now.received_minutes),
                show(now.received_minutes + missing_minutes)
            )
        }
        _ => format!("Enough {span} ({})", show(now.received_minutes)),
    })
}

/// One figure: a link to its section with a short label above the value.
fn item(href: &'static str, label: &str, value: String) -> Html {
    item_with(href, label, value, None)
}

/// One figure with an optional class for its value (a long value is set smaller).
fn item_with(href: &'static str, label: &str, value: String, class: Option<&'static str>) -> Html {
    html! {
        <li class={class}>
            <a class="glance-item" {href}>
                <span class="glance-label">{label.to_string()}</span>
                <span class="glance-value">{value}</span>
            </a>
        </li>
    }
}

/// The card of figures at a glance.
#[function_component(GlanceCard)]
pub fn glance_card() -> Html {
    let store = use_store();
    let now = platform::local_now();
    let today = now.date();
    let revision = store.as_ref().map_or(0, |s| s.doc().revision);
    let band = {
        let store = store.clone();
        use_memo((revision, today), move |_| {
            store.and_then(|s| latest_band(&s.doc().payload, today))
        })
    };
    let band: Rc<Option<String>> = band;
    let supervision = {
        let store = store.clone();
        use_memo((revision, today), move |_| {
            store.and_then(|s| supervision_line(&s.doc().payload, today))
        })
    };
    let Some(store) = store else {
        return html! {};
    };
    let journal = &store.doc().payload;
    let g = glance(
        journal,
        &store.settings.break_plan,
        now,
        week_start_on(today, first_weekday()),
    );
    let hours = |minutes: u32| number(f64::from(minutes) / 60.0, 1);
    let week = format!("{} of {} h", hours(g.week_minutes), hours(g.target_minutes));
    let breaks = format!("{} of {}", g.breaks_today, g.breaks_target);
    let day_off = match g.days_since_day_off {
        Some(0) => "Today".to_string(),
        Some(1) => "Yesterday".to_string(),
        Some(n) => format!("{n} days ago"),
        None => "None logged yet".to_string(),
    };
    let next = match g.next_break {
        Some(o) if o.at.date() == today => format!("{}", o.at.format("%H:%M")),
        Some(o) => format!(
            "{}, {}",
            date(o.at.date(), DateStyle::WeekdayDay),
            o.at.format("%H:%M")
        ),
        None => "None planned".to_string(),
    };
    let due = match g.due.as_slice() {
        [] => "None due".to_string(),
        [one] => format!("{} due", one.name),
        [one, rest @ ..] => format!("{} and {} more due", one.name, rest.len()),
    };
    let risk = (*band)
        .clone()
        .unwrap_or_else(|| "Not enough logged yet".to_string());
    html! {
        <section class="card glance" aria-labelledby="glance-heading" data-testid="glance">
            <h2 id="glance-heading">{"At a glance"}</h2>
            <ul class="glance-list">
                {item("#report", "This week", week)}
                {item("#self-care", "Breaks today", breaks)}
                {item("#self-care", "Last full day off", day_off)}
                {item_with("#risk", "Risk, latest week", risk, Some("long"))}
                {item("#self-care", "Next planned break", next)}
                {item("#checks", "Self-checks", due)}
                if let Some(line) = (*supervision).clone() {
                    {item_with("#requirements", "Supervision", line, Some("long"))}
                }
            </ul>
        </section>
    }
}
