//! Records for the CSV tests (#17): one of each kind for every text a spreadsheet would run as a
//! formula and for a name in several scripts, in every text field the tables show, and the
//! tables written from them. Used by `csv_injection.rs` and by the LibreOffice check in
//! `csv_office.rs`.

#![allow(dead_code)] // each test file uses a different part

use chrono::NaiveDate;
use tend_core::checks::{read_instrument, CheckId, CheckResult, Instrument};
use tend_core::exchange::{
    breaks_csv, cases_csv, checks_csv, entries_csv, licensure_csv, organisations_csv, period_log,
    BOM,
};
use tend_core::requirements::examples;
use tend_core::selectors::requirements::progress;
use tend_core::tracking::{
    Arrangement, BreakEntry, BreakId, BreakKind, Case, CaseId, Complexity, OrgId, Organisation,
};
use tend_core::{EntryId, Journal, WorkEntry, WorkKind};

/// Text that starts like a formula, one for each character OWASP names (and line feed).
pub const HOSTILE: [&str; 7] = [
    "=HYPERLINK(\"http://example.invalid\",\"x\")",
    "+1+2",
    "-3+4",
    "@SUM(1,2)",
    "\t=5+6",
    "\r=7+8",
    "\n=9+10",
];

pub fn day(d: u32) -> NaiveDate {
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
    value["subscales"][1]["bands"][1]["name"] = NON_ASCII.into();
    read_instrument(value.to_string().as_bytes()).unwrap()
}

/// A name in Latin with diacritics, Polish, Greek and Japanese, which a spreadsheet reading
/// the file in the wrong encoding garbles. Ends in a letter, so a case label is not a name.
pub const NON_ASCII: &str = "Zoë Ørsted-Łęcka Ωμέγα 東京";

/// Every text the records below are made with.
pub fn texts() -> Vec<&'static str> {
    HOSTILE.iter().copied().chain([NON_ASCII]).collect()
}

/// How a text cell should read back from the file: behind a single quote if a spreadsheet
/// would take it for a formula.
pub fn written(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One record of each kind per text, in every text field the tables show.
pub fn hostile_journal() -> Journal {
    let mut j = Journal::default();
    for (i, text) in texts().into_iter().enumerate() {
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

/// The cells of a table as the `csv` crate reads them, header first (after the byte-order mark).
pub fn cells(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

pub fn tables(j: &Journal) -> Vec<(&'static str, String)> {
    vec![
        ("work entries", entries_csv(j).unwrap()),
        ("breaks", breaks_csv(j).unwrap()),
        ("cases", cases_csv(j).unwrap()),
        ("organisations", organisations_csv(j).unwrap()),
        ("self-checks", checks_csv(j).unwrap()),
        ("licensure log", licensure_log(j)),
    ]
}

/// The licensure log of November for a set whose names start like formulas or are in several
/// scripts (a set imported from a file can name itself anything).
pub fn licensure_log(j: &Journal) -> String {
    let mut set = examples()
        .into_iter()
        .find(|s| s.id.contains("ca-bbs"))
        .unwrap();
    set.name = HOSTILE[0].into();
    let log = set.licensure.as_mut().unwrap();
    log.categories[0].name = HOSTILE[1].into();
    log.categories[1].name = NON_ASCII.into();
    log.categories[2].name = HOSTILE[3].into();
    let result = progress(j, &set, day(30));
    let weeks = &result.licensure.as_ref().unwrap().weeks;
    licensure_csv(&period_log(&set, weeks, day(1), day(30)).unwrap())
}
