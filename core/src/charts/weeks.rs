//! Hours by week for the report: one bar per ISO week, stacked by kind, with the weekly target
//! as a line, so overtime shows as the part of a bar above it.

use crate::chart::{draw_legend, escape_attr, failed, kind_colour, ChartError, LEGEND_HEIGHT};
use crate::duration::format_minutes;
use crate::entry::WorkKind;
use crate::report::Report;
use plotters::prelude::*;

/// One or two sentences on the weeks: the total, the busiest week and the overtime.
pub fn describe_weeks(report: &Report) -> String {
    let Some(busiest) = report.weeks.iter().max_by_key(|w| w.total()) else {
        return "No weeks to show.".into();
    };
    if report.total_minutes() == 0 {
        return format!("{} weeks: no work logged.", report.weeks.len());
    }
    format!(
        "Hours by week over {} weeks: {} in all; busiest week {} with {}; {} of overtime over \
         the {} weekly target in {} whole weeks.",
        report.weeks.len(),
        format_minutes(report.total_minutes()),
        busiest.week.week(),
        format_minutes(busiest.total()),
        format_minutes(report.overtime_minutes()),
        format_minutes(report.weekly_target),
        report.weeks_over_target()
    )
}

/// The kinds with any minutes in the report, in display order.
fn kinds_present(report: &Report) -> Vec<WorkKind> {
    WorkKind::ALL
        .into_iter()
        .filter(|k| report.by_kind[k.index()] > 0)
        .collect()
}

/// Draws the report's weeks as stacked bars of hours, `width` by `height` pixels.
pub fn render_weeks_svg(report: &Report, width: u32, height: u32) -> Result<String, ChartError> {
    let mut svg = String::new();
    let weeks = &report.weeks;
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let (plot_area, legend_area) =
            root.split_vertically(height.saturating_sub(2 * LEGEND_HEIGHT - 8));
        let highest = weeks
            .iter()
            .map(|w| w.total())
            .max()
            .unwrap_or(0)
            .max(report.weekly_target);
        let top = (f64::from(highest) / 60.0 * 1.1).ceil().max(8.0);
        let count = weeks.len().max(1) as u32;
        let title = format!(
            "Hours by week, {} to {}",
            report.period.from.format("%-d %b %Y"),
            report.period.to.format("%-d %b %Y")
        );
        let mut chart = ChartBuilder::on(&plot_area)
            .caption(title, ("sans-serif", 22))
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(44)
            .build_cartesian_2d((0u32..count - 1).into_segmented(), 0f64..top)
            .map_err(failed)?;
        let labels: Vec<String> = weeks
            .iter()
            .map(|w| format!("W{}", w.week.week()))
            .collect();
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_desc("Hours")
            .label_style(("sans-serif", 15))
            .axis_desc_style(("sans-serif", 15))
            .light_line_style(TRANSPARENT)
            .x_labels(weeks.len())
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => labels.get(*i as usize).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .y_label_formatter(&|v| format!("{v:.0}"))
            .draw()
            .map_err(failed)?;
        let mut base = vec![0u32; weeks.len()];
        for kind in kinds_present(report) {
            let bars = weeks.iter().enumerate().filter_map(|(i, w)| {
                let minutes = w.minutes[kind.index()];
                let slot = base.get_mut(i)?;
                if minutes == 0 {
                    return None;
                }
                let from = f64::from(*slot) / 60.0;
                *slot += minutes;
                let to = f64::from(*slot) / 60.0;
                let i = i as u32;
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), from),
                        (SegmentValue::Exact(i + 1), to),
                    ],
                    kind_colour(kind).filled(),
                );
                bar.set_margin(0, 0, 6, 6);
                Some(bar)
            });
            chart.draw_series(bars).map_err(failed)?;
        }
        let target = f64::from(report.weekly_target) / 60.0;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![
                    (SegmentValue::Exact(0), target),
                    (SegmentValue::Exact(count), target),
                ],
                BLACK.stroke_width(2),
            )))
            .map_err(failed)?;
        draw_legend(&legend_area, &kinds_present(report))?;
        root.present().map_err(failed)?;
    }
    let label = escape_attr(&describe_weeks(report));
    Ok(svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{label}\" "),
        1,
    ))
}
