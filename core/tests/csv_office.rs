//! Every CSV table opened by LibreOffice Calc, headless, the way a clinician's spreadsheet would
//! open it (#17). Run by `scripts/csv-check` (part of `scripts/test`); ignored by a plain
//! `cargo test` because it needs LibreOffice.
//!
//! The tables are written from records holding text that starts like a formula and a name in
//! several scripts (`csv_common`), converted with formulas evaluated (LibreOffice's default, as in
//! Excel) and read back from the converted file (`office`). The check asserts that no cell became
//! a formula, that every text cell reads back exactly as written (the neutralised ones with their
//! quote, the names intact), that numbers, dates and times are what Tend wrote, and that the
//! rows and columns match the file. The files are written to `TEND_CSV_DIR` when it is set, so
//! they can be opened by hand.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod csv_common;
mod office;

use csv_common::{cells, hostile_journal, tables};
use office::{sheet_rows, OfficeCell};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long LibreOffice may take to convert all the tables.
const SOFFICE_LIMIT: Duration = Duration::from_secs(120);

/// CSV import options (LibreOffice's "Filter Options for the CSV Filter"): comma, double quote,
/// UTF-8 (76, as a user picks it; LibreOffice does not switch on the byte-order mark itself),
/// from line 1, standard column types, system language, quoted fields not forced to text,
/// special numbers detected, then the export-only options, and last "evaluate formulas" on.
const CSV_IMPORT: &str =
    "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1,true";

fn slug(table: &str) -> String {
    table.replace(' ', "-")
}

/// Converts every `.csv` in `dir` to `.fods` in `dir/out`, with a profile of its own so an
/// office already open elsewhere is neither used nor disturbed.
fn convert(dir: &Path, files: &[PathBuf]) {
    let profile = format!("file://{}", dir.join("profile").display());
    let mut child = Command::new("soffice")
        .args(["--headless", "--norestore", "--nologo"])
        .arg(format!("-env:UserInstallation={profile}"))
        .arg(format!("--infilter={CSV_IMPORT}"))
        .args(["--convert-to", "fods", "--outdir"])
        .arg(dir.join("out"))
        .args(files)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("LibreOffice (soffice) could not be started; scripts/setup installs it");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waiting for soffice") {
            assert!(status.success(), "soffice failed: {status}");
            return;
        }
        if started.elapsed() > SOFFICE_LIMIT {
            let _ = child.kill();
            panic!("soffice took longer than {SOFFICE_LIMIT:?} to convert the tables");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Why a cell LibreOffice read differs from the cell in the file, if it does.
fn mismatch(written: &str, read: &OfficeCell) -> Option<String> {
    if let Some(formula) = &read.formula {
        return Some(format!("became the formula {formula}"));
    }
    // A carriage return inside a quoted cell is a line break to a spreadsheet.
    let expected = written.replace("\r\n", "\n").replace('\r', "\n");
    let same = match read.kind.as_str() {
        "" => written.is_empty(),
        "string" => read.text == expected,
        "float" => read
            .value
            .as_deref()
            .and_then(|v| v.parse::<f64>().ok())
            .zip(written.parse::<f64>().ok())
            .is_some_and(|(a, b)| a == b),
        "date" => read.value.as_deref() == Some(written),
        "time" => {
            let (h, m) = written.split_once(':').unwrap_or_default();
            read.value.as_deref() == Some(format!("PT{h}H{m}M00S").as_str())
        }
        _ => false,
    };
    (!same).then(|| format!("read as {} {:?} ({:?})", read.kind, read.text, read.value))
}

#[test]
#[ignore = "needs LibreOffice; run by scripts/csv-check"]
fn libreoffice_reads_every_table_as_written() {
    let dir = std::env::var_os("TEND_CSV_DIR").map_or_else(
        || std::env::temp_dir().join(format!("tend-csv-check-{}", std::process::id())),
        PathBuf::from,
    );
    std::fs::create_dir_all(&dir).unwrap();
    let tables = tables(&hostile_journal());
    let files: Vec<PathBuf> = tables
        .iter()
        .map(|(name, text)| {
            let path = dir.join(format!("{}.csv", slug(name)));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    convert(&dir, &files);

    let mut problems = Vec::new();
    let mut checked = 0;
    for (name, text) in &tables {
        let fods = dir.join("out").join(format!("{}.fods", slug(name)));
        let xml = std::fs::read_to_string(&fods)
            .unwrap_or_else(|e| panic!("{name}: no converted file {}: {e}", fods.display()));
        let read = sheet_rows(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        let written = cells(text);
        if read.len() != written.len() {
            problems.push(format!(
                "{name}: {} rows in the file, {} in LibreOffice",
                written.len(),
                read.len()
            ));
            continue;
        }
        for (r, (file_row, office_row)) in written.iter().zip(&read).enumerate() {
            let used = file_row.len() - file_row.iter().rev().take_while(|c| c.is_empty()).count();
            if office_row.len() != used {
                problems.push(format!(
                    "{name} row {r}: {used} columns in the file, {} in LibreOffice",
                    office_row.len()
                ));
            }
            for (c, cell) in file_row.iter().enumerate() {
                let empty = OfficeCell::default();
                let office = office_row.get(c).unwrap_or(&empty);
                if let Some(why) = mismatch(cell, office) {
                    problems.push(format!("{name} row {r} column {c}: {cell:?} {why}"));
                }
                checked += 1;
            }
        }
    }
    assert!(
        problems.is_empty(),
        "LibreOffice read {} cells differently:\n{}",
        problems.len(),
        problems.join("\n")
    );
    println!(
        "LibreOffice read all {checked} cells of {} tables as written (files in {})",
        tables.len(),
        dir.display()
    );
}
