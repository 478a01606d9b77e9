//! A chart as every view shows it: the core's SVG, a sentence for screen readers, buttons to save
//! it as SVG or PNG (twice the size, drawn in the browser), and its numbers as a table.

use crate::platform;
use yew::prelude::*;

/// Props of [`ChartFigure`].
#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    /// The chart as drawn by the core, or why it could not be drawn.
    pub svg: Result<AttrValue, AttrValue>,
    /// Its size in pixels as drawn.
    pub size: (u32, u32),
    /// One or two sentences saying what the chart shows.
    pub summary: AttrValue,
    /// The start of saved file names, such as `tend-week-2026-W48`.
    pub file_stem: AttrValue,
    /// Used for `data-testid`.
    pub test_id: AttrValue,
    /// The table of the same numbers.
    pub children: Html,
}

/// A chart with its text alternative, save buttons and table.
#[function_component(ChartFigure)]
pub fn chart_figure(props: &ChartFigureProps) -> Html {
    let status = use_state(String::new);
    let save_svg = {
        let (svg, stem) = (props.svg.clone(), props.file_stem.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(svg) = &svg {
                platform::download(&format!("{stem}.svg"), "image/svg+xml", svg);
            }
        })
    };
    let save_png = {
        let (svg, stem, size, status) = (
            props.svg.clone(),
            props.file_stem.clone(),
            props.size,
            status.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Ok(svg) = &svg {
                let status = status.clone();
                platform::download_svg_as_png(svg, size, 2, &format!("{stem}.png"), move |ok| {
                    if !ok {
                        status.set("The browser could not draw the PNG.".into());
                    }
                });
            }
        })
    };
    html! {
        <figure class="chart" data-testid={props.test_id.clone()}>
            { match &props.svg {
                Ok(svg) => Html::from_html_unchecked(svg.clone()),
                Err(e) => html! { <p class="error">{e.clone()}</p> },
            } }
            <figcaption class="visually-hidden">{props.summary.clone()}</figcaption>
            <div class="chart-tools">
                <button type="button" class="quiet" onclick={save_svg} disabled={props.svg.is_err()}>{"Save as SVG"}</button>
                <button type="button" class="quiet" onclick={save_png} disabled={props.svg.is_err()}>{"Save as PNG"}</button>
                <span role="status" class="error">{(*status).clone()}</span>
            </div>
            <details class="numbers">
                <summary>{"Show the numbers"}</summary>
                {props.children.clone()}
            </details>
        </figure>
    }
}
