//! What the browser test files share: the page's document, real localStorage read through the
//! core's `KeyValue`, and a short wait for Yew to render.

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
