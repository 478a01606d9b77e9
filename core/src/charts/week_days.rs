//! The week chart on Today: one week's hours day by day, stacked by kind, drawn as an SVG string
//! with plotters.
//!
//! Rendering to a string in the core keeps charts testable natively and lets the same picture be
//! shown on screen and, later, exported. The chart stacks each day's hours by kind, carries its
//! own title and legend, and has an accessible name so a screen reader announces what it shows.

use super::bars::{bar, bar_frame, Frame};
use super::frame::{draw_legend, failed, kind_colour, named_svg, with_legend, ChartError};
use super::layout::Fit;
use crate::selectors::week::WeekSummary;
use crate::units::duration::format_minutes;
use plotters::prelude::*;

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A day's short English name; the week may start on any day.
fn day_name(date: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    DAY_NAMES[date.weekday().num_days_from_monday() as usize]
}

/// A one-sentence description of the week, used as the chart's accessible name.
pub fn describe_week(week: &WeekSummary) -> String {
    let total = week.total_minutes();
    if total == 0 {
        return format!("{}: no work logged.", week.title());
    }
    let busiest = week
        .days
        .iter()
        .enumerate()
        .max_by_key(|(i, d)| (d.total(), std::cmp::Reverse(*i)))
        .map(|(_, d)| format!("{} ({})", day_name(d.date), format_minutes(d.total())))
        .unwrap_or_default();
    format!(
        "{}: {} of work logged; busiest day {}.",
        week.title(),
        format_minutes(total),
        busiest
    )
}

/// Draws the week as stacked bars of hours per day, laid out for `width` by `height` pixels.
pub fn render_week_svg(week: &WeekSummary, width: u32, height: u32) -> Result<String, ChartError> {
    let fit = Fit::new(width, height);
    let mut svg = String::new();
    {
        let root = crate::charts::svg::area(&mut svg, (fit.width, fit.height));
        root.fill(&WHITE).map_err(failed)?;
        let kinds = week.kinds_present();
        let names: Vec<&str> = kinds.iter().map(|k| k.label()).collect();
        let (plot_area, legend_area) = with_legend(&root, &fit, &names);
        let busiest = week.days.iter().map(|d| d.total()).max().unwrap_or(0);
        let top = (f64::from(busiest) / 60.0).ceil().max(8.0);
        let title = week.title();
        let short_title = title
            .rsplit(" \u{b7} ")
            .next()
            .unwrap_or(&title)
            .to_string();
        let labels: Vec<String> = week.days.iter().map(|d| day_name(d.date).into()).collect();
        let short: Vec<String> = labels.iter().map(|l| l[..1].to_string()).collect();
        let mut chart = bar_frame(
            &plot_area,
            &fit,
            Frame {
                title: (&title, &short_title),
                labels,
                short_labels: short,
                y_desc: "Hours",
                top,
                y_ticks: Some(top as usize / 2 + 1),
            },
        )?;
        let mut base = [0u32; 7];
        for kind in kinds.iter().copied() {
            let bars = (0u32..7).filter_map(|i| {
                let minutes = week.days[i as usize].of(kind);
                if minutes == 0 {
                    return None;
                }
                let from = f64::from(base[i as usize]) / 60.0;
                base[i as usize] += minutes;
                let to = f64::from(base[i as usize]) / 60.0;
                Some(bar(i, from, to, kind_colour(kind), fit.bar_inset(7)))
            });
            chart.draw_series(bars).map_err(failed)?;
        }
        draw_legend(&legend_area, &fit, &kinds)?;
        root.present().map_err(failed)?;
    }
    Ok(named_svg(&svg, &describe_week(week)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{EntryId, WorkEntry, WorkKind};
    use crate::journal::Journal;
    use chrono::NaiveDate;

    fn week_with(entries: &[(u32, u32, WorkKind)]) -> WeekSummary {
        let journal = Journal {
            entries: entries
                .iter()
                .enumerate()
                .map(|(i, (d, m, k))| WorkEntry {
                    id: EntryId(i.to_string()),
                    date: NaiveDate::from_ymd_opt(2026, 11, *d).unwrap(),
                    minutes: *m,
                    kind: *k,
                    ..WorkEntry::default()
                })
                .collect(),
            ..Journal::default()
        };
        WeekSummary::of(&journal, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
    }

    fn has_text(svg: &str, text: &str) -> bool {
        svg.contains(&format!(">\n{text}\n<"))
    }

    fn fill_count(svg: &str, kind: WorkKind) -> usize {
        let c = kind_colour(kind);
        svg.matches(&format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2))
            .count()
    }

    #[test]
    fn draws_one_bar_per_day_and_kind_plus_legend_swatch() {
        let week = week_with(&[
            (23, 50, WorkKind::DirectSession),
            (23, 50, WorkKind::DirectSession),
            (24, 50, WorkKind::DirectSession),
            (24, 30, WorkKind::Documentation),
        ]);
        let svg = render_week_svg(&week, 640, 320).unwrap();
        assert!(
            svg.starts_with("<svg role=\"img\" aria-label=\"Week 48"),
            "{}",
            &svg[..80]
        );
        // Two bars (Mon, Tue) and a legend swatch for direct sessions; one bar and one swatch for
        // documentation; nothing for kinds with no time.
        assert_eq!(fill_count(&svg, WorkKind::DirectSession), 3);
        assert_eq!(fill_count(&svg, WorkKind::Documentation), 2);
        assert_eq!(fill_count(&svg, WorkKind::Admin), 0);
        assert!(has_text(&svg, "Direct session"));
        assert!(has_text(&svg, "Documentation"));
        assert!(!has_text(&svg, "Admin"));
        assert!(has_text(&svg, "Mon") && has_text(&svg, "Sun"));
    }

    #[test]
    fn a_week_from_sunday_is_labelled_from_sunday() {
        let journal = Journal {
            entries: vec![WorkEntry {
                id: EntryId("s".into()),
                date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
                minutes: 120,
                kind: WorkKind::Admin,
                ..WorkEntry::default()
            }]
            .into(),
            ..Journal::default()
        };
        let week = WeekSummary::starting(&journal, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        let svg = render_week_svg(&week, 640, 320).unwrap();
        let sun = svg.find(">\nSun\n<").unwrap();
        let mon = svg.find(">\nMon\n<").unwrap();
        let sat = svg.find(">\nSat\n<").unwrap();
        assert!(sun < mon && mon < sat, "labels run Sunday to Saturday");
        assert_eq!(
            describe_week(&week),
            "22\u{2013}28 Nov 2026: 2 h of work logged; busiest day Sun (2 h)."
        );
    }

    #[test]
    fn empty_week_draws_axes_and_says_so() {
        let week = week_with(&[]);
        let svg = render_week_svg(&week, 640, 320).unwrap();
        assert!(svg.contains("no work logged"));
        for kind in WorkKind::ALL {
            assert_eq!(fill_count(&svg, kind), 0);
        }
    }

    #[test]
    fn description_names_total_and_busiest_day() {
        let week = week_with(&[(25, 120, WorkKind::Admin), (26, 60, WorkKind::Travel)]);
        assert_eq!(
            describe_week(&week),
            "Week 48 \u{b7} 23\u{2013}29 Nov 2026: 3 h of work logged; busiest day Wed (2 h)."
        );
    }

    #[test]
    fn long_days_raise_the_scale() {
        let week = week_with(&[(23, 14 * 60, WorkKind::OnCall)]);
        let svg = render_week_svg(&week, 640, 320).unwrap();
        assert!(has_text(&svg, "14"), "the axis reaches 14 hours");
        assert!(!has_text(&svg, "16"), "and stops there");
    }
}
