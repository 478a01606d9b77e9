//! One module per view; each reads the store from context and dispatches messages to it.

mod banner;
mod day_list;
mod entry_form;
mod week_view;

pub use banner::StorageBanner;
pub use day_list::DayList;
pub use entry_form::EntryForm;
pub use week_view::WeekView;

use chrono::NaiveDate;

/// How views name a day: `Mon 23 Nov`, with `today` spelled out.
pub fn day_name(date: NaiveDate, today: NaiveDate) -> String {
    if date == today {
        format!("today ({})", date.format("%a %-d %b"))
    } else {
        date.format("%a %-d %b %Y").to_string()
    }
}
