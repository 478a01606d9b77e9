//! The frame every chart draws in: colours per kind, the legend strip and its swatches (in the
//! rows [`super::layout`] lays out), the chart error, and the accessible name put on each drawn SVG.
//!
//! Each chart file (one per chart) draws its picture on [`super::svg`]'s backend and uses these
//! so every chart labels, colours and names itself the same way.

use super::layout::{Fit, LABEL};
use crate::entry::WorkKind;
use plotters::prelude::*;
use std::fmt;

/// Colours per kind, from the Okabe-Ito palette, which stays distinguishable with the common
/// forms of colour blindness.
pub fn kind_colour(kind: WorkKind) -> RGBColor {
    match kind {
        WorkKind::DirectSession => RGBColor(0, 114, 178),
        WorkKind::GroupSession => RGBColor(240, 228, 66),
        WorkKind::Assessment => RGBColor(96, 96, 96),
        WorkKind::Documentation => RGBColor(230, 159, 0),
        WorkKind::Admin => RGBColor(86, 180, 233),
        WorkKind::Travel => RGBColor(0, 158, 115),
        WorkKind::Supervision => RGBColor(204, 121, 167),
        WorkKind::OnCall => RGBColor(213, 94, 0),
    }
}

/// Why a chart could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartError(pub String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the chart could not be drawn ({})", self.0)
    }
}

pub(crate) fn failed<E: fmt::Debug>(e: E) -> ChartError {
    ChartError(format!("{e:?}"))
}

/// A legend under the plot, so it never hides a bar: as many rows as `fit`'s width needs.
pub(crate) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    fit: &Fit,
    kinds: &[WorkKind],
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let items: Vec<_> = kinds
        .iter()
        .map(|k| (k.label(), kind_colour(*k).filled()))
        .collect();
    draw_swatches(area, fit, &items)
}

/// Draws a swatch in each item's style followed by its label, in the rows
/// [`Fit::legend_places`] lays out.
pub(crate) fn draw_swatches<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    fit: &Fit,
    items: &[(&str, ShapeStyle)],
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let style = ("sans-serif", LABEL).into_font().color(&BLACK);
    let labels: Vec<&str> = items.iter().map(|i| i.0).collect();
    for ((label, swatch), (x, y)) in items.iter().zip(fit.legend_places(&labels)) {
        area.draw(&Rectangle::new([(x, y), (x + 14, y + 14)], *swatch))
            .map_err(failed)?;
        area.draw(&Text::new(
            fit.legend_text(label),
            (x + 20, y),
            style.clone(),
        ))
        .map_err(failed)?;
    }
    Ok(())
}

/// Splits `root` into the plot and, under it, a strip tall enough for a legend of `labels`.
pub(crate) fn with_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    fit: &Fit,
    labels: &[&str],
) -> (
    DrawingArea<DB, plotters::coord::Shift>,
    DrawingArea<DB, plotters::coord::Shift>,
) {
    let legend = fit.legend_height(labels);
    root.split_vertically(fit.height.saturating_sub(legend))
}

/// Names a drawn SVG for screen readers: `role="img"` with the summary as its accessible name.
pub(crate) fn named_svg(svg: &str, summary: &str) -> String {
    svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{}\" ", escape_attr(summary)),
        1,
    )
}

pub(crate) fn escape_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
