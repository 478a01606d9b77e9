//! CSV tables for spreadsheets: RFC 4180 through the `csv` crate, a header row, ISO dates.
//!
//! One table per kind of record (work entries, breaks, cases, organisations), each row a record,
//! oldest first. Organisations and cases are named by their names and labels as well as their
//! ids, so a table makes sense on its own in a spreadsheet. Amounts stay in minor units (cents)
//! so no decimal separator is guessed for the clinician's spreadsheet.

use crate::journal::Journal;
use crate::tracking::{CaseId, OrgId};
use chrono::NaiveDate;

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn yes_no(flag: bool) -> &'static str {
    if flag {
        "yes"
    } else {
        "no"
    }
}

/// Writes a header and rows through the `csv` crate (quoting as RFC 4180 asks).
fn table(header: &[&str], rows: Vec<Vec<String>>) -> Result<String, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        writer.write_record(&row).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

fn org_name(journal: &Journal, id: Option<&OrgId>) -> String {
    id.map(|id| {
        journal
            .organisations
            .iter()
            .find(|o| &o.id == id)
            .map_or_else(|| id.0.clone(), |o| o.name.clone())
    })
    .unwrap_or_default()
}

fn case_label(journal: &Journal, id: Option<&CaseId>) -> String {
    id.map(|id| {
        journal
            .cases
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.0.clone(), |c| c.label.clone())
    })
    .unwrap_or_default()
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
    let rows = entries
        .into_iter()
        .map(|e| {
            vec![
                e.id.0.clone(),
                iso(e.date),
                e.minutes.to_string(),
                format!("{:.2}", f64::from(e.minutes) / 60.0),
                e.kind.label().to_string(),
                e.start
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default(),
                org_name(journal, e.organisation.as_ref()),
                case_label(journal, e.case.as_ref()),
                yes_no(e.trauma).to_string(),
                yes_no(e.pro_bono).to_string(),
            ]
        })
        .collect();
    table(&ENTRIES_HEADER, rows)
}

/// The header of [`breaks_csv`].
pub const BREAKS_HEADER: [&str; 6] = ["id", "date", "until", "kind", "minutes", "days"];

/// Every break, day off, vacation and sick day, oldest first. `days` counts whole days (0 for
/// timed breaks); `until` is the last day of a range and equals `date` for a single day.
pub fn breaks_csv(journal: &Journal) -> Result<String, String> {
    let mut breaks: Vec<_> = journal.breaks.iter().collect();
    crate::sorting::sort_stable_by(&mut breaks, |a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let rows = breaks
        .into_iter()
        .map(|b| {
            let days = if b.kind.is_whole_day() {
                (b.last_day() - b.date).num_days() + 1
            } else {
                0
            };
            vec![
                b.id.0.clone(),
                iso(b.date),
                iso(b.last_day()),
                b.kind.label().to_string(),
                b.minutes.to_string(),
                days.to_string(),
            ]
        })
        .collect();
    table(&BREAKS_HEADER, rows)
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
    let mut rows: Vec<(NaiveDate, Vec<String>)> = Vec::new();
    for case in &journal.cases {
        for period in &case.periods {
            rows.push((
                period.opened,
                vec![
                    case.id.0.clone(),
                    case.label.clone(),
                    org_name(journal, case.organisation.as_ref()),
                    case.complexity.label().to_string(),
                    yes_no(case.trauma_focused).to_string(),
                    iso(period.opened),
                    period.closed.map(iso).unwrap_or_default(),
                    yes_no(period.closed.is_none()).to_string(),
                ],
            ));
        }
    }
    crate::sorting::sort_stable_by(&mut rows, |a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    table(&CASES_HEADER, rows.into_iter().map(|(_, r)| r).collect())
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
    let rows = orgs
        .into_iter()
        .map(|o| {
            vec![
                o.id.0.clone(),
                o.name.clone(),
                o.arrangement.label().to_string(),
                o.rate.map(|r| r.to_string()).unwrap_or_default(),
                o.weekly_minutes.to_string(),
                iso(o.start),
                o.end.map(iso).unwrap_or_default(),
            ]
        })
        .collect();
    table(&ORGANISATIONS_HEADER, rows)
}
