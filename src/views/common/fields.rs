//! Reading form fields without binding them: shared by every form, so each reads and fills its
//! inputs the same way.

use yew::prelude::*;

/// The current value of an input or select, or an empty string.
pub(crate) fn value_of(node: &NodeRef) -> String {
    use web_sys::{HtmlInputElement, HtmlSelectElement};
    node.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .or_else(|| node.cast::<HtmlSelectElement>().map(|s| s.value()))
        .unwrap_or_default()
}

/// Puts `text` into an input once, when it first appears, without binding its value: a bound
/// value would be put back on every re-render (say, to show an error) and undo what was typed.
#[hook]
pub(crate) fn use_initial_value(node: &NodeRef, text: String) {
    let node = node.clone();
    use_effect_with((), move |_| {
        if let Some(input) = node.cast::<web_sys::HtmlInputElement>() {
            if input.value().is_empty() {
                input.set_value(&text);
            }
        }
    });
}
