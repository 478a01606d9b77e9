//! "Your data" → the break plan for a calendar (#23): downloads the plan as an .ics file, so the
//! slots a clinician keeps for breaks show as busy where their appointments are booked, and says
//! how to import it into Google Calendar, Outlook and Apple Calendar and what a changed plan does.

use crate::platform::{self, lock::random_bytes};
use crate::store::Msg;
use crate::views::common::use_store;
use chrono::DateTime;
use std::fmt::Write;
use tend_core::exchange::{plan_ics, PlanExport};
use yew::prelude::*;

/// The name of the downloaded file.
const FILE_NAME: &str = "tend-break-plan.ics";

/// A new random calendar key, 16 hex digits (the time-and-random record id where the browser
/// gives no random numbers).
fn new_calendar_key() -> String {
    match random_bytes::<8>() {
        Some(bytes) => bytes.iter().fold(String::new(), |mut key, b| {
            let _ = write!(key, "{b:02x}");
            key
        }),
        None => platform::new_id(),
    }
}

/// The download button, what it did, and how to use the file.
#[function_component(PlanExportCard)]
pub fn plan_export_card() -> Html {
    let said = use_state(String::new);
    let Some(store) = use_store() else {
        return html! {};
    };
    let plan = &store.settings.break_plan;
    let nothing = plan.breaks.is_empty() && plan.retired.is_empty();
    let onclick = {
        let (store, said) = (store.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            let today = platform::today();
            let mut settings = store.settings.clone();
            let keyless = settings.break_plan.calendar_key.is_empty();
            if keyless {
                settings.break_plan.calendar_key = new_calendar_key();
            }
            if settings.break_plan.settle(today) || keyless {
                store.dispatch(Msg::Settings(settings.clone()));
            }
            let plan = &settings.break_plan;
            let zone = platform::describe_zone(today);
            let stamp = DateTime::from_timestamp_millis(platform::now_ms())
                .map(|t| t.naive_utc())
                .unwrap_or_else(|| today.and_time(chrono::NaiveTime::MIN));
            let export = PlanExport {
                zone: &zone,
                stamp,
                today,
            };
            let text = plan_ics(plan, &store.doc().payload, &export);
            let count = plan.breaks.len();
            said.set(if platform::download(FILE_NAME, "text/calendar", &text) {
                format!(
                    "Downloaded {FILE_NAME}: {count} weekly {} (plan version {}), times in {}.",
                    if count == 1 { "break" } else { "breaks" },
                    plan.revision,
                    zone.tzid()
                )
            } else {
                "The browser did not start the download; nothing was changed.".into()
            });
        })
    };
    html! {
        <section aria-labelledby="plan-export-heading" data-testid="plan-export">
            <h3 id="plan-export-heading">{"Your break plan in your calendar"}</h3>
            <p>{"Download your break plan (Self-care) as a calendar file: each planned break becomes a weekly event at its time in your time zone, shown as busy, so the slot is not booked over. Days off and vacations you have logged ahead come with it. Only the kind of break goes in, nothing about clients."}</p>
            <button type="button" {onclick} disabled={nothing} data-testid="plan-export-button">
                {"Download the break plan (.ics)"}
            </button>
            <p role="status" data-testid="plan-export-status">{(*said).clone()}</p>
            <ul>
                <li>{"Google Calendar (on a computer): Settings → Import & export → Import, choose the file and the calendar to add it to."}</li>
                <li>{"Outlook: File → Open & Export → Import/Export → Import an iCalendar (.ics) file; on the web, Add calendar → Upload from file."}</li>
                <li>{"Apple Calendar: File → Import, or open the file; choose the calendar."}</li>
            </ul>
            <p class="muted">{"When you change the plan, download the file again and import it into the same calendar: each break keeps its identity (UID), so calendars that follow the standard update its event instead of adding a second, and breaks you removed come back as cancelled. Some programs still add copies; a calendar kept only for breaks is then easy to delete and import again. Tend has no server, so it cannot offer a calendar address to subscribe to: the file is the only way, and your calendar changes only when you import it."}</p>
        </section>
    }
}
