//! What the browser test files share: the page's document, real localStorage read through the
//! core's `KeyValue`, a short wait for Yew to render, mounting the app, moving between sections,
//! finding elements and firing events.

use std::time::Duration;
use tend_core::storage::KeyValue;
use web_sys::Storage;

/// The page's document.
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The page's localStorage.
pub fn local() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// localStorage as the core reads it.
pub struct Local;

impl KeyValue for Local {
    fn get(&self, key: &str) -> Option<String> {
        local().get_item(key).unwrap()
    }
    fn keys(&self) -> Vec<String> {
        (0..local().length().unwrap())
            .filter_map(|i| local().key(i).unwrap())
            .collect()
    }
}

/// Lets Yew render and run its effects.
pub async fn settle() {
    for _ in 0..4 {
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Mounts a fresh app and waits for its first render.
pub async fn mount() -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<tend::App>::with_root(root.clone()).render();
    settle().await;
    root
}

/// Shows a section by its address fragment, as the navigation links do.
pub async fn show(section: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(section)
        .unwrap();
    settle().await;
}

/// The first element under `root` that matches `selector`.
pub fn find(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// The text of the first element under `root` that matches `selector`.
pub fn text(root: &web_sys::Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Dispatches a bubbling event named `name` at `target`, as a person's input would.
pub fn fire(target: &web_sys::Element, name: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(name, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}
