//! The clinician's time zone as a VTIMEZONE block (RFC 5545 §3.6.5), for the break plan's
//! calendar (#23).
//!
//! The core has no time-zone database, and should not carry one into the wasm. The browser does:
//! the shell reads the zone's name and probes its UTC offsets over a few years, and hands the
//! core the changes it found as a [`ZoneDescription`]. Here those changes become observances.
//! When every change recurs each probed year on the same nth weekday of the same month at the
//! same local time, as daylight-saving rules do almost everywhere, each becomes one yearly
//! `RRULE`, which stays right beyond the probed years for as long as the zone's rule holds.
//! Otherwise (a zone that changes by other rules or stops changing) the changes are listed as
//! `RDATE`s, exact for the probed years.

use super::ics_text::{local_value, offset_value, IcsWriter};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};

/// The most offset changes read from a description (far more than a few years hold).
pub const MAX_CHANGES: usize = 200;

/// The greatest UTC offset accepted, 18 hours either way.
const MAX_OFFSET: i32 = 18 * 3600;

/// The TZID written when the browser's zone name cannot be used as a parameter value.
pub const FALLBACK_TZID: &str = "Tend-Local";

/// A change of UTC offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OffsetChange {
    /// When it happens, in UTC.
    pub at: NaiveDateTime,
    /// The offset from then on, in seconds east of UTC.
    pub offset: i32,
}

/// A time zone as the browser knows it, over the years it was probed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneDescription {
    /// The IANA name (`Europe/Berlin`).
    pub tzid: String,
    /// The offset in force before the first change (or always, with no changes), in seconds.
    pub offset: i32,
    /// The changes found, in time order.
    pub changes: Vec<OffsetChange>,
    /// The first and last years probed, whole: a rule must hold in each to be written as a rule.
    pub years: (i32, i32),
}

impl ZoneDescription {
    /// A zone that never changes its offset (what the shell falls back to without `Intl`).
    pub fn fixed(tzid: &str, offset: i32) -> ZoneDescription {
        ZoneDescription {
            tzid: tzid.into(),
            offset,
            changes: Vec::new(),
            years: (1970, 1970),
        }
    }

    /// The TZID to write: the zone's name if it is safe as a parameter value (RFC 5545 §3.2:
    /// no control characters, quotes, `;`, `:` or `,`), else [`FALLBACK_TZID`].
    pub fn tzid(&self) -> &str {
        let name = self.tzid.trim();
        let safe = name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/_+-".contains(c));
        if safe && !name.is_empty() && name.len() <= 64 {
            name
        } else {
            FALLBACK_TZID
        }
    }

    /// True if a local stretch from `start` to `end` meets a change of offset: the local hour a
    /// change skips or repeats. A DTSTART in a skipped hour is read with the offset before the
    /// gap (RFC 5545 §3.3.5), which can put it after a DTEND just past the gap.
    pub fn touches_change(&self, start: NaiveDateTime, end: NaiveDateTime) -> bool {
        let (mut from, changes) = self.clean();
        changes.iter().any(|c| {
            let local = |offset: i32| {
                c.at.checked_add_signed(TimeDelta::seconds(i64::from(offset)))
            };
            let (before, after) = (local(from), local(c.offset));
            from = c.offset;
            match (before, after) {
                (Some(a), Some(b)) => start <= a.max(b) && end >= a.min(b),
                _ => false,
            }
        })
    }

    /// The changes that can be used: offsets within 18 hours, in time order, each a real change.
    fn clean(&self) -> (i32, Vec<OffsetChange>) {
        let first = if self.offset.abs() <= MAX_OFFSET {
            self.offset
        } else {
            0
        };
        let mut sorted: Vec<OffsetChange> = self
            .changes
            .iter()
            .filter(|c| c.offset.abs() <= MAX_OFFSET)
            .take(MAX_CHANGES)
            .copied()
            .collect();
        // The crate's one stable sort, not another copy of the standard one in the wasm.
        crate::sorting::sort_stable_by(&mut sorted, |a, b| a.at.cmp(&b.at));
        let mut changes: Vec<OffsetChange> = Vec::with_capacity(sorted.len());
        let mut current = first;
        for change in sorted {
            if change.offset != current {
                current = change.offset;
                changes.push(change);
            }
        }
        (first, changes)
    }
}

/// One change read as a yearly rule: offsets before and after, month, nth weekday (`-1` for the
/// last), and the local time before the change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct YearlyRule {
    from: i32,
    to: i32,
    month: u32,
    nth: i32,
    weekday: Weekday,
    time: NaiveTime,
}

impl YearlyRule {
    fn of(from: i32, change: &OffsetChange) -> Option<(YearlyRule, NaiveDateTime)> {
        let local = change
            .at
            .checked_add_signed(TimeDelta::seconds(i64::from(from)))?;
        let date = local.date();
        let days_in_month = last_of_month(date)?.day();
        let nth = if date.day() + 7 > days_in_month {
            -1
        } else {
            date.day().div_ceil(7) as i32
        };
        let rule = YearlyRule {
            from,
            to: change.offset,
            month: date.month(),
            nth,
            weekday: date.weekday(),
            time: local.time(),
        };
        Some((rule, local))
    }

    /// The local moment of this rule's change in `year`.
    fn in_year(&self, year: i32) -> Option<NaiveDateTime> {
        let first = NaiveDate::from_ymd_opt(year, self.month, 1)?;
        let day = if self.nth > 0 {
            let ahead = (7 + self.weekday.num_days_from_monday()
                - first.weekday().num_days_from_monday())
                % 7;
            first.checked_add_days(Days::new(u64::from(ahead) + 7 * (self.nth as u64 - 1)))?
        } else {
            let last = last_of_month(first)?;
            let back = (7 + last.weekday().num_days_from_monday()
                - self.weekday.num_days_from_monday())
                % 7;
            last.checked_sub_days(Days::new(u64::from(back)))?
        };
        (day.month() == self.month).then(|| day.and_time(self.time))
    }

    fn rrule(&self) -> String {
        let day = super::plan_ics::byday(self.weekday);
        format!(
            "FREQ=YEARLY;BYMONTH={};BYDAY={}{}",
            self.month, self.nth, day
        )
    }
}

fn last_of_month(date: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn kind(from: i32, to: i32, both_ways: bool) -> &'static str {
    if both_ways && to > from {
        "DAYLIGHT"
    } else {
        "STANDARD"
    }
}

/// Writes the zone's VTIMEZONE. `earliest` is the first day an event uses, so the observances
/// begin before it (§3.6.5 asks the block to cover every DTSTART).
pub fn write_vtimezone(w: &mut IcsWriter, zone: &ZoneDescription, earliest: NaiveDate) {
    let (offset, changes) = zone.clean();
    w.begin("VTIMEZONE");
    w.line("TZID", zone.tzid());
    let mut from = offset;
    let mut read = Vec::with_capacity(changes.len());
    for change in &changes {
        match YearlyRule::of(from, change) {
            Some(pair) => read.push(pair),
            None => {
                read.clear();
                break;
            }
        }
        from = change.offset;
    }
    let both_ways =
        read.iter().any(|(r, _)| r.to > r.from) && read.iter().any(|(r, _)| r.to < r.from);
    let mut rules: Vec<YearlyRule> = Vec::new();
    for (rule, _) in &read {
        if !rules.contains(rule) {
            rules.push(*rule);
        }
    }
    let (first, last) = zone.years;
    let yearly = !rules.is_empty()
        && read.len() == changes.len()
        && first <= last
        && rules.iter().all(|rule| {
            (first..=last).all(|year| {
                let at = rule.in_year(year);
                read.iter()
                    .filter(|(r, l)| r == rule && Some(*l) == at)
                    .count()
                    == 1
            })
        })
        && read.len() == rules.len() * (first..=last).count();
    if yearly {
        let start = first.min(earliest.year() - 1);
        for rule in &rules {
            let Some(at) = rule.in_year(start) else {
                continue;
            };
            let part = kind(rule.from, rule.to, both_ways);
            w.begin(part);
            w.line("TZOFFSETFROM", &offset_value(rule.from));
            w.line("TZOFFSETTO", &offset_value(rule.to));
            w.line("DTSTART", &local_value(at));
            w.line("RRULE", &rule.rrule());
            w.end(part);
        }
    } else {
        write_listed(w, offset, &changes);
    }
    w.end("VTIMEZONE");
}

/// The fallback: the offset before the first change from 1970, then every change as an RDATE of
/// an observance per pair of offsets.
fn write_listed(w: &mut IcsWriter, offset: i32, changes: &[OffsetChange]) {
    w.begin("STANDARD");
    w.line("TZOFFSETFROM", &offset_value(offset));
    w.line("TZOFFSETTO", &offset_value(offset));
    w.line("DTSTART", "19700101T000000");
    w.end("STANDARD");
    let up = changes.iter().scan(offset, |f, c| {
        let pair = (*f, c.offset);
        *f = c.offset;
        Some(pair)
    });
    let pairs: Vec<((i32, i32), NaiveDateTime)> = up
        .zip(changes)
        .filter_map(|((from, to), c)| {
            let local =
                c.at.checked_add_signed(TimeDelta::seconds(i64::from(from)))?;
            Some(((from, to), local))
        })
        .collect();
    let both_ways = pairs.iter().any(|((f, t), _)| t > f) && pairs.iter().any(|((f, t), _)| t < f);
    let mut done: Vec<(i32, i32)> = Vec::new();
    for (pair, first) in &pairs {
        if done.contains(pair) {
            continue;
        }
        done.push(*pair);
        let part = kind(pair.0, pair.1, both_ways);
        w.begin(part);
        w.line("TZOFFSETFROM", &offset_value(pair.0));
        w.line("TZOFFSETTO", &offset_value(pair.1));
        w.line("DTSTART", &local_value(*first));
        let more: Vec<String> = pairs
            .iter()
            .filter(|(p, at)| p == pair && at != first)
            .map(|(_, at)| local_value(*at))
            .collect();
        if !more.is_empty() {
            w.line("RDATE", &more.join(","));
        }
        w.end(part);
    }
}
