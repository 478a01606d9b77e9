//! The licensure log for a period, for a supervisor to check and sign outside Tend: the hours by
//! category and week, as a CSV table and as the figures the printable page shows.
//!
//! Both come from one [`PeriodLog`], so the printed page and the CSV cannot disagree. A week
//! belongs to the period its first day falls in (weeks are never cut, since weekly caps and
//! qualifying weeks are judged on whole weeks). The figures per week are those the log's rules
//! give the week: logged, and counted after the qualifying-week rule, counting double and the
//! weekly cap, but before a category's overall cap, which applies to the whole log. Written through
//! [`super::csv_write`]: the set's and categories' names come from a file, so they are text cells,
//! neutralised if they look like a formula; hours are number cells with two decimals.

use super::csv_write::{header, write_table, Cell};
use crate::requirements::{LogWeek, RequirementSet, WeekStatus};
use chrono::NaiveDate;

/// The columns of the licensure log table.
pub const LICENSURE_HEADER: [&str; 9] = [
    "set",
    "week_start",
    "week_end",
    "category",
    "logged_hours",
    "counted_hours",
    "weekly_cap_hours",
    "week_counts",
    "reason",
];

/// One period of a licensure log, week by week and category by category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodLog {
    /// The set's name.
    pub set: String,
    /// The supervisor named in the set (free text).
    pub supervisor: String,
    /// The first day of the period.
    pub first: NaiveDate,
    /// The last day of the period.
    pub last: NaiveDate,
    /// The categories' names, in the log's order.
    pub categories: Vec<String>,
    /// The weeks whose first day falls in the period, oldest first.
    pub weeks: Vec<LogWeek>,
    /// Minutes logged per category over those weeks.
    pub logged: Vec<u64>,
    /// Minutes counted per category over those weeks.
    pub counted: Vec<u64>,
}

/// The period `first` to `last` of the log `weeks` (from `LicensureProgress::weeks`) of `set`;
/// `None` when the set has no licensure log.
pub fn period_log(
    set: &RequirementSet,
    weeks: &[LogWeek],
    first: NaiveDate,
    last: NaiveDate,
) -> Option<PeriodLog> {
    let log = set.licensure.as_ref()?;
    let categories: Vec<String> = log.categories.iter().map(|c| c.name.clone()).collect();
    let weeks: Vec<LogWeek> = weeks
        .iter()
        .filter(|w| w.first >= first && w.first <= last)
        .cloned()
        .collect();
    let sum = |pick: fn(&LogWeek) -> &Vec<u64>| -> Vec<u64> {
        (0..categories.len())
            .map(|i| {
                weeks
                    .iter()
                    .map(|w| pick(w).get(i).copied().unwrap_or(0))
                    .fold(0u64, u64::saturating_add)
            })
            .collect()
    };
    let logged = sum(|w| &w.logged);
    let counted = sum(|w| &w.counted);
    Some(PeriodLog {
        set: set.name.clone(),
        supervisor: log.supervisor.clone(),
        first,
        last,
        categories,
        weeks,
        logged,
        counted,
    })
}

/// Minutes as hours with two decimals, as the CSV and the printed page write them.
pub fn hours_2(minutes: u64) -> String {
    format!("{:.2}", minutes as f64 / 60.0)
}

fn hours_cell(minutes: u64) -> Cell {
    Cell::decimal(minutes as f64 / 60.0, 2)
}

/// Why a week's hours did not count, or an empty text when they did.
pub fn week_reason(week: &LogWeek) -> String {
    match week.status {
        WeekStatus::Counts => String::new(),
        status => status.to_string(),
    }
}

/// The period as CSV: one row per week and category, oldest week first.
pub fn licensure_csv(period: &PeriodLog) -> String {
    let mut rows = Vec::new();
    for week in &period.weeks {
        let counts = matches!(week.status, WeekStatus::Counts);
        for (i, name) in period.categories.iter().enumerate() {
            let at = |v: &Vec<u64>| v.get(i).copied().unwrap_or(0);
            rows.push(vec![
                Cell::text(period.set.clone()),
                Cell::text(week.first.format("%Y-%m-%d").to_string()),
                Cell::text(week.last.format("%Y-%m-%d").to_string()),
                Cell::text(name.clone()),
                hours_cell(at(&week.logged)),
                hours_cell(at(&week.counted)),
                hours_cell(at(&week.weekly_capped)),
                Cell::text(if counts { "yes" } else { "no" }),
                Cell::text(week_reason(week)),
            ]);
        }
    }
    write_table(&header(&LICENSURE_HEADER), &rows)
}
