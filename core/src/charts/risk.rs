//! The risk index week by week over its four bands, with the self-check scores overlaid, so a
//! clinician sees where the index has been and how their own answers moved with it. Bands are
//! tinted backgrounds named in the legend and the table; colour is never the only signal.

use crate::charts::frame::{draw_swatches, failed, named_svg, with_legend, ChartError};
use crate::charts::layout::{Fit, LABEL};
use crate::risk::signals::proqol_fraction;
use crate::risk::{Band, RiskWeek};
use chrono::Datelike;
use plotters::prelude::*;

/// Okabe-Ito colours for the band backgrounds: bluish green, yellow, orange and vermillion.
pub fn band_colour(band: Band) -> RGBColor {
    match band {
        Band::Low => RGBColor(0, 158, 115),
        Band::Moderate => RGBColor(240, 228, 66),
        Band::Elevated => RGBColor(230, 159, 0),
        Band::High => RGBColor(213, 94, 0),
    }
}

/// The index line (Okabe-Ito blue).
pub const INDEX_COLOUR: RGBColor = RGBColor(0, 114, 178);
/// Pulse strain markers (Okabe-Ito reddish purple).
pub const PULSE_COLOUR: RGBColor = RGBColor(204, 121, 167);
/// ProQOL markers (black, so they stand out on every band).
pub const PROQOL_COLOUR: RGBColor = RGBColor(0, 0, 0);

/// The larger of ProQOL Burnout and Secondary Traumatic Stress, placed on the 0-100 scale from
/// the top of the low band (0) to the start of the high band (100).
pub fn proqol_scaled(week: &RiskWeek) -> Option<f64> {
    let p = week.inputs.signals.proqol?;
    Some(100.0 * proqol_fraction(p.bo).max(proqol_fraction(p.sts)))
}

/// One or two sentences on the latest and highest index shown.
pub fn describe_risk(weeks: &[RiskWeek]) -> String {
    let scored: Vec<(&RiskWeek, u32)> = weeks
        .iter()
        .filter_map(|w| Some((w, w.score.as_ref()?.index)))
        .collect();
    let Some((last, index)) = scored.last() else {
        return "Not enough data yet for a risk index: log some work or a self-check first.".into();
    };
    let (high_week, high) = scored
        .iter()
        .max_by_key(|(w, i)| (*i, std::cmp::Reverse(w.monday)))
        .copied()
        .unwrap_or((last, *index));
    format!(
        "Risk index over {} weeks with data: latest {} of 100 ({}) in week {}; highest {} in week {}.",
        scored.len(),
        index,
        Band::of(*index).label(),
        last.monday.iso_week().week(),
        high,
        high_week.monday.iso_week().week()
    )
}

/// Draws the weeks, laid out for `width` by `height` pixels.
pub fn render_risk_svg(weeks: &[RiskWeek], width: u32, height: u32) -> Result<String, ChartError> {
    let fit = Fit::new(width, height);
    let legend = legend_items();
    let names: Vec<&str> = legend.iter().map(|i| i.0).collect();
    let mut svg = String::new();
    {
        let root = crate::charts::svg::area(&mut svg, (fit.width, fit.height));
        root.fill(&WHITE).map_err(failed)?;
        let (plot_area, legend_area) = with_legend(&root, &fit, &names);
        let last = weeks.len().max(2) as f64 - 0.5;
        let mut chart = ChartBuilder::on(&plot_area)
            .caption("Risk index by week", ("sans-serif", fit.caption_size()))
            .margin(fit.margin())
            .x_label_area_size(28)
            .y_label_area_size(fit.y_label_area())
            .build_cartesian_2d(-0.5f64..last, 0f64..100f64)
            .map_err(failed)?;
        for band in Band::ALL {
            let (low, high) = band.range();
            let top = if band == Band::High {
                100.0
            } else {
                f64::from(high) + 1.0
            };
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(-0.5, f64::from(low)), (last, top)],
                    band_colour(band).mix(0.22).filled(),
                )))
                .map_err(failed)?;
        }
        let long: Vec<String> = weeks
            .iter()
            .map(|w| format!("W{}", w.monday.iso_week().week()))
            .collect();
        let short: Vec<String> = weeks
            .iter()
            .map(|w| w.monday.iso_week().week().to_string())
            .collect();
        let (labels, step) = fit.axis_labels(long, short);
        let plot_height = chart.plotting_area().dim_in_pixel().1;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_desc("Index")
            .label_style(("sans-serif", LABEL))
            .axis_desc_style(("sans-serif", LABEL))
            .light_line_style(TRANSPARENT)
            .x_labels(weeks.len().max(2))
            .x_label_formatter(&|v| {
                let i = v.round();
                let on_step = i >= 0.0 && (i as usize).is_multiple_of(step) && (v - i).abs() < 1e-6;
                if on_step {
                    labels.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_labels(fit.y_ticks(plot_height, 6))
            .y_label_formatter(&|v| format!("{v:.0}"))
            .draw()
            .map_err(failed)?;
        // The index as a line, broken where a week has too little data.
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut runs = Vec::new();
        for (i, w) in weeks.iter().enumerate() {
            match &w.score {
                Some(s) => run.push((i as f64, f64::from(s.index))),
                None => runs.push(std::mem::take(&mut run)),
            }
        }
        runs.push(run);
        for run in runs.into_iter().filter(|r| !r.is_empty()) {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    run.clone(),
                    INDEX_COLOUR.stroke_width(3),
                )))
                .map_err(failed)?;
            chart
                .draw_series(
                    run.into_iter()
                        .map(|p| Circle::new(p, 4, INDEX_COLOUR.filled())),
                )
                .map_err(failed)?;
        }
        let pulse = weeks.iter().enumerate().filter_map(|(i, w)| {
            let s = w.inputs.signals.strain_fraction()?;
            Some(TriangleMarker::new(
                (i as f64, 100.0 * s),
                6,
                PULSE_COLOUR.filled(),
            ))
        });
        chart.draw_series(pulse).map_err(failed)?;
        let proqol = weeks.iter().enumerate().filter_map(|(i, w)| {
            Some(Cross::new(
                (i as f64, proqol_scaled(w)?),
                6,
                PROQOL_COLOUR.stroke_width(2),
            ))
        });
        chart.draw_series(proqol).map_err(failed)?;
        draw_swatches(&legend_area, &fit, &legend)?;
        root.present().map_err(failed)?;
    }
    Ok(named_svg(&svg, &describe_risk(weeks)))
}

/// The legend: the index, the two self-checks and the four bands.
fn legend_items() -> [(&'static str, ShapeStyle); 7] {
    [
        ("Index", INDEX_COLOUR.filled()),
        ("Pulse strain", PULSE_COLOUR.filled()),
        ("ProQOL BO/STS", PROQOL_COLOUR.filled()),
        ("Low", band_colour(Band::Low).mix(0.4).filled()),
        ("Moderate", band_colour(Band::Moderate).mix(0.4).filled()),
        ("Elevated", band_colour(Band::Elevated).mix(0.4).filled()),
        ("High", band_colour(Band::High).mix(0.4).filled()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::{score, CheckSignals, ProqolScores, WeekInputs};
    use chrono::{Days, NaiveDate};

    fn week(i: u64, strain: Option<f64>, scored: bool) -> RiskWeek {
        let inputs = WeekInputs {
            days_since_vacation: 14 + 20 * i as u32,
            signals: CheckSignals {
                pulse_strain: strain,
                proqol: (i == 2).then_some(ProqolScores {
                    cs: 30,
                    bo: 32,
                    sts: 40,
                }),
                ..CheckSignals::default()
            },
            ..WeekInputs::default()
        };
        RiskWeek {
            monday: NaiveDate::from_ymd_opt(2026, 10, 5).unwrap() + Days::new(7 * i),
            inputs,
            score: scored.then(|| score(&inputs)),
        }
    }

    fn fill(c: RGBColor) -> String {
        format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2)
    }

    #[test]
    fn bands_line_and_self_checks_are_drawn() {
        let weeks = vec![
            week(0, Some(40.0), true),
            week(1, None, true),
            week(2, None, false),
            week(3, Some(70.0), true),
        ];
        let svg = render_risk_svg(&weeks, 720, 360).unwrap();
        for band in Band::ALL {
            // One background and one legend swatch per band.
            assert_eq!(svg.matches(&fill(band_colour(band))).count(), 2, "{band:?}");
        }
        // Three scored weeks, each a dot (the gap week has none), plus the legend swatch.
        assert_eq!(svg.matches(&fill(INDEX_COLOUR)).count(), 4);
        // Two pulse triangles and a swatch.
        assert_eq!(svg.matches(&fill(PULSE_COLOUR)).count(), 3);
        assert!(svg.contains(">\nW41\n<") && svg.contains(">\nHigh\n<"));
        // The ProQOL mark sits at the larger of BO and STS: STS 40 is 90% of the way to 42.
        assert_eq!(proqol_scaled(&weeks[2]), Some(90.0));
        // Week 44: strain 70 gives 21 points and 74 days since a vacation 9 × 60 / 166 = 3.25.
        assert!(svg.contains(
            "aria-label=\"Risk index over 3 weeks with data: latest 24 of 100 (moderate) in week 44; highest 24 in week 44.\""
        ), "{}", &svg[..300]);
    }

    #[test]
    fn no_weeks_says_not_enough_data() {
        let svg = render_risk_svg(&[], 720, 360).unwrap();
        assert!(svg.contains("Not enough data yet"));
        assert!(describe_risk(&[week(0, None, false)]).starts_with("Not enough data"));
    }
}
