//! First run and demo data: what Tend is and is not, and a clearly labelled sample to explore,
//! removable in one click.

use crate::platform;
use crate::platform::locale::number;
use crate::store::Msg;
use crate::views::common::use_store;
use crate::views::self_care::TargetsForm;
use std::rc::Rc;
use tend_core::demo::demo_journal;
use tend_core::Action;
use yew::prelude::*;

/// The sample is the same every time (for a given day), so screenshots and support questions
/// see the same thing.
const DEMO_SEED: u64 = 2026;

/// The welcome card (when nothing is logged yet) or the demo-data banner (while the sample is in).
#[function_component(Welcome)]
pub fn welcome() -> Html {
    let store = use_store();
    // Reading every record's id is not free with years of history: once per document, not per
    // draw (a new document is a new allocation, and its revision tells a reused one apart).
    let revision = store
        .as_ref()
        .map_or((0, 0), |s| (s.doc().revision, Rc::as_ptr(s.doc()) as usize));
    let demo = {
        let store = store.clone();
        use_memo(revision, move |_| {
            store.is_some_and(|s| s.doc().payload.has_demo())
        })
    };
    let Some(store) = store else {
        return html! {};
    };
    let journal = &store.doc().payload;
    if *demo {
        let remove = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| {
                store.dispatch(Msg::Apply {
                    action: Action::RemoveDemo,
                    done: "The demo data is gone; your own records are untouched.".into(),
                })
            })
        };
        return html! {
            <div class="banner" role="status" data-testid="demo-banner">
                <p>{"You are looking at demo data: sample organisations (named \u{201c}Sample: \u{2026}\u{201d}), \
                    cases, four weeks of work and breaks, and self-checks. Anything you log yourself is kept when you remove it."}</p>
                <button type="button" onclick={remove} disabled={store.read_only()}>{"Remove demo data"}</button>
            </div>
        };
    }
    let empty = journal.entries.is_empty()
        && journal.breaks.is_empty()
        && journal.organisations.is_empty()
        && journal.cases.is_empty()
        && journal.checks.is_empty()
        && journal.instruments.is_empty();
    if !empty || store.read_only() {
        return html! {};
    }
    let try_demo = {
        let store = store.clone();
        Callback::from(
            move |_: MouseEvent| match demo_journal(DEMO_SEED, platform::today()) {
                Ok(journal) => store.dispatch(Msg::Import {
                    journal,
                    done: "Demo data loaded. Remove it any time from the banner above.".into(),
                }),
                Err(why) => store.dispatch(Msg::Problem(format!(
                    "The demo data could not be made ({why})."
                ))),
            },
        )
    };
    let t = &journal.targets;
    let targets = format!(
        "Your targets: {} hours a week, at most {} of them with clients, {} breaks a working day, {} working days a week. Check or change them",
        number(f64::from(t.weekly_minutes) / 60.0, 2),
        number(f64::from(t.max_direct_minutes) / 60.0, 2),
        t.breaks_per_day,
        t.working_days.count()
    );
    html! {
        <section class="card welcome" aria-labelledby="welcome-heading" data-testid="welcome">
            <h2 id="welcome-heading">{"Welcome to Tend"}</h2>
            <p>{"Tend helps you keep an eye on your caseload, your hours and your breaks, so that \
                the slow build-up towards burnout is easier to notice. Log work below in a few seconds a day."}</p>
            <ul>
                <li>{"Everything stays in this browser. There is no account and nothing is sent anywhere."}</li>
                <li>{"It is a self-check, not a diagnosis. If you are struggling, talk to your supervisor, a colleague or your own clinician."}</li>
                <li>{"Sections measure against a few targets of your own. They start at common defaults; change them now or later under Self-care."}</li>
            </ul>
            // Folded, so the keyboard reaches the log form in one step; opened, it is the whole form.
            <details class="welcome-targets" data-testid="welcome-targets">
                <summary>{targets}</summary>
                <TargetsForm />
            </details>
            <button type="button" onclick={try_demo}>{"Try it with demo data"}</button>
        </section>
    }
}
