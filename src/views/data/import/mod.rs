//! "Import from a calendar" in Your data: choose an .ics file, a range and the rules, see what it
//! would add, then add it in one change (the state before is kept as a snapshot).
//!
//! The core does the work (`import_ics` reads the file, `plan` checks every record against the
//! journal); this view only gathers the choices, shows the preview and dispatches the result.

mod preview;
mod rules;

use crate::platform;
use crate::store::Msg;
use crate::views::common::{use_initial_value, use_store, value_of};
use chrono::{Days, NaiveDate};
use preview::ImportPreview;
use rules::{Mapping, MappingForm};
use std::rc::Rc;
use tend_core::duration::format_minutes;
use tend_core::import::{
    import_ics, plan, AllDay, Choices, Import, ImportError, ImportOptions, Plan, MAX_INPUT_BYTES,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The chosen file.
#[derive(Clone, PartialEq)]
struct Chosen {
    name: String,
    bytes: Rc<Vec<u8>>,
}

/// Where the import stands.
#[derive(Clone, PartialEq)]
enum Stage {
    /// Nothing to show yet.
    Idle,
    /// The file or the choices cannot be used; nothing changes.
    Problem(String),
    /// What confirming would do.
    Ready(Rc<(Import, Plan)>),
    /// Done: what was added.
    Done(String),
}

/// Everything typed into the form, read when the preview is made.
struct Settings {
    from: String,
    to: String,
    owner: String,
    all_day: AllDay,
    mapping: Mapping,
}

fn parse_day(text: &str, what: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("Choose the {what} day of the range (a date such as 2026-11-02)."))
}

/// Reads the file with the settings and checks the result against the journal.
fn examine(
    file: &Chosen,
    s: &Settings,
    journal: &tend_core::Journal,
) -> Result<(Import, Plan), String> {
    let from = parse_day(&s.from, "first")?;
    let to = parse_day(&s.to, "last")?;
    let middle = from
        .checked_add_days(Days::new(
            u64::try_from((to - from).num_days() / 2).unwrap_or(0),
        ))
        .unwrap_or(from);
    let options = ImportOptions {
        from,
        to,
        utc_offset_minutes: platform::utc_offset_minutes(middle),
        owner_emails: s
            .owner
            .split([',', ' '])
            .filter(|a| a.contains('@'))
            .map(String::from)
            .collect(),
        kinds: s.mapping.kinds(),
    };
    let import = import_ics(&file.bytes, &options).map_err(|e| e.to_string())?;
    let choices = Choices {
        organisations: s.mapping.organisations(),
        all_day: s.all_day,
    };
    let plan = plan(journal, &import, &choices);
    Ok((import, plan))
}

/// The calendar import section of "Your data".
#[function_component(CalendarImport)]
pub fn calendar_import() -> Html {
    let store = use_store();
    let stage = use_state(|| Stage::Idle);
    let file = use_state(|| None::<Chosen>);
    let mapping = use_state(Mapping::default);
    let all_day = use_state(|| AllDay::Skip);
    let (from_ref, to_ref, owner_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    let today = platform::today();
    let four_weeks_ago = today.checked_sub_days(Days::new(27)).unwrap_or(today);
    use_initial_value(&from_ref, four_weeks_ago.format("%Y-%m-%d").to_string());
    use_initial_value(&to_ref, today.format("%Y-%m-%d").to_string());
    let Some(store) = store else {
        return html! {};
    };

    let settings = {
        let (from_ref, to_ref, owner_ref) = (from_ref.clone(), to_ref.clone(), owner_ref.clone());
        let (mapping, all_day) = (mapping.clone(), all_day.clone());
        move || Settings {
            from: value_of(&from_ref),
            to: value_of(&to_ref),
            owner: value_of(&owner_ref),
            all_day: *all_day,
            mapping: (*mapping).clone(),
        }
    };
    let show = {
        let (stage, store) = (stage.clone(), store.clone());
        move |chosen: &Chosen, s: Settings| {
            stage.set(match examine(chosen, &s, &store.doc().payload) {
                Ok(result) => Stage::Ready(Rc::new(result)),
                Err(message) => Stage::Problem(message),
            });
        }
    };
    let on_file = {
        let (stage, file, settings, show) =
            (stage.clone(), file.clone(), settings.clone(), show.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let name = input
                .files()
                .and_then(|f| f.get(0))
                .map(|f| f.name())
                .unwrap_or_default();
            let (stage, file, settings, show) =
                (stage.clone(), file.clone(), settings.clone(), show.clone());
            platform::read_chosen_file(&input, MAX_INPUT_BYTES, move |read| match read {
                Ok(bytes) => {
                    let chosen = Chosen {
                        name,
                        bytes: Rc::new(bytes),
                    };
                    show(&chosen, settings());
                    file.set(Some(chosen));
                }
                Err(0) => {
                    file.set(None);
                    stage.set(Stage::Problem("The file could not be read.".into()));
                }
                Err(bytes) => {
                    file.set(None);
                    stage.set(Stage::Problem(ImportError::TooLarge { bytes }.to_string()));
                }
            });
            input.set_value("");
        })
    };
    let on_preview = {
        let (file, stage, settings, show) =
            (file.clone(), stage.clone(), settings.clone(), show.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match &*file {
                Some(chosen) => show(chosen, settings()),
                None => stage.set(Stage::Problem(
                    "Choose a calendar file (.ics) first.".into(),
                )),
            }
        })
    };
    let on_confirm = {
        let (stage, store, file) = (stage.clone(), store.clone(), file.clone());
        Callback::from(move |_: MouseEvent| {
            let Stage::Ready(result) = &*stage else {
                return;
            };
            let plan = &result.1;
            let action = plan.action();
            // The reducer has the last word: if it refuses, say why and change nothing.
            if let Err(e) = store.doc().payload.apply(&action) {
                stage.set(Stage::Problem(format!("Nothing was imported: {e}")));
                return;
            }
            let name = file.as_ref().map(|f| f.name.clone()).unwrap_or_default();
            let mut done = format!(
                "Imported {} work {} ({}) from {name}",
                plan.entries.len(),
                if plan.entries.len() == 1 {
                    "entry"
                } else {
                    "entries"
                },
                format_minutes(plan.minutes())
            );
            if !plan.days_off.is_empty() {
                done.push_str(&format!(" and {} days off", plan.days_off.len()));
            }
            done.push_str(". The state before was kept as a snapshot.");
            store.dispatch(Msg::Import {
                journal: plan.records(),
                done: done.clone(),
            });
            stage.set(Stage::Done(done));
        })
    };
    // A preview on screen follows every change of the choices, so what is confirmed is always
    // what the choices say.
    let refresh = {
        let (file, stage, settings, show) =
            (file.clone(), stage.clone(), settings.clone(), show.clone());
        move |change: &dyn Fn(&mut Settings)| {
            if let (Some(chosen), Stage::Ready(_) | Stage::Problem(_)) = (&*file, &*stage) {
                let mut s = settings();
                change(&mut s);
                show(chosen, s);
            }
        }
    };
    let on_all_day = {
        let (all_day, refresh) = (all_day.clone(), refresh.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let choice = if input.value() == "day-off" {
                AllDay::DayOff
            } else {
                AllDay::Skip
            };
            all_day.set(choice);
            refresh(&|s: &mut Settings| s.all_day = choice);
        })
    };
    let on_mapping = {
        let (mapping, refresh) = (mapping.clone(), refresh.clone());
        Callback::from(move |m: Mapping| {
            mapping.set(m.clone());
            refresh(&|s: &mut Settings| s.mapping = m.clone());
        })
    };
    let on_range = Callback::from(move |_: Event| refresh(&|_: &mut Settings| {}));
    let orgs = store.doc().payload.organisations.clone();
    let read_only = store.read_only();

    html! {
        <section class="calendar-import" aria-labelledby="import-heading" data-testid="calendar-import">
            <h3 id="import-heading">{"Import from a calendar"}</h3>
            <p class="hint">{"Add work entries from a calendar file (.ics) exported by Google Calendar, Outlook or Apple Calendar. You see everything before it is added; importing the same events again adds nothing."}</p>
            <form class="import-form" onsubmit={on_preview}>
                <div class="field">
                    <label for="import-file">{"Calendar file (.ics, up to 5 MB)"}</label>
                    <input id="import-file" type="file" accept=".ics,text/calendar" onchange={on_file} disabled={read_only} />
                    if let Some(f) = &*file {
                        <span class="hint" data-testid="import-file-name">{format!("{} ({:.1} KB)", f.name, f.bytes.len() as f64 / 1024.0)}</span>
                    }
                </div>
                <div class="import-range">
                    <div class="field">
                        <label for="import-from">{"From"}</label>
                        <input id="import-from" type="date" ref={from_ref} onchange={on_range.clone()} />
                    </div>
                    <div class="field">
                        <label for="import-to">{"To (included)"}</label>
                        <input id="import-to" type="date" ref={to_ref} onchange={on_range} />
                    </div>
                </div>
                <fieldset class="all-day">
                    <legend>{"All-day events"}</legend>
                    <label><input type="radio" name="all-day" value="skip" checked={*all_day == AllDay::Skip} onchange={on_all_day.clone()} />{"Skip them"}</label>
                    <label><input type="radio" name="all-day" value="day-off" checked={*all_day == AllDay::DayOff} onchange={on_all_day} />{"Count each day as a day off"}</label>
                </fieldset>
                <div class="field">
                    <label for="import-owner">{"Your calendar address (optional)"}</label>
                    <input id="import-owner" type="email" ref={owner_ref} autocomplete="email" />
                    <span class="hint">{"Meetings this address declined are skipped."}</span>
                </div>
                <MappingForm mapping={(*mapping).clone()} orgs={orgs.clone()} onchange={on_mapping} />
                <button type="submit" disabled={read_only}>{"Show what would be imported"}</button>
            </form>
            { match &*stage {
                Stage::Idle => html! {},
                Stage::Problem(message) => html! {
                    <p class="field-error" role="alert" data-testid="import-message">{message.clone()}</p>
                },
                Stage::Done(message) => html! {
                    <p class="status" role="status" data-testid="import-message">{message.clone()}</p>
                },
                Stage::Ready(result) => html! {
                    <>
                        <ImportPreview import={result.0.clone()} plan={result.1.clone()} orgs={orgs} />
                        <button type="button" class="primary" onclick={on_confirm}
                            disabled={result.1.is_empty() || read_only}>
                            { if result.1.is_empty() { "Nothing new to import".to_string() } else {
                                format!("Import {} entries", result.1.entries.len() + result.1.days_off.len()) } }
                        </button>
                    </>
                },
            } }
        </section>
    }
}
