//! The Self-checks section: the weekly pulse, ProQOL 5 entry by item number, any imported
//! instruments, importing another, and past results. The wording stays calm: these are
//! self-checks that help notice a trend, not a diagnosis.

mod due;
mod form;
mod history;
mod import;

pub use due::DueCard;

use crate::store::{Msg, Store};
use crate::views::common::{notice_line, use_store};
use form::InstrumentForm;
use history::CheckHistory;
use import::ImportInstrument;
use tend_core::checks::{builtins, Instrument};
use tend_core::selectors::checks::{all_instruments, due_on};
use tend_core::Action;
use yew::prelude::*;

fn instrument_card(store: &Store, instrument: Instrument, built_in: bool) -> Html {
    let id = instrument.id.clone();
    let heading = format!("{id}-heading");
    let remove = (!built_in).then(|| {
        let read_only = store.read_only();
        let (store, id, name) = (store.clone(), id.clone(), instrument.name.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            store.dispatch(Msg::Apply {
                action: Action::RemoveInstrument(id.clone()),
                done: format!("Removed {name}."),
            })
        });
        html! {
            <button type="button" class="quiet" {onclick} disabled={read_only}
                aria-label={format!("Remove {}", instrument.name)}>{"Remove this instrument"}</button>
        }
    });
    html! {
        <section class="card" aria-labelledby={heading.clone()} data-testid={format!("instrument-{id}")} key={id.clone()}>
            <h2 id={heading}>{instrument.name.clone()}</h2>
            if !instrument.note.is_empty() {
                <p>{instrument.note.clone()}</p>
            }
            <p class="hint credit">
                {instrument.source.clone()}
                if let Some(link) = &instrument.link {
                    {" "}<a class="source-link" href={link.clone()} target="_blank" rel="noopener noreferrer">
                        { if built_in { "Get the official form and its terms at proqol.org".to_string() } else { format!("Source: {link}") } }
                    </a>
                }
            </p>
            <InstrumentForm instrument={instrument.clone()} />
            {remove.unwrap_or_default()}
        </section>
    }
}

/// The Self-checks section.
#[function_component(ChecksView)]
pub fn checks_view() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let journal = &store.doc().payload;
    let due = due_on(journal, crate::platform::today());
    let builtin_ids: Vec<String> = builtins().into_iter().map(|i| i.id).collect();
    html! {
        <>
        <section class="card" aria-labelledby="checks-heading">
            <h2 id="checks-heading">{"Self-checks"}</h2>
            <p>{"A minute or two to notice how your work is sitting with you. These are self-checks, \
                not a diagnosis: they help you see a trend over weeks. If a result worries you, talk \
                it through with your supervisor, a colleague or your own clinician; help is there for \
                helpers too."}</p>
            <p data-testid="checks-due">{ if due.is_empty() {
                "Nothing is due right now.".to_string()
            } else {
                format!("Due now: {}.", due.iter().map(|d| d.name.clone()).collect::<Vec<_>>().join(", "))
            } }</p>
            {notice_line(store.notice.as_ref(), "checks-status", None)}
        </section>
        { for all_instruments(journal).into_iter().map(|i| {
            let built_in = builtin_ids.contains(&i.id);
            instrument_card(&store, i, built_in)
        }) }
        <ImportInstrument />
        <CheckHistory />
        </>
    }
}
