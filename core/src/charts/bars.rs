//! The frame the bar charts share: a title, one segment per bar labelled underneath, a value
//! axis from zero, bars that fill a segment, and a level line for a target or a capacity.

use crate::charts::frame::{failed, ChartError};
use crate::charts::layout::{Fit, LABEL};
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordu32};
use plotters::coord::Shift;
use plotters::prelude::*;

/// A chart of bars, one per segment.
pub(crate) type Bars<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<SegmentedCoord<RangedCoordu32>, RangedCoordf64>>;

/// What a bar chart's frame shows: a title in a long and a short form, labels under the
/// segments in a long and a short form (the short used only when the long ones would have to be
/// thinned out more), and the value axis from 0 to `top` named `y_desc`.
pub(crate) struct Frame<'t> {
    pub title: (&'t str, &'t str),
    pub labels: Vec<String>,
    pub short_labels: Vec<String>,
    pub y_desc: &'t str,
    pub top: f64,
    /// How many whole-number ticks the value axis would like, if not plotters' own choice.
    pub y_ticks: Option<usize>,
}

/// Builds the frame on `area`, laid out for `fit`.
pub(crate) fn bar_frame<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    fit: &Fit,
    frame: Frame<'_>,
) -> Result<Bars<'a, DB>, ChartError>
where
    DB::ErrorType: 'static,
{
    let count = frame.labels.len().max(1) as u32;
    let title = fit.title(frame.title.0, frame.title.1);
    let mut chart = ChartBuilder::on(area)
        .caption(title, ("sans-serif", fit.caption_size()))
        .margin(fit.margin())
        .x_label_area_size(28)
        .y_label_area_size(fit.y_label_area())
        .build_cartesian_2d((0u32..count - 1).into_segmented(), 0f64..frame.top)
        .map_err(failed)?;
    let (labels, step) = fit.axis_labels(frame.labels, frame.short_labels);
    let x_label = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) if (*i as usize).is_multiple_of(step) => {
            labels.get(*i as usize).cloned().unwrap_or_default()
        }
        _ => String::new(),
    };
    let y_label = |v: &f64| format!("{v:.0}");
    let plot_height = chart.plotting_area().dim_in_pixel().1;
    let wanted = frame.y_ticks.unwrap_or(10);
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh()
        .y_desc(frame.y_desc)
        .label_style(("sans-serif", LABEL))
        .axis_desc_style(("sans-serif", LABEL))
        .light_line_style(TRANSPARENT)
        .x_labels(labels.len())
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .y_labels(fit.y_ticks(plot_height, wanted));
    mesh.draw().map_err(failed)?;
    Ok(chart)
}

/// A bar in segment `i` from `from` to `to`, narrowed by `inset` pixels on each side.
pub(crate) fn bar(
    i: u32,
    from: f64,
    to: f64,
    colour: RGBColor,
    inset: u32,
) -> Rectangle<(SegmentValue<u32>, f64)> {
    let mut bar = Rectangle::new(
        [
            (SegmentValue::Exact(i), from),
            (SegmentValue::Exact(i + 1), to),
        ],
        colour.filled(),
    );
    bar.set_margin(0, 0, inset, inset);
    bar
}

/// A black line across all `count` segments at `level`: a target or a capacity.
pub(crate) fn level_line<DB: DrawingBackend>(
    chart: &mut Bars<'_, DB>,
    count: u32,
    level: f64,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![
                (SegmentValue::Exact(0), level),
                (SegmentValue::Exact(count.max(1)), level),
            ],
            BLACK.stroke_width(2),
        )))
        .map_err(failed)?;
    Ok(())
}
