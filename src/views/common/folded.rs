//! A long list shortened: only the most recent rows show, with a "Show earlier" button for the
//! rest, so a busy day or a fortnight of breaks reads at a glance on a phone. Shared by Today's
//! day list and Self-care's recent breaks.

use yew::prelude::*;

/// Props of [`Folded`].
#[derive(Properties, PartialEq)]
pub struct FoldedProps {
    /// The rows, each already keyed, oldest first or newest first as `newest_first` says.
    pub rows: Vec<Html>,
    /// How many of the most recent rows show before "Show earlier" is pressed.
    pub keep: usize,
    /// Whether `rows` run from the newest (the earlier ones are then at the end).
    #[prop_or_default]
    pub newest_first: bool,
    /// The element holding the rows (`ul` for rows that are list items).
    pub tag: &'static str,
    /// Its class.
    pub class: AttrValue,
    /// Its `data-testid`.
    pub test_id: AttrValue,
    /// What a row is, for the button: "entries", "days".
    pub noun: AttrValue,
}

/// The rows, the earlier ones folded away until asked for.
#[function_component(Folded)]
pub fn folded(props: &FoldedProps) -> Html {
    let open = use_state(|| false);
    let hidden = if *open {
        0
    } else {
        props.rows.len().saturating_sub(props.keep)
    };
    let shown: Vec<Html> = if props.newest_first {
        props.rows[..props.rows.len() - hidden].to_vec()
    } else {
        props.rows[hidden..].to_vec()
    };
    let button = (hidden > 0).then(|| {
        let open = open.clone();
        let onclick = Callback::from(move |_: MouseEvent| open.set(true));
        html! {
            <button type="button" class="quiet show-earlier" {onclick}>
                {format!("Show earlier ({} more {})", hidden, props.noun)}
            </button>
        }
    });
    html! {
        <>
            if !props.newest_first { {button.clone()} }
            <@{props.tag} class={props.class.clone()} data-testid={props.test_id.clone()}>
                { for shown }
            </@>
            if props.newest_first { {button} }
        </>
    }
}
