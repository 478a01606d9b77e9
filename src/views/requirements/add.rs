//! Adding a requirement set: one of the examples Tend ships (each labelled with its source body,
//! when it was read, and that the clinician must check their board's current rules), or a JSON
//! file of the clinician's own, with every problem in it listed and nothing kept on an error.

use crate::platform;
use crate::store::Msg;
use crate::views::common::{file_problems, use_store, value_of};
use tend_core::requirements::{examples, read_set, RequirementSet, MAX_SET_BYTES};
use tend_core::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the clinician sees of an example before adding it.
fn example_label(set: &RequirementSet) -> String {
    format!("{} ({}, as read in {})", set.name, set.body, set.as_of)
}

/// Dispatches the action keeping `set`.
fn keep(store: &crate::store::Store, set: RequirementSet) {
    let name = set.name.clone();
    store.dispatch(Msg::Apply {
        action: Action::AddRequirementSet(set),
        done: format!("Added {name}. Its progress is shown below; add your own dates there."),
    });
}

/// The examples and the file chooser.
#[function_component(AddSet)]
pub fn add_set() -> Html {
    let store = use_store();
    let problems = use_state(Vec::<String>::new);
    let chosen = use_node_ref();
    let sets = use_memo((), |_| examples());
    // The example chosen, kept so that a re-render shows the same one.
    let picked = use_state(String::new);
    let Some(store) = store else {
        return html! {};
    };
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            picked.set(select.value());
        })
    };
    let on_example = {
        let (store, chosen, problems) = (store.clone(), chosen.clone(), problems.clone());
        let sets = sets.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let id = value_of(&chosen);
            if let Some(set) = sets.iter().find(|s| s.id == id) {
                problems.set(Vec::new());
                keep(&store, set.clone());
            }
        })
    };
    let on_file = {
        let (store, problems) = (store.clone(), problems.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (store, problems) = (store.clone(), problems.clone());
            platform::read_chosen_file(&input, MAX_SET_BYTES, move |read| {
                let parsed = match read {
                    Ok(bytes) => read_set(&bytes).map_err(|list| {
                        list.iter().map(ToString::to_string).collect::<Vec<_>>()
                    }),
                    Err(0) => Err(vec!["The file could not be read.".into()]),
                    Err(bytes) => Err(vec![format!(
                        "This file is {} KB; a requirement set may be at most {} KB, so it was not read.",
                        bytes.div_ceil(1024),
                        MAX_SET_BYTES / 1024
                    )]),
                };
                match parsed {
                    Ok(set) => {
                        problems.set(Vec::new());
                        keep(&store, set);
                    }
                    Err(list) => problems.set(list),
                }
            });
            input.set_value("");
        })
    };
    let read_only = store.read_only();
    html! {
        <section class="card" aria-labelledby="add-set-heading" data-testid="add-set">
            <h2 id="add-set-heading">{"Add a requirement set"}</h2>
            <p>{"A requirement set holds a board's rules: a supervision minimum, the hours to log \
                towards a licence, a continuing-education cycle, or several of these. Start from an \
                example or import your own file."}</p>
            <form class="import-form" onsubmit={on_example}>
                <div class="field">
                    <label for="set-example">{"Example"}</label>
                    <select id="set-example" ref={chosen} onchange={on_pick}>
                        { for sets.iter().map(|s| html! {
                            <option value={s.id.clone()} selected={*picked == s.id}>{example_label(s)}</option>
                        }) }
                    </select>
                </div>
                <p class="hint">{"Examples are built from public figures, as read in 2026, in Tend's own \
                    words. They are starting points, not advice: check your board's current rules \
                    and change the set to match them."}</p>
                <button type="submit" class="primary" disabled={read_only}>{"Add this example"}</button>
            </form>
            <div class="field">
                <label for="set-file">{"Or import a requirement set (JSON)"}</label>
                <input id="set-file" type="file" accept=".json,application/json"
                    onchange={on_file} disabled={read_only} />
                <span class="hint">{"The format is described in Tend's documentation \
                    (docs/requirements.md). The file is read here and never sent anywhere."}</span>
            </div>
            { file_problems(&problems, "set-problems") }
        </section>
    }
}
