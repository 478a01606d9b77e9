//! The Today section: the figures at a glance, the one-tap entries, the entry form, the chosen day's entries, the week at a glance, and the
//! welcome shown on first run. `app.rs` lays them out.

mod day_list;
mod entry_form;
mod glance;
mod quick_log;
mod week_view;
mod welcome;

pub use day_list::DayList;
pub use entry_form::EntryForm;
pub use glance::GlanceCard;
pub use quick_log::QuickLog;
pub use week_view::WeekView;
pub use welcome::Welcome;

use crate::platform;
use chrono::NaiveDate;

/// How views name a day, in the browser's locale (`Mon, Nov 23`), with `today` spelled out.
pub fn day_name(date: NaiveDate, today: NaiveDate) -> String {
    use platform::locale::{date as local, DateStyle};
    if date == today {
        format!("today ({})", local(date, DateStyle::WeekdayDay))
    } else {
        local(date, DateStyle::Full)
    }
}
