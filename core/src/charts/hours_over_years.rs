//! Hours worked week by week over a long stretch (years), drawn as one line with plotters: the
//! chart a five-year history is measured with in the benchmark, against JavaScript chart
//! libraries drawing the same series.

use crate::charts::frame::{failed, kind_colour, named_svg, ChartError};
use crate::entry::WorkKind;
use chrono::{Datelike, NaiveDate};
use plotters::prelude::*;

/// One sentence on the series: its length, average and highest week.
pub fn describe_trend(weeks: &[(NaiveDate, f64)]) -> String {
    let Some(highest) = weeks.iter().max_by(|a, b| a.1.total_cmp(&b.1)) else {
        return "No weeks to show.".into();
    };
    let average = weeks.iter().map(|w| w.1).sum::<f64>() / weeks.len() as f64;
    format!(
        "Hours worked over {} weeks: on average {average:.1} a week; highest {:.1} in the week of {}.",
        weeks.len(),
        highest.1,
        highest.0
    )
}

/// Draws the series as a line of hours per week, `width` by `height` pixels, labelled by year.
pub fn render_trend_svg(
    weeks: &[(NaiveDate, f64)],
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = crate::charts::svg::area(&mut svg, (width, height));
        root.fill(&WHITE).map_err(failed)?;
        let top = weeks.iter().map(|w| w.1).fold(0.0f64, f64::max);
        let top = (top * 1.1).ceil().max(10.0);
        let count = weeks.len().max(2) as f64;
        let mut chart = ChartBuilder::on(&root)
            .caption("Hours worked by week", ("sans-serif", 22))
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(40)
            .build_cartesian_2d(0f64..count - 1.0, 0f64..top)
            .map_err(failed)?;
        let year_of = |x: &f64| weeks.get(x.round().max(0.0) as usize).map(|w| w.0.year());
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_desc("Hours")
            .label_style(("sans-serif", 15))
            .axis_desc_style(("sans-serif", 15))
            .light_line_style(TRANSPARENT)
            .x_labels(weeks.len() / 52 + 2)
            .x_label_formatter(&|x| year_of(x).map(|y| y.to_string()).unwrap_or_default())
            .y_label_formatter(&|v| format!("{v:.0}"))
            .draw()
            .map_err(failed)?;
        let colour = kind_colour(WorkKind::DirectSession);
        chart
            .draw_series(LineSeries::new(
                weeks.iter().enumerate().map(|(i, w)| (i as f64, w.1)),
                colour.stroke_width(2),
            ))
            .map_err(failed)?;
        root.present().map_err(failed)?;
    }
    Ok(named_svg(&svg, &describe_trend(weeks)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::{generate, Profile};
    use crate::selectors::hours::weekly_hours;

    #[test]
    fn five_years_become_one_line_of_weekly_hours() {
        let last = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let h = generate(Profile::Heavy, last);
        let weeks = weekly_hours(&h.journal, h.first_day, h.last_day);
        assert_eq!(weeks.len(), 260);
        let total: f64 = weeks.iter().map(|w| w.1).sum();
        let logged: u32 = h.journal.entries.iter().map(|e| e.minutes).sum();
        assert!((total - f64::from(logged) / 60.0).abs() < 1e-6);
        // Vacation weeks are empty, working weeks hold eleven entries a day.
        assert_eq!(weeks.iter().filter(|w| w.1 == 0.0).count(), 5);
        assert!(weeks.iter().filter(|w| w.1 > 0.0).all(|w| w.1 > 40.0));
        let svg = render_trend_svg(&weeks, 960, 360).unwrap();
        assert!(svg.starts_with("<svg role=\"img\" aria-label=\"Hours worked over 260 weeks"));
        let line = svg
            .split("<polyline")
            .filter(|p| p.contains("stroke=\"#0072B2\""))
            .collect::<Vec<_>>();
        assert_eq!(line.len(), 1);
        assert_eq!(line[0].matches(',').count(), 260, "one point a week");
        assert!(svg.contains(">\n2022\n<") && svg.contains(">\n2026\n<"));
    }

    #[test]
    fn no_weeks_still_draw() {
        assert!(render_trend_svg(&[], 400, 200).is_ok());
        assert_eq!(describe_trend(&[]), "No weeks to show.");
    }
}
