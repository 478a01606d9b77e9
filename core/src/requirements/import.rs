//! Reading a requirement set from a JSON file a clinician chose, listing every problem with its
//! path. The file is never trusted: it is size-limited, parsed, walked field by field (unknown
//! fields, wrong types and out-of-range amounts are all noted), and checked across fields (ids
//! unique, each work kind in one category, minimums within caps, a total the caps allow). Nothing
//! here panics on any input.

use super::definition::{
    default_client_kinds, Period, RequirementSet, SupervisionFormat, SupervisionMinimum, WeekStarts,
};
use super::import_rules::{read_ce, read_licensure};
use super::reader::{note, Fields, Problem, Problems};
use serde_json::Value;
use std::collections::HashSet;

/// Files larger than this are refused before they are parsed.
pub const MAX_SET_BYTES: usize = 256 * 1024;
/// The most supervision minimums, categories or required CE categories a set may list.
pub const MAX_RULES: usize = 20;
/// The largest total (or cap) of licensure hours.
pub const MAX_TOTAL_HOURS: u32 = 100_000;
/// The largest number of hours in one week.
pub const WEEK_HOURS: u32 = 168;
/// The longest CE cycle, in months.
pub const MAX_CYCLE_MONTHS: u32 = 120;

const SHORT: usize = 80;
const LONG: usize = 500;
const NOTE: usize = 1200;

/// Reads and checks a requirement set, or lists everything wrong with the file.
pub fn read_set(bytes: &[u8]) -> Result<RequirementSet, Vec<Problem>> {
    let whole = |message: String| {
        vec![Problem {
            path: String::new(),
            message,
        }]
    };
    if bytes.len() > MAX_SET_BYTES {
        return Err(whole(format!(
            "This file is {} KB; a requirement set may be at most {} KB, so it was not read.",
            bytes.len().div_ceil(1024),
            MAX_SET_BYTES / 1024
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(whole("This file is empty.".into()));
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(whole(
            "This file is not text, so it cannot be a requirement set.".into(),
        ));
    };
    let value: Value = serde_json::from_str(text)
        .map_err(|e| whole(format!("This file is not readable JSON ({e}).")))?;
    read_value(&value)
}

/// Checks an already parsed JSON value as a requirement set.
pub fn read_value(value: &Value) -> Result<RequirementSet, Vec<Problem>> {
    let mut out = Problems::new();
    let set = read_root(value, &mut out);
    match set {
        Some(set) if out.is_empty() => Ok(set),
        _ => Err(out),
    }
}

impl RequirementSet {
    /// Every problem with this set, as if it were read from a file; empty when it can be used.
    pub fn problems(&self) -> Vec<Problem> {
        match serde_json::to_value(self) {
            Ok(value) => read_value(&value).err().unwrap_or_default(),
            Err(e) => vec![Problem {
                path: String::new(),
                message: format!("cannot be written as JSON ({e})"),
            }],
        }
    }
}

const ROOT: &[&str] = &[
    "id",
    "name",
    "body",
    "source",
    "link",
    "as_of",
    "example",
    "note",
    "unmarked_supervision",
    "supervision",
    "licensure",
    "ce",
];

fn read_root(value: &Value, out: &mut Problems) -> Option<RequirementSet> {
    let f = Fields::of(value, "", ROOT, out)?;
    let link = f.has("link").then(|| f.text("link", LONG, true, out));
    if let Some(link) = &link {
        if !link.starts_with("https://") {
            note(out, "link", "must be a web address starting with https://");
        }
    }
    let formats = ["individual", "group"];
    let unmarked = match f.choice("unmarked_supervision", &formats, 0, out) {
        Some(1) => SupervisionFormat::Group,
        _ => SupervisionFormat::Individual,
    };
    let supervision = f
        .array("supervision", MAX_RULES, false, out)
        .map(|items| read_minimums(items, &f.path("supervision"), out))
        .unwrap_or_default();
    let licensure = f
        .get("licensure")
        .and_then(|v| read_licensure(v, &f.path("licensure"), out));
    let ce = f.get("ce").and_then(|v| read_ce(v, &f.path("ce"), out));
    let has_minimums = f
        .get("supervision")
        .is_some_and(|v| !v.as_array().is_some_and(Vec::is_empty));
    if !has_minimums && !f.has("licensure") && !f.has("ce") {
        note(
            out,
            "",
            "A requirement set needs at least one of \"supervision\", \"licensure\" or \"ce\".",
        );
    }
    Some(RequirementSet {
        id: f.id("id", out),
        name: f.text("name", SHORT, true, out),
        body: f.text("body", 160, true, out),
        source: f.text("source", LONG, false, out),
        link,
        as_of: f.text("as_of", SHORT, false, out),
        example: f.flag("example", out),
        note: f.text("note", NOTE, false, out),
        unmarked_supervision: unmarked,
        supervision,
        licensure,
        ce,
    })
}

pub(super) fn unique_ids<'a>(
    path: &str,
    key: &str,
    ids: impl Iterator<Item = &'a str>,
    out: &mut Problems,
) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !id.is_empty() && !seen.insert(id) {
            note(
                out,
                &format!("{path}[{i}].{key}"),
                format!("\"{id}\" is used twice; each must be different"),
            );
        }
    }
}

const MINIMUM: &[&str] = &[
    "id",
    "name",
    "period",
    "hours",
    "per_client_hours",
    "client_kinds",
    "group_percent",
    "week_starts",
];

fn read_minimums(items: &[Value], path: &str, out: &mut Problems) -> Vec<SupervisionMinimum> {
    let minimums: Vec<_> = items
        .iter()
        .enumerate()
        .filter_map(|(i, v)| read_minimum(v, &format!("{path}[{i}]"), out))
        .collect();
    if minimums.len() == items.len() {
        unique_ids(path, "id", minimums.iter().map(|m| m.id.as_str()), out);
    }
    minimums
}

pub(super) fn week_starts(f: &Fields, out: &mut Problems) -> WeekStarts {
    match f.choice("week_starts", &["monday", "sunday"], 0, out) {
        Some(1) => WeekStarts::Sunday,
        _ => WeekStarts::Monday,
    }
}

fn read_minimum(value: &Value, path: &str, out: &mut Problems) -> Option<SupervisionMinimum> {
    let f = Fields::of(value, path, MINIMUM, out)?;
    let period = match f.choice("period", &["week", "month"], usize::MAX, out) {
        Some(0) => Period::Week,
        Some(1) => Period::Month,
        _ => {
            if !f.has("period") {
                note(
                    out,
                    &f.path("period"),
                    "is missing; say \"week\" or \"month\"",
                );
            }
            Period::Month
        }
    };
    let period_hours = match period {
        Period::Week => WEEK_HOURS,
        Period::Month => 31 * 24,
    };
    let per_client = f.hours("per_client_hours", WEEK_HOURS * 31, false, out);
    let minutes = f.hours("hours", period_hours, true, out).unwrap_or(0);
    let client_kinds = f
        .kinds("client_kinds", Some(default_client_kinds()), out)
        .unwrap_or_default();
    if per_client.is_some() && client_kinds.contains(&crate::entry::WorkKind::Supervision) {
        note(
            out,
            &f.path("client_kinds"),
            "must not include supervision: supervision cannot be measured against itself",
        );
    }
    if f.has("client_kinds") && per_client.is_none() && !f.has("per_client_hours") {
        note(
            out,
            &f.path("client_kinds"),
            "is used only with per_client_hours; leave it out or add per_client_hours",
        );
    }
    if period == Period::Month && f.has("week_starts") {
        note(
            out,
            &f.path("week_starts"),
            "is used only with \"period\": \"week\"",
        );
    }
    Some(SupervisionMinimum {
        id: f.id("id", out),
        name: f.text("name", SHORT, true, out),
        period,
        minutes,
        per_client_minutes: per_client,
        client_kinds,
        group_percent: f.whole("group_percent", 0, 100, 100, out).unwrap_or(100),
        week_starts: week_starts(&f, out),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requirements::reader::join;

    #[test]
    fn the_root_must_be_an_object_with_a_rule() {
        let problems = read_value(&serde_json::json!([1])).unwrap_err();
        assert_eq!(problems[0].path, "");
        let problems =
            read_value(&serde_json::json!({"id": "a", "name": "A", "body": "B"})).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("at least one of"));
        assert_eq!(join("", "x"), "x");
    }
}
