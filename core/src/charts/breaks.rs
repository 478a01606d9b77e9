//! Breaks per working day, week by week, against the clinician's own target: the Self-care
//! section's chart. Short pauses in a working day are one of the few recovery habits with
//! measured effects on fatigue, so a slide here is worth seeing early.

use super::bars::{bar, bar_frame, level_line, Frame};
use super::frame::{failed, named_svg, ChartError};
use super::layout::Fit;
use crate::selectors::rest::WeekBreaks;
use chrono::Datelike;
use plotters::prelude::*;

/// Bar colour when a week's average meets the target (Okabe-Ito bluish green) and when it falls
/// short (orange). The table and summary say the same in words.
const MET: RGBColor = RGBColor(0, 158, 115);
const SHORT: RGBColor = RGBColor(230, 159, 0);

fn tenths(t: u32) -> String {
    format!("{}.{}", t / 10, t % 10)
}

/// One sentence on the latest week with work and how many weeks met the target.
pub fn describe_breaks(weeks: &[WeekBreaks]) -> String {
    let worked: Vec<_> = weeks.iter().filter(|w| w.days_worked > 0).collect();
    let Some(last) = worked.last() else {
        return format!("No working days in the last {} weeks.", weeks.len());
    };
    format!(
        "Breaks per working day over {} weeks: {} in the week of {}, against a target of {}; the target was met in {} of {} weeks with work.",
        weeks.len(),
        tenths(last.per_day_tenths()),
        last.monday.format("%-d %b"),
        last.target,
        worked.iter().filter(|w| w.met()).count(),
        worked.len()
    )
}

/// Draws the weeks as bars of pauses per working day with the target as a line.
pub fn render_breaks_svg(
    weeks: &[WeekBreaks],
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let fit = Fit::new(width, height);
    let mut svg = String::new();
    {
        let root = crate::charts::svg::area(&mut svg, (fit.width, fit.height));
        root.fill(&WHITE).map_err(failed)?;
        let target = weeks.last().map_or(0, |w| w.target);
        let highest = weeks.iter().map(|w| w.per_day_tenths()).max().unwrap_or(0);
        let top = (f64::from(highest.max(target * 10)) / 10.0 * 1.2)
            .ceil()
            .max(4.0);
        let count = weeks.len().max(1) as u32;
        let labels: Vec<String> = weeks
            .iter()
            .map(|w| format!("W{}", w.monday.iso_week().week()))
            .collect();
        let short: Vec<String> = weeks
            .iter()
            .map(|w| w.monday.iso_week().week().to_string())
            .collect();
        let mut chart = bar_frame(
            &root,
            &fit,
            Frame {
                title: ("Breaks per working day by week", "Breaks a day by week"),
                labels,
                short_labels: short,
                y_desc: "Breaks a day",
                top,
                y_ticks: Some(top as usize + 1),
            },
        )?;
        let inset = fit.bar_inset(weeks.len()).min(6);
        chart
            .draw_series(
                weeks
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| w.days_worked > 0)
                    .map(|(i, w)| {
                        let i = i as u32;
                        let colour = if w.met() { MET } else { SHORT };
                        bar(i, 0.0, f64::from(w.per_day_tenths()) / 10.0, colour, inset)
                    }),
            )
            .map_err(failed)?;
        level_line(&mut chart, count, f64::from(target))?;
        root.present().map_err(failed)?;
    }
    Ok(named_svg(&svg, &describe_breaks(weeks)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{EntryId, WorkEntry, WorkKind};
    use crate::journal::{Action, Journal};
    use crate::selectors::rest::breaks_by_week;
    use crate::tracking::{BreakEntry, BreakId, BreakKind};
    use chrono::NaiveDate;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn journal(work: &[NaiveDate], pauses: &[NaiveDate]) -> Journal {
        let mut actions: Vec<Action> = work
            .iter()
            .enumerate()
            .map(|(i, d)| {
                Action::AddEntry(WorkEntry::new(
                    EntryId(format!("w{i}")),
                    *d,
                    120,
                    WorkKind::DirectSession,
                ))
            })
            .collect();
        actions.extend(pauses.iter().enumerate().map(|(i, d)| {
            Action::AddBreak(BreakEntry {
                id: BreakId(format!("b{i}")),
                kind: BreakKind::MicroBreak,
                date: *d,
                minutes: 10,
                until: None,
            })
        }));
        actions
            .iter()
            .fold(Journal::default(), |j, a| j.apply(a).unwrap())
    }

    #[test]
    fn weeks_average_pauses_over_the_days_worked() {
        // Week 46 (9-15 Nov): two days worked, five pauses. Week 47: one day, no pause.
        // Week 48 (23-29 Nov): nothing.
        let j = journal(
            &[day(11, 9), day(11, 10), day(11, 17)],
            &[day(11, 9), day(11, 9), day(11, 9), day(11, 10), day(11, 10)],
        );
        let weeks = breaks_by_week(&j, day(11, 25), 3);
        let got: Vec<_> = weeks
            .iter()
            .map(|w| (w.monday, w.days_worked, w.pauses, w.per_day_tenths()))
            .collect();
        assert_eq!(
            got,
            vec![
                (day(11, 9), 2, 5, 25),
                (day(11, 16), 1, 0, 0),
                (day(11, 23), 0, 0, 0)
            ]
        );
        let target = j.targets.breaks_per_day;
        assert_eq!(weeks[0].met(), 5 >= 2 * target);
        assert!(!weeks[1].met() || target == 0);
        assert!(weeks[2].met(), "a week without work has nothing to miss");
    }

    #[test]
    fn bars_show_met_and_short_weeks_and_a_target_line() {
        let j = journal(
            &[day(11, 9), day(11, 17)],
            &[day(11, 9), day(11, 9), day(11, 9), day(11, 9)],
        );
        let mut weeks = breaks_by_week(&j, day(11, 17), 2);
        for w in &mut weeks {
            w.target = 2;
        }
        let svg = render_breaks_svg(&weeks, 720, 320).unwrap();
        let fills = |c: RGBColor| {
            svg.matches(&format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2))
                .count()
        };
        assert_eq!((fills(MET), fills(SHORT)), (1, 1));
        assert!(svg.contains("stroke-width=\"2\""), "the target line");
        assert!(svg.contains("Breaks per working day over 2 weeks: 0.0 in the week of 16 Nov, against a target of 2; the target was met in 1 of 2 weeks with work."));
    }

    #[test]
    fn no_work_is_said_plainly() {
        let weeks = breaks_by_week(&Journal::default(), day(11, 23), 4);
        assert_eq!(weeks.len(), 4);
        assert_eq!(
            describe_breaks(&weeks),
            "No working days in the last 4 weeks."
        );
        assert!(render_breaks_svg(&weeks, 720, 320).is_ok());
    }
}
