//! The frame the bar charts share: a title, one segment per bar labelled underneath, a value
//! axis from zero, bars that fill a segment, and a level line for a target or a capacity.

use crate::charts::frame::{failed, ChartError};
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordu32};
use plotters::coord::Shift;
use plotters::prelude::*;

/// A chart of bars, one per segment.
pub(crate) type Bars<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<SegmentedCoord<RangedCoordu32>, RangedCoordf64>>;

/// Builds the frame on `area`: `labels` under the segments, a value axis from 0 to `top` named
/// `y_desc`, with whole-number ticks (`y_ticks` of them when given).
pub(crate) fn bar_frame<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    title: &str,
    labels: &[String],
    y_desc: &str,
    top: f64,
    y_ticks: Option<usize>,
) -> Result<Bars<'a, DB>, ChartError>
where
    DB::ErrorType: 'static,
{
    let count = labels.len().max(1) as u32;
    let mut chart = ChartBuilder::on(area)
        .caption(title, ("sans-serif", 22))
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(44)
        .build_cartesian_2d((0u32..count - 1).into_segmented(), 0f64..top)
        .map_err(failed)?;
    let x_label = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) => labels.get(*i as usize).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    let y_label = |v: &f64| format!("{v:.0}");
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh()
        .y_desc(y_desc)
        .label_style(("sans-serif", 15))
        .axis_desc_style(("sans-serif", 15))
        .light_line_style(TRANSPARENT)
        .x_labels(labels.len())
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label);
    if let Some(ticks) = y_ticks {
        mesh.y_labels(ticks);
    }
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
