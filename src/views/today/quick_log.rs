//! Logging in two taps: the clinician's recent combinations (case with its organisation, kind,
//! length and flags, from `selectors::recent`) as buttons above the entry form, each logging an
//! entry for the chosen day at once, and a button that logs a 10-minute micro-break. Both go
//! through the store exactly as the form and the Self-care section do; the notice under the form
//! confirms what was logged, and the undo bar offers to take it back (a tap can miss). Each
//! button keeps to two short lines, however long a case's or organisation's name.

use super::day_name;
use crate::platform;
use crate::store::{Msg, Store};
use crate::views::common::use_store;
use chrono::NaiveDate;
use std::rc::Rc;
use tend_core::duration::format_minutes;
use tend_core::selectors::recent::{recent_combos, Combo};
use tend_core::tracking::{BreakEntry, BreakId, BreakKind};
use tend_core::{Action, EntryId, Journal, WorkEntry};
use yew::prelude::*;

/// The length of the one-tap break, in minutes.
const QUICK_BREAK_MINUTES: u32 = 10;

/// Props of [`QuickLog`].
#[derive(Properties, PartialEq)]
pub struct QuickLogProps {
    /// The day entries are logged for.
    pub day: NaiveDate,
    /// Today.
    pub today: NaiveDate,
}

/// What a combination's button shows, in two short lines, what tells it apart first: "Ana, 50 min"
/// and "direct session, Northside clinic, trauma content" (without a case: "50 min direct
/// session" and the rest). Its accessible name is the same text after a "Log" read but not shown:
/// "Log Ana, 50 min, direct session, Northside clinic, trauma content".
fn describe(journal: &Journal, combo: &Combo) -> (String, String) {
    let length = format_minutes(combo.minutes);
    let kind = combo.kind.label().to_lowercase();
    let case = combo
        .case
        .as_ref()
        .and_then(|id| journal.cases.iter().find(|c| &c.id == id));
    let mut rest = Vec::new();
    let org = combo
        .organisation
        .as_ref()
        .or(case.and_then(|c| c.organisation.as_ref()));
    if let Some(org) = org.and_then(|id| journal.organisations.iter().find(|o| &o.id == id)) {
        rest.push(org.name.clone());
    }
    if combo.trauma {
        rest.push("trauma content".into());
    }
    if combo.pro_bono {
        rest.push("pro bono".into());
    }
    let (first, second) = match case {
        Some(case) => {
            rest.insert(0, kind);
            (format!("{}, {length}", case.label), rest.join(", "))
        }
        None => (format!("{length} {kind}"), rest.join(", ")),
    };
    (first, second)
}

/// Logs one combination on `day`.
fn log_combo(store: &Store, combo: &Combo, day: NaiveDate, today: NaiveDate) {
    let entry = WorkEntry {
        id: EntryId(platform::new_id()),
        date: day,
        minutes: combo.minutes,
        kind: combo.kind,
        organisation: combo.organisation.clone(),
        case: combo.case.clone(),
        start: None,
        trauma: combo.trauma,
        pro_bono: combo.pro_bono,
    };
    let done = format!(
        "Logged {} of {} for {}.",
        format_minutes(combo.minutes),
        combo.kind.label().to_lowercase(),
        day_name(day, today)
    );
    let undo = vec![Action::RemoveEntry(entry.id.clone())];
    store.dispatch(Msg::ApplyUndoable {
        action: Action::AddEntry(entry),
        done,
        undo,
    });
}

/// The one-tap buttons above the entry form.
#[function_component(QuickLog)]
pub fn quick_log(props: &QuickLogProps) -> Html {
    let store = use_store();
    let revision = store.as_ref().map_or(0, |s| s.doc().revision);
    let combos = {
        let store = store.clone();
        use_memo((revision, props.today), move |(_, today)| {
            store.map_or_else(Vec::new, |s| recent_combos(&s.doc().payload, *today))
        })
    };
    let combos: Rc<Vec<Combo>> = combos;
    let Some(store) = store else {
        return html! {};
    };
    let disabled = store.read_only();
    let (day, today) = (props.day, props.today);
    let on_break = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let id = BreakId(platform::new_id());
            store.dispatch(Msg::ApplyUndoable {
                action: Action::AddBreak(BreakEntry {
                    id: id.clone(),
                    kind: BreakKind::MicroBreak,
                    date: day,
                    minutes: QUICK_BREAK_MINUTES,
                    until: None,
                }),
                done: format!(
                    "Logged a {} micro-break for {}.",
                    format_minutes(QUICK_BREAK_MINUTES),
                    day_name(day, today)
                ),
                undo: vec![Action::RemoveBreak(id)],
            })
        })
    };
    let journal = &store.doc().payload;
    html! {
        <div class="quick-log" role="group" aria-labelledby="quick-log-heading" data-testid="quick-log">
            <h3 id="quick-log-heading">{"In one tap"}</h3>
            <ul class="quick-list">
                { for combos.iter().map(|combo| {
                    let onclick = {
                        let (store, combo) = (store.clone(), combo.clone());
                        Callback::from(move |_: MouseEvent| log_combo(&store, &combo, day, today))
                    };
                    let (first, second) = describe(journal, combo);
                    html! {
                        <li>
                            <button type="button" class="quick" {onclick} {disabled}>
                                <span class="quick-main"><span class="visually-hidden">{"Log "}</span>{first}</span>
                                if !second.is_empty() {
                                    <span class="visually-hidden">{", "}</span>
                                    <span class="quick-more">{second}</span>
                                }
                            </button>
                        </li>
                    }
                }) }
                <li>
                    <button type="button" class="quick quick-break" onclick={on_break} {disabled}>
                        <span class="quick-main">{format!("Log a {} break", format_minutes(QUICK_BREAK_MINUTES))}</span>
                    </button>
                </li>
            </ul>
        </div>
    }
}
