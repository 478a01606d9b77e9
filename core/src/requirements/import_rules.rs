//! Reading the licensure log and the CE cycle of a requirement set, for [`super::import`]: the
//! same field-by-field walk, with the checks across fields these two rules need (each work kind in
//! one category, minimums within caps and the total, a total the caps allow, unique ids).

use super::definition::{Category, CeCycle, CeRequired, LicensureLog, QualifyingWeek};
use super::import::{
    unique_ids, week_starts, MAX_CYCLE_MONTHS, MAX_RULES, MAX_TOTAL_HOURS, WEEK_HOURS,
};
use super::reader::{note, Fields, Problems};
use serde_json::Value;
use std::collections::HashMap;

const SHORT: usize = 80;

const LOG: &[&str] = &[
    "total_hours",
    "categories",
    "qualifying_week",
    "week_starts",
    "pace_weeks",
    "start",
    "supervisor",
];

pub(super) fn read_licensure(
    value: &Value,
    path: &str,
    out: &mut Problems,
) -> Option<LicensureLog> {
    let f = Fields::of(value, path, LOG, out)?;
    let total = f.hours("total_hours", MAX_TOTAL_HOURS, true, out);
    let categories = f
        .array("categories", MAX_RULES, true, out)
        .map(|items| read_categories(items, &f.path("categories"), total, out))
        .unwrap_or_default();
    if f.get("categories")
        .is_some_and(|c| c.as_array().is_some_and(Vec::is_empty))
    {
        note(
            out,
            &f.path("categories"),
            "must list at least one category",
        );
    }
    if let Some(total) = total {
        let caps: Option<u64> = categories
            .iter()
            .map(|c| c.cap_minutes.map(u64::from))
            .sum();
        if caps.is_some_and(|caps| caps < u64::from(total)) && !categories.is_empty() {
            note(
                out,
                &f.path("total_hours"),
                "can never be reached: every category has a cap and the caps add up to less",
            );
        }
    }
    let qualifying_week = f
        .get("qualifying_week")
        .and_then(|v| read_week(v, &f.path("qualifying_week"), out));
    Some(LicensureLog {
        total_minutes: total.unwrap_or(0),
        categories,
        qualifying_week,
        week_starts: week_starts(&f, out),
        pace_weeks: f.whole("pace_weeks", 1, 104, 12, out).unwrap_or(12),
        start: f.date("start", out),
        supervisor: f.text("supervisor", 120, false, out),
    })
}

const CATEGORY: &[&str] = &[
    "id",
    "name",
    "kinds",
    "counts_as",
    "min_hours",
    "cap_hours",
    "weekly_cap_hours",
];

fn read_categories(
    items: &[Value],
    path: &str,
    total: Option<u32>,
    out: &mut Problems,
) -> Vec<Category> {
    let categories: Vec<_> = items
        .iter()
        .enumerate()
        .filter_map(|(i, v)| read_category(v, &format!("{path}[{i}]"), total, out))
        .collect();
    if categories.len() == items.len() {
        unique_ids(path, "id", categories.iter().map(|c| c.id.as_str()), out);
        let mut owner = HashMap::new();
        for (i, category) in categories.iter().enumerate() {
            for (k, kind) in category.kinds.iter().enumerate() {
                if let Some(first) = owner.insert(*kind, &category.id) {
                    note(
                        out,
                        &format!("{path}[{i}].kinds[{k}]"),
                        format!(
                            "\"{}\" is already in category \"{first}\"; each work kind may feed one category",
                            kind.slug()
                        ),
                    );
                }
            }
        }
    }
    categories
}

fn read_category(
    value: &Value,
    path: &str,
    total: Option<u32>,
    out: &mut Problems,
) -> Option<Category> {
    let f = Fields::of(value, path, CATEGORY, out)?;
    let min = f.hours("min_hours", MAX_TOTAL_HOURS, false, out);
    let cap = f.hours("cap_hours", MAX_TOTAL_HOURS, false, out);
    let weekly = f.hours("weekly_cap_hours", WEEK_HOURS * 4, false, out);
    if let (Some(min), Some(cap)) = (min, cap) {
        if min > cap {
            note(out, &f.path("min_hours"), "must not be more than cap_hours");
        }
    }
    if let (Some(min), Some(total)) = (min, total) {
        if min > total {
            note(
                out,
                &f.path("min_hours"),
                "must not be more than the log's total_hours",
            );
        }
    }
    Some(Category {
        id: f.id("id", out),
        name: f.text("name", SHORT, true, out),
        kinds: f.kinds("kinds", None, out).unwrap_or_default(),
        counts_as: f.whole("counts_as", 1, 4, 1, out).unwrap_or(1),
        min_minutes: min,
        cap_minutes: cap,
        weekly_cap_minutes: weekly,
    })
}

fn read_week(value: &Value, path: &str, out: &mut Problems) -> Option<QualifyingWeek> {
    let f = Fields::of(value, path, &["individual_hours", "group_hours"], out)?;
    Some(QualifyingWeek {
        individual_minutes: f.hours("individual_hours", WEEK_HOURS, true, out)?,
        group_minutes: f.hours("group_hours", WEEK_HOURS, false, out),
    })
}

const CE: &[&str] = &["hours", "months", "due", "required", "warn_days"];

pub(super) fn read_ce(value: &Value, path: &str, out: &mut Problems) -> Option<CeCycle> {
    let f = Fields::of(value, path, CE, out)?;
    let minutes = f.hours("hours", 1000, true, out).unwrap_or(0);
    let months = if f.has("months") {
        f.whole("months", 1, MAX_CYCLE_MONTHS, 24, out)
            .unwrap_or(24)
    } else {
        note(
            out,
            &f.path("months"),
            "is missing; say how many months a cycle lasts",
        );
        24
    };
    let required: Vec<CeRequired> = f
        .array("required", MAX_RULES, false, out)
        .map(|items| {
            let req_path = f.path("required");
            let list: Vec<_> = items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| read_required(v, &format!("{req_path}[{i}]"), out))
                .collect();
            if list.len() == items.len() {
                unique_ids(
                    &req_path,
                    "category",
                    list.iter().map(|r| r.category.as_str()),
                    out,
                );
            }
            list
        })
        .unwrap_or_default();
    Some(CeCycle {
        minutes,
        months,
        due: f.date("due", out),
        required,
        warn_days: f.whole("warn_days", 1, 366, 90, out).unwrap_or(90),
    })
}

fn read_required(value: &Value, path: &str, out: &mut Problems) -> Option<CeRequired> {
    let f = Fields::of(value, path, &["category", "name", "hours"], out)?;
    Some(CeRequired {
        category: f.id("category", out),
        name: f.text("name", SHORT, true, out),
        minutes: f.hours("hours", 1000, true, out).unwrap_or(0),
    })
}
