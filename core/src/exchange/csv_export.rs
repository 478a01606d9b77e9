//! CSV tables for spreadsheets: RFC 4180 through the `csv` crate, a header row, ISO dates.

use crate::journal::Journal;

/// Every work entry as CSV: `id,date,minutes,hours,kind`, oldest first.
pub fn entries_csv(journal: &Journal) -> Result<String, String> {
    let mut entries: Vec<_> = journal.entries.iter().collect();
    entries.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(["id", "date", "minutes", "hours", "kind"])
        .map_err(|e| e.to_string())?;
    for e in entries {
        writer
            .write_record([
                e.id.0.as_str(),
                &e.date.format("%Y-%m-%d").to_string(),
                &e.minutes.to_string(),
                &format!("{:.2}", f64::from(e.minutes) / 60.0),
                e.kind.label(),
            ])
            .map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
