//! Self-check results as CSV for spreadsheets: one row per result, a header row, ISO dates.
//!
//! Instruments have different subscales, so after `id,date,instrument` the table has two columns
//! per subscale that any result in the file uses, named `<instrument id>.<subscale id>` (the
//! score) and `<instrument id>.<subscale id>.band`; a row leaves the other instruments' columns
//! empty. Written by [`super::csv_write`] like the work entries: the instrument's name, its band
//! names and the ids in the header come from an imported file, so they are text cells,
//! neutralised if they look like a formula; scores are number cells.

use super::csv_write::{write_table, Cell};
use crate::checks::SubscaleScore;
use crate::journal::Journal;
use crate::selectors::checks::scored;
use std::collections::BTreeMap;

/// Every self-check result as CSV, oldest first. Results whose instrument is unknown are left
/// out (the reducer does not let that happen).
pub fn checks_csv(journal: &Journal) -> Result<String, String> {
    let mut results: Vec<_> = journal.checks.iter().collect();
    crate::sorting::sort_stable_by(&mut results, |a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let rows: Vec<_> = results
        .into_iter()
        .filter_map(|r| scored(journal, r).map(|(i, scores)| (r, i, scores)))
        .collect();
    // Columns in order of first appearance: instruments as met, subscales in definition order.
    let mut columns: Vec<String> = Vec::new();
    for (_, instrument, scores) in &rows {
        for s in scores {
            let name = format!("{}.{}", instrument.id, s.id);
            if !columns.contains(&name) {
                columns.push(name);
            }
        }
    }
    let mut header = vec![
        Cell::text("id"),
        Cell::text("date"),
        Cell::text("instrument"),
    ];
    for c in &columns {
        header.push(Cell::text(c.clone()));
        header.push(Cell::text(format!("{c}.band")));
    }
    let mut lines = Vec::with_capacity(rows.len());
    for (result, instrument, scores) in rows {
        // Filled by `extend`, not `collect()`: collecting into a B-tree sorts with its own copy of
        // the standard stable sort for each element type, kilobytes of wasm each (see `sorting`).
        let mut by_column: BTreeMap<String, &SubscaleScore> = BTreeMap::new();
        by_column.extend(
            scores
                .iter()
                .map(|s| (format!("{}.{}", instrument.id, s.id), s)),
        );
        let mut record = vec![
            Cell::text(result.id.0.clone()),
            Cell::text(result.date.format("%Y-%m-%d").to_string()),
            Cell::text(instrument.name.clone()),
        ];
        for c in &columns {
            match by_column.get(c) {
                Some(s) => {
                    record.push(Cell::score(s.score));
                    record.push(Cell::text(s.band.clone()));
                }
                None => record.extend([Cell::text(""), Cell::text("")]),
            }
        }
        lines.push(record);
    }
    // The writer cannot fail; the `Result` is kept for the caller that already handles one.
    Ok(write_table(&header, &lines))
}
