//! Importing requirement sets: broken files list every problem at once, each with its path; good
//! files read amounts in hours exactly; the examples read back unchanged after being written.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use tend_core::requirements::{examples, read_set, MAX_SET_BYTES};
use tend_core::WorkKind;

fn problems(json: &str) -> Vec<String> {
    read_set(json.as_bytes())
        .map(|_| ())
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_broken_set_lists_every_problem_with_its_path() {
    let got = problems(
        r#"{
        "id": "Bad Id", "name": "", "body": "Board", "colour": "red",
        "link": "http://example.org",
        "supervision": [{"id": "m", "name": "M", "period": "fortnight", "hours": -1}],
        "licensure": {"total_hours": 3000, "categories": [
            {"id": "a", "name": "A", "kinds": ["direct_session", "teleportation"], "cap_hours": 0},
            {"id": "a", "name": "B", "kinds": ["assessment"], "min_hours": 20, "cap_hours": 10},
            {"id": "c", "name": "C", "kinds": ["admin", "assessment"], "weekly_cap_hours": 0.33}
        ]},
        "ce": {"hours": "forty", "months": 0, "due": "2026-02-30"}
    }"#,
    );
    let want = [
        "colour: is not a field Tend knows here; the fields are id, name, body, source, link, \
         as_of, example, note, unmarked_supervision, supervision, licensure, ce",
        "link: must be a web address starting with https://",
        "supervision[0].period: must be one of \"week\", \"month\"",
        "supervision[0].hours: must be more than 0",
        "licensure.categories[0].cap_hours: must be more than 0",
        "licensure.categories[0].kinds[1]: is not a work kind; use one of direct_session, \
         group_session, assessment, documentation, admin, travel, supervision, on_call",
        "licensure.categories[1].min_hours: must not be more than cap_hours",
        "licensure.categories[2].weekly_cap_hours: must be a whole number of minutes; 0.33 hours \
         is 19.80 minutes",
        "licensure.categories[1].id: \"a\" is used twice; each must be different",
        "licensure.categories[2].kinds[1]: \"assessment\" is already in category \"a\"; each \
         work kind may feed one category",
        "ce.hours: must be a number of hours, such as 1.5",
        "ce.months: must be a whole number from 1 to 120",
        "ce.due: must be a date written YYYY-MM-DD, such as \"2026-09-01\"",
        "id: may use only lower-case letters, digits, hyphens and underscores",
        "name: must not be empty",
    ];
    for w in &want {
        assert!(got.contains(&w.to_string()), "missing {w:?} in {got:#?}");
    }
    assert_eq!(got.len(), want.len(), "{got:#?}");
}

#[test]
fn missing_fields_and_rules_that_cannot_be_met_are_named() {
    let got = problems(
        r#"{"id": "x", "body": "B", "licensure": {"total_hours": 100, "categories": [
            {"id": "a", "name": "A", "kinds": ["admin"], "cap_hours": 40},
            {"id": "b", "name": "B", "kinds": [], "cap_hours": 40}],
            "qualifying_week": {"group_hours": 2}}}"#,
    );
    assert_eq!(
        got,
        [
            "licensure.categories[1].kinds: must name at least one work kind",
            "licensure.total_hours: can never be reached: every category has a cap and the caps \
             add up to less",
            "licensure.qualifying_week.individual_hours: is missing",
            "name: is missing",
        ]
    );
    let got = problems(
        r#"{"id": "x", "name": "X", "body": "B", "supervision": [
            {"id": "r", "name": "R", "period": "month", "hours": 1, "per_client_hours": 8,
             "client_kinds": ["direct_session", "supervision"]},
            {"id": "r", "name": "S", "period": "month", "hours": 1, "week_starts": "sunday",
             "client_kinds": ["direct_session"]},
            {"id": "w", "name": "W", "hours": 800}]}"#,
    );
    assert_eq!(
        got,
        [
            "supervision[0].client_kinds: must not include supervision: supervision cannot be \
             measured against itself",
            "supervision[1].client_kinds: is used only with per_client_hours; leave it out or add \
             per_client_hours",
            "supervision[1].week_starts: is used only with \"period\": \"week\"",
            "supervision[2].period: is missing; say \"week\" or \"month\"",
            "supervision[2].hours: must be at most 744 hours",
            "supervision[1].id: \"r\" is used twice; each must be different",
        ]
    );
}

#[test]
fn files_that_are_not_sets_say_so_in_one_sentence() {
    let one = |bytes: &[u8]| {
        let p = read_set(bytes).unwrap_err();
        assert_eq!(p.len(), 1, "{p:?}");
        p[0].to_string()
    };
    assert_eq!(one(b"  \n"), "This file is empty.");
    assert!(one(&[0xff, 0xfe, 0x00]).contains("not text"));
    assert!(one(b"{\"id\": ").contains("not readable JSON"));
    assert!(one(&vec![b' '; MAX_SET_BYTES + 1]).contains("at most 256 KB"));
    assert_eq!(one(b"[]"), "must be an object ({ ... })");
    assert_eq!(
        one(br#"{"id":"a","name":"A","body":"B"}"#),
        "A requirement set needs at least one of \"supervision\", \"licensure\" or \"ce\"."
    );
}

#[test]
fn amounts_are_read_in_hours_as_exact_minutes() {
    let set = read_set(
        br#"{"id":"t","name":"T","body":"B",
            "supervision":[{"id":"m","name":"M","period":"week","hours":0.75}],
            "licensure":{"total_hours":3000,"categories":[
                {"id":"c","name":"C","kinds":["direct_session"],"weekly_cap_hours":1.5}]},
            "ce":{"hours":40,"months":24,"due":"2027-06-30"}}"#,
    )
    .unwrap();
    assert_eq!(set.supervision[0].minutes, 45);
    let log = set.licensure.as_ref().unwrap();
    assert_eq!(log.total_minutes, 180_000);
    assert_eq!(log.categories[0].weekly_cap_minutes, Some(90));
    assert_eq!(log.categories[0].kinds, [WorkKind::DirectSession]);
    assert_eq!((log.pace_weeks, log.categories[0].counts_as), (12, 1));
    let ce = set.ce.as_ref().unwrap();
    assert_eq!((ce.minutes, ce.warn_days), (2400, 90));
    assert!(set.problems().is_empty());
}

#[test]
fn examples_read_back_unchanged_after_being_written() {
    for set in examples() {
        let text = serde_json::to_string_pretty(&set).unwrap();
        assert_eq!(read_set(text.as_bytes()).unwrap(), set, "{text}");
        let stored: tend_core::requirements::RequirementSet = serde_json::from_str(&text).unwrap();
        assert_eq!(stored, set);
    }
}

#[test]
fn a_set_built_in_code_is_checked_the_same_way() {
    let mut set = examples().remove(2);
    let log = set.licensure.as_mut().unwrap();
    log.categories[0].kinds.push(WorkKind::Admin);
    log.pace_weeks = 0;
    let problems: Vec<_> = set.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "licensure.categories[2].kinds[1]: \"admin\" is already in category \"clinical\"; \
             each work kind may feed one category",
            "licensure.pace_weeks: must be a whole number from 1 to 104",
        ]
    );
}

#[test]
fn an_amount_too_small_to_be_a_minute_is_refused_not_read_as_none() {
    // 1e-9 hours is within rounding of 0 minutes; read as 0 it would be no minimum at all.
    let found = problems(
        r#"{"id":"t","name":"T","body":"B",
            "supervision":[{"id":"m","name":"M","period":"week","hours":1e-9}]}"#,
    );
    assert_eq!(
        found,
        ["supervision[0].hours: must be at least one minute (about 0.02 hours)"]
    );
}
