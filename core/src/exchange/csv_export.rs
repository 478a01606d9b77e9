//! CSV tables for spreadsheets: a header row, ISO dates, written by [`super::csv_write`].
//!
//! One table per kind of record (work entries, breaks, cases, organisations), each row a record,
//! oldest first. Organisations and cases are named by their names and labels as well as their
//! ids, so a table makes sense on its own in a spreadsheet. Amounts stay in minor units (cents)
//! so no decimal separator is guessed for the clinician's spreadsheet. Names, labels and ids are
//! text cells (neutralised if they look like a formula); counts and amounts are number cells.

use super::csv_write::{header, write_table, Cell};
use crate::journal::Journal;
use crate::tracking::{CaseId, OrgId};
use chrono::NaiveDate;

fn iso(date: NaiveDate) -> Cell {
    Cell::text(date.format("%Y-%m-%d").to_string())
}

fn yes_no(flag: bool) -> Cell {
    Cell::text(if flag { "yes" } else { "no" })
}

/// The table as text. The writer cannot fail; the `Result` is kept for the callers that already
/// handle one.
fn table(names: &[&str], rows: &[Vec<Cell>]) -> Result<String, String> {
    Ok(write_table(&header(names), rows))
}

fn org_name(journal: &Journal, id: Option<&OrgId>) -> Cell {
    Cell::text(
        id.map(|id| {
            journal
                .organisations
                .iter()
                .find(|o| &o.id == id)
                .map_or_else(|| id.0.clone(), |o| o.name.clone())
        })
        .unwrap_or_default(),
    )
}

fn case_label(journal: &Journal, id: Option<&CaseId>) -> Cell {
    Cell::text(
        id.map(|id| {
            journal
                .cases
                .iter()
                .find(|c| &c.id == id)
                .map_or_else(|| id.0.clone(), |c| c.label.clone())
        })
        .unwrap_or_default(),
    )
}

/// The header of [`entries_csv`].
pub const ENTRIES_HEADER: [&str; 10] = [
    "id",
    "date",
    "minutes",
    "hours",
    "kind",
    "start",
    "organisation",
    "case",
    "trauma",
    "pro_bono",
];

/// Every work entry, oldest first.
pub fn entries_csv(journal: &Journal) -> Result<String, String> {
    let mut entries: Vec<_> = journal.entries.iter().collect();
    crate::sorting::sort_stable_by(&mut entries, |a, b| {
        (a.date, a.start, &a.id).cmp(&(b.date, b.start, &b.id))
    });
    let rows: Vec<_> = entries
        .into_iter()
        .map(|e| {
            vec![
                Cell::text(e.id.0.clone()),
                iso(e.date),
                Cell::number(e.minutes),
                Cell::decimal(f64::from(e.minutes) / 60.0, 2),
                Cell::text(e.kind.label()),
                Cell::text(
                    e.start
                        .map(|t| t.format("%H:%M").to_string())
                        .unwrap_or_default(),
                ),
                org_name(journal, e.organisation.as_ref()),
                case_label(journal, e.case.as_ref()),
                yes_no(e.trauma),
                yes_no(e.pro_bono),
            ]
        })
        .collect();
    table(&ENTRIES_HEADER, &rows)
}

/// The header of [`breaks_csv`].
pub const BREAKS_HEADER: [&str; 6] = ["id", "date", "until", "kind", "minutes", "days"];

/// Every break, day off, vacation and sick day, oldest first. `days` counts whole days (0 for
/// timed breaks); `until` is the last day of a range and equals `date` for a single day.
pub fn breaks_csv(journal: &Journal) -> Result<String, String> {
    let mut breaks: Vec<_> = journal.breaks.iter().collect();
    crate::sorting::sort_stable_by(&mut breaks, |a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let rows: Vec<_> = breaks
        .into_iter()
        .map(|b| {
            let days = if b.kind.is_whole_day() {
                (b.last_day() - b.date).num_days() + 1
            } else {
                0
            };
            vec![
                Cell::text(b.id.0.clone()),
                iso(b.date),
                iso(b.last_day()),
                Cell::text(b.kind.label()),
                Cell::number(b.minutes),
                Cell::number(days),
            ]
        })
        .collect();
    table(&BREAKS_HEADER, &rows)
}

/// The header of [`cases_csv`].
pub const CASES_HEADER: [&str; 8] = [
    "id",
    "label",
    "organisation",
    "complexity",
    "trauma_focused",
    "opened",
    "closed",
    "open_now",
];

/// Every case, one row per open period (a reopened case has two rows), by opening day.
pub fn cases_csv(journal: &Journal) -> Result<String, String> {
    let mut rows: Vec<(NaiveDate, &str, Vec<Cell>)> = Vec::new();
    for case in &journal.cases {
        for period in &case.periods {
            rows.push((
                period.opened,
                &case.id.0,
                vec![
                    Cell::text(case.id.0.clone()),
                    Cell::text(case.label.clone()),
                    org_name(journal, case.organisation.as_ref()),
                    Cell::text(case.complexity.label()),
                    yes_no(case.trauma_focused),
                    iso(period.opened),
                    period.closed.map_or_else(|| Cell::text(""), iso),
                    yes_no(period.closed.is_none()),
                ],
            ));
        }
    }
    // By opening day, then by id (a case's periods open on different days).
    crate::sorting::sort_stable_by(&mut rows, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let rows: Vec<_> = rows.into_iter().map(|(_, _, r)| r).collect();
    table(&CASES_HEADER, &rows)
}

/// The header of [`organisations_csv`].
pub const ORGANISATIONS_HEADER: [&str; 7] = [
    "id",
    "name",
    "arrangement",
    "rate_minor_units",
    "weekly_minutes",
    "start",
    "end",
];

/// Every organisation and its contract, by start day.
pub fn organisations_csv(journal: &Journal) -> Result<String, String> {
    let mut orgs: Vec<_> = journal.organisations.iter().collect();
    crate::sorting::sort_stable_by(&mut orgs, |a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    let rows: Vec<_> = orgs
        .into_iter()
        .map(|o| {
            vec![
                Cell::text(o.id.0.clone()),
                Cell::text(o.name.clone()),
                Cell::text(o.arrangement.label()),
                o.rate.map_or_else(|| Cell::text(""), Cell::number),
                Cell::number(o.weekly_minutes),
                iso(o.start),
                o.end.map_or_else(|| Cell::text(""), iso),
            ]
        })
        .collect();
    table(&ORGANISATIONS_HEADER, &rows)
}
