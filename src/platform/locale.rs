//! Dates and numbers in the browser's own language and conventions, through `Intl`.
//!
//! Views show dates and numbers with these; exports and stored data keep ISO dates. Every
//! function falls back to a plain English form if `Intl` is missing or refuses, and none panics.

use chrono::{Datelike, NaiveDate, Weekday};
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

/// How much of a date to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// Weekday, day, month and year: `Mon, Nov 23, 2026` / `Mo., 23. Nov. 2026`.
    Full,
    /// Weekday, day and month: `Mon, Nov 23` / `Mo., 23. Nov.`.
    WeekdayDay,
    /// Day, month and year: `Nov 23, 2026` / `23. Nov. 2026`.
    Day,
    /// Day and month: `Nov 23` / `23. Nov.`.
    DayMonth,
    /// Month and year: `November 2026` / `November 2026`.
    MonthYear,
    /// The weekday alone: `Monday` / `Montag`.
    Weekday,
}

impl DateStyle {
    fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            DateStyle::Full => &[
                ("weekday", "short"),
                ("day", "numeric"),
                ("month", "short"),
                ("year", "numeric"),
            ],
            DateStyle::WeekdayDay => {
                &[("weekday", "short"), ("day", "numeric"), ("month", "short")]
            }
            DateStyle::Day => &[("day", "numeric"), ("month", "short"), ("year", "numeric")],
            DateStyle::DayMonth => &[("day", "numeric"), ("month", "short")],
            DateStyle::MonthYear => &[("month", "long"), ("year", "numeric")],
            DateStyle::Weekday => &[("weekday", "long")],
        }
    }

    fn fallback(self) -> &'static str {
        match self {
            DateStyle::Full => "%a %-d %b %Y",
            DateStyle::WeekdayDay => "%a %-d %b",
            DateStyle::Day => "%-d %b %Y",
            DateStyle::DayMonth => "%-d %b",
            DateStyle::MonthYear => "%B %Y",
            DateStyle::Weekday => "%A",
        }
    }
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

thread_local! {
    /// Formatters already made, by name and options: making one costs far more than using it.
    static MADE: RefCell<HashMap<String, Object>> = RefCell::new(HashMap::new());
}

/// `new Intl[name]([], options)`, made once and kept, or `None` if the browser refuses.
fn intl(name: &str, options: &Object) -> Option<Object> {
    let key = format!(
        "{name}{}",
        js_sys::JSON::stringify(options)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    );
    if let Some(made) = MADE.with(|m| m.borrow().get(&key).cloned()) {
        return Some(made);
    }
    let made = make_intl(name, options)?;
    MADE.with(|m| m.borrow_mut().insert(key, made.clone()));
    Some(made)
}

fn make_intl(name: &str, options: &Object) -> Option<Object> {
    let global = js_sys::global();
    let namespace = Reflect::get(&global, &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&namespace, &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let args = Array::of2(&Array::new(), options);
    Reflect::construct(&constructor, &args)
        .ok()?
        .dyn_into()
        .ok()
}

/// Calls `object.method(args...)` and reads a string back.
fn call_for_text(object: &Object, method: &str, args: &Array) -> Option<String> {
    let function: Function = Reflect::get(object, &method.into()).ok()?.dyn_into().ok()?;
    Reflect::apply(&function, object, args).ok()?.as_string()
}

/// A calendar day as a JavaScript date at local noon (so no zone shift moves it a day).
fn js_date(date: NaiveDate) -> js_sys::Date {
    js_sys::Date::new_with_year_month_day_hr_min(
        date.year() as u32,
        date.month0() as i32,
        date.day() as i32,
        12,
        0,
    )
}

/// A day in the browser's locale.
pub fn date(day: NaiveDate, style: DateStyle) -> String {
    intl("DateTimeFormat", &options(style.options()))
        .and_then(|f| call_for_text(&f, "format", &Array::of1(&js_date(day))))
        .unwrap_or_else(|| day.format(style.fallback()).to_string())
}

/// Two days as a range in the browser's locale, such as `Nov 23 – 29, 2026`.
pub fn date_range(first: NaiveDate, last: NaiveDate) -> String {
    intl("DateTimeFormat", &options(DateStyle::Day.options()))
        .and_then(|f| {
            call_for_text(
                &f,
                "formatRange",
                &Array::of2(&js_date(first), &js_date(last)),
            )
        })
        .unwrap_or_else(|| {
            format!(
                "{}\u{2013}{}",
                first.format("%-d %b"),
                last.format("%-d %b %Y")
            )
        })
}

/// A number with at most `decimals` digits after the decimal sign, grouped as the locale does.
pub fn number(value: f64, decimals: u8) -> String {
    let limits = Object::new();
    let _ = Reflect::set(
        &limits,
        &"maximumFractionDigits".into(),
        &JsValue::from(decimals),
    );
    intl("NumberFormat", &limits)
        .and_then(|f| call_for_text(&f, "format", &Array::of1(&JsValue::from_f64(value))))
        .unwrap_or_else(|| format!("{value:.prec$}", prec = usize::from(decimals)))
}

/// The first day of the week where the browser's locale is used: Sunday in the United States,
/// Monday in most of Europe. Read from `Intl.Locale`'s week information (`getWeekInfo()`, or the
/// older `weekInfo` property); Monday, the ISO choice, when the browser does not say.
pub fn first_weekday() -> Weekday {
    thread_local! {
        static FIRST: std::cell::Cell<Option<Weekday>> = const { std::cell::Cell::new(None) };
    }
    if let Some(day) = FIRST.with(|f| f.get()) {
        return day;
    }
    let day = read_first_weekday();
    FIRST.with(|f| f.set(Some(day)));
    day
}

fn read_first_weekday() -> Weekday {
    let first_day = || -> Option<f64> {
        let language = web_sys::window()?.navigator().language()?;
        let global = js_sys::global();
        let namespace = Reflect::get(&global, &"Intl".into()).ok()?;
        let constructor: Function = Reflect::get(&namespace, &"Locale".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let locale = Reflect::construct(&constructor, &Array::of1(&language.into())).ok()?;
        let info = match Reflect::get(&locale, &"getWeekInfo".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        {
            Some(get) => get.call0(&locale).ok()?,
            None => Reflect::get(&locale, &"weekInfo".into()).ok()?,
        };
        Reflect::get(&info, &"firstDay".into()).ok()?.as_f64()
    };
    // Intl numbers the days 1 (Monday) to 7 (Sunday).
    match first_day().map(|d| d as u8) {
        Some(7) => Weekday::Sun,
        Some(6) => Weekday::Sat,
        Some(5) => Weekday::Fri,
        _ => Weekday::Mon,
    }
}

/// The seven weekdays starting from the locale's first day of the week.
pub fn week_order() -> [Weekday; 7] {
    let mut day = first_weekday();
    let mut days = [Weekday::Mon; 7];
    for slot in &mut days {
        *slot = day;
        day = day.succ();
    }
    days
}

/// A weekday's short name in the browser's locale: `Mon`, `Mo`.
pub fn weekday_name(day: Weekday) -> String {
    // 5 January 2026 was a Monday.
    let monday = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    let date = monday
        .checked_add_days(chrono::Days::new(u64::from(day.num_days_from_monday())))
        .unwrap_or(monday);
    intl("DateTimeFormat", &options(&[("weekday", "short")]))
        .and_then(|f| call_for_text(&f, "format", &Array::of1(&js_date(date))))
        .unwrap_or_else(|| date.format("%a").to_string())
}

/// The locale's decimal sign, read from how it writes one and a half: `.` or `,`.
pub fn decimal_sign() -> char {
    if number(1.5, 1).contains(',') {
        ','
    } else {
        '.'
    }
}

/// An amount in minor units (cents, pence) as the locale writes money, grouped and with two
/// decimals but no currency symbol: `1,234.50`, `1.234,50`. Tend does not know the currency.
pub fn money(minor: u64) -> String {
    let two = options(&[
        ("minimumFractionDigits", "2"),
        ("maximumFractionDigits", "2"),
    ]);
    intl("NumberFormat", &two)
        .and_then(|f| {
            let value = JsValue::from_f64(minor as f64 / 100.0);
            call_for_text(&f, "format", &Array::of1(&value))
        })
        .unwrap_or_else(|| tend_core::money::format_minor(minor))
}

/// The browser's IANA time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`), such as
/// `Europe/Berlin`, or `None` where `Intl` cannot say.
pub fn time_zone_name() -> Option<String> {
    let format = intl("DateTimeFormat", &Object::new())?;
    let resolved: Object = Reflect::get(&format, &"resolvedOptions".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?
        .call0(&format)
        .ok()?
        .dyn_into()
        .ok()?;
    Reflect::get(&resolved, &"timeZone".into())
        .ok()?
        .as_string()
}
