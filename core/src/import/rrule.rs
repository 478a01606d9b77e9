//! Reading repeat rules (RRULE values) into the subset Tend follows.
//!
//! Supported: FREQ=DAILY, WEEKLY, MONTHLY and YEARLY with INTERVAL, COUNT, UNTIL, WKST, BYDAY
//! (with ordinals such as 2SU or -1FR in monthly and yearly rules), BYMONTHDAY (negative counts
//! from the month's end), BYMONTH and BYSETPOS. Anything else (SECONDLY to HOURLY, BYHOUR,
//! BYMINUTE, BYWEEKNO, BYYEARDAY, unknown parts) is refused by name, so an event is never
//! imported with a guessed schedule. `recur` follows the rules this module reads.

use super::value::{parse_stamp, Stamp};
use chrono::Weekday;

/// How often a rule repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// A parsed RRULE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub freq: Freq,
    pub interval: u32,
    pub count: Option<u64>,
    pub until: Option<Stamp>,
    pub(super) by_day: Vec<(i32, Weekday)>,
    pub(super) by_month_day: Vec<i32>,
    pub(super) by_month: Vec<u32>,
    pub(super) by_set_pos: Vec<i32>,
    pub(super) week_start: Weekday,
}

/// Why a rule was not followed: a part Tend does not support, or text that is not a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleProblem {
    Unsupported(String),
    Invalid(String),
}

const MAX_LIST: usize = 100;

/// Reads an RRULE value such as `FREQ=MONTHLY;BYDAY=1TU`.
pub fn parse_rule(text: &str) -> Result<Rule, RuleProblem> {
    let invalid = |what: &str| RuleProblem::Invalid(what.chars().take(60).collect());
    let mut rule = Rule {
        freq: Freq::Daily,
        interval: 1,
        count: None,
        until: None,
        by_day: Vec::new(),
        by_month_day: Vec::new(),
        by_month: Vec::new(),
        by_set_pos: Vec::new(),
        week_start: Weekday::Mon,
    };
    let mut seen: Vec<String> = Vec::new();
    for part in text.trim().split(';').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').ok_or_else(|| invalid(part))?;
        let key = key.trim().to_ascii_uppercase();
        if seen.contains(&key) {
            return Err(invalid(&format!("{key} given twice")));
        }
        seen.push(key.clone());
        let list: Vec<&str> = value.split(',').map(str::trim).collect();
        if list.len() > MAX_LIST {
            return Err(invalid(&format!("{key} has too many values")));
        }
        let bad = || invalid(part);
        match key.as_str() {
            "FREQ" => {
                rule.freq = match value.trim().to_ascii_uppercase().as_str() {
                    "DAILY" => Freq::Daily,
                    "WEEKLY" => Freq::Weekly,
                    "MONTHLY" => Freq::Monthly,
                    "YEARLY" => Freq::Yearly,
                    "SECONDLY" | "MINUTELY" | "HOURLY" => {
                        return Err(RuleProblem::Unsupported(part.to_string()))
                    }
                    _ => return Err(bad()),
                }
            }
            "INTERVAL" => rule.interval = number(value, 1, 10_000).ok_or_else(bad)? as u32,
            "COUNT" => {
                rule.count = Some(number(value, 1, i64::from(u32::MAX)).ok_or_else(bad)? as u64)
            }
            "UNTIL" => rule.until = Some(parse_stamp(value).ok_or_else(bad)?),
            "WKST" => rule.week_start = weekday(value).ok_or_else(bad)?,
            "BYMONTH" => {
                for v in list {
                    rule.by_month.push(number(v, 1, 12).ok_or_else(bad)? as u32);
                }
            }
            "BYMONTHDAY" => {
                for v in list {
                    let n = number(v, -31, 31).filter(|n| *n != 0).ok_or_else(bad)?;
                    rule.by_month_day.push(n as i32);
                }
            }
            "BYSETPOS" => {
                for v in list {
                    let n = number(v, -366, 366).filter(|n| *n != 0).ok_or_else(bad)?;
                    rule.by_set_pos.push(n as i32);
                }
            }
            "BYDAY" => {
                for v in list {
                    let split = v.len().saturating_sub(2);
                    let (ord, day) = (
                        v.get(..split).ok_or_else(bad)?,
                        v.get(split..).ok_or_else(bad)?,
                    );
                    let ord = if ord.is_empty() {
                        0
                    } else {
                        number(ord, -53, 53).filter(|n| *n != 0).ok_or_else(bad)? as i32
                    };
                    rule.by_day.push((ord, weekday(day).ok_or_else(bad)?));
                }
            }
            _ => return Err(RuleProblem::Unsupported(part.chars().take(60).collect())),
        }
    }
    if !seen.iter().any(|k| k == "FREQ") {
        return Err(invalid("no FREQ"));
    }
    let ordinals = rule.by_day.iter().any(|(ord, _)| *ord != 0);
    if ordinals && matches!(rule.freq, Freq::Daily | Freq::Weekly) {
        return Err(invalid("BYDAY with a number in a daily or weekly rule"));
    }
    Ok(rule)
}

fn number(text: &str, min: i64, max: i64) -> Option<i64> {
    let text = text.trim();
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || digits.len() > 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<i64>().ok().filter(|n| (min..=max).contains(n))
}

fn weekday(text: &str) -> Option<Weekday> {
    Some(match text.trim().to_ascii_uppercase().as_str() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}
