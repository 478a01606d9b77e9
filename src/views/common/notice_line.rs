//! The status line that reads out the store's latest notice ("Saved.", or what went wrong), shared
//! so every section shows, marks and announces it the same way.

use super::store_hook::use_store;
use yew::prelude::*;

/// Props of [`NoticeLine`].
#[derive(Properties, PartialEq)]
pub struct NoticeLineProps {
    /// The line's `data-testid`, one per section.
    pub testid: AttrValue,
    /// The line's `id`, when something points at it (the entry form's `aria-describedby`).
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// A `role="status"` paragraph with the latest notice, marked `error` when it is a problem; empty
/// (but present, so screen readers hear the next one) when there is none.
#[function_component(NoticeLine)]
pub fn notice_line(props: &NoticeLineProps) -> Html {
    let notice = use_store().and_then(|s| s.notice.clone());
    html! {
        <p id={props.id.clone()} role="status" data-testid={props.testid.clone()}
            class={classes!("status", notice.as_ref().filter(|n| n.is_error).map(|_| "error"))}>
            {notice.map(|n| n.text).unwrap_or_default()}
        </p>
    }
}
