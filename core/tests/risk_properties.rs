//! Properties of the risk index that must hold for any week: more hours, more cases or fewer
//! breaks never lower it, all else equal; more support or a more recent vacation never raises it;
//! and every week's factor points add up exactly to the index.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use chrono::NaiveDate;
use proptest::prelude::*;
use tend_core::risk::{project, score, CheckSignals, ProqolScores, WeekInputs, WhatIf};

fn arb_signals() -> impl Strategy<Value = CheckSignals> {
    (
        prop::option::of(0.0f64..=100.0),
        prop::option::of(0.0f64..=100.0),
        prop::option::of((10u8..=50, 10u8..=50, 10u8..=50)),
    )
        .prop_map(|(strain, satisfaction, proqol)| CheckSignals {
            pulse_strain: strain,
            pulse_satisfaction: satisfaction,
            proqol: proqol.map(|(cs, bo, sts)| ProqolScores { cs, bo, sts }),
        })
}

prop_compose! {
    fn arb_inputs()(
        worked in 0u32..6000,
        recent in 0u32..6000,
        target in prop::option::of(1u32..4000),
        points in 0u32..400,
        capacity in prop::option::of(1u32..300),
        trauma in 0u32..=100,
        pauses in prop::option::of(0u32..80),
        pauses_target in 0u32..8,
        day_off in 0u32..400,
        vacation in 0u32..800,
        logged in any::<bool>(),
        support in 0u32..400,
        signals in arb_signals(),
    ) -> WeekInputs {
        WeekInputs {
            worked_minutes: worked,
            recent_minutes: recent,
            target_minutes: target,
            caseload_points: points,
            capacity_points: capacity,
            trauma_percent: trauma,
            pauses_tenths: pauses,
            pauses_target,
            days_since_day_off: day_off,
            days_since_vacation: vacation,
            vacation_logged: logged,
            support_minutes: support,
            signals,
        }
    }
}

fn index(inputs: &WeekInputs) -> u32 {
    score(inputs).index
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parts_add_up_to_the_index(inputs in arb_inputs()) {
        let s = score(&inputs);
        prop_assert!(s.index <= 100);
        prop_assert_eq!(s.parts.iter().map(|p| p.points).sum::<i32>(), s.index as i32);
        for part in &s.parts {
            // Signs never flip: risk factors add, protective ones take away.
            if part.factor.protective() {
                prop_assert!(part.points <= 0, "{:?}", part);
            } else {
                prop_assert!(part.points >= 0, "{:?}", part);
            }
        }
    }

    #[test]
    fn more_hours_never_lower_the_index(inputs in arb_inputs(), extra in 0u32..3000) {
        let more = WeekInputs {
            worked_minutes: inputs.worked_minutes + extra,
            recent_minutes: inputs.recent_minutes + extra,
            ..inputs
        };
        prop_assert!(index(&more) >= index(&inputs));
    }

    #[test]
    fn more_cases_never_lower_the_index(inputs in arb_inputs(), extra in 0u32..200) {
        let more = WeekInputs { caseload_points: inputs.caseload_points + extra, ..inputs };
        prop_assert!(index(&more) >= index(&inputs));
    }

    #[test]
    fn fewer_breaks_never_lower_the_index(inputs in arb_inputs(), fewer in 0u32..80) {
        let less = WeekInputs {
            pauses_tenths: inputs.pauses_tenths.map(|t| t.saturating_sub(fewer)),
            ..inputs
        };
        prop_assert!(index(&less) >= index(&inputs));
    }

    #[test]
    fn more_support_never_raises_the_index(inputs in arb_inputs(), extra in 0u32..400) {
        let more = WeekInputs { support_minutes: inputs.support_minutes + extra, ..inputs };
        prop_assert!(index(&more) <= index(&inputs));
    }

    #[test]
    fn a_more_recent_vacation_never_raises_the_index(inputs in arb_inputs(), back in 0u32..800) {
        // A vacation closer to the week: the vacation clock is lower and, since a vacation day
        // is a day off, the days since a day off can be no higher than it.
        let since = inputs.days_since_vacation.min(back);
        let recent = WeekInputs {
            days_since_vacation: since,
            days_since_day_off: inputs.days_since_day_off.min(since),
            vacation_logged: true,
            ..inputs
        };
        prop_assert!(index(&recent) <= index(&inputs));
    }

    #[test]
    fn the_projection_follows_the_same_directions(
        inputs in arb_inputs(),
        cases in 0i32..20,
        hours in 0i32..20,
        days in 1u32..21,
        start in 1u32..8,
    ) {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
        let run = |w: WhatIf| project(&inputs, monday, &w, 12);
        let base = run(WhatIf { case_points: 6, ..WhatIf::default() });
        let busier = run(WhatIf { cases, case_points: 6, weekly_hours: hours, ..WhatIf::default() });
        let rested = run(WhatIf { case_points: 6, vacation_days: days, vacation_in_weeks: start, ..WhatIf::default() });
        prop_assert_eq!(base.len(), 12);
        for ((b, m), r) in base.iter().zip(&busier).zip(&rested) {
            prop_assert!(m.index >= b.index, "more work: {:?} vs {:?}", m, b);
            prop_assert!(r.index <= b.index, "a vacation: {:?} vs {:?}", r, b);
        }
    }
}

mod risk_common;

use risk_common::{latest_index, latest_monday, today, Clinician};
use tend_core::{Action, BreakEntry, BreakId, BreakKind, Case, CaseId, Complexity, Journal};

prop_compose! {
    fn arb_clinician()(
        weeks in 8u64..16,
        hours in 10u32..60,
        days in 5u32..=7,
        cases in 0u32..30,
        trauma in 0u32..=100,
        pauses in 0u32..4,
        vacation in prop::option::of(0u64..7),
        supervision in 0u32..120,
        strain in prop::option::of(0.0f64..=100.0),
    ) -> Clinician {
        Clinician {
            weeks, hours, days, cases, trauma, pauses,
            vacation_weeks_ago: vacation,
            supervision,
            signals: CheckSignals { pulse_strain: strain, ..CheckSignals::default() },
            ..Clinician::default()
        }
    }
}

fn with(journal: &Journal, action: Action) -> Journal {
    journal.apply(&action).expect("a valid record")
}

fn timed(id: &str, kind: BreakKind, day: u64) -> Action {
    Action::AddBreak(BreakEntry {
        id: BreakId(id.into()),
        kind,
        date: latest_monday() + chrono::Days::new(day),
        minutes: 45,
        until: None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn on_whole_journals_support_breaks_and_a_vacation_never_raise_the_index(
        clinician in arb_clinician(),
        day in 0u64..5,
        back in 0u64..40,
    ) {
        let journal = clinician.journal();
        let signals = clinician.signals;
        let before = latest_index(&journal, signals);
        let support = with(&journal, timed("support", BreakKind::PeerSupport, day));
        prop_assert!(latest_index(&support, signals) <= before);
        let pause = with(&journal, timed("pause", BreakKind::MicroBreak, day));
        prop_assert!(latest_index(&pause, signals) <= before);
        let case = Case::opened(CaseId("extra".into()), "X1", Complexity::High, today() - chrono::Days::new(back));
        prop_assert!(latest_index(&with(&journal, Action::AddCase(case)), signals) >= before);
        let from = today() - chrono::Days::new(back + 4);
        let vacation = Action::AddBreak(BreakEntry {
            id: BreakId("late".into()),
            kind: BreakKind::Vacation,
            date: from,
            minutes: 0,
            until: Some(from + chrono::Days::new(3)),
        });
        if let Ok(rested) = journal.apply(&vacation) {
            prop_assert!(latest_index(&rested, signals) <= before);
        }
    }
}
