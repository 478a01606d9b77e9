//! The Requirements section: supervision minimums, licensure hours and continuing education as
//! requirement sets. Each set kept shows its progress (`progress.rs`) with its source and an edit
//! form (`edit.rs`) and can be removed with Undo; sets are added from the shipped examples or a
//! file (`add.rs`); CE activities are logged and listed in `ce_log.rs`; the licensure log is
//! printed and exported from `export.rs`. Only hours, dates and categories: nothing about a
//! client.

mod add;
mod ce_log;
mod edit;
mod export;
pub mod progress;

use crate::platform;
use crate::store::{Msg, Store};
use crate::views::common::{notice_line, use_store};
use add::AddSet;
use ce_log::CeLog;
use edit::EditSet;
use export::LogExport;
use tend_core::requirements::RequirementSet;
use tend_core::selectors::requirements::progress;
use tend_core::Action;
use yew::prelude::*;

/// Where a set's rules come from, and the reminder to check them.
fn source_line(set: &RequirementSet) -> Html {
    let label = if set.example {
        format!(
            "Example built from the rules of {}, as read in {}.",
            set.body, set.as_of
        )
    } else if set.as_of.is_empty() {
        format!("Rules of {}.", set.body)
    } else {
        format!("Rules of {}, as read in {}.", set.body, set.as_of)
    };
    html! {
        <p class="hint credit" data-testid={format!("source-{}", set.id)}>
            {label}
            if !set.source.is_empty() { {" Source: "}{set.source.clone()}{"."} }
            if !set.note.is_empty() { {" "}{set.note.clone()} }
        </p>
    }
}

fn set_card(store: &Store, set: &RequirementSet) -> Html {
    let today = platform::today();
    let result = progress(&store.doc().payload, set, today);
    let id = set.id.clone();
    let heading = format!("set-{id}-heading");
    let onclick = {
        let (store, id, name) = (store.clone(), id.clone(), set.name.clone());
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Msg::Apply {
                action: Action::RemoveRequirementSet(id.clone()),
                done: format!("Removed {name}."),
            })
        })
    };
    html! {
        <section class="card" aria-labelledby={heading.clone()} data-testid={format!("set-{id}")} key={id.clone()}>
            <h2 id={heading}>{set.name.clone()}</h2>
            {source_line(set)}
            {progress::progress_html(set, &result)}
            if let Some(log) = &result.licensure {
                <LogExport set={set.clone()} weeks={log.weeks.clone()} />
            }
            <EditSet set={set.clone()} />
            <button type="button" class="quiet" {onclick} disabled={store.read_only()}
                aria-label={format!("Remove this set: {}", set.name)}>{"Remove this set"}</button>
        </section>
    }
}

/// The Requirements section.
#[function_component(RequirementsView)]
pub fn requirements_view() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let sets = store.doc().payload.requirement_sets.clone();
    html! {
        <>
        <section class="card" aria-labelledby="requirements-heading">
            <h2 id="requirements-heading">{"Requirements"}</h2>
            <p>{"Supervision minimums, the hours you log towards a licence and your continuing \
                education, measured against the work you already log here. Too little supervision \
                and a licence at risk both weigh on a clinician; seeing them early helps."}</p>
            if sets.is_empty() {
                <p data-testid="requirements-empty">{"No requirement set yet. Add an example below and \
                    change it to your board's rules, or import your own file. Then log your work as \
                    usual: supervision is logged as the Supervision kind of work."}</p>
            }
            {notice_line(store.notice.as_ref(), "requirements-status", None)}
        </section>
        { for sets.iter().map(|s| set_card(&store, s)) }
        <AddSet />
        <CeLog />
        </>
    }
}
