//! Break reminders while Tend is open: every few seconds the plan is asked which breaks fell due
//! since the last look; each rings as a system notification when allowed and always as a notice
//! at the top of the page, with a button that logs the break.

use crate::platform;
use crate::store::{Msg, Store};
use crate::views::common::use_store;
use tend_core::duration::format_minutes;
use tend_core::tracking::plan::Occurrence;
use tend_core::tracking::{BreakEntry, BreakId};
use tend_core::Action;
use yew::prelude::*;

/// How often the plan is checked, in milliseconds.
const CHECK_MS: i32 = 15_000;

/// The most notices kept on screen; older ones give way.
const MAX_NOTICES: usize = 3;

fn describe(o: &Occurrence) -> String {
    format!(
        "Time for your {} {} (planned for {}).",
        format_minutes(o.planned.minutes),
        o.planned.kind.label().to_lowercase(),
        o.at.format("%H:%M")
    )
}

/// The reminder notices, and the timer behind them.
#[function_component(Reminders)]
pub fn reminders() -> Html {
    let store = use_store();
    let notices = use_mut_ref(Vec::<Occurrence>::new);
    let redraw = use_force_update();
    let last = use_mut_ref(platform::local_now);
    let latest = use_mut_ref(|| None::<Store>);
    *latest.borrow_mut() = store.clone();
    {
        let (notices, last, latest, redraw) = (
            notices.clone(),
            last.clone(),
            latest.clone(),
            redraw.clone(),
        );
        use_effect_with((), move |_| {
            let timer = platform::every(CHECK_MS, move || {
                let now = platform::local_now();
                let since = std::mem::replace(&mut *last.borrow_mut(), now);
                let Some(store) = latest.borrow().clone() else {
                    return;
                };
                if !store.settings.reminders {
                    return;
                }
                let due = store.settings.break_plan.due(since, now);
                if due.is_empty() {
                    return;
                }
                for o in &due {
                    platform::notify("Tend: time for a break", &describe(o));
                }
                let mut shown = notices.borrow_mut();
                shown.extend(due);
                let skip = shown.len().saturating_sub(MAX_NOTICES);
                shown.drain(..skip);
                redraw.force_update();
            });
            move || drop(timer)
        });
    }
    let Some(store) = store else {
        return html! {};
    };
    let shown = notices.borrow().clone();
    if shown.is_empty() {
        return html! {};
    }
    let forget = {
        let (notices, redraw) = (notices.clone(), redraw.clone());
        move |at| {
            notices.borrow_mut().retain(|o: &Occurrence| o.at != at);
            redraw.force_update();
        }
    };
    let dismiss = |at| {
        let forget = forget.clone();
        Callback::from(move |_: MouseEvent| forget(at))
    };
    let log = |o: Occurrence| {
        let (forget, store) = (forget.clone(), store.clone());
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Msg::Apply {
                action: Action::AddBreak(BreakEntry {
                    id: BreakId(platform::new_id()),
                    kind: o.planned.kind,
                    date: o.at.date(),
                    minutes: o.planned.minutes,
                    until: None,
                }),
                done: format!(
                    "Logged {} of {}.",
                    format_minutes(o.planned.minutes),
                    o.planned.kind.label().to_lowercase()
                ),
            });
            forget(o.at);
        })
    };
    html! {
        <section class="card reminder" aria-label="Break reminders" data-testid="reminders">
            { for shown.iter().map(|o| html! {
                <div class="reminder-item" role="status" key={o.at.to_string()}>
                    <p>{describe(o)}</p>
                    <button type="button" class="primary" onclick={log(*o)}>{"I took it: log it"}</button>
                    <button type="button" onclick={dismiss(o.at)}>{"Not now"}</button>
                </div>
            }) }
        </section>
    }
}
