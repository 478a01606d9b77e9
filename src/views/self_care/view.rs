//! The self-care section: breaks and time off logged, breaks per working day against the target,
//! days since the last full day off and the "vacation clock", and the last two weeks' breaks
//! grouped by day.

use super::break_form::BreakForm;
use super::break_plan::BreakPlanCard;
use super::targets_form::TargetsForm;
use crate::platform;
use crate::platform::locale::{date, number, DateStyle};
use crate::store::{Msg, Store};
use crate::views::common::{notice_line, use_store, ChartDraw, ChartFigure, Folded};
use chrono::Days;
use tend_core::charts::breaks::{describe_breaks, render_breaks_svg};
use tend_core::duration::format_minutes;
use tend_core::selectors::rest::{
    breaks_by_week, breaks_per_working_day, days_since_full_day_off, summarise_breaks,
    vacation_clock, WeekBreaks,
};
use tend_core::tracking::BreakEntry;
use tend_core::Action;
use yew::prelude::*;

/// Days after which the vacation clock adds a gentle note. Research on recovery (de Bloom et al.
/// 2009, 2013; see docs/tracking-model.md) found a vacation's benefit fades within weeks of return.
const VACATION_NOTE_DAYS: u32 = 90;

const WIDTH: u32 = 720;
const HEIGHT: u32 = 320;

/// The eight-week chart of breaks per working day against the target, with its table.
fn breaks_chart(weeks: &[WeekBreaks], today: chrono::NaiveDate) -> Html {
    let draw = {
        let weeks = weeks.to_vec();
        ChartDraw::new(move |w, h| render_breaks_svg(&weeks, w, h))
    };
    html! {
        <ChartFigure draw={draw} size={(WIDTH, HEIGHT)} summary={describe_breaks(weeks)}
            file_stem={format!("tend-breaks-{}", today.format("%Y-%m-%d"))} test_id="breaks-chart">
            <table>
                <caption>{"Breaks per working day in each week"}</caption>
                <thead><tr>
                    <th scope="col">{"Week"}</th><th scope="col">{"Days worked"}</th>
                    <th scope="col">{"Breaks"}</th><th scope="col">{"Per day"}</th>
                    <th scope="col">{"Target met"}</th>
                </tr></thead>
                <tbody>
                    { for weeks.iter().map(|w| html! {
                        <tr>
                            <th scope="row">{format!("Week of {}", w.monday.format("%-d %b"))}</th>
                            <td>{w.days_worked}</td><td>{w.pauses}</td>
                            <td>{format!("{}.{}", w.per_day_tenths() / 10, w.per_day_tenths() % 10)}</td>
                            <td>{ if w.days_worked == 0 { "no work" } else if w.met() { "yes" } else { "no" } }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </ChartFigure>
    }
}

/// Days of breaks shown before the earlier ones fold under "Show earlier".
const DAYS_SHOWN: usize = 4;

/// The recent breaks and time off (newest first) grouped by the day they start, a compact row
/// each with its delete button at the end of the line.
fn break_days(store: &Store, recent: &[&BreakEntry]) -> Vec<Html> {
    let mut days: Vec<(chrono::NaiveDate, Vec<&BreakEntry>)> = Vec::new();
    for b in recent {
        match days.last_mut() {
            Some((day, list)) if *day == b.date => list.push(b),
            _ => days.push((b.date, vec![b])),
        }
    }
    days.into_iter()
        .map(|(day, list)| {
            html! {
                <section key={day.to_string()} class="day-group">
                    <h4 class="rows-heading">{date(day, DateStyle::WeekdayDay)}</h4>
                    <ul class="rows">
                        { for list.into_iter().map(|b| break_row(store, b)) }
                    </ul>
                </section>
            }
        })
        .collect()
}

/// One break: its length and kind (or its days off), and Delete.
fn break_row(store: &Store, b: &BreakEntry) -> Html {
    let (when, what) = match (b.minutes, b.until) {
        (0, Some(until)) => (
            format!("to {}", date(until, DateStyle::WeekdayDay)),
            format!(
                "{}, {} to {}",
                b.kind.label(),
                date(b.date, DateStyle::WeekdayDay),
                date(until, DateStyle::WeekdayDay)
            ),
        ),
        (0, None) => (
            "All day".to_string(),
            format!(
                "{}, {}",
                b.kind.label(),
                date(b.date, DateStyle::WeekdayDay)
            ),
        ),
        (m, _) => (
            format_minutes(m),
            format!(
                "{} {}, {}",
                format_minutes(m),
                b.kind.label().to_lowercase(),
                date(b.date, DateStyle::WeekdayDay)
            ),
        ),
    };
    let onclick = {
        let (store, id, what) = (store.clone(), b.id.clone(), what.clone());
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Msg::Apply {
                action: Action::RemoveBreak(id.clone()),
                done: format!("Deleted {what}."),
            })
        })
    };
    html! {
        <li key={b.id.0.clone()} class="row">
            <span class="entry-minutes">{when}</span>
            <span class="entry-kind">{b.kind.label()}</span>
            <button type="button" class="quiet row-action" {onclick} aria-label={format!("Delete {what}")}>{"Delete"}</button>
        </li>
    }
}

/// The Self-care section.
#[function_component(SelfCareView)]
pub fn self_care_view() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let today = platform::today();
    let journal = &store.doc().payload;
    let first = today.checked_sub_days(Days::new(13)).unwrap_or(today);
    let summary = summarise_breaks(&breaks_per_working_day(journal, first, today));
    let day_off = days_since_full_day_off(journal, today);
    let vacation = vacation_clock(journal, today);
    let mut recent: Vec<_> = journal
        .breaks
        .iter()
        .filter(|b| b.last_day() >= first)
        .collect();
    tend_core::sorting::sort_stable_by(&mut recent, |a, b| b.date.cmp(&a.date));
    html! {
        <>
        <section class="card" aria-labelledby="self-care-heading">
            <h2 id="self-care-heading">{"Self-care"}</h2>
            <ul class="targets" data-testid="rest-numbers">
                <li data-testid="breaks-summary">{ if summary.days_worked == 0 {
                    "No working days in the last two weeks.".to_string()
                } else {
                    format!("Last two weeks: {} breaks per working day on average, against your target of {}; the target was met on {} of {} working days.",
                        number(f64::from(summary.per_day_tenths) / 10.0, 1),
                        journal.targets.breaks_per_day, summary.days_met, summary.days_worked)
                } }</li>
                <li data-testid="day-off">{ match day_off {
                    Some(0) => "Today is a day off.".to_string(),
                    Some(1) => "Your last full day off was yesterday.".to_string(),
                    Some(days) => format!("{days} days since your last full day off."),
                    None => "No full day off logged yet.".to_string(),
                } }</li>
                <li data-testid="vacation-clock">{ match vacation {
                    Some(0) => "You are on vacation today.".to_string(),
                    Some(days) if days >= VACATION_NOTE_DAYS => format!(
                        "{days} days since your last vacation. The lift a holiday gives tends to fade within weeks of coming back; is the next one in your diary?"),
                    Some(days) => format!("{days} days since your last vacation."),
                    None => "No vacation logged yet.".to_string(),
                } }</li>
            </ul>
            {notice_line(store.notice.as_ref(), "self-care-status", None)}
            { breaks_chart(&breaks_by_week(journal, today, 8), today) }
            <h3>{"Log a break or time off"}</h3>
            <BreakForm />
            <h3>{"The last two weeks"}</h3>
            if recent.is_empty() {
                <p class="muted">{"Nothing logged in the last two weeks. Log a break or time off above, or tap \"Log a 10 min break\" on Today."}</p>
            } else {
                <Folded rows={break_days(&store, &recent)} keep={DAYS_SHOWN} newest_first=true
                    tag="div" class="day-groups" test_id="recent-breaks" noun="days" />
            }
        </section>
        <BreakPlanCard />
        <TargetsForm />
        </>
    }
}
