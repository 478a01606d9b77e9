//! The browser's time zone described for the core (#23): its IANA name and every change of its
//! UTC offset over a few years. The core has no time-zone database and writes the break plan's
//! VTIMEZONE from this; the browser has one, and `Date` answers the offset at any instant.

use super::locale::time_zone_name;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use tend_core::exchange::{OffsetChange, ZoneDescription};
use wasm_bindgen::JsValue;

const MINUTE_MS: f64 = 60_000.0;
const DAY_MS: f64 = 86_400_000.0;

/// Seconds east of UTC of the browser's clock at an instant (whole minutes, as `Date` gives).
fn offset_at(ms: f64) -> i32 {
    let west = js_sys::Date::new(&JsValue::from_f64(ms)).get_timezone_offset();
    if west.is_finite() {
        -(west as i32) * 60
    } else {
        0
    }
}

fn utc_of(ms: f64) -> Option<NaiveDateTime> {
    DateTime::from_timestamp_millis(ms as i64).map(|t| t.naive_utc())
}

fn year_start_ms(year: i32) -> f64 {
    js_sys::Date::utc(f64::from(year), 0.0)
}

/// The zone from the first of January of last year to the end of the year after next: day by
/// day, and to the minute where the offset changed between two days.
pub fn describe_zone(today: NaiveDate) -> ZoneDescription {
    let tzid = time_zone_name().unwrap_or_default();
    let years = (today.year() - 1, today.year() + 2);
    let (start, end) = (year_start_ms(years.0), year_start_ms(years.1 + 1));
    let offset = offset_at(start);
    let mut changes = Vec::new();
    let (mut at, mut current) = (start, offset);
    while at < end {
        let next = at + DAY_MS;
        let found = offset_at(next);
        if found != current {
            // The first minute of the new offset lies in (at, next].
            let (mut low, mut high) = (at, next);
            while high - low > MINUTE_MS {
                let middle = low + ((high - low) / MINUTE_MS / 2.0).floor().max(1.0) * MINUTE_MS;
                if offset_at(middle) == current {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            if let Some(utc) = utc_of(high) {
                changes.push(OffsetChange {
                    at: utc,
                    offset: found,
                });
            }
            current = found;
        }
        at = next;
    }
    ZoneDescription {
        tzid,
        offset,
        changes,
        years,
    }
}
