//! The small "due" card on Today: which self-checks are due, with a link to take them.

use crate::platform;
use crate::views::common::use_store;
use tend_core::selectors::checks::due_on;
use yew::prelude::*;

/// Lists the self-checks due today; shows nothing when none is.
#[function_component(DueCard)]
pub fn due_card() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let due = due_on(&store.doc().payload, platform::today());
    if due.is_empty() {
        return html! {};
    }
    html! {
        <section class="card due" aria-labelledby="due-heading" data-testid="due-card">
            <h2 id="due-heading">{"Self-checks due"}</h2>
            <ul>
                { for due.iter().map(|d| html! {
                    <li data-testid="due-item">{ match d.last {
                        Some(last) => format!("{} (last taken {})", d.name, last.format("%a %-d %b")),
                        None => format!("{} (not taken yet)", d.name),
                    } }</li>
                }) }
            </ul>
            <a href="#checks">{"Go to self-checks"}</a>
        </section>
    }
}
