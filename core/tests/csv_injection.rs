//! Every CSV table Tend writes, filled with text a spreadsheet would run as a formula (#17).
//!
//! Names, labels and ids typed by the clinician, and the name, band names and ids of an imported
//! instrument file, are written with a single quote in front and in quotes, so a spreadsheet
//! reads them as text; the numbers Tend writes itself stay numbers, even when negative. Every
//! file starts with a UTF-8 byte-order mark and ends its lines in CRLF.

use chrono::NaiveDate;
use tend_core::checks::{read_instrument, CheckId, CheckResult, Instrument};
use tend_core::exchange::{breaks_csv, cases_csv, checks_csv, entries_csv, organisations_csv, BOM};
use tend_core::tracking::{
    Arrangement, BreakEntry, BreakId, BreakKind, Case, CaseId, Complexity, OrgId, Organisation,
};
use tend_core::{EntryId, Journal, WorkEntry, WorkKind};

/// Text that starts like a formula, one for each character OWASP names (and line feed).
const HOSTILE: [&str; 7] = [
    "=HYPERLINK(\"http://example.invalid\",\"x\")",
    "+1+2",
    "-3+4",
    "@SUM(1,2)",
    "\t=5+6",
    "\r=7+8",
    "\n=9+10",
];

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// An imported instrument whose name and band names start like formulas, with an id that does.
fn hostile_instrument() -> Instrument {
    let path = format!(
        "{}/../e2e/fixtures/instrument-team-check.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    value["id"] = "-1-1".into();
    value["name"] = HOSTILE[0].into();
    value["subscales"][0]["bands"][0]["name"] = HOSTILE[1].into();
    value["subscales"][0]["bands"][1]["name"] = HOSTILE[3].into();
    value["subscales"][1]["bands"][0]["name"] = HOSTILE[2].into();
    value["subscales"][1]["bands"][1]["name"] = "@good".into();
    read_instrument(value.to_string().as_bytes()).unwrap()
}

/// One record of each kind per hostile text, in every text field the tables show.
fn hostile_journal() -> Journal {
    let mut j = Journal::default();
    for (i, text) in HOSTILE.iter().enumerate() {
        let d = u32::try_from(i).unwrap() + 1;
        let org = OrgId(format!("{text}o"));
        let case = CaseId(format!("{text}c"));
        j.organisations.push(Organisation {
            id: org.clone(),
            name: text.to_string(),
            arrangement: Arrangement::ProBono,
            rate: None,
            weekly_minutes: 60,
            start: day(d),
            end: None,
        });
        let mut c = Case::opened(case.clone(), text, Complexity::Moderate, day(d));
        c.organisation = Some(org.clone());
        j.cases.push(c);
        let mut e = WorkEntry::new(EntryId(text.to_string()), day(d), 50, WorkKind::Admin);
        e.organisation = Some(org);
        e.case = Some(case);
        j.entries.push(e);
        j.breaks.push(BreakEntry {
            id: BreakId(text.to_string()),
            kind: BreakKind::MicroBreak,
            date: day(d),
            minutes: 5,
            until: None,
        });
    }
    let instrument = hostile_instrument();
    j.checks.push(CheckResult {
        id: CheckId(HOSTILE[4].into()),
        instrument: instrument.id.clone(),
        date: day(20),
        answers: vec![1, 1, 5, 5, 5, 5],
    });
    j.checks.push(CheckResult {
        id: CheckId("t2".into()),
        instrument: instrument.id.clone(),
        date: day(21),
        answers: vec![5, 5, 1, 1, 1, 1],
    });
    j.instruments.push(instrument);
    j.check().unwrap();
    j.check_references().unwrap();
    j
}

/// The cells of a table as the `csv` crate reads them, header first.
fn cells(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

fn tables(j: &Journal) -> Vec<(&'static str, String)> {
    vec![
        ("work entries", entries_csv(j).unwrap()),
        ("breaks", breaks_csv(j).unwrap()),
        ("cases", cases_csv(j).unwrap()),
        ("organisations", organisations_csv(j).unwrap()),
        ("self-checks", checks_csv(j).unwrap()),
    ]
}

fn starts_like_a_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n'])
}

#[test]
fn no_table_has_a_cell_a_spreadsheet_would_run_as_a_formula() {
    // #17
    let j = hostile_journal();
    for (name, text) in tables(&j) {
        let rows = cells(text.trim_start_matches(BOM));
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
        let rows = cells(text.trim_start_matches(BOM));
        let at = rows[0].iter().position(|h| h == column).unwrap();
        let mut got: Vec<&String> = rows[1..].iter().map(|r| &r[at]).collect();
        got.sort();
        let mut wanted: Vec<&String> = wanted.iter().collect();
        wanted.sort();
        assert_eq!(got, wanted, "{table}.{column}");
    };
    let quoted =
        |suffix: &str| -> Vec<String> { HOSTILE.iter().map(|t| format!("'{t}{suffix}")).collect() };
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
        &["'@good".into(), format!("'{}", HOSTILE[2])],
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
fn every_table_starts_with_a_byte_order_mark_and_ends_lines_in_crlf() {
    // #17
    let mut j = hostile_journal();
    let name = "Praxis Müller-Łęcka, Zürich \u{2013} 東京";
    j.organisations[0].name = name.into();
    for (table, text) in tables(&j) {
        assert!(text.starts_with(BOM), "{table}");
        let rows = cells(text.trim_start_matches(BOM)).len();
        assert_eq!(line_ends(&text), (rows, 0), "{table}");
    }
    let orgs = organisations_csv(&j).unwrap();
    let rows = cells(orgs.trim_start_matches(BOM));
    assert!(rows.iter().any(|r| r[1] == name));
}
