//! Hours by organisation, month by month: one stacked bar per month, one colour per organisation,
//! so a contract clinician sees at a glance where their time went and how it shifted.

use super::bars::{bar, bar_frame, Frame};
use super::frame::{draw_swatches, failed, named_svg, with_legend, ChartError};
use super::layout::Fit;
use crate::selectors::income::{org_series, MonthIncome, OrgSeries};
use crate::units::duration::format_minutes;
use plotters::prelude::*;

/// Okabe-Ito colours given to organisations in the order they first appear; they repeat after
/// seven, and the table and legend name every organisation so colour is never the only signal.
const ORG_COLOURS: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(86, 180, 233),
    RGBColor(204, 121, 167),
    RGBColor(240, 228, 66),
];

/// Grey for work logged without an organisation.
const NO_ORG: RGBColor = RGBColor(96, 96, 96);

/// The colour of each series, in order: grey for work without an organisation, and the
/// organisations' colours in the order they first appear.
pub fn org_colours(series: &[OrgSeries]) -> Vec<RGBColor> {
    let mut named = 0;
    series
        .iter()
        .map(|s| match s.organisation {
            None => NO_ORG,
            Some(_) => {
                named += 1;
                ORG_COLOURS[(named - 1) % ORG_COLOURS.len()]
            }
        })
        .collect()
}

/// One sentence on the months shown: the latest month's total and its largest organisation.
pub fn describe_org_months(months: &[MonthIncome]) -> String {
    let Some(last) = months.last() else {
        return "No months to show.".into();
    };
    let largest = last.organisations.iter().max_by_key(|o| o.minutes);
    match largest {
        Some(org) if org.minutes > 0 => format!(
            "Hours by organisation over {}: {} in {}, most of it for {} ({}).",
            month_count(months.len()),
            format_minutes(last.total_minutes()),
            last.month,
            org.name,
            format_minutes(org.minutes)
        ),
        _ => format!(
            "Hours by organisation over {}: nothing logged in {}.",
            month_count(months.len()),
            last.month
        ),
    }
}

fn month_count(n: usize) -> String {
    match n {
        1 => "1 month".into(),
        n => format!("{n} months"),
    }
}

/// Draws the months as stacked bars of hours per organisation, `width` by `height` pixels.
pub fn render_org_months_svg(
    months: &[MonthIncome],
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let series = org_series(months);
    let colours = org_colours(&series);
    let fit = Fit::new(width, height);
    let mut svg = String::new();
    {
        let root = crate::charts::svg::area(&mut svg, (fit.width, fit.height));
        root.fill(&WHITE).map_err(failed)?;
        let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
        let (plot_area, legend_area) = with_legend(&root, &fit, &names);
        let busiest = months.iter().map(|m| m.total_minutes()).max().unwrap_or(0);
        let top = (f64::from(busiest) / 60.0 * 1.1).ceil().max(10.0);
        let labels: Vec<String> = months.iter().map(|m| m.month.to_string()).collect();
        // "Nov" alone on a phone: the months run in order and the table names the year.
        let short: Vec<String> = months
            .iter()
            .map(|m| m.month.first_day().format("%b").to_string())
            .collect();
        let mut chart = bar_frame(
            &plot_area,
            &fit,
            Frame {
                title: ("Hours by organisation and month", "Hours by organisation"),
                labels,
                short_labels: short,
                y_desc: "Hours",
                top,
                y_ticks: None,
            },
        )?;
        let inset = fit.bar_inset(months.len());
        let mut base = vec![0u32; months.len()];
        for (s, &colour) in series.iter().zip(&colours) {
            let bars = s.minutes.iter().enumerate().filter_map(|(i, &minutes)| {
                let below = base.get_mut(i)?;
                if minutes == 0 {
                    return None;
                }
                let from = f64::from(*below) / 60.0;
                *below += minutes;
                Some(bar(i as u32, from, f64::from(*below) / 60.0, colour, inset))
            });
            chart.draw_series(bars).map_err(failed)?;
        }
        let items: Vec<_> = series
            .iter()
            .zip(colours)
            .map(|(s, colour)| (s.name.as_str(), colour.filled()))
            .collect();
        draw_swatches(&legend_area, &fit, &items)?;
        root.present().map_err(failed)?;
    }
    Ok(named_svg(&svg, &describe_org_months(months)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{EntryId, WorkEntry, WorkKind};
    use crate::journal::{Action, Journal};
    use crate::selectors::income::month_income;
    use crate::tracking::{Arrangement, OrgId, Organisation};
    use crate::units::Month;
    use chrono::NaiveDate;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn org(id: &str, name: &str) -> Action {
        Action::AddOrganisation(Organisation {
            id: OrgId(id.into()),
            name: name.into(),
            arrangement: Arrangement::ProBono,
            rate: None,
            weekly_minutes: 0,
            start: day(1, 1),
            end: None,
        })
    }

    fn work(id: &str, date: NaiveDate, minutes: u32, org: Option<&str>) -> Action {
        Action::AddEntry(WorkEntry {
            organisation: org.map(|o| OrgId(o.into())),
            ..WorkEntry::new(EntryId(id.into()), date, minutes, WorkKind::Admin)
        })
    }

    fn months() -> Vec<MonthIncome> {
        let journal = [
            org("a", "Harbour Clinic"),
            org("b", "Free Helpline"),
            work("1", day(9, 3), 120, Some("a")),
            work("2", day(10, 5), 60, Some("b")),
            work("3", day(10, 6), 180, Some("a")),
            work("4", day(10, 7), 30, None),
        ]
        .iter()
        .fold(Journal::default(), |j, a| j.apply(a).unwrap());
        let oct = Month::of(day(10, 1));
        vec![
            month_income(&journal, Month::of(day(9, 1))),
            month_income(&journal, oct),
        ]
    }

    #[test]
    fn each_organisation_keeps_one_colour_and_its_minutes_per_month() {
        let series = org_series(&months());
        let summary: Vec<_> = series
            .iter()
            .zip(org_colours(&series))
            .map(|(s, colour)| (s.name.as_str(), colour, s.minutes.clone()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("Harbour Clinic", ORG_COLOURS[0], vec![120, 180]),
                ("Free Helpline", ORG_COLOURS[1], vec![0, 60]),
                ("No organisation", NO_ORG, vec![0, 30]),
            ]
        );
    }

    #[test]
    fn draws_a_bar_per_organisation_and_month_with_a_legend() {
        let svg = render_org_months_svg(&months(), 720, 360).unwrap();
        let fills = |c: RGBColor| {
            svg.matches(&format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2))
                .count()
        };
        // Harbour Clinic: two bars and a swatch; the helpline and unassigned work: one bar each.
        assert_eq!(fills(ORG_COLOURS[0]), 3);
        assert_eq!(fills(ORG_COLOURS[1]), 2);
        assert_eq!(fills(NO_ORG), 2);
        assert!(svg.contains(">\nFree Helpline\n<"));
        let label = svg.split("aria-label=\"").nth(1).unwrap_or("");
        assert!(label.starts_with("Hours by organisation over 2 months: 4 h 30 min in 2026-10, most of it for Harbour Clinic (3 h).\""), "{label}");
    }

    #[test]
    fn no_months_or_no_work_is_said_plainly() {
        assert_eq!(describe_org_months(&[]), "No months to show.");
        let empty = vec![month_income(&Journal::default(), Month::of(day(3, 1)))];
        assert_eq!(
            describe_org_months(&empty),
            "Hours by organisation over 1 month: nothing logged in 2026-03."
        );
        assert!(render_org_months_svg(&empty, 720, 360).is_ok());
    }
}
