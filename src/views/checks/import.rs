//! Importing another instrument (for example one licensed by the clinician's organisation) from a
//! JSON definition file, with every problem in the file listed, and removing one again.

use crate::platform;
use crate::store::Msg;
use crate::views::common::{file_problems, use_store};
use tend_core::checks::{read_instrument, MAX_INSTRUMENT_BYTES};
use tend_core::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The file chooser for instrument definitions and the list of problems with the last file.
#[function_component(ImportInstrument)]
pub fn import_instrument() -> Html {
    let store = use_store();
    let problems = use_state(Vec::<String>::new);
    let Some(store) = store else {
        return html! {};
    };
    let on_file = {
        let (store, problems) = (store.clone(), problems.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (store, problems) = (store.clone(), problems.clone());
            platform::read_chosen_file(&input, MAX_INSTRUMENT_BYTES, move |read| {
                let parsed = match read {
                    Ok(bytes) => read_instrument(&bytes),
                    Err(0) => Err(vec!["The file could not be read.".into()]),
                    Err(bytes) => Err(vec![format!(
                        "This file is {} KB; an instrument definition may be at most {} KB, so it was not read.",
                        bytes.div_ceil(1024),
                        MAX_INSTRUMENT_BYTES / 1024
                    )]),
                };
                match parsed {
                    Ok(instrument) => {
                        problems.set(Vec::new());
                        let name = instrument.name.clone();
                        store.dispatch(Msg::Apply {
                            action: Action::AddInstrument(instrument),
                            done: format!(
                                "Imported {name}. It is listed with the self-checks above."
                            ),
                        });
                    }
                    Err(list) => problems.set(list),
                }
            });
            input.set_value("");
        })
    };
    html! {
        <section class="card" aria-labelledby="import-heading" data-testid="import-instrument">
            <h2 id="import-heading">{"Import another instrument"}</h2>
            <p>{"If your organisation licenses a self-check, you can add its scoring from a JSON \
                definition file: items, answer scale, subscales, reverse-scored items and bands. \
                The format is described in Tend's documentation (docs/self-checks.md). The file is \
                read here and never sent anywhere."}</p>
            <div class="field">
                <label for="instrument-file">{"Instrument definition (JSON)"}</label>
                <input id="instrument-file" type="file" accept=".json,application/json"
                    onchange={on_file} disabled={store.read_only()} />
            </div>
            { file_problems(&problems, "import-problems") }
        </section>
    }
}
