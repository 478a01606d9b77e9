//! The week view: this ISO week's hours as a stacked chart, with a table for the same numbers.

use super::chart_figure::ChartFigure;
use crate::platform::locale::{date, date_range, DateStyle};
use crate::store::Store;
use chrono::{Datelike, Days, NaiveDate};
use tend_core::chart::{describe_week, render_week_svg};
use tend_core::duration::format_minutes;
use tend_core::tracking::selectors::hours::{week_hours, WeekHours};
use tend_core::{week_start, WeekSummary};
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
    let store = use_context::<Store>();
    let monday = week_start(props.anchor);
    let revision = store.as_ref().map_or(0, |s| s.doc.revision);
    let week = {
        let store = store.clone();
        use_memo((revision, monday), move |_| match &store {
            Some(s) => WeekSummary::of(&s.doc.payload, monday),
            None => WeekSummary::of(&Default::default(), monday),
        })
    };
    let svg = {
        let week = week.clone();
        use_memo((revision, monday), move |_| {
            render_week_svg(&week, WIDTH, HEIGHT)
                .map(AttrValue::from)
                .map_err(|e| AttrValue::from(e.to_string()))
        })
    };
    let svg = (*svg).clone();
    let step = |days: i64| {
        let onmove = props.onmove.clone();
        Callback::from(move |_: MouseEvent| {
            let target = if days < 0 {
                monday.checked_sub_days(Days::new(days.unsigned_abs()))
            } else {
                monday.checked_add_days(Days::new(days as u64))
            };
            onmove.emit(target.unwrap_or(monday));
        })
    };
    let this_week = {
        let (onmove, today) = (props.onmove.clone(), props.today);
        Callback::from(move |_: MouseEvent| onmove.emit(today))
    };
    let is_this_week = week_start(props.today) == monday;
    // Like the week itself, worked out again only when the records or the week change (a save
    // re-renders the view without changing either).
    let hours = {
        let store = store.clone();
        use_memo((revision, monday), move |_| match &store {
            Some(s) => week_hours(&s.doc.payload, monday),
            None => week_hours(&Default::default(), monday),
        })
    };
    let kinds = week.kinds_present();
    let title = local_title(monday);

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
            <ChartFigure svg={svg} size={(WIDTH, HEIGHT)} summary={describe_week(&week)}
                file_stem={format!("tend-week-{}", monday.format("%G-W%V"))} test_id="week-chart">
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

/// "Week 48 · Nov 23 – 29, 2026", the dates in the browser's locale.
fn local_title(monday: NaiveDate) -> String {
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    format!(
        "Week {} \u{b7} {}",
        monday.iso_week().week(),
        date_range(monday, sunday)
    )
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
