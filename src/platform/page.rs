//! The page around the app: the colour theme on `<html>` and the browser's bar, the static first
//! screen and when the app replaces it, moving focus, one-off timers, and the size an element
//! takes (charts are drawn for it) and when the window's changes.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The colour of the browser's bar around the page in each theme, as in `index.html`.
const BAR_LIGHT: &str = "#1f5f8b";
const BAR_DARK: &str = "#14191d";

/// Puts the theme's slug (`system`, `light` or `dark`) on `<html data-theme>`, where the
/// stylesheet picks the colours from it, and colours the browser's bar to match: both
/// `theme-color` entries take the chosen theme's colour, or their own system one again.
/// Returns false if the page could not be reached.
pub fn apply_theme(slug: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    for (id, system) in [("bar-light", BAR_LIGHT), ("bar-dark", BAR_DARK)] {
        let colour = match slug {
            "light" => BAR_LIGHT,
            "dark" => BAR_DARK,
            _ => system,
        };
        if let Some(meta) = document.get_element_by_id(id) {
            let _ = meta.set_attribute("content", colour);
        }
    }
    document
        .document_element()
        .is_some_and(|html| html.set_attribute("data-theme", slug).is_ok())
}

/// Takes away the page's static first screen (`#shell` in `index.html`), which stands in for the
/// app while it loads. Called once, just before the app draws itself, so both never show.
pub fn remove_shell() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        shell.remove();
    }
}

/// A start that runs at most once, whichever timer gets there first.
type Once = Rc<Cell<Option<Box<dyn FnOnce()>>>>;

/// Calls `start` once the page has been painted at least once, so the static first screen shows
/// before the app replaces it, however fast the app arrived: an animation frame comes just before
/// a paint, and a zero timer set in it runs after that paint. A page in a background tab gets no
/// animation frames, so a plain timer starts the app anyway after 200 ms. `start` runs only once.
pub fn after_first_paint(start: impl FnOnce() + 'static) {
    let start: Once = Rc::new(Cell::new(Some(Box::new(start))));
    let run = move |start: &Once| {
        if let Some(start) = start.take() {
            start();
        }
    };
    let Some(window) = web_sys::window() else {
        run(&start);
        return;
    };
    let (late, after_frame) = (start.clone(), start.clone());
    let fallback = Closure::once_into_js(move || run(&late));
    let frame = Closure::once_into_js(move || {
        let next = Closure::once_into_js(move || run(&after_frame));
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 0);
        }
    });
    let timer =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 200);
    let framed = window.request_animation_frame(frame.unchecked_ref());
    if timer.is_err() && framed.is_err() {
        run(&start);
    }
}

/// The element the app draws into (`#app` in `index.html`), so that nothing else on the page
/// (the update notice the service worker script adds) is the app's to replace.
pub fn app_root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("app")
}

/// Moves focus to the element with this id, if it exists and can take focus.
pub fn focus_id(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// True when nothing in particular has focus (it fell back to the page body, as when the
/// focused button was removed).
pub fn focus_is_lost() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| match d.active_element() {
            None => true,
            Some(active) => d.body().is_some_and(|b| *b == active),
        })
}

/// True when the element with this id holds focus or contains what does.
pub fn focus_within(id: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    match (document.get_element_by_id(id), document.active_element()) {
        (Some(outer), Some(active)) => outer.contains(Some(&active)),
        _ => false,
    }
}

/// A pending one-off timer; dropping it cancels it.
pub struct Timeout {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.id);
        }
    }
}

/// Calls `done` once after `ms` milliseconds, unless the returned handle is dropped first.
pub fn after(ms: i32, done: impl FnOnce() + 'static) -> Option<Timeout> {
    let window = web_sys::window()?;
    let callback = Closure::once(done);
    let id = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            ms,
        )
        .ok()?;
    Some(Timeout {
        id,
        _callback: callback,
    })
}

/// The whole pixels an element takes on the page, or `None` if it takes none (not shown yet,
/// or hidden).
pub fn element_size(element: &web_sys::Element) -> Option<(u32, u32)> {
    let (width, height) = (element.client_width(), element.client_height());
    (width > 0 && height > 0).then_some((width as u32, height as u32))
}

/// A `resize` subscription on the window; dropping it unsubscribes.
pub struct ResizeListener {
    callback: Closure<dyn FnMut()>,
}

impl Drop for ResizeListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "resize",
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Calls `resized` whenever the window changes size (a phone turned, a window dragged wider).
pub fn on_resize(resized: impl FnMut() + 'static) -> Option<ResizeListener> {
    let window = web_sys::window()?;
    let callback = Closure::<dyn FnMut()>::new(resized);
    window
        .add_event_listener_with_callback("resize", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(ResizeListener { callback })
}
