//! A chart as every view shows it: the core's SVG drawn for the width its box has on the page (a
//! phone gets a chart laid out for a phone, with text at its full size, not a desktop picture
//! shrunk), redrawn when the window changes size, a sentence for screen readers, buttons to save
//! the full-size picture as SVG or PNG (twice the size, drawn in the browser), and its numbers as
//! a table. The box's size comes from the stylesheet, so drawing into it moves nothing around it.

use crate::platform;
use std::rc::Rc;
use tend_core::charts::frame::ChartError;
use yew::prelude::*;

/// The function that draws a chart at a given width and height. Two are equal only if they are
/// the same function, so a view that keeps one across renders (in a memo) is not redrawn.
#[derive(Clone)]
pub struct ChartDraw(Rc<dyn Fn(u32, u32) -> Result<String, ChartError>>);

impl ChartDraw {
    /// Wraps a chart's drawing function.
    pub fn new(draw: impl Fn(u32, u32) -> Result<String, ChartError> + 'static) -> Self {
        ChartDraw(Rc::new(draw))
    }

    fn at(&self, (width, height): (u32, u32)) -> Result<AttrValue, AttrValue> {
        (self.0)(width, height)
            .map(AttrValue::from)
            .map_err(|e| AttrValue::from(e.to_string()))
    }
}

impl PartialEq for ChartDraw {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`ChartFigure`].
#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    /// Draws the chart at a size.
    pub draw: ChartDraw,
    /// The full size in pixels, which saved files have.
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
    let frame = use_node_ref();
    // The size the chart's box has on the page; until it is known, nothing is drawn in the box.
    let shown = use_state_eq(|| None::<(u32, u32)>);
    {
        let (frame, shown, full) = (frame.clone(), shown.clone(), props.size);
        use_effect_with((), move |_| {
            let measure = move || {
                let size = frame
                    .cast::<web_sys::Element>()
                    .and_then(|e| platform::element_size(&e));
                // A box that takes no room (hidden) is drawn at the full size.
                shown.set(Some(size.unwrap_or(full)));
            };
            measure();
            let listener = platform::on_resize(measure);
            move || drop(listener)
        });
    }
    let svg = use_memo((props.draw.clone(), *shown), |(draw, shown)| {
        shown.map(|size| draw.at(size))
    });
    let save_svg = {
        let (draw, stem, size) = (props.draw.clone(), props.file_stem.clone(), props.size);
        Callback::from(move |_: MouseEvent| {
            if let Ok(svg) = draw.at(size) {
                platform::download(&format!("{stem}.svg"), "image/svg+xml", &svg);
            }
        })
    };
    let save_png = {
        let (draw, stem, size, status) = (
            props.draw.clone(),
            props.file_stem.clone(),
            props.size,
            status.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Ok(svg) = draw.at(size) {
                let status = status.clone();
                platform::download_svg_as_png(&svg, size, 2, &format!("{stem}.png"), move |ok| {
                    if !ok {
                        status.set("The browser could not draw the PNG.".into());
                    }
                });
            }
        })
    };
    let failed = matches!(&*svg, Some(Err(_)));
    html! {
        <figure class="chart" data-testid={props.test_id.clone()}>
            <div class="chart-box" ref={frame}>
                { match &*svg {
                    Some(Ok(svg)) => Html::from_html_unchecked(svg.clone()),
                    Some(Err(e)) => html! { <p class="error">{e.clone()}</p> },
                    None => html! {},
                } }
            </div>
            <figcaption class="visually-hidden">{props.summary.clone()}</figcaption>
            <div class="chart-tools">
                <button type="button" class="quiet" onclick={save_svg} disabled={failed}>{"Save as SVG"}</button>
                <button type="button" class="quiet" onclick={save_png} disabled={failed}>{"Save as PNG"}</button>
                <span role="status" class="error">{(*status).clone()}</span>
            </div>
            <details class="numbers">
                <summary>{"Show the numbers"}</summary>
                {props.children.clone()}
            </details>
        </figure>
    }
}
