//! Self-check scoring against hand-computed answers: ProQOL 5 (every reverse-scored item and
//! every band edge), the weekly pulse, and the checks on instrument definitions and files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use tend_core::checks::{proqol, pulse, read_instrument, AnswerError, Instrument, Score};

/// ProQOL answers: every item `fill`, except those listed.
fn answers(fill: u8, set: &[(u32, u8)]) -> Vec<u8> {
    let mut a = vec![fill; 30];
    for &(item, answer) in set {
        a[item as usize - 1] = answer;
    }
    a
}

/// (score, band) of each ProQOL subscale, as (cs, bo, sts).
fn proqol_scores(a: &[u8]) -> [(i64, String); 3] {
    let s = proqol().score(a).unwrap();
    let get = |id: &str| {
        let x = s.iter().find(|x| x.id == id).unwrap();
        assert_eq!(x.score.0 % 1000, 0, "ProQOL scores are whole sums");
        (x.score.0 / 1000, x.band.clone())
    };
    [get("cs"), get("bo"), get("sts")]
}

fn sums(a: &[u8]) -> (i64, i64, i64) {
    let [cs, bo, sts] = proqol_scores(a);
    (cs.0, bo.0, sts.0)
}

#[test]
fn proqol_all_threes_is_thirty_everywhere() {
    // Reversed items answered 3 count 6 - 3 = 3, so every subscale is 10 x 3.
    assert_eq!(sums(&answers(3, &[])), (30, 30, 30));
    // All 1: CS 10, STS 10, BO = 5 plain items x 1 + 5 reversed x (6 - 1) = 30.
    assert_eq!(sums(&answers(1, &[])), (10, 30, 10));
    // All 5: CS 50, STS 50, BO = 5 x 5 + 5 x (6 - 5) = 30.
    assert_eq!(sums(&answers(5, &[])), (50, 30, 50));
}

#[test]
fn proqol_reverses_each_of_items_1_4_15_17_29_and_no_other() {
    for item in [1, 4, 15, 17, 29] {
        // 27 from the other nine items, plus 6 - 1 = 5 for the reversed one.
        assert_eq!(sums(&answers(3, &[(item, 1)])).1, 32, "item {item}");
        // Answered 5, a reversed item counts 1: 27 + 1.
        assert_eq!(sums(&answers(3, &[(item, 5)])).1, 28, "item {item}");
    }
    for item in [8, 10, 19, 21, 26] {
        assert_eq!(
            sums(&answers(3, &[(item, 1)])).1,
            28,
            "plain burnout item {item}"
        );
    }
    // Reversing touches burnout only: item 3 (CS) and item 2 (STS) count as answered.
    assert_eq!(sums(&answers(3, &[(3, 1), (2, 5)])), (28, 30, 32));
}

#[test]
fn proqol_band_edges_22_23_41_42_on_every_subscale() {
    let cs_items = [3, 6, 12, 16, 18, 20, 22, 24, 27, 30];
    let sts_items = [2, 5, 7, 9, 11, 13, 14, 23, 25, 28];
    // Ten answers with these sums: 22 = 3+3+2x8, 23 = 3+3+3+2x7, 41 = 5+4x9, 42 = 5+5+4x8.
    let sets: [(i64, [u8; 10], &str); 4] = [
        (22, [3, 3, 2, 2, 2, 2, 2, 2, 2, 2], "low"),
        (23, [3, 3, 3, 2, 2, 2, 2, 2, 2, 2], "moderate"),
        (41, [5, 4, 4, 4, 4, 4, 4, 4, 4, 4], "moderate"),
        (42, [5, 5, 4, 4, 4, 4, 4, 4, 4, 4], "high"),
    ];
    for (sum, values, band) in sets {
        for (which, items) in [(0, cs_items), (2, sts_items)] {
            let set: Vec<(u32, u8)> = items.iter().copied().zip(values).collect();
            let scores = proqol_scores(&answers(3, &set));
            assert_eq!(scores[which], (sum, band.to_string()), "subscale {which}");
        }
    }
    // Burnout with its reversed items: plain items 8, 10, 19, 21, 26; reversed 1, 4, 15, 17, 29.
    let bo = |plain: [u8; 5], reversed: [u8; 5]| {
        let set: Vec<(u32, u8)> = [8, 10, 19, 21, 26]
            .into_iter()
            .zip(plain)
            .chain([1, 4, 15, 17, 29].into_iter().zip(reversed))
            .collect();
        proqol_scores(&answers(3, &set))[1].clone()
    };
    // 4+2+2+2+2 = 12, reversed 4s count 2 each = 10: 22.
    assert_eq!(bo([4, 2, 2, 2, 2], [4, 4, 4, 4, 4]), (22, "low".into()));
    // One reversed item answered 3 instead counts 3: 23.
    assert_eq!(
        bo([4, 2, 2, 2, 2], [3, 4, 4, 4, 4]),
        (23, "moderate".into())
    );
    // 25 + counts 4, 3, 3, 3, 3 (answers 2, 3, 3, 3, 3) = 41.
    assert_eq!(bo([5; 5], [2, 3, 3, 3, 3]), (41, "moderate".into()));
    // 25 + counts 4, 4, 3, 3, 3 = 42.
    assert_eq!(bo([5; 5], [2, 2, 3, 3, 3]), (42, "high".into()));
    assert_eq!(bo([5; 5], [1; 5]), (50, "high".into()));
}

#[test]
fn proqol_refuses_incomplete_or_off_scale_answers() {
    let p = proqol();
    assert_eq!(
        p.score(&[3; 29]),
        Err(AnswerError::Count {
            expected: 30,
            found: 29
        })
    );
    let e = p.score(&answers(3, &[(7, 0)])).unwrap_err();
    assert_eq!(
        e,
        AnswerError::OutOfRange {
            item: 7,
            answer: 0,
            min: 1,
            max: 5
        }
    );
    assert_eq!(
        e.to_string(),
        "Item 7 was answered 0; answers go from 1 to 5."
    );
    assert!(p.score(&answers(3, &[(30, 6)])).is_err());
}

/// Pulse (strain, satisfaction) as (score in thousandths, band).
fn pulse_scores(a: [u8; 10]) -> [(i64, String); 2] {
    let s = pulse().score(&a).unwrap();
    [
        (s[0].score.0, s[0].band.clone()),
        (s[1].score.0, s[1].band.clone()),
    ]
}

#[test]
fn pulse_strain_and_satisfaction_run_from_0_to_100() {
    assert_eq!(
        pulse_scores([0; 10]),
        [(0, "low".into()), (0, "low".into())]
    );
    assert_eq!(
        pulse_scores([4; 10]),
        [(100_000, "high".into()), (100_000, "high".into())]
    );
    // Strain: six items, 24 at most. 8/24 = 33.333 low; 9/24 = 37.5 moderate;
    // 15/24 = 62.5 moderate; 16/24 = 66.667 high.
    assert_eq!(
        pulse_scores([2, 2, 2, 2, 0, 0, 0, 0, 0, 0])[0],
        (33_333, "low".into())
    );
    assert_eq!(
        pulse_scores([2, 2, 2, 2, 1, 0, 0, 0, 0, 0])[0],
        (37_500, "moderate".into())
    );
    assert_eq!(
        pulse_scores([3, 3, 3, 3, 3, 0, 0, 0, 0, 0])[0],
        (62_500, "moderate".into())
    );
    assert_eq!(
        pulse_scores([3, 3, 3, 3, 3, 1, 0, 0, 0, 0])[0],
        (66_667, "high".into())
    );
    // Satisfaction: four items, 16 at most. 6/16 = 37.5 low; 7/16 = 43.75 moderate;
    // 11/16 = 68.75 moderate; 12/16 = 75 high.
    assert_eq!(
        pulse_scores([0, 0, 0, 0, 0, 0, 2, 2, 2, 0])[1],
        (37_500, "low".into())
    );
    assert_eq!(
        pulse_scores([0, 0, 0, 0, 0, 0, 2, 2, 2, 1])[1],
        (43_750, "moderate".into())
    );
    assert_eq!(
        pulse_scores([0, 0, 0, 0, 0, 0, 3, 3, 3, 2])[1],
        (68_750, "moderate".into())
    );
    assert_eq!(
        pulse_scores([0, 0, 0, 0, 0, 0, 3, 3, 3, 3])[1],
        (75_000, "high".into())
    );
    let s = pulse().score(&[3, 3, 3, 3, 3, 1, 4, 4, 4, 4]).unwrap();
    assert!(s[0].is_concern(), "high strain is a concern");
    assert!(!s[1].is_concern(), "high satisfaction is not");
    assert_eq!(s[0].shown(), "67");
    assert!(pulse().note.contains("not a validated instrument"));
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../e2e/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn an_imported_definition_with_mean_scores_and_a_reversed_item_scores_by_hand() {
    let team = read_instrument(&fixture("instrument-team-check.json")).unwrap();
    assert_eq!(
        (team.id.as_str(), team.items, team.cadence_days),
        ("team-check", 6, 14)
    );
    // Workload: 4, 4 and item 3 reversed (1 + 5 - 2 = 4): mean 4, heavy.
    // Team support: 2, 3, 3: mean 2.667, low.
    let s = team.score(&[4, 4, 2, 2, 3, 3]).unwrap();
    assert_eq!((s[0].score, s[0].band.as_str()), (Score(4000), "heavy"));
    assert_eq!((s[1].score, s[1].band.as_str()), (Score(2667), "low"));
    assert_eq!(s[1].shown(), "2.67");
    // Workload 3.333 (4, 4, reversed 4 -> 2) is just below the 3.5 edge; 3.5 itself is heavy.
    let s = team.score(&[4, 4, 4, 3, 3, 3]).unwrap();
    assert_eq!((s[0].score, s[0].band.as_str()), (Score(3333), "light"));
    assert_eq!((s[1].score, s[1].band.as_str()), (Score(3000), "good"));
    let mut half = team.clone();
    half.reverse.clear();
    assert_eq!(
        half.score(&[4, 3, 4, 3, 3, 3]).unwrap()[0].score,
        Score(3667)
    );
}

#[test]
fn a_broken_definition_lists_every_problem_in_plain_words() {
    let problems = read_instrument(&fixture("instrument-broken.json")).unwrap_err();
    let text = problems.join("\n");
    for expected in [
        "id \"Broken Check\" may use only lower-case letters",
        "lists item 5, but items are numbered 1 to 4",
        "scores from 3 up to 6 have no band",
        "band \"high\" starts at 30, above the highest possible score, 15",
        "Reverse-scored item 4 is in no subscale",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert_eq!(problems.len(), 5, "{text}");
}

#[test]
fn definitions_are_checked_for_overlaps_order_and_sizes() {
    let mut bad: Instrument = proqol();
    bad.id = "mine".into();
    bad.subscales[0].items.push(1); // item 1 is burnout's
    bad.subscales[1].items.push(8); // listed twice
    bad.subscales[2].bands.swap(1, 2);
    bad.reverse.push(31);
    bad.reverse.push(1);
    bad.scale.labels.pop();
    bad.prompts = vec!["One".into()];
    bad.link = Some("javascript:alert(1)".into());
    let text = bad.problems().join("\n");
    for expected in [
        "Item 1 is in both \"Compassion satisfaction\" and \"Burnout\"",
        "\"Burnout\" lists item 8 twice",
        "band \"moderate\" must start above band \"high\"",
        "Reverse-scored item 31 does not exist",
        "Reverse-scored item 1 is listed twice",
        "4 labels for 5 answers",
        "1 prompts for 30 items",
        "must be a web address starting with https://",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let mut flat = pulse();
    flat.scale.max = 0;
    assert!(flat.problems()[0].contains("from a lower to a higher number"));
    let mut shadowed = proqol();
    shadowed.subscales[0].bands[0].from = Score::whole(0);
    shadowed.subscales[0].bands[1].from = Score::whole(10);
    let text = shadowed.problems().join(" ");
    assert!(text.contains("band \"low\" can never be reached"), "{text}");
    assert_eq!(shadowed.problems().len(), 1, "{text}");
}

#[test]
fn files_that_are_not_definitions_are_refused_with_a_reason() {
    let cases: [(&[u8], &str); 6] = [
        (b"", "empty"),
        (b"\xff\xfe", "not text"),
        (b"{\"id\": ", "not readable JSON"),
        (b"[1, 2]", "one object"),
        (b"{\"id\": \"x\", \"name\": \"X\"}", "missing field `items`"),
        (
            br#"{"id":"x","name":"X","items":1,"scale":{"min":1,"max":300},"subscales":[]}"#,
            "shape of an instrument definition",
        ),
    ];
    for (bytes, expected) in cases {
        let problems = read_instrument(bytes).unwrap_err();
        assert!(problems[0].contains(expected), "{problems:?}");
    }
    let big = vec![b' '; tend_core::checks::MAX_INSTRUMENT_BYTES + 1];
    assert!(read_instrument(&big).unwrap_err()[0].contains("at most 256 KB"));
    let mut text = String::from_utf8(fixture("instrument-team-check.json")).unwrap();
    text = text.replace("\"team-check\"", "\"tend-pulse\"");
    let problems = read_instrument(text.as_bytes()).unwrap_err();
    assert!(problems[0].contains("built into Tend"), "{problems:?}");
    let extra = String::from_utf8(fixture("instrument-team-check.json"))
        .unwrap()
        .replacen('{', "{\"colour\": 1,", 1);
    assert!(read_instrument(extra.as_bytes()).unwrap_err()[0].contains("unknown field `colour`"));
}
