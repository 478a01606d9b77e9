//! The frame every chart draws in: colours per kind, the legend strip and its swatches, the
//! chart error, and the accessible name put on each drawn SVG.
//!
//! Each chart file (one per chart) draws its picture on [`super::svg`]'s backend and uses these
//! so every chart labels, colours and names itself the same way.

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

/// Height of the strip under the plot that holds the legend.
pub(crate) const LEGEND_HEIGHT: u32 = 34;

/// A legend under the plot, so it never hides a bar: one row, wrapping to a second (and
/// further) row of [`LEGEND_HEIGHT`] when the area is tall enough and the kinds do not fit.
pub(crate) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    kinds: &[WorkKind],
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let items: Vec<_> = kinds.iter().map(|k| (k.label(), kind_colour(*k))).collect();
    draw_swatches(area, &items)
}

/// Draws colour swatches, each followed by its label, from under the y axis, wrapping to a
/// second row when the first is full and there is room.
pub(crate) fn draw_swatches<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    items: &[(&str, RGBColor)],
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let style = ("sans-serif", 15).into_font().color(&BLACK);
    let (width, height) = area.dim_in_pixel();
    let (mut x, mut y) = (52i32, 8i32);
    for (label, colour) in items {
        // Roughly 6.5 px per character at this size, then a gap before the next swatch.
        let step = 38 + 13 * label.chars().count() as i32 / 2;
        let next_row = y + LEGEND_HEIGHT as i32 - 8;
        if x + step - 18 > width as i32 && next_row + 22 <= height as i32 {
            x = 52;
            y = next_row;
        }
        area.draw(&Rectangle::new([(x, y), (x + 14, y + 14)], colour.filled()))
            .map_err(failed)?;
        area.draw(&Text::new(*label, (x + 20, y), style.clone()))
            .map_err(failed)?;
        x += step;
    }
    Ok(())
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
