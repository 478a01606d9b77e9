//! Every CSV table Tend writes, filled with text a spreadsheet would run as a formula (#17).
//!
//! Names, labels and ids typed by the clinician, and the name, band names and ids of an imported
//! instrument file, are written with a single quote in front and in quotes, so a spreadsheet
//! reads them as text; the numbers Tend writes itself stay numbers, even when negative. Every
//! file starts with a UTF-8 byte-order mark and ends its lines in CRLF.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod csv_common;

use csv_common::{cells, hostile_journal, tables, written, HOSTILE, NON_ASCII};
use tend_core::exchange::{organisations_csv, BOM};

fn starts_like_a_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n'])
}

#[test]
fn no_table_has_a_cell_a_spreadsheet_would_run_as_a_formula() {
    // #17
    let j = hostile_journal();
    for (name, text) in tables(&j) {
        let rows = cells(&text);
        for cell in rows.iter().flatten() {
            assert!(
                !starts_like_a_formula(cell) || cell.parse::<f64>().is_ok(),
                "{name}: {cell:?} would run as a formula"
            );
        }
        // Every cell that was neutralised is quoted in the file, with the quote inside.
        for cell in rows.iter().flatten().filter(|c| c.starts_with('\'')) {
            let written = format!("\"{}\"", cell.replace('"', "\"\""));
            assert!(text.contains(&written), "{name}: {cell:?} is not quoted");
        }
    }
}

#[test]
fn each_table_keeps_the_hostile_text_behind_a_single_quote() {
    // #17
    let j = hostile_journal();
    let tables = tables(&j);
    let expect = |table: &str, column: &str, wanted: &[String]| {
        let text = &tables.iter().find(|(n, _)| *n == table).unwrap().1;
        let rows = cells(text);
        let at = rows[0].iter().position(|h| h == column).unwrap();
        let mut got: Vec<&String> = rows[1..].iter().map(|r| &r[at]).collect();
        got.sort();
        let mut wanted: Vec<&String> = wanted.iter().collect();
        wanted.sort();
        assert_eq!(got, wanted, "{table}.{column}");
    };
    let quoted = |suffix: &str| -> Vec<String> {
        csv_common::texts()
            .iter()
            .map(|t| written(&format!("{t}{suffix}")))
            .collect()
    };
    expect("work entries", "id", &quoted(""));
    expect("work entries", "organisation", &quoted(""));
    expect("work entries", "case", &quoted(""));
    expect("breaks", "id", &quoted(""));
    expect("cases", "id", &quoted("c"));
    expect("cases", "label", &quoted(""));
    expect("cases", "organisation", &quoted(""));
    expect("organisations", "id", &quoted("o"));
    expect("organisations", "name", &quoted(""));
    let name = format!("'{}", HOSTILE[0]);
    expect("self-checks", "instrument", &[name.clone(), name]);
    expect(
        "self-checks",
        "id",
        &[format!("'{}", HOSTILE[4]), "t2".into()],
    );
    expect(
        "self-checks",
        "'-1-1.load.band",
        &[format!("'{}", HOSTILE[1]), format!("'{}", HOSTILE[3])],
    );
    expect(
        "self-checks",
        "'-1-1.team.band",
        &[NON_ASCII.into(), format!("'{}", HOSTILE[2])],
    );
}

/// How many line breaks outside quoted cells end in CRLF, and how many in a lone LF or CR.
fn line_ends(text: &str) -> (usize, usize) {
    let (mut quoted, mut crlf, mut lone) = (false, 0, 0);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\r' if !quoted && chars.peek() == Some(&'\n') => {
                chars.next();
                crlf += 1;
            }
            '\r' | '\n' if !quoted => lone += 1,
            _ => {}
        }
    }
    (crlf, lone)
}

#[test]
fn the_licensure_log_keeps_names_from_a_file_behind_a_single_quote() {
    let tables = tables(&hostile_journal());
    let text = &tables
        .iter()
        .find(|(n, _)| *n == "licensure log")
        .unwrap()
        .1;
    let rows = cells(text);
    assert!(rows.len() > 3, "{rows:?}");
    let mut categories: Vec<&String> = rows[1..].iter().map(|r| &r[3]).collect();
    categories.sort();
    categories.dedup();
    let mut wanted = [
        written(HOSTILE[1]),
        written(HOSTILE[3]),
        NON_ASCII.to_string(),
    ];
    wanted.sort();
    assert_eq!(categories, wanted.iter().collect::<Vec<_>>());
    assert!(rows[1..].iter().all(|r| r[0] == written(HOSTILE[0])));
}

#[test]
fn every_table_starts_with_a_byte_order_mark_and_ends_lines_in_crlf() {
    // #17
    let j = hostile_journal();
    for (table, text) in tables(&j) {
        assert!(text.starts_with(BOM), "{table}");
        let rows = cells(&text).len();
        assert_eq!(line_ends(&text), (rows, 0), "{table}");
    }
    let orgs = organisations_csv(&j).unwrap();
    let rows = cells(&orgs);
    assert!(rows.iter().any(|r| r[1] == NON_ASCII));
}
