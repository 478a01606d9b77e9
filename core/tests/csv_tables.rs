//! Every CSV table read back: the demo journal's entries, breaks, cases and organisations are
//! written, parsed again with the `csv` crate and compared record by record with the journal.
//! LibreOffice's reading of every table, hostile text included, is checked by `csv_office.rs`
//! through `scripts/csv-check`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::NaiveDate;
use std::collections::HashMap;
use tend_core::demo::demo_journal;
use tend_core::exchange::{
    breaks_csv, cases_csv, entries_csv, organisations_csv, BREAKS_HEADER, CASES_HEADER,
    ENTRIES_HEADER, ORGANISATIONS_HEADER,
};
use tend_core::Journal;

fn demo() -> Journal {
    demo_journal(7, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap()
}

/// The header and rows of a CSV text, each row as a map from column to value.
fn read(text: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

fn is_iso(text: &str) -> bool {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

#[test]
fn entries_read_back_with_every_field() {
    let j = demo();
    let (header, rows) = read(&entries_csv(&j).unwrap());
    assert_eq!(header, ENTRIES_HEADER);
    assert_eq!(rows.len(), j.entries.len());
    assert!(
        rows.windows(2).all(|w| w[0]["date"] <= w[1]["date"]),
        "oldest first"
    );
    for row in &rows {
        let e = j.entries.iter().find(|e| e.id.0 == row["id"]).unwrap();
        assert!(is_iso(&row["date"]));
        assert_eq!(row["date"], e.date.to_string());
        assert_eq!(row["minutes"], e.minutes.to_string());
        assert_eq!(row["kind"], e.kind.label());
        let org = e
            .organisation
            .as_ref()
            .and_then(|id| j.organisations.iter().find(|o| &o.id == id))
            .map(|o| o.name.clone())
            .unwrap_or_default();
        assert_eq!(row["organisation"], org);
        assert_eq!(row["pro_bono"], if e.pro_bono { "yes" } else { "no" });
    }
    assert!(
        rows.iter().any(|r| !r["organisation"].is_empty()),
        "the demo names organisations"
    );
}

#[test]
fn breaks_cases_and_organisations_read_back() {
    let j = demo();
    let (header, rows) = read(&breaks_csv(&j).unwrap());
    assert_eq!(header, BREAKS_HEADER);
    assert_eq!(rows.len(), j.breaks.len());
    for row in &rows {
        let b = j.breaks.iter().find(|b| b.id.0 == row["id"]).unwrap();
        assert!(is_iso(&row["date"]) && is_iso(&row["until"]));
        assert_eq!(row["kind"], b.kind.label());
        assert_eq!(row["minutes"], b.minutes.to_string());
        let days: i64 = row["days"].parse().unwrap();
        assert_eq!(days > 0, b.kind.is_whole_day());
    }

    let (header, rows) = read(&cases_csv(&j).unwrap());
    assert_eq!(header, CASES_HEADER);
    let periods: usize = j.cases.iter().map(|c| c.periods.len()).sum();
    assert_eq!(rows.len(), periods);
    for row in &rows {
        let c = j.cases.iter().find(|c| c.id.0 == row["id"]).unwrap();
        assert_eq!(row["label"], c.label);
        assert_eq!(row["complexity"], c.complexity.label());
        assert!(is_iso(&row["opened"]));
        assert_eq!(row["open_now"] == "yes", row["closed"].is_empty());
    }

    let (header, rows) = read(&organisations_csv(&j).unwrap());
    assert_eq!(header, ORGANISATIONS_HEADER);
    assert_eq!(rows.len(), j.organisations.len());
    for row in &rows {
        let o = j
            .organisations
            .iter()
            .find(|o| o.id.0 == row["id"])
            .unwrap();
        assert_eq!(row["name"], o.name);
        assert_eq!(row["arrangement"], o.arrangement.label());
        assert_eq!(
            row["rate_minor_units"],
            o.rate.map(|r| r.to_string()).unwrap_or_default()
        );
    }
}

#[test]
fn awkward_text_survives_quoting() {
    let mut j = demo();
    if let Some(o) = j.organisations.first_mut() {
        o.name = "Smith, Jones & \"Partners\"\nNorth".into();
    }
    let (_, rows) = read(&organisations_csv(&j).unwrap());
    assert!(rows
        .iter()
        .any(|r| r["name"] == "Smith, Jones & \"Partners\"\nNorth"));
    let empty = Journal::default();
    for text in [entries_csv(&empty), breaks_csv(&empty), cases_csv(&empty)] {
        let (header, rows) = read(&text.unwrap());
        assert!(
            !header.is_empty() && rows.is_empty(),
            "an empty table still has its header"
        );
    }
}
