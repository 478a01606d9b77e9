//! The alert under a file picker when an imported definition (an instrument, a requirement set)
//! was refused: every problem the core listed, one per line, so each import shows them alike.

use yew::prelude::*;

/// Nothing when `problems` is empty; otherwise an alert, `data-testid` `testid`, saying the file
/// was not imported and listing why.
pub fn file_problems(problems: &[String], testid: &'static str) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    html! {
        <div role="alert" data-testid={testid}>
            <p class="field-error">{"This file was not imported:"}</p>
            <ul class="field-error problems">
                { for problems.iter().map(|p| html! { <li>{p.clone()}</li> }) }
            </ul>
        </div>
    }
}
