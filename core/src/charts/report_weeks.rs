//! Hours by week for the report: one bar per ISO week, stacked by kind, with the weekly target
//! as a line, so overtime shows as the part of a bar above it.

use super::bars::{bar, bar_frame, level_line, Frame};
use super::layout::Fit;
use crate::charts::frame::{draw_legend, failed, kind_colour, named_svg, with_legend, ChartError};
use crate::entry::WorkKind;
use crate::selectors::report::Report;
use crate::units::duration::format_minutes;
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

/// Draws the report's weeks as stacked bars of hours, laid out for `width` by `height` pixels.
pub fn render_weeks_svg(report: &Report, width: u32, height: u32) -> Result<String, ChartError> {
    let fit = Fit::new(width, height);
    let mut svg = String::new();
    let weeks = &report.weeks;
    {
        let root = crate::charts::svg::area(&mut svg, (fit.width, fit.height));
        root.fill(&WHITE).map_err(failed)?;
        let kinds = kinds_present(report);
        let names: Vec<&str> = kinds.iter().map(|k| k.label()).collect();
        let (plot_area, legend_area) = with_legend(&root, &fit, &names);
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
        let labels: Vec<String> = weeks
            .iter()
            .map(|w| format!("W{}", w.week.week()))
            .collect();
        let short: Vec<String> = weeks.iter().map(|w| w.week.week().to_string()).collect();
        let mut chart = bar_frame(
            &plot_area,
            &fit,
            Frame {
                title: (&title, "Hours by week"),
                labels,
                short_labels: short,
                y_desc: "Hours",
                top,
                y_ticks: None,
            },
        )?;
        let inset = fit.bar_inset(weeks.len()).min(6);
        let mut base = vec![0u32; weeks.len()];
        for kind in kinds.iter().copied() {
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
                Some(bar(i, from, to, kind_colour(kind), inset))
            });
            chart.draw_series(bars).map_err(failed)?;
        }
        let target = f64::from(report.weekly_target) / 60.0;
        level_line(&mut chart, count, target)?;
        draw_legend(&legend_area, &fit, &kinds)?;
        root.present().map_err(failed)?;
    }
    Ok(named_svg(&svg, &describe_weeks(report)))
}
