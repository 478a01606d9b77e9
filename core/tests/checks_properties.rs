//! Properties of self-check scoring over any answers: ProQOL 5 sums follow the score sheet's
//! formula and bands, the pulse stays within 0-100 and rises with every strain answer.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use proptest::prelude::*;
use tend_core::checks::{proqol, pulse};

const CS: [usize; 10] = [3, 6, 12, 16, 18, 20, 22, 24, 27, 30];
const BO_PLAIN: [usize; 5] = [8, 10, 19, 21, 26];
const BO_REVERSED: [usize; 5] = [1, 4, 15, 17, 29];
const STS: [usize; 10] = [2, 5, 7, 9, 11, 13, 14, 23, 25, 28];

fn band(sum: i64) -> &'static str {
    match sum {
        ..=22 => "low",
        23..=41 => "moderate",
        _ => "high",
    }
}

proptest! {
    #[test]
    fn proqol_follows_the_score_sheet(answers in proptest::collection::vec(1u8..=5, 30)) {
        let a = |item: usize| i64::from(answers[item - 1]);
        let cs: i64 = CS.iter().map(|&i| a(i)).sum();
        let bo: i64 = BO_PLAIN.iter().map(|&i| a(i)).sum::<i64>()
            + BO_REVERSED.iter().map(|&i| 6 - a(i)).sum::<i64>();
        let sts: i64 = STS.iter().map(|&i| a(i)).sum();
        let scores = proqol().score(&answers).unwrap();
        for (got, want) in scores.iter().zip([cs, bo, sts]) {
            prop_assert!((10..=50).contains(&want));
            prop_assert_eq!(got.score.0, want * 1000);
            prop_assert_eq!(got.band.as_str(), band(want));
        }
    }

    #[test]
    fn pulse_strain_stays_in_range_and_never_falls_as_an_answer_rises(
        answers in proptest::collection::vec(0u8..=4, 10),
        item in 0usize..6,
    ) {
        let before = pulse().score(&answers).unwrap();
        prop_assert!(before.iter().all(|s| (0..=100_000).contains(&s.score.0)));
        let mut more = answers.clone();
        more[item] = (more[item] + 1).min(4);
        let after = pulse().score(&more).unwrap();
        prop_assert!(after[0].score >= before[0].score);
        prop_assert!(after[0].band_index >= before[0].band_index);
        prop_assert_eq!(after[1].score, before[1].score, "strain items leave satisfaction alone");
    }
}
