//! The navigation between sections, fitted to the device: on a wide screen every section in a row
//! under the masthead, as always; on a narrow one (640 px or less, chosen in the stylesheet) a bar
//! fixed at the bottom with the sections used most between sessions and a "More" button that
//! discloses the rest. Only one of the two is shown at a time, so assistive technology and the
//! journeys find one navigation named "Sections" either way.

use crate::route::View;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The sections on the narrow screen's bar; the others are under "More".
const ON_BAR: [View; 4] = [View::Today, View::Caseload, View::SelfCare, View::Risk];

/// Props of [`SectionsNav`].
#[derive(Properties, PartialEq)]
pub struct SectionsNavProps {
    /// The section showing.
    pub current: View,
}

/// A section's link, marked current when it is showing.
fn link(v: View, current: View, onclick: Option<Callback<MouseEvent>>) -> Html {
    html! {
        <li>
            <a href={format!("#{}", v.slug())} {onclick}
                aria-current={(v == current).then_some("page")}>{v.label()}</a>
        </li>
    }
}

/// Both navigations; the stylesheet shows the one that fits.
#[function_component(SectionsNav)]
pub fn sections_nav(props: &SectionsNavProps) -> Html {
    let open = use_state(|| false);
    let more_ref = use_node_ref();
    {
        // A new section closes the list of the others.
        let open = open.clone();
        use_effect_with(props.current, move |_| open.set(false));
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let on_key = {
        let (open, more_ref) = (open.clone(), more_ref.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                open.set(false);
                if let Some(button) = more_ref.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        })
    };
    let current = props.current;
    let rest: Vec<View> = View::ALL
        .into_iter()
        .filter(|v| !ON_BAR.contains(v))
        .collect();
    let holds_current = rest.contains(&current);
    html! {
        <>
            <nav class="sections wide no-print" aria-label="Sections">
                <ul>
                    { for View::ALL.into_iter().map(|v| link(v, current, None)) }
                </ul>
            </nav>
            <nav class="sections-phone no-print" aria-label="Sections" onkeydown={on_key}>
                <ul class="bar">
                    { for ON_BAR.into_iter().map(|v| link(v, current, None)) }
                    <li>
                        <button type="button" class={classes!("more", holds_current.then_some("holds-current"))}
                            ref={more_ref} onclick={toggle}
                            aria-expanded={open.to_string()} aria-controls="more-sections">
                            {"More"}
                        </button>
                    </li>
                </ul>
                <ul id="more-sections" class="more-panel" hidden={!*open}>
                    { for rest.iter().map(|v| link(*v, current, Some(close.clone()))) }
                </ul>
            </nav>
        </>
    }
}
