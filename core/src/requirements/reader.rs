//! Reading one JSON object's fields while noting every problem with its path.
//!
//! A requirement set comes from a file a clinician chose, so the import lists everything wrong at
//! once ("licensure.categories[2].cap_hours: must be more than 0"), not just the first thing
//! serde stops at. This is the small walker that makes that possible: each getter reads one field,
//! checks its type and range, and notes a [`Problem`] instead of failing. Nothing here panics.

use super::definition::minutes_of_hours;
use crate::entry::WorkKind;
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::fmt;

/// One thing wrong with a requirement set: where (a path such as `licensure.categories[2].cap`)
/// and what, in a plain phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is; empty for the file as a whole.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// The problems found so far.
pub(crate) type Problems = Vec<Problem>;

/// Notes a problem at `path`.
pub(crate) fn note(out: &mut Problems, path: &str, message: impl Into<String>) {
    out.push(Problem {
        path: path.to_string(),
        message: message.into(),
    });
}

/// The path of `key` inside `path`.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// One object's fields, read one by one.
pub(crate) struct Fields<'a> {
    path: String,
    map: &'a Map<String, Value>,
}

impl<'a> Fields<'a> {
    /// The object at `path`, after noting any field not in `known`; `None` (with a problem) if
    /// the value is not an object.
    pub fn of(value: &'a Value, path: &str, known: &[&str], out: &mut Problems) -> Option<Self> {
        let Some(map) = value.as_object() else {
            note(out, path, "must be an object ({ ... })");
            return None;
        };
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            note(
                out,
                &join(path, key),
                format!(
                    "is not a field Tend knows here; the fields are {}",
                    known.join(", ")
                ),
            );
        }
        Some(Fields {
            path: path.to_string(),
            map,
        })
    }

    /// The path of one of this object's fields.
    pub fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The field's value; a JSON `null` counts as absent.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// True if the field is present and not `null`.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    fn missing(&self, key: &str, out: &mut Problems) {
        note(out, &self.path(key), "is missing");
    }

    /// Text of at most `max` characters; required text must not be blank. Absent optional text
    /// reads as empty.
    pub fn text(&self, key: &str, max: usize, required: bool, out: &mut Problems) -> String {
        match self.get(key) {
            None if required => {
                self.missing(key, out);
                String::new()
            }
            None => String::new(),
            Some(Value::String(s)) => {
                if required && s.trim().is_empty() {
                    note(out, &self.path(key), "must not be empty");
                } else if s.chars().count() > max {
                    note(
                        out,
                        &self.path(key),
                        format!("must be at most {max} characters"),
                    );
                }
                s.clone()
            }
            Some(_) => {
                note(out, &self.path(key), "must be text in quotes");
                String::new()
            }
        }
    }

    /// An id: 1 to 40 lower-case letters, digits, hyphens or underscores.
    pub fn id(&self, key: &str, out: &mut Problems) -> String {
        let id = self.text(key, 40, true, out);
        if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            note(
                out,
                &self.path(key),
                "may use only lower-case letters, digits, hyphens and underscores",
            );
        }
        id
    }

    /// An amount in hours, more than 0 and at most `max_hours`, read as whole minutes. `None`
    /// when absent (noted if `required`) or wrong (noted).
    pub fn hours(
        &self,
        key: &str,
        max_hours: u32,
        required: bool,
        out: &mut Problems,
    ) -> Option<u32> {
        let path = self.path(key);
        let Some(value) = self.get(key) else {
            if required {
                self.missing(key, out);
            }
            return None;
        };
        let Some(hours) = value.as_f64() else {
            note(out, &path, "must be a number of hours, such as 1.5");
            return None;
        };
        if hours <= 0.0 {
            note(out, &path, "must be more than 0");
            return None;
        }
        if hours > f64::from(max_hours) {
            note(out, &path, format!("must be at most {max_hours} hours"));
            return None;
        }
        match minutes_of_hours(hours) {
            // So small it is no minute at all: 0 would read as "no requirement", not as tiny.
            Ok(0) => {
                note(out, &path, "must be at least one minute (about 0.02 hours)");
                None
            }
            Ok(minutes) => Some(minutes),
            Err(minutes) => {
                note(
                    out,
                    &path,
                    format!(
                        "must be a whole number of minutes; {hours} hours is {minutes:.2} minutes"
                    ),
                );
                None
            }
        }
    }

    /// A whole number from `lo` to `hi`, or `default` when absent. `None` when wrong (noted).
    pub fn whole(
        &self,
        key: &str,
        lo: u32,
        hi: u32,
        default: u32,
        out: &mut Problems,
    ) -> Option<u32> {
        let Some(value) = self.get(key) else {
            return Some(default);
        };
        match value.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) if (lo..=hi).contains(&n) => Some(n),
            _ => {
                note(
                    out,
                    &self.path(key),
                    format!("must be a whole number from {lo} to {hi}"),
                );
                None
            }
        }
    }

    /// One of `choices` (by index), or `default` when absent. `None` when wrong (noted).
    pub fn choice(
        &self,
        key: &str,
        choices: &[&str],
        default: usize,
        out: &mut Problems,
    ) -> Option<usize> {
        let Some(value) = self.get(key) else {
            return Some(default);
        };
        let found = value
            .as_str()
            .and_then(|s| choices.iter().position(|c| *c == s));
        if found.is_none() {
            note(
                out,
                &self.path(key),
                format!("must be one of \"{}\"", choices.join("\", \"")),
            );
        }
        found
    }

    /// `true` or `false`, or `false` when absent.
    pub fn flag(&self, key: &str, out: &mut Problems) -> bool {
        match self.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                note(out, &self.path(key), "must be true or false");
                false
            }
        }
    }

    /// A date written `YYYY-MM-DD`, or `None` when absent or wrong (noted).
    pub fn date(&self, key: &str, out: &mut Problems) -> Option<NaiveDate> {
        let value = self.get(key)?;
        let date = value
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        if date.is_none() {
            note(
                out,
                &self.path(key),
                "must be a date written YYYY-MM-DD, such as \"2026-09-01\"",
            );
        }
        date
    }

    /// An array of at most `max` values, or `None` when absent (noted if `required`) or wrong.
    pub fn array(
        &self,
        key: &str,
        max: usize,
        required: bool,
        out: &mut Problems,
    ) -> Option<&'a [Value]> {
        let Some(value) = self.get(key) else {
            if required {
                self.missing(key, out);
            }
            return None;
        };
        match value.as_array() {
            Some(items) if items.len() <= max => Some(items.as_slice()),
            Some(_) => {
                note(
                    out,
                    &self.path(key),
                    format!("may list at most {max} items"),
                );
                None
            }
            None => {
                note(out, &self.path(key), "must be a list ([ ... ])");
                None
            }
        }
    }

    /// A non-empty list of work kinds by their stored names, each once, or `default` when absent
    /// and a default is given. `None` when wrong (noted).
    pub fn kinds(
        &self,
        key: &str,
        default: Option<Vec<WorkKind>>,
        out: &mut Problems,
    ) -> Option<Vec<WorkKind>> {
        if !self.has(key) {
            if default.is_none() {
                self.missing(key, out);
            }
            return default;
        }
        let items = self.array(key, WorkKind::ALL.len(), true, out)?;
        let path = self.path(key);
        if items.is_empty() {
            note(out, &path, "must name at least one work kind");
            return None;
        }
        let mut kinds = Vec::new();
        let mut seen = HashSet::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let at = format!("{path}[{i}]");
            match item.as_str().and_then(WorkKind::from_slug) {
                Some(kind) if seen.insert(kind) => kinds.push(kind),
                Some(_) => {
                    note(out, &at, "names a work kind already listed");
                    ok = false;
                }
                None => {
                    let names: Vec<_> = WorkKind::ALL.iter().map(|k| k.slug()).collect();
                    note(
                        out,
                        &at,
                        format!("is not a work kind; use one of {}", names.join(", ")),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(kinds)
    }
}
