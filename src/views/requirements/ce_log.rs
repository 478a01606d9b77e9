//! Continuing-education activities: a form to log one (date, hours, category, provider and where
//! the certificate is kept) and the list of those logged, newest first, each removable with Undo.
//! An activity's category matches a CE cycle's required category by its id (such as `ethics`).

use super::progress::hours;
use crate::platform;
use crate::platform::locale::{date, DateStyle};
use crate::store::Msg;
use crate::views::common::{use_initial_value, use_store, value_of};
use chrono::NaiveDate;
use tend_core::duration::parse_duration;
use tend_core::requirements::{CeActivity, CeId};
use tend_core::Action;
use web_sys::HtmlFormElement;
use yew::prelude::*;

/// Hours typed as `1.5`, `1,5`, `90 min` or `1h30`: whole minutes, or why not.
fn ce_minutes(text: &str) -> Result<u32, String> {
    let clean = text.trim().replace(',', ".");
    if let Ok(h) = clean.parse::<f64>() {
        if h.is_finite() && h > 0.0 && h <= 100.0 {
            return Ok((h * 60.0).round() as u32);
        }
        return Err("Hours: an activity gives from a minute to 100 hours of CE.".into());
    }
    parse_duration(text).map_err(|e| format!("Hours: {e}"))
}

/// The form and the list.
#[function_component(CeLog)]
pub fn ce_log() -> Html {
    let store = use_store();
    let problems = use_state(Vec::<String>::new);
    let (form, day, length, category, provider, certificate) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let today_text = platform::today().format("%Y-%m-%d").to_string();
    use_initial_value(&day, today_text.clone());
    let Some(store) = store else {
        return html! {};
    };
    let onsubmit = {
        let (store, problems, form) = (store.clone(), problems.clone(), form.clone());
        let (day, length, category) = (day.clone(), length.clone(), category.clone());
        let (provider, certificate) = (provider.clone(), certificate.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut list = Vec::new();
            let today = platform::today();
            let when = NaiveDate::parse_from_str(value_of(&day).trim(), "%Y-%m-%d").ok();
            match when {
                None => list.push("Date: choose the day the activity was completed.".to_string()),
                Some(d) if d > today => list.push(
                    "Date: the day is in the future; log an activity once it is done.".into(),
                ),
                Some(_) => {}
            }
            let minutes = ce_minutes(&value_of(&length))
                .map_err(|e| list.push(e))
                .unwrap_or(0);
            let activity = CeActivity {
                id: CeId(platform::new_id()),
                date: when.unwrap_or(today),
                minutes,
                category: value_of(&category).trim().to_lowercase(),
                provider: value_of(&provider).trim().to_string(),
                certificate: value_of(&certificate).trim().to_string(),
            };
            if list.is_empty() {
                list = activity.problems();
            }
            if !list.is_empty() {
                problems.set(list);
                return;
            }
            problems.set(Vec::new());
            let done = format!(
                "Logged {} of CE on {}.",
                hours(u64::from(activity.minutes)),
                date(activity.date, DateStyle::Day)
            );
            store.dispatch(Msg::Apply {
                action: Action::AddCeActivity(activity),
                done,
            });
            if let Some(f) = form.cast::<HtmlFormElement>() {
                f.reset();
            }
        })
    };
    let mut activities: Vec<CeActivity> = store.doc().payload.ce_activities.clone();
    tend_core::sorting::sort_stable_by(&mut activities, |a, b| b.date.cmp(&a.date));
    let read_only = store.read_only();
    html! {
        <section class="card" aria-labelledby="ce-log-heading" data-testid="ce-log">
            <h2 id="ce-log-heading">{"Continuing-education activities"}</h2>
            <p>{"Log each course or event once it is done. Activities count towards every CE cycle \
                they fall in; a category such as \u{201c}ethics\u{201d} counts towards that \
                required category too."}</p>
            <form class="entry-form" ref={form} {onsubmit} novalidate=true data-testid="ce-form">
                <div class="field">
                    <label for="ce-date">{"Completed on"}</label>
                    <input id="ce-date" type="date" max={today_text} ref={day} />
                </div>
                <div class="field">
                    <label for="ce-hours">{"Hours"}</label>
                    <input id="ce-hours" type="text" inputmode="decimal" autocomplete="off" ref={length} />
                </div>
                <div class="field">
                    <label for="ce-category">{"Category"}</label>
                    <input id="ce-category" type="text" autocomplete="off" ref={category}
                        aria-describedby="ce-category-hint" />
                    <span class="hint" id="ce-category-hint">{"Such as ethics or clinical; leave empty for general CE."}</span>
                </div>
                <div class="field">
                    <label for="ce-provider">{"Provider"}</label>
                    <input id="ce-provider" type="text" autocomplete="off" ref={provider} />
                </div>
                <div class="field">
                    <label for="ce-certificate">{"Where the certificate is kept"}</label>
                    <input id="ce-certificate" type="text" autocomplete="off" ref={certificate} />
                </div>
                <button type="submit" class="primary" disabled={read_only}>{"Log activity"}</button>
            </form>
            if !problems.is_empty() {
                <ul class="field-error problems" role="alert" data-testid="ce-problems">
                    { for problems.iter().map(|p| html! { <li>{p.clone()}</li> }) }
                </ul>
            }
            <h3>{"Logged activities"}</h3>
            if activities.is_empty() {
                <p data-testid="ce-empty">{"No activities logged yet. Log one above once you have completed it."}</p>
            } else {
                <ul class="cases" data-testid="ce-list">
                    { for activities.iter().map(|a| {
                        let (store, id) = (store.clone(), a.id.clone());
                        let when = date(a.date, DateStyle::Day);
                        let done = format!("Deleted the CE activity of {when}.");
                        let onclick = Callback::from(move |_: MouseEvent| store.dispatch(Msg::Apply {
                            action: Action::RemoveCeActivity(id.clone()), done: done.clone(),
                        }));
                        let text = [
                            format!("{when}: {}", hours(u64::from(a.minutes))),
                            a.category.clone(), a.provider.clone(),
                            if a.certificate.is_empty() { String::new() } else { format!("certificate: {}", a.certificate) },
                        ].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join(", ");
                        html! {
                            <li key={a.id.0.clone()}>
                                <span class="entry-kind">{text}</span>
                                <button type="button" class="quiet" {onclick} disabled={read_only}
                                    aria-label={format!("Delete the activity of {when}")}>{"Delete"}</button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}
