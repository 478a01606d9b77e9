//! The one way a view reaches the store, so how the store is shared is decided in one place.

use crate::store::Store;
use yew::prelude::*;

/// The store `app.rs` provides through its `ContextProvider`, or `None` outside it (where a view
/// draws nothing, or what it can without data). It re-renders the view whenever the store changes.
#[hook]
pub fn use_store() -> Option<Store> {
    use_context::<Store>()
}
