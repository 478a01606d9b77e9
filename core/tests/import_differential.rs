//! The differential test of the calendar import (#17): calendars generated from seeds (UTC,
//! floating and zone times in zones that change for daylight saving, every repeat-rule part
//! Tend follows, RDATE, EXDATE, moved and cancelled instances, DURATION, all-day events) are
//! imported by Tend and worked out by an independent implementation run natively (the `rrule`
//! crate and chrono-tz, see `differential/reference.rs`), and every event's days and minutes
//! must agree. An event Tend leaves out, or of which it ignores a part, with a warning naming
//! it counts as agreement (declining is allowed; a silent wrong answer is not). Run with
//! `--nocapture` to see the figures.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod differential;

use differential::{generate, reference, text, Case, Outcome};
use std::collections::BTreeMap;
use std::time::Instant;
use tend_core::import::{import_ics, Import, ImportOptions, Rules, Warning};
use tend_core::WorkKind;

/// Calendars generated per run (seeds 1 to this). `TEND_DIFFERENTIAL_SEEDS=first-last` runs
/// other seeds instead, to search further by hand.
const CALENDARS: u64 = 600;

fn seeds() -> std::ops::RangeInclusive<u64> {
    std::env::var("TEND_DIFFERENTIAL_SEEDS")
        .ok()
        .and_then(|v| {
            let (a, b) = v.split_once('-')?;
            Some(a.trim().parse().ok()?..=b.trim().parse().ok()?)
        })
        .unwrap_or(1..=CALENDARS)
}

fn options(case: &Case) -> ImportOptions {
    ImportOptions {
        from: case.from,
        to: case.to,
        utc_offset_minutes: case.offset,
        owner_emails: Vec::new(),
        kinds: Rules::new(WorkKind::DirectSession),
    }
}

/// Tend's proposals by UID (the key is `ics:<UID>@<start>`).
fn by_uid(import: &Import) -> BTreeMap<String, Outcome> {
    let mut out: BTreeMap<String, Outcome> = BTreeMap::new();
    let uid = |id: &str| {
        id.trim_start_matches("ics:")
            .split('@')
            .next()
            .unwrap()
            .to_string()
    };
    for e in &import.entries {
        let at = e.start.format("%H:%M").to_string();
        out.entry(uid(&e.id.0))
            .or_default()
            .pieces
            .push((e.date, at, e.minutes));
    }
    for a in &import.all_day {
        out.entry(uid(&a.id.0)).or_default().days.push(a.date);
    }
    for outcome in out.values_mut() {
        outcome.pieces.sort();
        outcome.days.sort();
    }
    out
}

/// Whether a warning says Tend left out the event (or a part of it) with this title.
fn declines(warning: &Warning, summary: &str) -> bool {
    match warning {
        Warning::EventSkipped { event, .. } | Warning::PartIgnored { event, .. } => {
            event.summary == summary
        }
        _ => false,
    }
}

/// Warnings that say nothing was left out: a length of zero (also worked out by the reference)
/// and a long event split by day.
fn harmless(warning: &Warning) -> bool {
    matches!(warning, Warning::NoLength { .. } | Warning::Split { .. })
}

#[derive(Default)]
struct Figures {
    calendars: u64,
    events: usize,
    occurrences: usize,
    declined: Vec<String>,
    differences: Vec<String>,
}

/// Imports one case with Tend and compares it with the reference, event by event.
fn compare(case: &Case, figures: &mut Figures) {
    let text = text::calendar(case);
    let want = reference::expect(case).unwrap_or_else(|e| panic!("seed {}: {e}", case.seed));
    let import = import_ics(text.as_bytes(), &options(case))
        .unwrap_or_else(|e| panic!("seed {}: {e}", case.seed));
    let got = by_uid(&import);
    figures.calendars += 1;
    for event in &case.events {
        figures.events += 1;
        let warned: Vec<String> = import
            .warnings
            .iter()
            .filter(|w| declines(w, &event.summary))
            .map(|w| w.to_string())
            .collect();
        if !warned.is_empty() {
            figures.declined.extend(warned);
            continue;
        }
        let want = want.get(&event.uid).cloned().unwrap_or_default();
        let got = got.get(&event.uid).cloned().unwrap_or_default();
        figures.occurrences += want.pieces.len() + want.days.len();
        if want != got {
            figures.differences.push(format!(
                "seed {} ({} to {}, offset {}), {}:\n  Tend:      {:?}\n  reference: {:?}\n{text}",
                case.seed, case.from, case.to, case.offset, event.uid, got, want
            ));
        }
    }
    for warning in &import.warnings {
        let known = case.events.iter().any(|e| declines(warning, &e.summary));
        if !known && !harmless(warning) {
            figures.differences.push(format!(
                "seed {}: unexpected warning {warning}\n{text}",
                case.seed
            ));
        }
    }
}

// #17
#[test]
fn the_import_agrees_with_an_independent_implementation() {
    let started = Instant::now();
    let mut figures = Figures::default();
    for seed in seeds() {
        compare(&generate::case(seed), &mut figures);
    }
    let took = started.elapsed();
    eprintln!(
        "differential: {} calendars, {} events, {} occurrences (entries and all-day days) \
         compared, {} parts declined with a warning, {} differences, {:.1} s",
        figures.calendars,
        figures.events,
        figures.occurrences,
        figures.declined.len(),
        figures.differences.len(),
        took.as_secs_f64()
    );
    for declined in &figures.declined {
        eprintln!("  declined: {declined}");
    }
    assert!(
        figures.differences.is_empty(),
        "{} differences; the first:\n{}",
        figures.differences.len(),
        figures.differences[..figures.differences.len().min(3)].join("\n")
    );
}
