//! The Self-care section's break plan: breaks planned by weekday and time, the coming week laid
//! out day by day, and the switch for reminders while Tend is open (a system notification when
//! the browser allows it, a notice inside Tend always).

use crate::platform::locale::{self, DateStyle};
use crate::platform::{self, NotifyPermission};
use crate::store::{Msg, Store};
use crate::views::common::{use_initial_value, use_store, value_of};
use chrono::{NaiveTime, Weekday};
use tend_core::duration::{format_minutes, parse_duration};
use tend_core::settings::DeviceSettings;
use tend_core::tracking::plan::{BreakPlan, PlannedBreak};
use tend_core::tracking::BreakKind;
use yew::prelude::*;

/// A weekday's full name, as the plan's form lists them (in the locale's week order).
fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Hands new settings to the store, which keeps them on this device.
fn keep(store: &Store, settings: DeviceSettings) {
    store.dispatch(Msg::Settings(settings));
}

/// Keeps a changed plan, through `revise` so an exported calendar can follow the change (#23).
fn keep_plan(store: &Store, next: BreakPlan) {
    let mut settings = store.settings.clone();
    settings.break_plan = settings.break_plan.revise(next, platform::today());
    keep(store, settings);
}

/// What the reminders switch says, given the setting and the browser's permission.
pub fn reminders_state(on: bool, permission: NotifyPermission) -> &'static str {
    match (on, permission) {
        (false, _) => "Reminders are off.",
        (true, NotifyPermission::Granted) => {
            "Reminders are on: a notification and a notice in Tend at each planned break, while Tend is open."
        }
        (true, NotifyPermission::Denied) => {
            "Reminders are on, inside Tend only: this browser blocks notifications from Tend (you can allow them in the site settings)."
        }
        (true, _) => "Reminders are on, inside Tend only, while Tend is open.",
    }
}

/// The break plan card.
#[function_component(BreakPlanCard)]
pub fn break_plan_card() -> Html {
    let store = use_store();
    let error = use_state(|| None::<String>);
    let permission = use_state(platform::notify_permission);
    let (day, time, length, kind) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    use_initial_value(&time, "10:30".into());
    use_initial_value(&length, "10".into());
    let Some(store) = store else {
        return html! {};
    };
    let plan = store.settings.break_plan.clone();
    let onsubmit = {
        let (store, error, plan) = (store.clone(), error.clone(), plan.clone());
        let (day, time, length, kind) = (day.clone(), time.clone(), length.clone(), kind.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let weekday = value_of(&day).parse::<Weekday>().ok();
            let at = NaiveTime::parse_from_str(&value_of(&time), "%H:%M").ok();
            let (Some(weekday), Some(at)) = (weekday, at) else {
                error.set(Some("Choose a day and a time for the break.".into()));
                return;
            };
            let minutes = match parse_duration(&value_of(&length)) {
                Ok(m) => m,
                Err(problem) => return error.set(Some(problem.to_string())),
            };
            let kind = BreakKind::from_slug(&value_of(&kind)).unwrap_or(BreakKind::MicroBreak);
            let mut plan = plan.clone();
            match plan.add(PlannedBreak {
                weekday,
                at,
                minutes,
                kind,
                since: None,
            }) {
                Ok(()) => {
                    error.set(None);
                    keep_plan(&store, plan);
                }
                Err(problem) => error.set(Some(problem.to_string())),
            }
        })
    };
    let suggest = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            keep_plan(&store, BreakPlan::suggested(&store.doc().payload.targets));
        })
    };
    let toggle = {
        let (store, permission) = (store.clone(), permission.clone());
        Callback::from(move |_: MouseEvent| {
            let mut settings = store.settings.clone();
            settings.reminders = !settings.reminders;
            let ask = settings.reminders && *permission == NotifyPermission::Ask;
            keep(&store, settings);
            if ask {
                let permission = permission.clone();
                platform::request_notify_permission(move |p| permission.set(p));
            }
        })
    };
    let remove = |b: PlannedBreak| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = store.settings.break_plan.clone();
            next.remove(b.weekday, b.at);
            keep_plan(&store, next);
        })
    };
    let week = plan.coming_week(platform::today());
    html! {
        <section class="card" aria-labelledby="plan-heading" data-testid="break-plan">
            <h2 id="plan-heading">{"Your break plan"}</h2>
            <p>{"Breaks planned ahead are the ones that happen. Set times for each weekday; the coming seven days are listed below."}</p>
            <div class="actions">
                <button type="button" onclick={toggle} aria-pressed={store.settings.reminders.to_string()}
                    data-testid="reminders-toggle">
                    { if store.settings.reminders { "Turn reminders off" } else { "Remind me while Tend is open" } }
                </button>
                <button type="button" onclick={suggest}>{"Suggest a plan from my targets"}</button>
            </div>
            <p role="status" data-testid="reminders-state">{reminders_state(store.settings.reminders, *permission)}</p>
            if week.is_empty() {
                <p class="muted" data-testid="plan-empty">{"No breaks planned yet. Add times for each weekday below, or let Tend suggest a plan from your targets."}</p>
            } else {
                <ul class="cases" data-testid="plan-week">
                    { for week.iter().map(|o| {
                        let what = format!("{} {}, {} {}", locale::date(o.at.date(), DateStyle::WeekdayDay), o.at.format("%H:%M"),
                            format_minutes(o.planned.minutes), o.planned.kind.label().to_lowercase());
                        html! {
                            <li key={o.at.to_string()}>
                                <span class="entry-kind">{what.clone()}</span>
                                <button type="button" class="quiet" onclick={remove(o.planned)}
                                    aria-label={format!("Remove every {} break at {}", o.planned.weekday, o.planned.at.format("%H:%M"))}>
                                    {"Remove"}
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <p class="muted">{"To keep these times free where your appointments are booked, download the plan as a calendar file under Your data."}</p>
            <h3>{"Plan a break"}</h3>
            <form class="entry-form" {onsubmit} data-testid="plan-form">
                <div class="field">
                    <label for="plan-day">{"Every"}</label>
                    <select id="plan-day" ref={day}>
                        { for locale::week_order().into_iter().enumerate().map(|(i, d)| html! {
                            <option value={d.to_string()} selected={i == 0}>{day_name(d)}</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="plan-time">{"At"}</label>
                    <input id="plan-time" type="time" ref={time} />
                </div>
                <div class="field">
                    <label for="plan-length">{"For"}</label>
                    <input id="plan-length" type="text" autocomplete="off" ref={length} />
                </div>
                <div class="field">
                    <label for="plan-kind">{"Kind"}</label>
                    <select id="plan-kind" ref={kind}>
                        { for BreakKind::ALL.into_iter().filter(|k| k.is_pause()).map(|k| html! {
                            <option value={k.slug()} selected={k == BreakKind::MicroBreak}>{k.label()}</option>
                        }) }
                    </select>
                </div>
                <button type="submit">{"Add to plan"}</button>
                <p class="field-error" role="alert" data-testid="plan-error">{(*error).clone().unwrap_or_default()}</p>
            </form>
        </section>
    }
}
