//! The root component: creates the store, saves each change, follows other tabs, lays out views.

use crate::platform::{self, SaveError};
use crate::route::View;
use crate::store::{AppState, Msg, Store};
use crate::views::{
    use_theme, DayList, DueCard, EntryForm, GlanceCard, Later, QuickLog, Reminders, Section,
    SectionsNav, SkipLink, StorageBanner, UndoBar, UnlockScreen, WeekView, Welcome,
};
use chrono::NaiveDate;
use tend_core::settings::Persistence as Protection;
use yew::prelude::*;

/// How many times in a row a save may find another tab's newer data and replay on top of it
/// before giving up and keeping the changes in memory.
const MAX_REPLAYS: u32 = 3;

/// Saves the store's unsaved changes and reports back; the one place that persists.
fn persist(store: &Store, replays: &mut u32) {
    if !store.needs_save() {
        return;
    }
    match platform::save(&store.ledger, store.unlocked_key()) {
        Ok((done, usage)) => {
            *replays = 0;
            if store.settings.first_saved_at.is_none() {
                first_save(store);
            }
            store.dispatch(Msg::Saved {
                done,
                usage: Some(usage),
            });
        }
        Err(SaveError::Stale) if *replays < MAX_REPLAYS => {
            *replays += 1;
            store.dispatch(Msg::Reloaded(Box::new(
                platform::load(store.unlocked_key()).loaded,
            )));
        }
        Err(err) => store.dispatch(Msg::SaveFailed(err)),
    }
}

/// After the first save: note the day, and ask the browser to keep the data from being cleared.
fn first_save(store: &Store) {
    let mut settings = store.settings.clone();
    settings.first_saved_at = Some(platform::now_ms());
    store.dispatch(Msg::Settings(settings.clone()));
    if settings.persistence == Protection::NotAsked {
        let dispatcher = store.dispatcher();
        platform::request_persistence(move |granted| {
            settings.persistence = match granted {
                Some(true) => Protection::Granted,
                _ => Protection::Denied,
            };
            dispatcher.dispatch(Msg::Settings(settings));
        });
    }
}

/// Tend's whole page.
#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(|| {
        AppState::from_boot(
            platform::load(None),
            platform::load_settings(),
            platform::usage(),
        )
    });
    let replays = use_mut_ref(|| 0u32);
    use_theme(store.settings.theme);
    crate::sync::driver::use_sync(&store);
    {
        // The one place settings are written: whenever they change (the effect runs again only
        // then). Start-up writes nothing, so settings that could not be read stay as found until
        // the clinician changes one.
        let started = use_mut_ref(|| false);
        use_effect_with(store.settings.clone(), move |settings| {
            if started.replace(true) {
                platform::save_settings(settings);
            }
        });
    }
    {
        let store = store.clone();
        use_effect_with(store.ledger.due(), move |_| {
            persist(&store, &mut replays.borrow_mut())
        });
    }
    {
        // Another tab saved: read what it wrote and replay anything unsaved here on top. The
        // listener is renewed whenever the lock or key changes, so it reads with the current key.
        let dispatcher = store.dispatcher();
        let held = store.lock.clone().zip(store.key.clone());
        use_effect_with(held, move |held| {
            let held = held.clone();
            let listener = platform::on_storage_change(move |key| {
                if key
                    .as_deref()
                    .is_none_or(|k| k == tend_core::storage::INDEX_KEY)
                {
                    let key = held.as_ref().map(|(header, key)| (header, key));
                    dispatcher.dispatch(Msg::Reloaded(Box::new(platform::load(key).loaded)));
                }
            });
            move || drop(listener)
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

    let view = use_state(|| View::from_hash(&platform::current_hash()));
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            let listener = platform::on_hash_change(move |hash| view.set(View::from_hash(&hash)));
            move || drop(listener)
        });
    }
    let locked_out = store.locked_out();
    let nav = html! { <SectionsNav current={*view} /> };
    html! {
        <ContextProvider<Store> context={store}>
            <SkipLink />
            <header class="masthead no-print">
                <h1>{"Tend"}</h1>
                <p class="tagline">
                    {"Your caseload and burnout self-check. Everything you log stays in this browser."}
                </p>
            </header>
            if locked_out {
                <main id="main" tabindex="-1"><UnlockScreen /></main>
            } else {
                {nav}
                <main id="main" tabindex="-1">
                    <StorageBanner />
                    <Reminders />
                    { match *view {
                        View::Today => html! {
                            <>
                                <Welcome />
                                <Later>
                                    <GlanceCard />
                                    <section class="card" aria-labelledby="log-heading">
                                        <h2 id="log-heading">{"Log work"}</h2>
                                        <QuickLog day={*day} {today} />
                                        <EntryForm day={*day} {today} onday={on_day} />
                                        <DayList day={*day} {today} />
                                    </section>
                                </Later>
                                <Later>
                                    <DueCard />
                                    <WeekView anchor={*week} {today} onmove={on_week} />
                                </Later>
                            </>
                        },
                        other => html! { <Section view={other} /> },
                    } }
                    <UndoBar />
                </main>
            }
            <Later>
                <footer class="footnote">
                    <p>{"Tend is a self-check, not a diagnosis. Nothing you enter leaves this device unless you export it or sync it, encrypted, to your own storage."}</p>
                </footer>
            </Later>
        </ContextProvider<Store>>
    }
}
