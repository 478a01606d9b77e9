//! The root component: creates the store, saves each new revision, and lays out the views.

use crate::platform;
use crate::store::{AppState, Msg, Store};
use crate::views::{DayList, EntryForm, StorageBanner, WeekView};
use chrono::NaiveDate;
use yew::prelude::*;

/// Tend's whole page.
#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(AppState::load);
    {
        // The one place that persists: whenever the revision moves, write it and report back.
        let store = store.clone();
        use_effect_with(store.doc.revision, move |_| {
            if store.needs_save() {
                let result = platform::save(&store.doc, store.saved_revision);
                store.dispatch(Msg::Saved {
                    revision: store.doc.revision,
                    result,
                });
            }
        });
    }
    let today = platform::today();
    let day = use_state(|| today);
    let week = use_state(|| today);
    let on_day = {
        let (day, week) = (day.clone(), week.clone());
        Callback::from(move |date: NaiveDate| {
            day.set(date);
            week.set(date);
        })
    };
    let on_week = {
        let week = week.clone();
        Callback::from(move |date: NaiveDate| week.set(date))
    };

    html! {
        <ContextProvider<Store> context={store}>
            <header class="masthead">
                <h1>{"Tend"}</h1>
                <p class="tagline">
                    {"Your caseload and burnout self-check. Everything you log stays in this browser."}
                </p>
            </header>
            <main id="main">
                <StorageBanner />
                <section class="card" aria-labelledby="log-heading">
                    <h2 id="log-heading">{"Log work"}</h2>
                    <EntryForm day={*day} {today} onday={on_day} />
                    <DayList day={*day} {today} />
                </section>
                <WeekView anchor={*week} {today} onmove={on_week} />
            </main>
            <footer class="footnote">
                <p>{"Tend is a self-check, not a diagnosis. Nothing you enter leaves this device unless you export it."}</p>
            </footer>
        </ContextProvider<Store>>
    }
}
