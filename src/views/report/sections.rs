//! The report's sections, each a heading and its numbers, from a core [`Report`].

use crate::views::common::{ChartDraw, ChartFigure};
use chrono::Datelike;
use chrono::Days;
use tend_core::charts::report_weeks::{describe_weeks, render_weeks_svg};
use tend_core::charts::risk::{describe_risk, render_risk_svg};
use tend_core::duration::format_minutes;
use tend_core::risk::{risk_history, RiskWeek};
use tend_core::selectors::checks::find_instrument;
use tend_core::selectors::report::{Period, Report};
use tend_core::{Journal, WorkKind};
use yew::prelude::*;

const WIDTH: u32 = 720;
const HEIGHT: u32 = 360;

fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        "–".into()
    } else {
        format!("{:.0}%", f64::from(part) * 100.0 / f64::from(whole))
    }
}

fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Hours by kind: a table with each kind's share.
pub fn hours_by_kind(r: &Report) -> Html {
    let total = r.total_minutes();
    html! {
        <section class="report-section" aria-labelledby="report-hours">
            <h3 id="report-hours">{"Hours by kind"}</h3>
            <p data-testid="report-total">
                {format!("{} of work on {}; {} with clients ({}).",
                    format_minutes(total), count(r.days_worked, "day", "days"), format_minutes(r.direct_minutes()),
                    percent(r.direct_minutes(), total))}
            </p>
            <table class="month-table">
                <thead><tr><th scope="col">{"Kind"}</th><th scope="col">{"Time"}</th><th scope="col">{"Share"}</th></tr></thead>
                <tbody>
                    { for WorkKind::ALL.into_iter().filter(|k| r.by_kind[k.index()] > 0).map(|k| html! {
                        <tr><th scope="row">{k.label()}</th><td>{format_minutes(r.by_kind[k.index()])}</td>
                            <td>{percent(r.by_kind[k.index()], total)}</td></tr>
                    }) }
                </tbody>
                <tfoot><tr><th scope="row">{"All kinds"}</th><td>{format_minutes(total)}</td><td>{"100%"}</td></tr></tfoot>
            </table>
        </section>
    }
}

fn weeks_table(r: &Report) -> Html {
    html! {
        <table class="month-table" data-testid="report-weeks">
            <caption>{"Hours by week"}</caption>
            <thead><tr>
                <th scope="col">{"Week"}</th><th scope="col">{"Days"}</th>
                <th scope="col">{"Time"}</th><th scope="col">{"Overtime"}</th>
            </tr></thead>
            <tbody>
                { for r.weeks.iter().map(|w| {
                    let sunday = w.monday.checked_add_days(Days::new(6)).unwrap_or(w.monday);
                    html! {
                        <tr>
                            <th scope="row">{format!("Week {}", w.week.week())}</th>
                            <td>{format!("{} – {}{}", w.monday.format("%-d %b"), sunday.format("%-d %b"),
                                if w.whole { "" } else { " (part)" })}</td>
                            <td>{format_minutes(w.total())}</td>
                            <td>{ if w.whole { format_minutes(w.overtime) } else { "–".into() } }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// Hours by week: the chart with its table, and the overtime.
pub fn hours_by_week(r: &Report) -> Html {
    let draw = {
        let r = r.clone();
        ChartDraw::new(move |w, h| render_weeks_svg(&r, w, h))
    };
    let whole = r.weeks.iter().filter(|w| w.whole).count();
    let stem = format!("tend-report-weeks-{}-{}", r.period.from, r.period.to);
    html! {
        <>
            <section class="report-section" aria-labelledby="report-weeks-heading">
                <h3 id="report-weeks-heading">{"Hours by week"}</h3>
                <ChartFigure draw={draw} size={(WIDTH, HEIGHT)} summary={describe_weeks(r)}
                    file_stem={stem} test_id="report-chart">
                    {weeks_table(r)}
                </ChartFigure>
                <div class="print-only">{weeks_table(r)}</div>
            </section>
            <section class="report-section" aria-labelledby="report-overtime">
                <h3 id="report-overtime">{"Overtime"}</h3>
                <p data-testid="report-overtime-text">
                    {format!("{} over your sustainable {} a week, in {} of the {} whole weeks of the period.",
                        format_minutes(r.overtime_minutes()), format_minutes(r.weekly_target),
                        r.weeks_over_target(), whole)}
                </p>
                <p class="hint">{"Weeks only partly inside the period count no overtime."}</p>
            </section>
        </>
    }
}

/// Caseload at the end of the period and at its peak, against capacity.
pub fn caseload(r: &Report) -> Html {
    let (end, peak) = (r.caseload_end, r.caseload_peak);
    html! {
        <section class="report-section" aria-labelledby="report-caseload">
            <h3 id="report-caseload">{"Caseload"}</h3>
            <ul>
                <li>{format!("On {}: {} open ({} trauma-focused), {} weighted points of your capacity of {} ({}%, {}).",
                    end.date.format("%-d %b %Y"), count(end.open_cases, "case", "cases"), end.trauma_cases, end.points,
                    end.capacity, end.percent, end.light.label().to_lowercase())}</li>
                <li>{format!("Highest in the period: {} points on {} ({}%, {}).",
                    peak.points, peak.date.format("%-d %b %Y"), peak.percent, peak.light.label().to_lowercase())}</li>
            </ul>
        </section>
    }
}

/// Breaks on worked days and whole days away.
pub fn rest(r: &Report) -> Html {
    let b = r.breaks;
    let since = r.days_since_day_off.map_or_else(
        || "No full day off is on record.".to_string(),
        |d| {
            format!(
                "{} from the last full day off to the end of the period.",
                count(d, "day", "days")
            )
        },
    );
    html! {
        <section class="report-section" aria-labelledby="report-rest">
            <h3 id="report-rest">{"Breaks and days off"}</h3>
            <ul>
                <li>{format!("{}.{} pauses per worked day against your target of {}; the target was met on {} of {} worked days.",
                    b.per_day_tenths / 10, b.per_day_tenths % 10, r.breaks_target, b.days_met, b.days_worked)}</li>
                <li>{format!("{}, {} of vacation, {}.", count(r.days_off, "day off", "days off"),
                    count(r.vacation_days, "day", "days"), count(r.sick_days, "sick day", "sick days"))}</li>
                <li>{since}</li>
            </ul>
        </section>
    }
}

/// Hours per organisation, with pro bono time.
pub fn organisations(r: &Report) -> Html {
    html! {
        <section class="report-section" aria-labelledby="report-orgs">
            <h3 id="report-orgs">{"Organisations and pro bono"}</h3>
            if r.organisations.is_empty() {
                <p>{"No work logged in this period."}</p>
            } else {
                <table class="month-table" data-testid="report-orgs-table">
                    <thead><tr><th scope="col">{"Organisation"}</th><th scope="col">{"Time"}</th><th scope="col">{"Pro bono"}</th></tr></thead>
                    <tbody>
                        { for r.organisations.iter().map(|o| html! {
                            <tr><th scope="row">{o.name.clone()}</th><td>{format_minutes(o.minutes)}</td>
                                <td>{format_minutes(o.pro_bono_minutes)}</td></tr>
                        }) }
                    </tbody>
                </table>
                <p>{format!("Pro bono in all: {}.", format_minutes(r.pro_bono_minutes()))}</p>
            }
        </section>
    }
}

/// The risk index for the weeks the period touches, with each week's three largest factors, and
/// the self-check results taken in the period.
pub fn risk_section(journal: &Journal, period: Period) -> Html {
    let history = risk_history(journal, period.to, &|monday| {
        tend_core::risk::signals_for_week(journal, monday)
    });
    let weeks: Vec<RiskWeek> = history
        .into_iter()
        .filter(|w| w.monday <= period.to && w.monday + Days::new(6) >= period.from)
        .collect();
    let draw = {
        let weeks = weeks.clone();
        ChartDraw::new(move |w, h| render_risk_svg(&weeks, w, h))
    };
    let mut checks: Vec<_> = journal
        .checks
        .iter()
        .filter(|c| c.date >= period.from && c.date <= period.to)
        .collect();
    tend_core::sorting::sort_stable_by(&mut checks, |a, b| a.date.cmp(&b.date));
    html! {
        <section class="report-section" aria-labelledby="report-risk">
            <h3 id="report-risk">{"Risk trend and self-checks"}</h3>
            <p>{"The compassion-fatigue risk index (0 to 100) of each week, with what made up most of it. A self-check, not a diagnosis: it knows only what was logged."}</p>
            <ChartFigure draw={draw} size={(WIDTH, HEIGHT)} summary={describe_risk(&weeks)}
                file_stem={format!("tend-report-risk-{}-{}", period.from, period.to)} test_id="report-risk-chart">
                <table class="month-table" data-testid="report-risk-table">
                    <thead><tr><th scope="col">{"Week"}</th><th scope="col">{"Index"}</th><th scope="col">{"Largest factors"}</th></tr></thead>
                    <tbody>
                        { for weeks.iter().map(|w| html! {
                            <tr>
                                <th scope="row">{format!("Week {} ({})", w.monday.iso_week().week(), w.monday.format("%-d %b"))}</th>
                                <td>{w.score.as_ref().map_or("not enough data".to_string(), |s| format!("{} ({})", s.index, s.band.label()))}</td>
                                <td>{ match &w.score {
                                    Some(s) if !s.parts.is_empty() => html! {
                                        <ul>{ for s.parts.iter().take(3).map(|p| html! { <li>{s.sentence(p)}</li> }) }</ul>
                                    },
                                    _ => html! { "–" },
                                } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </ChartFigure>
            if checks.is_empty() {
                <p>{"No self-checks were taken in this period."}</p>
            } else {
                <ul data-testid="report-checks">
                    { for checks.iter().map(|c| {
                        let name = find_instrument(journal, &c.instrument).map(|i| {
                            let scores = i.score(&c.answers).map(|subs| subs.iter()
                                .map(|s| format!("{} {} ({})", s.name, s.shown(), s.band))
                                .collect::<Vec<_>>().join(", ")).unwrap_or_default();
                            format!("{}: {}", i.name, scores)
                        }).unwrap_or_else(|| c.instrument.clone());
                        html! { <li>{format!("{}, {}", c.date.format("%-d %b %Y"), name)}</li> }
                    }) }
                </ul>
            }
        </section>
    }
}
