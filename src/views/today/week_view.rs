//! The week view: this week's hours as a stacked chart, with a table for the same numbers. The
//! week begins on the first day of the week in the browser's locale.

use crate::platform::locale::{date, date_range, first_weekday, DateStyle};
use crate::views::common::{use_store, ChartDraw, ChartFigure};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use tend_core::charts::week_days::{describe_week, render_week_svg};
use tend_core::duration::format_minutes;
use tend_core::selectors::hours::{hours_from, WeekHours};
use tend_core::selectors::week::week_start_on;
use tend_core::WeekSummary;
use yew::prelude::*;

/// Props of [`WeekView`].
#[derive(Properties, PartialEq)]
pub struct WeekViewProps {
    /// Any day of the week to show.
    pub anchor: NaiveDate,
    /// Today, for the "this week" button.
    pub today: NaiveDate,
    /// Called with a day of the week to show next.
    pub onmove: Callback<NaiveDate>,
}

/// The week chart's drawn size in pixels.
const WIDTH: u32 = 720;
const HEIGHT: u32 = 360;

/// The week's chart, totals and table.
#[function_component(WeekView)]
pub fn week_view(props: &WeekViewProps) -> Html {
    let store = use_store();
    let first_day = first_weekday();
    let first = week_start_on(props.anchor, first_day);
    let revision = store.as_ref().map_or(0, |s| s.doc().revision);
    let week = {
        let store = store.clone();
        use_memo((revision, first), move |_| match &store {
            Some(s) => WeekSummary::starting(&s.doc().payload, first),
            None => WeekSummary::starting(&Default::default(), first),
        })
    };
    let draw = {
        let week = week.clone();
        use_memo((revision, first), move |_| {
            ChartDraw::new(move |w, h| render_week_svg(&week, w, h))
        })
    };
    let draw = (*draw).clone();
    let step = |days: i64| {
        let onmove = props.onmove.clone();
        Callback::from(move |_: MouseEvent| {
            let target = if days < 0 {
                first.checked_sub_days(Days::new(days.unsigned_abs()))
            } else {
                first.checked_add_days(Days::new(days as u64))
            };
            onmove.emit(target.unwrap_or(first));
        })
    };
    let this_week = {
        let (onmove, today) = (props.onmove.clone(), props.today);
        Callback::from(move |_: MouseEvent| onmove.emit(today))
    };
    let is_this_week = week_start_on(props.today, first_day) == first;
    // Like the week itself, worked out again only when the records or the week change (a save
    // re-renders the view without changing either).
    let hours = {
        let store = store.clone();
        use_memo((revision, first), move |_| match &store {
            Some(s) => hours_from(&s.doc().payload, first),
            None => hours_from(&Default::default(), first),
        })
    };
    let kinds = week.kinds_present();
    let title = local_title(first);

    html! {
        <section class="card" aria-labelledby="week-heading">
            <div class="week-head">
                <h2 id="week-heading">{ if is_this_week { "This week".to_string() } else { title.clone() } }</h2>
                <nav class="week-nav" aria-label="Choose week">
                    <button type="button" onclick={step(-7)}>{"Previous week"}</button>
                    <button type="button" onclick={this_week} disabled={is_this_week}>{"This week"}</button>
                    <button type="button" onclick={step(7)}>{"Next week"}</button>
                </nav>
            </div>
            <p class="week-total" data-testid="week-total">
                {format!("{} logged", format_minutes(week.total_minutes()))}
            </p>
            {targets_line(&hours)}
            <ChartFigure draw={draw} size={(WIDTH, HEIGHT)} summary={describe_week(&week)}
                file_stem={file_stem(first)} test_id="week-chart">
                <table data-testid="week-table">
                    <caption>{title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{"Day"}</th>
                            { for kinds.iter().map(|k| html! { <th scope="col">{k.label()}</th> }) }
                            <th scope="col">{"Total"}</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for week.days.iter().map(|day| html! {
                            <tr>
                                <th scope="row">{format!("{} {}", date(day.date, DateStyle::Weekday), date(day.date, DateStyle::DayMonth))}</th>
                                { for kinds.iter().map(|k| html! { <td>{minutes_cell(day.of(*k))}</td> }) }
                                <td>{minutes_cell(day.total())}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </ChartFigure>
        </section>
    }
}

/// "Week 48 · Nov 23 – 29, 2026", the dates in the browser's locale; a week that begins on another
/// day than Monday has no ISO number and is named by its dates alone.
fn local_title(first: NaiveDate) -> String {
    let last = first.checked_add_days(Days::new(6)).unwrap_or(first);
    if first.weekday() == Weekday::Mon {
        format!(
            "Week {} \u{b7} {}",
            first.iso_week().week(),
            date_range(first, last)
        )
    } else {
        date_range(first, last)
    }
}

/// `tend-week-2026-W48` for an ISO week, `tend-week-from-2026-11-22` for another.
fn file_stem(first: NaiveDate) -> String {
    if first.weekday() == Weekday::Mon {
        format!("tend-week-{}", first.format("%G-W%V"))
    } else {
        format!("tend-week-from-{first}")
    }
}

fn minutes_cell(minutes: u32) -> String {
    if minutes == 0 {
        "\u{2013}".into()
    } else {
        format_minutes(minutes)
    }
}

/// The week against the clinician's own targets: sustainable hours, overtime, direct time.
fn targets_line(hours: &WeekHours) -> Html {
    let total = if hours.overtime_minutes() > 0 {
        format!(
            "{} over your sustainable {} ({}%).",
            format_minutes(hours.overtime_minutes()),
            format_minutes(hours.target_minutes),
            hours.target_percent()
        )
    } else {
        format!(
            "{}% of your sustainable {}; {} to go.",
            hours.target_percent(),
            format_minutes(hours.target_minutes),
            format_minutes(hours.minutes_to_target())
        )
    };
    let direct = format!(
        "Direct client time {} of your maximum {}{}",
        format_minutes(hours.direct_minutes()),
        format_minutes(hours.max_direct_minutes),
        if hours.direct_over_max_minutes() > 0 {
            format!(
                ", {} over.",
                format_minutes(hours.direct_over_max_minutes())
            )
        } else {
            ".".into()
        }
    );
    html! {
        <ul class="targets" data-testid="week-targets">
            <li class={classes!((hours.overtime_minutes() > 0).then_some("over"))}>{total}</li>
            <li class={classes!((hours.direct_over_max_minutes() > 0).then_some("over"))}>{direct}</li>
        </ul>
    }
}
