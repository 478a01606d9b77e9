//! The weighted caseload week by week against capacity, each bar coloured by its traffic light
//! (and labelled in the table and summary, so colour is never the only signal).

use super::bars::{bar, bar_frame, level_line, Frame};
use super::layout::Fit;
use crate::charts::frame::{failed, named_svg, ChartError};
use crate::selectors::caseload::{TrafficLight, WeekCaseload};
use plotters::prelude::*;

/// Okabe-Ito colours for the traffic light: bluish green, orange and vermillion.
pub fn light_colour(light: TrafficLight) -> RGBColor {
    match light {
        TrafficLight::Green => RGBColor(0, 158, 115),
        TrafficLight::Amber => RGBColor(230, 159, 0),
        TrafficLight::Red => RGBColor(213, 94, 0),
    }
}

/// One sentence on the latest week and the highest one shown.
pub fn describe_caseload(weeks: &[WeekCaseload]) -> String {
    let Some(last) = weeks.last() else {
        return "No weeks to show.".into();
    };
    let highest = weeks.iter().max_by_key(|w| w.peak.points).unwrap_or(last);
    format!(
        "Weighted caseload over {} weeks: this week {} points of {} ({}%, {}); highest {} points in week {}.",
        weeks.len(),
        last.peak.points,
        last.peak.capacity,
        last.peak.percent,
        last.peak.light.label().to_lowercase(),
        highest.peak.points,
        highest.week.week()
    )
}

/// Draws the weeks as bars of peak points with a line at capacity, `width` by `height` pixels.
pub fn render_caseload_svg(
    weeks: &[WeekCaseload],
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let fit = Fit::new(width, height);
    let mut svg = String::new();
    {
        let root = crate::charts::svg::area(&mut svg, (fit.width, fit.height));
        root.fill(&WHITE).map_err(failed)?;
        let capacity = weeks.last().map_or(100, |w| w.peak.capacity);
        let highest = weeks
            .iter()
            .map(|w| w.peak.points)
            .max()
            .unwrap_or(0)
            .max(capacity);
        let top = (f64::from(highest) * 1.15).ceil().max(10.0);
        let count = weeks.len().max(1) as u32;
        let labels: Vec<String> = weeks
            .iter()
            .map(|w| format!("W{}", w.week.week()))
            .collect();
        let short: Vec<String> = weeks.iter().map(|w| w.week.week().to_string()).collect();
        let mut chart = bar_frame(
            &root,
            &fit,
            Frame {
                title: ("Weighted caseload by week", "Caseload by week"),
                labels,
                short_labels: short,
                y_desc: "Points",
                top,
                y_ticks: None,
            },
        )?;
        let inset = fit.bar_inset(weeks.len()).min(6);
        chart
            .draw_series(weeks.iter().enumerate().map(|(i, w)| {
                let i = i as u32;
                bar(
                    i,
                    0.0,
                    f64::from(w.peak.points),
                    light_colour(w.peak.light),
                    inset,
                )
            }))
            .map_err(failed)?;
        level_line(&mut chart, count, f64::from(capacity))?;
        root.present().map_err(failed)?;
    }
    Ok(named_svg(&svg, &describe_caseload(weeks)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Action, Journal};
    use crate::selectors::caseload::caseload_by_week;
    use crate::tracking::{Case, CaseId, Complexity};
    use chrono::NaiveDate;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn journal_with(cases: &[(Complexity, NaiveDate)]) -> Journal {
        cases
            .iter()
            .enumerate()
            .fold(Journal::default(), |j, (i, (c, on))| {
                j.apply(&Action::AddCase(Case::opened(
                    CaseId(format!("c{i}")),
                    &format!("C{i}"),
                    *c,
                    *on,
                )))
                .unwrap()
            })
    }

    #[test]
    fn bars_take_the_colour_of_their_light_and_capacity_is_a_line() {
        // Ten very complex cases (10 points each) from the second week: 100 points, amber;
        // two more moderate ones (6 each) in the fourth week: 112 points, red.
        let mut cases: Vec<_> = (0..10)
            .map(|_| (Complexity::VeryHigh, day(11, 9)))
            .collect();
        cases.push((Complexity::Moderate, day(11, 23)));
        cases.push((Complexity::Moderate, day(11, 23)));
        let weeks = caseload_by_week(&journal_with(&cases), day(11, 2), day(11, 23));
        assert_eq!(
            weeks.iter().map(|w| w.peak.points).collect::<Vec<_>>(),
            vec![0, 100, 100, 112]
        );
        let svg = render_caseload_svg(&weeks, 720, 360).unwrap();
        let fill = |c: RGBColor| format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
        assert_eq!(
            svg.matches(&fill(light_colour(TrafficLight::Amber)))
                .count(),
            2
        );
        assert_eq!(
            svg.matches(&fill(light_colour(TrafficLight::Red))).count(),
            1
        );
        assert!(svg.contains("stroke-width=\"2\""), "the capacity line");
        assert!(svg.contains("aria-label=\"Weighted caseload over 4 weeks: this week 112 points of 100 (112%, well over capacity); highest 112 points in week 48.\""));
        assert!(svg.contains(">\nW46\n<") && svg.contains(">\nW48\n<"));
    }

    #[test]
    fn an_empty_caseload_still_draws() {
        let weeks = caseload_by_week(&Journal::default(), day(11, 2), day(11, 8));
        let svg = render_caseload_svg(&weeks, 720, 360).unwrap();
        assert!(svg.contains("this week 0 points of 100 (0%, within capacity)"));
        assert_eq!(describe_caseload(&[]), "No weeks to show.");
    }
}
