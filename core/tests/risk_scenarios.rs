//! Named situations and the band the risk index should give them, computed from whole journals
//! through the same selectors the app uses. Run with `--nocapture` to print each index.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod risk_common;

use risk_common::{history_of, latest_monday, today, Clinician};
use tend_core::risk::history::default_targets;
use tend_core::risk::{latest_scored, Band, CheckSignals, Factor, ProqolScores};
use tend_core::selectors::rest::{days_since_full_day_off, vacation_clock};
use tend_core::{Complexity, Journal};

fn pulse(strain: f64) -> CheckSignals {
    CheckSignals {
        pulse_strain: Some(strain),
        ..CheckSignals::default()
    }
}

fn new_graduate(signals: CheckSignals) -> Clinician {
    Clinician {
        weeks: 22,
        hours: 40,
        capacity: 90,
        cases: 30,
        trauma: 30,
        pauses: 2,
        vacation_weeks_ago: None,
        supervision: 30,
        signals,
        ..Clinician::default()
    }
}

fn private_practice(signals: CheckSignals) -> Clinician {
    Clinician {
        weeks: 35,
        hours: 55,
        days: 6,
        cases: 13,
        complexity: Complexity::VeryHigh,
        trauma: 40,
        pauses: 0,
        vacation_weeks_ago: None,
        supervision: 0,
        signals,
        ..Clinician::default()
    }
}

fn at_capacity(vacation_weeks_ago: Option<u64>, weeks: u64) -> Clinician {
    Clinician {
        weeks,
        hours: 37,
        cases: 25,
        complexity: Complexity::Low,
        trauma: 40,
        vacation_weeks_ago,
        signals: pulse(15.0),
        ..Clinician::default()
    }
}

fn scenarios() -> Vec<(&'static str, Clinician, Band)> {
    vec![
        (
            "part-timer, 24 hours, every target met, regular supervision",
            Clinician { hours: 24, cases: 8, ..Clinician::default() },
            Band::Low,
        ),
        (
            "full-time and balanced, vacation six weeks ago",
            Clinician::default(),
            Band::Low,
        ),
        (
            "new graduate, 30 cases, no vacation in 5 months, no self-check yet",
            new_graduate(CheckSignals::default()),
            Band::Moderate,
        ),
        (
            "new graduate, 30 cases, no vacation in 5 months, pulse strain 70",
            new_graduate(pulse(70.0)),
            Band::Elevated,
        ),
        (
            "new graduate, 30 cases, no vacation in 5 months, pulse strain 85, ProQOL burnout 44",
            new_graduate(CheckSignals {
                pulse_strain: Some(85.0),
                proqol: Some(ProqolScores { cs: 30, bo: 44, sts: 35 }),
                ..CheckSignals::default()
            }),
            Band::High,
        ),
        (
            "trauma specialist, 80% trauma sessions, ProQOL STS 44, pulse strain 55",
            Clinician {
                hours: 35,
                cases: 12,
                complexity: Complexity::High,
                trauma: 80,
                vacation_weeks_ago: Some(8),
                signals: CheckSignals {
                    pulse_strain: Some(55.0),
                    proqol: Some(ProqolScores { cs: 35, bo: 30, sts: 44 }),
                    ..CheckSignals::default()
                },
                ..Clinician::default()
            },
            Band::Elevated,
        ),
        (
            "private practice, 55 h over six days, 130% caseload, no breaks, no vacation in 8 months, pulse strain 80",
            private_practice(pulse(80.0)),
            Band::High,
        ),
        (
            "the same private practice with no self-check",
            private_practice(CheckSignals::default()),
            Band::Elevated,
        ),
        (
            "back from a two-week vacation last week, caseload at capacity, pulse strain 15",
            at_capacity(Some(1), 20),
            Band::Low,
        ),
        (
            "caseload at capacity, no vacation in 8 months, pulse strain 15",
            at_capacity(None, 35),
            Band::Moderate,
        ),
        (
            "nine weeks without a day off, pulse strain 40",
            Clinician {
                hours: 40,
                days: 7,
                cases: 15,
                vacation_weeks_ago: Some(9),
                supervision: 0,
                signals: pulse(40.0),
                ..Clinician::default()
            },
            Band::Moderate,
        ),
        (
            "a light week but pulse strain 90, regular supervision",
            Clinician {
                hours: 20,
                cases: 8,
                trauma: 10,
                supervision: 90,
                signals: pulse(90.0),
                ..Clinician::default()
            },
            Band::Moderate,
        ),
        (
            "busy but sustainable, high compassion satisfaction",
            Clinician {
                hours: 38,
                cases: 16,
                trauma: 30,
                signals: CheckSignals {
                    pulse_strain: Some(20.0),
                    pulse_satisfaction: Some(90.0),
                    proqol: Some(ProqolScores { cs: 45, bo: 20, sts: 18 }),
                },
                ..Clinician::default()
            },
            Band::Low,
        ),
    ]
}

#[test]
fn each_named_scenario_lands_in_its_band() {
    let mut wrong = Vec::new();
    for (name, clinician, band) in scenarios() {
        let history = clinician.history();
        let latest = latest_scored(&history).expect("the scenario has data");
        assert_eq!(latest.monday, latest_monday(), "{name}");
        let score = latest.score.as_ref().unwrap();
        println!("{:>3} {:<9} {name}", score.index, score.band.label());
        assert_eq!(
            score.parts.iter().map(|p| p.points).sum::<i32>(),
            score.index as i32,
            "{name}"
        );
        if score.band != band {
            wrong.push(format!(
                "{name}: {} ({:?}), expected {band:?}",
                score.index, score.band
            ));
        }
    }
    assert!(scenarios().len() >= 12);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_inputs_come_from_the_selectors() {
    let clinician = Clinician {
        days: 7,
        vacation_weeks_ago: Some(9),
        ..Clinician::default()
    };
    let journal = clinician.journal();
    assert!(default_targets(&journal));
    assert!(!default_targets(
        &new_graduate(CheckSignals::default()).journal()
    ));
    let history = clinician.history();
    let latest = history.last().unwrap();
    assert_eq!(history.len(), 20);
    assert_eq!(
        Some(latest.inputs.days_since_day_off),
        days_since_full_day_off(&journal, today())
    );
    assert_eq!(
        Some(latest.inputs.days_since_vacation),
        vacation_clock(&journal, today())
    );
    assert_eq!(latest.inputs.days_since_day_off, 63);
    assert_eq!(latest.inputs.trauma_percent, 20);
    assert_eq!(latest.inputs.caseload_points, 84);
    assert_eq!(latest.inputs.pauses_tenths, Some(30));
    // Past weeks count their own Sunday: one week after the vacation, eight days without one.
    let week_after = &history[history.len() - 9];
    assert_eq!(week_after.inputs.days_since_day_off, 7);
    let score = latest.score.as_ref().unwrap();
    let day_off = score.parts.iter().find(|p| p.factor == Factor::DayOff);
    let part = day_off.expect("nine weeks without a day off scores");
    assert_eq!(part.reason, "9 weeks without a full day off");
    // Supervision took points off, so the day-off points are "added" rather than "of your".
    assert_eq!(
        score.sentence(part),
        format!(
            "{} points added: 9 weeks without a full day off.",
            part.points
        )
    );
}

#[test]
fn no_data_at_all_is_not_a_low_score() {
    assert!(history_of(&Journal::default(), CheckSignals::default()).is_empty());
    // A gap of weeks with nothing logged has no score rather than a confident 0.
    let mut journal = Clinician {
        weeks: 6,
        ..Clinician::default()
    }
    .journal();
    journal
        .entries
        .retain(|e| e.date < latest_monday() - chrono::Days::new(7));
    journal
        .breaks
        .retain(|b| b.kind != tend_core::BreakKind::Vacation);
    let history = history_of(&journal, CheckSignals::default());
    assert_eq!(history.len(), 6);
    assert!(history[..4].iter().all(|w| w.score.is_some()));
    assert!(history[4..].iter().all(|w| w.score.is_none()));
    // A self-check alone is enough data for that week.
    let history = history_of(&journal, pulse(50.0));
    assert!(history[5].score.is_some() && history[4].score.is_none());
}
