//! Past self-check results, newest first, with their scores and bands, a delete button each and
//! a CSV download of them all.

use super::form::describe_scores;
use crate::platform;
use crate::store::Msg;
use crate::views::common::use_store;
use tend_core::exchange::checks_csv;
use tend_core::selectors::checks::find_instrument;
use tend_core::Action;
use yew::prelude::*;

/// The list of results.
#[function_component(CheckHistory)]
pub fn check_history() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let journal = &store.doc().payload;
    let mut results: Vec<_> = journal.checks.iter().collect();
    tend_core::sorting::sort_stable_by(&mut results, |a, b| (b.date, &b.id).cmp(&(a.date, &a.id)));
    let on_csv = {
        let store = store.clone();
        Callback::from(
            move |_: MouseEvent| match checks_csv(&store.doc().payload) {
                Ok(text) => {
                    let stamp = platform::today().format("%Y-%m-%d");
                    platform::download(&format!("tend-self-checks-{stamp}.csv"), "text/csv", &text);
                }
                Err(why) => {
                    store.dispatch(Msg::Problem(format!("The CSV could not be made ({why}).")))
                }
            },
        )
    };
    html! {
        <section class="card" aria-labelledby="history-heading" data-testid="check-history">
            <h2 id="history-heading">{"Your results"}</h2>
            if results.is_empty() {
                <p class="muted">{"No self-checks saved yet. Answer the weekly pulse above: it takes about a minute."}</p>
            } else {
                <ul class="cases results">
                    { for results.iter().map(|r| {
                        let (name, scores) = match find_instrument(journal, &r.instrument) {
                            Some(i) => (i.name.clone(), describe_scores(&i, &r.answers)),
                            None => (r.instrument.clone(), "its instrument is missing".into()),
                        };
                        let what = format!("{name}, {}", r.date.format("%a %-d %b %Y"));
                        let onclick = {
                            let (store, id, what) = (store.clone(), r.id.clone(), what.clone());
                            Callback::from(move |_: MouseEvent| store.dispatch(Msg::Apply {
                                action: Action::RemoveCheck(id.clone()),
                                done: format!("Deleted the {what}."),
                            }))
                        };
                        html! {
                            <li key={r.id.0.clone()} data-testid="check-result">
                                <span class="entry-kind"><strong>{what.clone()}</strong>{": "}{scores}</span>
                                <button type="button" class="quiet" {onclick} disabled={store.read_only()}
                                    aria-label={format!("Delete {what}")}>{"Delete"}</button>
                            </li>
                        }
                    }) }
                </ul>
                <button type="button" onclick={on_csv}>{"Download results (CSV)"}</button>
            }
        </section>
    }
}
