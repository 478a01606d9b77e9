//! Pieces every section shares: the "Skip to main content" link, the offer to undo a removal,
//! the colour theme (applied to the page, and chosen under "Your data"), and drawing the lower
//! parts of a section one step after the top.

use super::store_hook::use_store;
use crate::platform;
use crate::store::Msg;
use tend_core::settings::Theme;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// How long the offer to undo a removal stays, in milliseconds.
pub const UNDO_MS: i32 = 10_000;

/// A link, first in the page, that moves focus past the navigation to the main content. It does
/// not change the address: the `#fragment` names the section.
#[function_component(SkipLink)]
pub fn skip_link() -> Html {
    let onclick = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        platform::focus_id("main");
    });
    html! { <a class="skip-link" href="#main" {onclick}>{"Skip to main content"}</a> }
}

/// Draws its children one browser task after the rest of the page, so the app's first draw is two
/// shorter pieces of work instead of one long one: a tap or key press that comes in between is
/// answered at once, which matters most on a slow phone. Each `Later` is one more step, in page
/// order. For the parts after the top of a section (on Today the log form, then the week chart;
/// the footer): each arrives after what is already drawn, so nothing visible moves.
#[function_component(Later)]
pub fn later(props: &yew::html::ChildrenProps) -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let timer = platform::after(0, move || ready.set(true));
            move || drop(timer)
        });
    }
    if *ready {
        html! { <>{ props.children.clone() }</> }
    } else {
        html! {}
    }
}

/// Keeps `<html data-theme>` in step with the theme chosen on this device.
#[hook]
pub fn use_theme(theme: Theme) {
    use_effect_with(theme, |theme| {
        platform::apply_theme(theme.slug());
    });
}

/// "Deleted …" with an Undo button, for ten seconds after a removal. If the removal took focus
/// away (its button disappeared), focus moves to Undo; when the offer ends with focus in it,
/// focus goes to the main content rather than being lost.
#[function_component(UndoBar)]
pub fn undo_bar() -> Html {
    let store = use_store();
    let offer = store.as_ref().and_then(|s| s.undo.clone());
    let serial = offer.as_ref().map(|o| o.serial);
    {
        let dispatcher = store.as_ref().map(|s| s.dispatcher());
        use_effect_with(serial, move |serial| {
            let timer = serial.zip(dispatcher).and_then(|(serial, dispatcher)| {
                if platform::focus_is_lost() {
                    platform::focus_id("undo-button");
                }
                platform::after(UNDO_MS, move || {
                    if platform::focus_within("undo-bar") {
                        platform::focus_id("main");
                    }
                    dispatcher.dispatch(Msg::UndoExpired(serial));
                })
            });
            move || drop(timer)
        });
    }
    let (Some(store), Some(offer)) = (store, offer) else {
        return html! {};
    };
    let onclick = {
        let store = store.clone();
        let serial = offer.serial;
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Msg::Undo(serial));
            platform::focus_id("main");
        })
    };
    // Escape puts the offer away, as it would close a dialog, and leaves focus in the content.
    let onkeydown = {
        let store = store.clone();
        let serial = offer.serial;
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                store.dispatch(Msg::UndoExpired(serial));
                platform::focus_id("main");
            }
        })
    };
    html! {
        <div class="undo-bar" id="undo-bar" data-testid="undo-bar" {onkeydown}>
            <p>{offer.text.clone()}</p>
            <button type="button" id="undo-button" class="primary" {onclick}
                aria-label={format!("Undo: {}", offer.text)}>{"Undo"}</button>
        </div>
    }
}

/// The theme picker: follow the device, or always light, or always dark.
#[function_component(ThemeChoice)]
pub fn theme_choice() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let onchange = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let theme = Theme::ALL
                .into_iter()
                .find(|t| t.slug() == select.value())
                .unwrap_or_default();
            let mut settings = store.settings.clone();
            settings.theme = theme;
            store.dispatch(Msg::Settings(settings));
        })
    };
    let current = store.settings.theme;
    html! {
        <div class="field theme-choice">
            <label for="theme">{"Colours on this device"}</label>
            <select id="theme" {onchange} data-testid="theme">
                { for Theme::ALL.into_iter().map(|t| html! {
                    <option value={t.slug()} selected={t == current}>{t.label()}</option>
                }) }
            </select>
        </div>
    }
}
