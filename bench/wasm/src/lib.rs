//! Tend's chart code, exposed to the benchmark page so it can draw the same five-year weekly
//! series as Chart.js and uPlot in the same browser run. Built with the app's release profile.

use chrono::{Days, NaiveDate};
use tend_core::bench::{generate, Profile};
use tend_core::charts::hours_over_years::render_trend_svg;
use tend_core::selectors::hours::weekly_hours;
use wasm_bindgen::prelude::*;

fn day(text: &str) -> Result<NaiveDate, JsError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| JsError::new(&e.to_string()))
}

/// Hours per week of the heavy benchmark history ending on `last_day` (YYYY-MM-DD).
#[wasm_bindgen]
pub fn heavy_weekly_hours(last_day: &str) -> Result<Vec<f64>, JsError> {
    let history = generate(Profile::Heavy, day(last_day)?);
    let weeks = weekly_hours(&history.journal, history.first_day, history.last_day);
    Ok(weeks.into_iter().map(|(_, hours)| hours).collect())
}

/// The Monday of the first week of that history.
#[wasm_bindgen]
pub fn heavy_first_monday(last_day: &str) -> Result<String, JsError> {
    Ok(generate(Profile::Heavy, day(last_day)?)
        .first_day
        .to_string())
}

/// Draws `hours` (one value a week from `first_monday`) with Tend's chart code, as SVG text.
#[wasm_bindgen]
pub fn draw_trend(
    first_monday: &str,
    hours: &[f64],
    width: u32,
    height: u32,
) -> Result<String, JsError> {
    let start = day(first_monday)?;
    let weeks: Vec<(NaiveDate, f64)> = hours
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let monday = start
                .checked_add_days(Days::new(7 * i as u64))
                .unwrap_or(start);
            (monday, *h)
        })
        .collect();
    render_trend_svg(&weeks, width, height).map_err(|e| JsError::new(&e.to_string()))
}
