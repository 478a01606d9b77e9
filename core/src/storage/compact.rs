//! Schema 3's compact form of a month's records: one short array per record instead of an
//! object with field names, and organisations and cases named once per month.
//!
//! Five years of heavy use took almost the whole 5 MB localStorage budget in schema 2, mostly in
//! field names repeated for every record. The compact form keeps every field and reads back
//! exactly (ids too, which are packed by [`super::ids`]); see docs/storage.md for the row
//! layouts. Each kind's code is fixed by the kind itself ([`WorkKind::code`], [`BreakKind::code`]),
//! apart from the display order in [`WorkKind::ALL`], so reordering the form never changes stored
//! meaning.

use super::ids::{pack, unpack};
use super::layout::ChunkBody;
use crate::checks::CheckResult;
use crate::entry::{EntryId, WorkEntry, WorkKind};
use crate::month::Month;
use crate::requirements::CeActivity;
use crate::tracking::{BreakEntry, BreakId, BreakKind, CaseId, OrgId};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// A month's records in compact form: what a schema 3 chunk holds (or seals).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CompactBody {
    /// Organisation and case ids the rows refer to, by position plus one (0 is "none").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<String>,
    /// Work entries: `[id, day, minutes, kind, organisation, case, start, flags]`, with
    /// trailing fields left out while they hold their defaults (0, 0, -1, 0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Vec<Value>>,
    /// Breaks: `[id, day, kind, minutes, until]`, with trailing defaults (0, none) left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rests: Vec<Vec<Value>>,
    /// Self-check results, kept as objects: about one a week, so rows would save little.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckResult>,
    /// Continuing-education activities, kept as objects: a few a year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ce: Vec<CeActivity>,
}

const TRAUMA: u64 = 1;
const PRO_BONO: u64 = 2;

fn reference(refs: &mut Vec<String>, id: Option<&str>) -> u64 {
    let Some(id) = id else { return 0 };
    match refs.iter().position(|r| r == id) {
        Some(i) => i as u64 + 1,
        None => {
            refs.push(id.to_string());
            refs.len() as u64
        }
    }
}

/// A start time as minutes after midnight, or its full text when it has seconds.
fn start_value(start: Option<NaiveTime>) -> Value {
    match start {
        None => json!(-1),
        Some(t) if t.second() == 0 && t.nanosecond() == 0 => json!(t.hour() * 60 + t.minute()),
        Some(t) => json!(t),
    }
}

/// Drops trailing values equal to their defaults, keeping at least `keep`.
fn trim(mut row: Vec<Value>, defaults: &[Value], keep: usize) -> Vec<Value> {
    while row.len() > keep {
        let i = row.len() - 1;
        if defaults.get(i - keep) == row.last() {
            row.pop();
        } else {
            break;
        }
    }
    row
}

/// The compact form of `body`.
pub fn compact(body: &ChunkBody) -> CompactBody {
    let mut refs = Vec::new();
    let entry_defaults = [json!(0), json!(0), json!(-1), json!(0)];
    let rows = body
        .entries
        .iter()
        .map(|e| {
            let org = reference(&mut refs, e.organisation.as_ref().map(|o| o.0.as_str()));
            let case = reference(&mut refs, e.case.as_ref().map(|c| c.0.as_str()));
            let flags = u64::from(e.trauma) * TRAUMA + u64::from(e.pro_bono) * PRO_BONO;
            let row = vec![
                json!(pack(&e.id.0)),
                json!(e.date.day()),
                json!(e.minutes),
                json!(e.kind.code()),
                json!(org),
                json!(case),
                start_value(e.start),
                json!(flags),
            ];
            trim(row, &entry_defaults, 4)
        })
        .collect();
    let break_defaults = [json!(0), Value::Null];
    let rests = body
        .breaks
        .iter()
        .map(|b| {
            let row = vec![
                json!(pack(&b.id.0)),
                json!(b.date.day()),
                json!(b.kind.code()),
                json!(b.minutes),
                b.until.map_or(Value::Null, |d| json!(d)),
            ];
            trim(row, &break_defaults, 3)
        })
        .collect();
    CompactBody {
        refs,
        rows,
        rests,
        checks: body.checks.clone(),
        ce: body.ce.clone(),
    }
}

struct Row<'a> {
    values: &'a [Value],
    what: &'static str,
    n: usize,
}

impl Row<'_> {
    fn bad(&self, field: &str) -> String {
        format!("{} {} has a damaged {field}", self.what, self.n + 1)
    }

    /// The record's id, unpacked (see [`super::ids`]).
    fn id(&self) -> Result<String, String> {
        match self.values.first() {
            Some(Value::String(s)) => unpack(s).ok_or_else(|| self.bad("id")),
            _ => Err(self.bad("id")),
        }
    }

    /// The number at `i`, or `default` when the row ends before it.
    fn number(&self, i: usize, field: &str, default: i64) -> Result<i64, String> {
        match self.values.get(i) {
            None => Ok(default),
            Some(v) => v.as_i64().ok_or_else(|| self.bad(field)),
        }
    }

    fn day(&self, month: Month) -> Result<NaiveDate, String> {
        let day = self.number(1, "day", 0)?;
        u32::try_from(day)
            .ok()
            .and_then(|d| month.first_day().with_day(d))
            .ok_or_else(|| self.bad("day"))
    }

    /// The kind at `i`, read with the kind's own `from_code` (`WorkKind::from_code`,
    /// `BreakKind::from_code`); an unknown code is damage, never another kind.
    fn code<T>(&self, i: usize, from_code: fn(u8) -> Option<T>) -> Result<T, String> {
        let n = self.number(i, "kind", -1)?;
        u8::try_from(n)
            .ok()
            .and_then(from_code)
            .ok_or_else(|| self.bad("kind"))
    }

    fn reference(&self, i: usize, refs: &[String], field: &str) -> Result<Option<String>, String> {
        match self.number(i, field, 0)? {
            0 => Ok(None),
            n => usize::try_from(n - 1)
                .ok()
                .and_then(|n| refs.get(n).cloned())
                .map(Some)
                .ok_or_else(|| self.bad(field)),
        }
    }
}

/// Reads a compact body back into records dated in `month`.
pub fn expand(month: Month, body: CompactBody) -> Result<ChunkBody, String> {
    let mut out = ChunkBody::default();
    for (n, values) in body.rows.iter().enumerate() {
        let row = Row {
            values,
            what: "entry",
            n,
        };
        if values.len() > 8 {
            return Err(row.bad("length"));
        }
        let start = match values.get(6) {
            None => None,
            Some(Value::String(_)) => Some(
                serde_json::from_value::<NaiveTime>(values[6].clone())
                    .map_err(|_| row.bad("start"))?,
            ),
            Some(_) => match row.number(6, "start", -1)? {
                -1 => None,
                m => Some(
                    u32::try_from(m)
                        .ok()
                        .and_then(|m| NaiveTime::from_hms_opt(m / 60, m % 60, 0))
                        .ok_or_else(|| row.bad("start"))?,
                ),
            },
        };
        let flags = row.number(7, "flags", 0)?;
        if !(0..=3).contains(&flags) {
            return Err(row.bad("flags"));
        }
        let minutes = u32::try_from(row.number(2, "length", -1)?).map_err(|_| row.bad("length"))?;
        out.entries.push(WorkEntry {
            id: EntryId(row.id()?),
            date: row.day(month)?,
            minutes,
            kind: row.code(3, WorkKind::from_code)?,
            start,
            organisation: row.reference(4, &body.refs, "organisation")?.map(OrgId),
            case: row.reference(5, &body.refs, "case")?.map(CaseId),
            trauma: flags as u64 & TRAUMA != 0,
            pro_bono: flags as u64 & PRO_BONO != 0,
        });
    }
    for (n, values) in body.rests.iter().enumerate() {
        let row = Row {
            values,
            what: "break",
            n,
        };
        if values.len() > 5 {
            return Err(row.bad("length"));
        }
        let until = match values.get(4) {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                serde_json::from_value::<NaiveDate>(v.clone()).map_err(|_| row.bad("last day"))?,
            ),
        };
        let minutes = u32::try_from(row.number(3, "length", 0)?).map_err(|_| row.bad("length"))?;
        out.breaks.push(BreakEntry {
            id: BreakId(row.id()?),
            kind: row.code(2, BreakKind::from_code)?,
            date: row.day(month)?,
            minutes,
            until,
        });
    }
    out.checks = body.checks;
    out.ce = body.ce;
    Ok(out)
}
