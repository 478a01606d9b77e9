//! Every chart laid out at the widths it is shown at, from a 320-px phone to a wide desktop,
//! with the demo data's labels: no text smaller than 11 px, none outside the picture, no two
//! labels overlapping, and fewer axis labels and more legend rows where the width is short.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Days, NaiveDate};
use tend_core::charts::layout::MIN_TEXT_PX;
use tend_core::charts::svg::text_size;
use tend_core::charts::{breaks, caseload, org_months, report_weeks, risk, week_days};
use tend_core::demo::demo_journal;
use tend_core::journal::Journal;
use tend_core::risk::{risk_history, signals_for_week};
use tend_core::selectors::caseload::caseload_by_week;
use tend_core::selectors::income::month_income;
use tend_core::selectors::report::{report, Period};
use tend_core::selectors::rest::breaks_by_week;
use tend_core::units::Month;
use tend_core::WeekSummary;

const WIDTHS: [u32; 7] = [240, 320, 344, 360, 414, 720, 960];
const HEIGHTS: [u32; 3] = [256, 300, 360];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

/// One piece of text in a drawn chart, with its box as estimated from its size.
#[derive(Debug, Clone)]
struct Label {
    text: String,
    size: f64,
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = start + tag[start..].find('"')?;
    Some(tag[start..end].to_string())
}

/// Every `<text>` in `svg`, placed as plotters anchors it (start, middle or end; top, middle or
/// bottom) and turned when it is rotated.
fn labels(svg: &str) -> Vec<Label> {
    let mut out = Vec::new();
    for piece in svg.split("<text").skip(1) {
        let close = piece.find('>').unwrap();
        let tag = &piece[..close];
        let text = piece[close + 1..]
            .split("</text>")
            .next()
            .unwrap()
            .trim()
            .to_string();
        if text.is_empty() {
            continue;
        }
        let x: f64 = attr(tag, "x").unwrap().parse().unwrap();
        let y: f64 = attr(tag, "y").unwrap().parse().unwrap();
        let size: f64 = attr(tag, "font-size").unwrap().parse().unwrap();
        let (w, h) = text_size(&text, size * 1.24);
        let (w, h) = (f64::from(w), f64::from(h));
        let left = match attr(tag, "text-anchor").as_deref() {
            Some("middle") => x - w / 2.0,
            Some("end") => x - w,
            _ => x,
        };
        let top = match attr(tag, "dy").as_deref() {
            Some("0.76em") => y,
            Some("0.5ex") => y - h / 2.0,
            _ => y - h,
        };
        let label = if attr(tag, "transform").is_some() {
            // Turned a quarter about (x, y): the long side runs up or down through y.
            Label {
                text,
                size,
                left: x - h / 2.0,
                top: y - w / 2.0,
                right: x + h / 2.0,
                bottom: y + w / 2.0,
            }
        } else {
            Label {
                text,
                size,
                left,
                top,
                right: left + w,
                bottom: top + h,
            }
        };
        out.push(label);
    }
    out
}

fn overlap(a: &Label, b: &Label) -> bool {
    a.left < b.right - 0.5
        && b.left < a.right - 0.5
        && a.top < b.bottom - 0.5
        && b.top < a.bottom - 0.5
}

type Draw = Box<dyn Fn(u32, u32) -> String>;

/// Each chart the app shows, drawn from the demo data as its section draws it.
fn charts() -> Vec<(&'static str, Draw)> {
    let journal: Journal = demo_journal(7, today()).unwrap();
    let week = WeekSummary::of(&journal, today());
    let period = Period {
        from: today().checked_sub_days(Days::new(90)).unwrap(),
        to: today(),
    };
    let rep = report(&journal, period);
    let cases = caseload_by_week(&journal, today() - Days::new(77), today());
    let mut months = Vec::new();
    let mut month = Month::of(today());
    for _ in 0..6 {
        months.push(month_income(&journal, month));
        month = month.prev().unwrap();
    }
    months.reverse();
    let pauses = breaks_by_week(&journal, today(), 8);
    let history = risk_history(&journal, today(), &|monday| {
        signals_for_week(&journal, monday)
    });
    let recent: Vec<_> = history[history.len().saturating_sub(26)..].to_vec();
    vec![
        (
            "week",
            Box::new(move |w, h| week_days::render_week_svg(&week, w, h).unwrap()),
        ),
        (
            "report",
            Box::new(move |w, h| report_weeks::render_weeks_svg(&rep, w, h).unwrap()),
        ),
        (
            "caseload",
            Box::new(move |w, h| caseload::render_caseload_svg(&cases, w, h).unwrap()),
        ),
        (
            "months",
            Box::new(move |w, h| org_months::render_org_months_svg(&months, w, h).unwrap()),
        ),
        (
            "breaks",
            Box::new(move |w, h| breaks::render_breaks_svg(&pauses, w, h).unwrap()),
        ),
        (
            "risk",
            Box::new(move |w, h| risk::render_risk_svg(&recent, w, h).unwrap()),
        ),
    ]
}

#[test]
fn no_text_is_small_outside_or_on_top_of_other_text_at_any_width() {
    let mut problems = Vec::new();
    for (name, draw) in charts() {
        for width in WIDTHS {
            for height in HEIGHTS {
                let svg = draw(width, height);
                let (w, h) = (f64::from(width.max(240)), f64::from(height.max(200)));
                assert!(
                    svg.contains(&format!("width=\"{}\"", width.max(240))),
                    "{name} at {width}"
                );
                let all = labels(&svg);
                assert!(all.len() > 5, "{name} at {width}x{height} has text");
                for l in &all {
                    if l.size < MIN_TEXT_PX {
                        problems.push(format!(
                            "{name} {width}x{height}: {:?} at {:.1} px",
                            l.text, l.size
                        ));
                    }
                    if l.left < -0.5 || l.top < -0.5 || l.right > w + 0.5 || l.bottom > h + 0.5 {
                        problems.push(format!("{name} {width}x{height}: {l:?} leaves the picture"));
                    }
                }
                for (i, a) in all.iter().enumerate() {
                    for b in &all[i + 1..] {
                        if overlap(a, b) {
                            problems.push(format!(
                                "{name} {width}x{height}: {:?} overlaps {:?}",
                                a.text, b.text
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The labels under the plot: those whose top is the lowest of the axis labels, above the legend.
fn axis_labels(svg: &str, pattern: impl Fn(&str) -> bool) -> usize {
    labels(svg).iter().filter(|l| pattern(&l.text)).count()
}

#[test]
fn narrow_charts_show_fewer_or_shorter_labels_and_wrap_their_legends() {
    let all = charts();
    let draw = |name: &str, w: u32, h: u32| (all.iter().find(|c| c.0 == name).unwrap().1)(w, h);
    // The report's thirteen or fourteen weeks: every one named at 960 px, fewer or shorter at 320.
    let wide = draw("report", 960, 360);
    let narrow = draw("report", 320, 300);
    let weeks_named =
        |svg: &str| axis_labels(svg, |t| t.starts_with('W') && t[1..].parse::<u32>().is_ok());
    assert!(weeks_named(&wide) >= 13, "{}", weeks_named(&wide));
    assert!(weeks_named(&narrow) < weeks_named(&wide));
    // Its long title on a desktop, the short one on a phone.
    assert!(wide.contains("Hours by week, "));
    assert!(narrow.contains(">\nHours by week\n<"));
    // Months by name and year on a desktop, by name alone on a phone.
    assert!(draw("months", 960, 360).contains(">\n2026-12\n<"));
    let phone = draw("months", 320, 300);
    assert!(!phone.contains(">\n2026-12\n<") && phone.contains(">\nDec\n<"));
    // The risk legend's seven items: one row at 960 px, three or more at 320.
    let rows = |svg: &str| {
        let mut tops: Vec<i64> = labels(svg)
            .iter()
            .filter(|l| {
                ["Pulse strain", "Low", "Moderate", "High", "Elevated"].contains(&l.text.as_str())
            })
            .map(|l| l.top.round() as i64)
            .collect();
        tops.sort_unstable();
        tops.dedup();
        tops.len()
    };
    assert_eq!(rows(&draw("risk", 960, 360)), 1);
    assert!(rows(&draw("risk", 320, 300)) >= 2);
    // Fewer value-axis ticks on a short chart than on a tall one.
    let ticks = |svg: &str| axis_labels(svg, |t| t.parse::<u32>().is_ok_and(|v| v <= 100));
    assert!(ticks(&draw("risk", 360, 200)) < ticks(&draw("risk", 360, 360)));
}

#[test]
fn the_smallest_text_is_the_same_at_every_width() {
    let all = charts();
    for (name, draw) in &all {
        let smallest = |w| {
            labels(&draw(w, 300))
                .iter()
                .map(|l| l.size)
                .fold(f64::MAX, f64::min)
        };
        let (phone, desk) = (smallest(320), smallest(960));
        assert!(
            phone >= MIN_TEXT_PX && (phone - desk).abs() < 0.01,
            "{name}: {phone} and {desk}"
        );
    }
}
