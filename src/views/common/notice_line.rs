//! The status line that reads out the store's latest notice ("Saved.", or what went wrong), shared
//! so every section shows, marks and announces it the same way. A plain function rather than a
//! component: the views that show it already read the store, and a component of its own would add
//! Yew's machinery for one paragraph to the wasm.

use crate::store::Notice;
use yew::prelude::*;

/// A `role="status"` paragraph with the store's latest notice, marked `error` when it is a
/// problem; empty (but present, so screen readers hear the next one) when there is none. `testid`
/// is the line's `data-testid`, one per section; `id` is given when something points at it (the
/// entry form's `aria-describedby`).
pub fn notice_line(
    notice: Option<&Notice>,
    testid: &'static str,
    id: Option<&'static str>,
) -> Html {
    html! {
        <p id={id} role="status" data-testid={testid}
            class={classes!("status", notice.filter(|n| n.is_error).map(|_| "error"))}>
            {notice.map(|n| n.text.clone()).unwrap_or_default()}
        </p>
    }
}
