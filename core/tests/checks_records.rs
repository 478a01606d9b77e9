//! Self-check results and imported instruments as records: the reducer's rules, which checks are
//! due, the signals the risk model reads, and their way through storage, backups and CSV.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod common;

use chrono::NaiveDate;
use common::{execute, Store};
use std::collections::BTreeSet;
use tend_core::checks::{read_instrument, CheckError, CheckId, CheckResult, PROQOL_ID, PULSE_ID};
use tend_core::exchange::{checks_csv, export_backup, preview, read_backup};
use tend_core::risk::{signals_for_week, ProqolScores};
use tend_core::selectors::checks::due_on;
use tend_core::storage::{
    all_months, load, plan_save, touched_months, touches_registry, SaveRequest,
};
use tend_core::{Action, ActionError, Document, Journal};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn result(id: &str, instrument: &str, date: NaiveDate, answers: Vec<u8>) -> CheckResult {
    CheckResult {
        id: CheckId(id.into()),
        instrument: instrument.into(),
        date,
        answers,
    }
}

fn team() -> tend_core::checks::Instrument {
    let path = format!(
        "{}/../e2e/fixtures/instrument-team-check.json",
        env!("CARGO_MANIFEST_DIR")
    );
    read_instrument(&std::fs::read(path).unwrap()).unwrap()
}

fn apply(j: &Journal, actions: &[Action]) -> Journal {
    actions.iter().fold(j.clone(), |j, a| {
        j.apply(a).unwrap_or_else(|e| panic!("{a:?}: {e}"))
    })
}

fn refused(j: &Journal, action: Action) -> CheckError {
    match j.apply(&action) {
        Err(ActionError::Check(e)) => {
            assert!(!e.to_string().is_empty());
            e
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// A journal with a pulse, a ProQOL 5 and the imported team check with one result.
fn sample() -> Journal {
    apply(
        &Journal::default(),
        &[
            Action::AddCheck(result("p1", PULSE_ID, day(10, 30), vec![2; 10])),
            Action::AddCheck(result("q1", PROQOL_ID, day(11, 2), vec![3; 30])),
            Action::AddInstrument(team()),
            Action::AddCheck(result(
                "t1",
                "team-check",
                day(11, 20),
                vec![4, 4, 2, 2, 3, 3],
            )),
        ],
    )
}

#[test]
fn results_must_fit_a_known_instrument_and_instruments_in_use_stay() {
    let j = sample();
    assert_eq!(
        refused(
            &j,
            Action::AddCheck(result("x", "nope", day(11, 1), vec![1]))
        ),
        CheckError::UnknownInstrument("nope".into())
    );
    assert!(matches!(
        refused(
            &j,
            Action::AddCheck(result("x", PULSE_ID, day(11, 1), vec![2; 9]))
        ),
        CheckError::Answers(_)
    ));
    let e = refused(
        &j,
        Action::AddCheck(result("x", PULSE_ID, day(11, 1), vec![5; 10])),
    );
    assert_eq!(
        e.to_string(),
        "Item 1 was answered 5; answers go from 0 to 4."
    );
    assert_eq!(
        refused(
            &j,
            Action::AddCheck(result("p1", PULSE_ID, day(11, 1), vec![1; 10]))
        ),
        CheckError::DuplicateId(CheckId("p1".into()))
    );
    assert_eq!(
        refused(&j, Action::AddInstrument(team())),
        CheckError::InstrumentExists("team-check".into())
    );
    let mut invalid = team();
    invalid.id = "other".into();
    invalid.items = 2;
    assert!(matches!(
        refused(&j, Action::AddInstrument(invalid)),
        CheckError::Invalid(_)
    ));
    assert_eq!(
        refused(&j, Action::RemoveInstrument("team-check".into())),
        CheckError::InstrumentInUse {
            name: "Team wellbeing check (example)".into(),
            results: 1
        }
    );
    assert!(matches!(
        refused(&j, Action::RemoveInstrument(PROQOL_ID.into())),
        CheckError::BuiltIn(_)
    ));
    let j = apply(
        &j,
        &[
            Action::RemoveCheck(CheckId("t1".into())),
            Action::RemoveInstrument("team-check".into()),
        ],
    );
    assert!(j.instruments.is_empty() && j.checks.len() == 2);
    assert_eq!(
        refused(&j, Action::RemoveCheck(CheckId("t1".into()))),
        CheckError::UnknownCheck(CheckId("t1".into()))
    );
    assert_eq!(j.check(), Ok(()));
    assert_eq!(j.check_references(), Ok(()));
}

#[test]
fn cadence_weekly_pulse_monthly_proqol_and_imported_per_their_own() {
    let due = |j: &Journal, d: NaiveDate| -> Vec<String> {
        due_on(j, d).into_iter().map(|x| x.id).collect()
    };
    let empty = Journal::default();
    assert_eq!(due(&empty, day(11, 1)), vec![PULSE_ID, PROQOL_ID]);
    let j = sample();
    // Pulse on 30 Oct: not due 6 days later, due 7 days later. The team check, first taken on
    // 20 Nov, is due until then.
    assert_eq!(due(&j, day(11, 2)), vec!["team-check"]);
    assert_eq!(due(&j, day(11, 5)), vec!["team-check"]);
    assert_eq!(due(&j, day(11, 6)), vec![PULSE_ID, "team-check"]);
    assert_eq!(due(&j, day(11, 20)), vec![PULSE_ID]);
    // ProQOL on 2 Nov: due 30 days later, on 2 Dec. The team check (14 days) from 4 Dec.
    assert_eq!(due(&j, day(12, 1)), vec![PULSE_ID]);
    assert_eq!(due(&j, day(12, 2)), vec![PULSE_ID, PROQOL_ID]);
    assert_eq!(due(&j, day(12, 4)), vec![PULSE_ID, PROQOL_ID, "team-check"]);
    // A result dated after the day asked about does not count for it.
    assert_eq!(due_on(&j, day(10, 29))[0].last, None);
    let mut on_demand = j.clone();
    on_demand.instruments[0].cadence_days = 0;
    assert_eq!(due(&on_demand, day(12, 31)), vec![PULSE_ID, PROQOL_ID]);
}

#[test]
fn signals_take_the_latest_pulse_of_two_weeks_and_proqol_of_35_days() {
    let strained = vec![4, 4, 4, 3, 3, 0, 1, 1, 1, 1]; // strain 18/24 = 75, satisfaction 4/16 = 25
    let calm = vec![1, 1, 1, 0, 0, 0, 3, 3, 3, 3]; // strain 3/24 = 12.5, satisfaction 12/16 = 75
    let j = apply(
        &Journal::default(),
        &[
            Action::AddCheck(result("a", PULSE_ID, day(11, 6), strained)), // Fri, week of 2 Nov
            Action::AddCheck(result("b", PULSE_ID, day(11, 12), calm)),    // Thu, week of 9 Nov
            Action::AddCheck(result("q", PROQOL_ID, day(10, 19), vec![3; 30])),
        ],
    );
    let s = signals_for_week(&j, day(11, 2));
    assert_eq!(
        (s.pulse_strain, s.pulse_satisfaction),
        (Some(75.0), Some(25.0))
    );
    let s = signals_for_week(&j, day(11, 9));
    assert_eq!(
        (s.pulse_strain, s.pulse_satisfaction),
        (Some(12.5), Some(75.0))
    );
    // Week of 16 Nov: the pulse of the previous week still counts; the week after, none does.
    assert_eq!(signals_for_week(&j, day(11, 18)).pulse_strain, Some(12.5));
    assert_eq!(signals_for_week(&j, day(11, 23)).pulse_strain, None);
    assert_eq!(signals_for_week(&j, day(10, 26)).pulse_strain, None);
    // ProQOL of 19 Oct counts up to the week ending 22 Nov (34 days later), not the next.
    let q = Some(ProqolScores {
        cs: 30,
        bo: 30,
        sts: 30,
    });
    assert_eq!(signals_for_week(&j, day(10, 19)).proqol, q);
    assert_eq!(signals_for_week(&j, day(11, 16)).proqol, q);
    assert_eq!(signals_for_week(&j, day(11, 23)).proqol, None);
    assert_eq!(signals_for_week(&j, day(10, 12)).proqol, None);
}

#[test]
fn checks_are_stored_in_their_months_and_instruments_in_the_registry() {
    let doc = Document {
        revision: 5,
        payload: sample(),
        ..Document::new("test")
    };
    let dirty = all_months(&doc, None);
    assert_eq!(dirty.len(), 2, "October and November");
    let plan = plan_save(SaveRequest {
        registry_dirty: true,
        ..SaveRequest::new(None, &doc, &dirty, 0)
    })
    .unwrap();
    let mut store = Store::new();
    execute(&mut store, &plan);
    let registry = plan.index.registry.clone().unwrap();
    assert!(store[&registry.key].contains("\"team-check\""));
    assert_eq!(registry.records, 2, "the instrument and the targets");
    let loaded = load(&store, "test", None);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    let mut got = loaded.doc.payload.clone();
    got.checks.sort_by(|a, b| a.id.cmp(&b.id));
    let mut want = doc.payload.clone();
    want.checks.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(got, want);

    // Removing a result rewrites its month only; adding an instrument rewrites the registry.
    let action = Action::RemoveCheck(CheckId("p1".into()));
    assert_eq!(
        touched_months(&doc.payload, &action),
        vec![tend_core::Month::of(day(10, 30))]
    );
    assert!(!touches_registry(&action));
    let next = doc.apply(&action, "test").unwrap();
    let dirty: BTreeSet<_> = touched_months(&doc.payload, &action).into_iter().collect();
    let plan = plan_save(SaveRequest::new(Some(&plan.index), &next, &dirty, 1)).unwrap();
    execute(&mut store, &plan);
    assert!(!plan
        .index
        .chunks
        .contains_key(&tend_core::Month::of(day(10, 30))));
    assert_eq!(load(&store, "test", None).doc.payload.checks.len(), 2);
    assert!(touches_registry(&Action::RemoveInstrument(
        "team-check".into()
    )));
}

#[test]
fn a_chunk_without_checks_is_stored_as_before() {
    let j: Journal = serde_json::from_str(r#"{"entries":[]}"#).unwrap();
    assert!(j.checks.is_empty() && j.instruments.is_empty());
    assert_eq!(serde_json::to_string(&j).unwrap(), r#"{"entries":[]}"#);
}

#[test]
fn backups_carry_checks_and_instruments_and_restore_counts_them() {
    let j = sample();
    let text = export_backup(&j, 0, "test", None).unwrap();
    let (_, back) = read_backup(text.as_bytes(), None).unwrap();
    assert_eq!(back, j);
    let p = preview(&Journal::default(), &back);
    assert_eq!(
        (p.added, p.checks),
        (4, 3),
        "three results and one instrument"
    );
    assert!(p.describe().contains("3 self-checks"), "{}", p.describe());
    let restored = Journal::default()
        .apply(&Action::Restore(back.clone()))
        .unwrap();
    assert_eq!(restored.checks.len(), 3);
    assert!(preview(&restored, &back).is_noop());
    // A backup whose result names an instrument it does not carry is refused.
    let mut orphan = back.clone();
    orphan.instruments.clear();
    assert!(matches!(
        Journal::default().apply(&Action::Restore(orphan)),
        Err(ActionError::Damaged(_))
    ));
    // Off-scale answers to a built-in instrument make the file damaged.
    let damaged = text.replace("[\n          2,", "[\n          9,");
    assert_ne!(damaged, text);
    assert!(read_backup(damaged.as_bytes(), None).is_err());
}

#[test]
fn the_csv_has_a_row_per_result_with_scores_and_bands_that_parse_back() {
    let csv_text = checks_csv(&sample()).unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "id",
            "date",
            "instrument",
            "tend-pulse.strain",
            "tend-pulse.strain.band",
            "tend-pulse.satisfaction",
            "tend-pulse.satisfaction.band",
            "proqol-5.cs",
            "proqol-5.cs.band",
            "proqol-5.bo",
            "proqol-5.bo.band",
            "proqol-5.sts",
            "proqol-5.sts.band",
            "team-check.load",
            "team-check.load.band",
            "team-check.team",
            "team-check.team.band",
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0][..7],
        [
            "p1",
            "2026-10-30",
            "Weekly pulse",
            "50",
            "moderate",
            "50",
            "moderate"
        ]
    );
    assert!(rows[0][7..].iter().all(String::is_empty));
    assert_eq!(rows[1][1..3], ["2026-11-02", "ProQOL 5"]);
    assert_eq!(
        rows[1][7..13],
        ["30", "moderate", "30", "moderate", "30", "moderate"]
    );
    assert_eq!(rows[2][13..], ["4", "heavy", "2.67", "low"]);
    let empty = checks_csv(&Journal::default()).unwrap();
    // #17: a byte-order mark first and CRLF line ends, for spreadsheets on Windows.
    assert_eq!(empty, "\u{feff}id,date,instrument\r\n");
}
