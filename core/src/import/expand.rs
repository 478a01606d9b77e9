//! The occurrences of one event: its DTSTART, the starts its RRULEs and RDATEs add, less its
//! EXDATEs, with each instance changed by a RECURRENCE-ID event put in place of the one it
//! replaces. Timed events come out in UTC; all-day events as dates.

use super::error::{EventRef, SkipReason, Warning, Warnings};
use super::event::*;
use super::ics::Component;
use super::order;
use super::recur::{Budget, Ended};
use super::rrule::{parse_rule, RuleProblem};
use super::value::{stamp_of, values_of, DateValue, Stamp};
use super::zone::{Clock, Place};
use chrono::{Days, NaiveDate, NaiveDateTime};
use std::collections::HashSet;

/// One occurrence of a timed event.
#[derive(Clone, Debug)]
pub struct Occurrence {
    pub key: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub event: EventRef,
    pub skip: Option<Skip>,
}

/// One occurrence of an all-day event: `days` whole days from `date`.
#[derive(Clone, Debug)]
pub struct DayOccurrence {
    pub key: String,
    pub date: NaiveDate,
    pub days: i64,
    pub event: EventRef,
    pub skip: Option<Skip>,
}

/// What one event (with its changed instances) comes to.
pub enum Found {
    Timed(Vec<Occurrence>),
    AllDay(Vec<DayOccurrence>),
}

/// What expanding needs from the import around it.
pub struct Ctx<'a> {
    pub clock: &'a mut Clock,
    pub budget: &'a Budget,
    pub warnings: &'a mut Warnings,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub owners: &'a [String],
}

/// At most this many starts are collected for one event (EXDATEs may remove some).
const MAX_STARTS: usize = 2 * super::MAX_OCCURRENCES + 100;

/// Expands the event `master` (UID part of the key `uid`) and its changed instances.
pub fn series(
    master: &Component,
    changed: &[&Component],
    uid: &str,
    ctx: &mut Ctx,
) -> Result<Found, SkipReason> {
    let start = start_of(master, ctx.clock, ctx.warnings)?;
    if let Stamp::Date(day) = start.stamp {
        return super::days::all_day(master, changed, uid, day, ctx).map(Found::AllDay);
    }
    let place = start.place;
    let bad_start = || SkipReason::BadStart(short(&start.stamp.naive().to_string()));
    let first = ctx
        .clock
        .utc_of(start.stamp, place, ctx.budget)
        .ok_or_else(bad_start)?;
    let length = timed_length(master, first, ctx.clock, ctx.budget, ctx.warnings)?;
    let reach = length.reach_days().min(super::MAX_EVENT_DAYS + 1) + 2;
    let mut starts = vec![(first, None)];
    let local_starts = rule_starts(master, start.stamp.naive(), place, reach, ctx)?;
    for local in local_starts {
        if let Some(utc) = ctx.clock.local_to_utc(local, place, ctx.budget) {
            starts.push((utc, None));
        }
    }
    let event = event_ref(master);
    for prop in master.props("RDATE") {
        let (values, unreadable) = values_of(prop);
        ignore_parts(ctx.warnings, &event, "RDATE", unreadable);
        for value in values {
            let (at, end) = match value {
                DateValue::At(Stamp::Date(_)) => {
                    ignore_parts(ctx.warnings, &event, "RDATE", vec![short(&prop.value)]);
                    continue;
                }
                DateValue::At(s) => (s, None),
                DateValue::Until(s, e) => (s, Some(Err(e))),
                DateValue::For(s, n) => (s, Some(Ok(Length::Nominal(n)))),
            };
            let at_place = place_of(prop, at, ctx.clock, ctx.warnings);
            let Some(utc) = ctx.clock.utc_of(at, at_place, ctx.budget) else {
                continue;
            };
            let end = match end {
                None => None,
                Some(Ok(len)) => len.end(utc, at_place, ctx.clock, ctx.budget),
                Some(Err(e)) => {
                    let end_place = place_of(prop, e, ctx.clock, ctx.warnings);
                    ctx.clock
                        .utc_of(e, end_place, ctx.budget)
                        .filter(|e| *e >= utc)
                }
            };
            starts.push((utc, end));
        }
    }
    // The same start twice (an RDATE on a rule's day) is one occurrence, the series' length first.
    let mut starts = order::by_key(starts, |(s, end)| {
        (order::seconds(*s), end.map_or(i64::MIN, order::seconds))
    });
    starts.dedup_by_key(|(s, _)| *s);
    // EXDATEs, and the occurrences that changed instances replace, are taken out in one pass.
    let ids: Vec<_> = changed
        .iter()
        .map(|c| recurrence_id(c, &event, place, ctx))
        .collect();
    let (mut instants, mut dates) = exceptions(master, false, ctx);
    for (_, id) in ids.iter().flatten() {
        match id {
            Stamp::Date(d) => dates.insert(*d),
            other => instants.insert(other.naive()),
        };
    }
    starts.retain(|(s, _)| !instants.contains(s));
    if !dates.is_empty() {
        starts.retain(|(s, _)| !dates.contains(&local_date(*s, place, ctx.clock, ctx.budget)));
    }
    let skip = skip_of(master, ctx.owners);
    let mut out = Vec::new();
    for (at, end) in starts {
        let Some(end) = end.or_else(|| length.end(at, place, ctx.clock, ctx.budget)) else {
            continue;
        };
        let key = key_for(uid, &key_time(at, place, ctx.clock, ctx.budget));
        out.push(Occurrence {
            key,
            start: at,
            end,
            event: event.clone(),
            skip,
        });
    }
    for (change, id) in changed.iter().zip(ids) {
        let Some((id, _)) = id else {
            continue;
        };
        let start = match start_of(change, ctx.clock, ctx.warnings) {
            Ok(Start {
                stamp: Stamp::Date(_),
                ..
            }) => Err(SkipReason::BadStart("a date".into())),
            other => other,
        };
        let own = start.and_then(|s| {
            let at = ctx
                .clock
                .utc_of(s.stamp, s.place, ctx.budget)
                .ok_or(SkipReason::NoStart)?;
            // A changed instance is an event of its own: with neither DTEND nor DURATION it
            // takes no time, as the series would (RFC 5545 §3.6.1), not the series' length.
            let len = timed_length(change, at, ctx.clock, ctx.budget, ctx.warnings)?;
            Ok((
                at,
                len.end(at, s.place, ctx.clock, ctx.budget)
                    .ok_or(SkipReason::NoStart)?,
            ))
        });
        match own {
            Ok((at, end)) => out.push(Occurrence {
                key: key_for(uid, &id),
                start: at,
                end,
                event: event_ref(change),
                skip: skip.or(skip_of(change, ctx.owners)),
            }),
            Err(reason) => ctx.warnings.push(Warning::EventSkipped {
                event: event_ref(change),
                reason,
            }),
        }
    }
    Ok(Found::Timed(out))
}

/// The wall-clock starts every RRULE of `master` makes near the range (`reach` days of margin).
pub(super) fn rule_starts(
    master: &Component,
    start: NaiveDateTime,
    place: Place,
    reach: i64,
    ctx: &mut Ctx,
) -> Result<Vec<NaiveDateTime>, SkipReason> {
    let margin = Days::new(reach.max(0) as u64);
    let first_day = ctx.from.checked_sub_days(margin).unwrap_or(ctx.from);
    let last_day = ctx.to.checked_add_days(margin).unwrap_or(ctx.to);
    if master.prop("EXRULE").is_some() {
        ignore_parts(
            ctx.warnings,
            &event_ref(master),
            "EXRULE",
            vec!["(an old way of excluding dates)".into()],
        );
    }
    let all_day = master
        .prop("DTSTART")
        .and_then(stamp_of)
        .is_some_and(|s| matches!(s, Stamp::Date(_)));
    let mut found = Vec::new();
    for prop in master.props("RRULE") {
        let rule = parse_rule(&prop.value).map_err(|p| match p {
            RuleProblem::Unsupported(part) => SkipReason::UnsupportedRule(part),
            RuleProblem::Invalid(problem) => SkipReason::BadRule(problem),
        })?;
        let until = rule.until;
        let clock = &mut *ctx.clock;
        let budget = ctx.budget;
        let ended = rule.expand(
            start,
            first_day,
            last_day,
            budget,
            |at| match until {
                None => false,
                Some(Stamp::Date(d)) => at.date() > d,
                Some(Stamp::Utc(u)) if all_day => at.date() > u.date(),
                Some(Stamp::Utc(u)) => clock.local_to_utc(at, place, budget).is_none_or(|t| t > u),
                Some(Stamp::Local(l)) => at > l,
            },
            |at| {
                found.push(at);
                found.len() < MAX_STARTS
            },
        );
        if found.len() >= MAX_STARTS {
            ctx.warnings.push(Warning::OccurrenceCap);
        }
        if ended == Ended::OutOfBudget {
            break;
        }
    }
    Ok(found)
}

/// The EXDATEs of an event: instants (UTC) and whole dates. For an all-day event (`all_day`) a
/// date-time names the date it is written on.
pub(super) fn exceptions(
    master: &Component,
    all_day: bool,
    ctx: &mut Ctx,
) -> (HashSet<NaiveDateTime>, HashSet<NaiveDate>) {
    let (mut instants, mut dates) = (HashSet::new(), HashSet::new());
    let event = event_ref(master);
    for prop in master.props("EXDATE") {
        let (values, unreadable) = values_of(prop);
        ignore_parts(ctx.warnings, &event, "EXDATE", unreadable);
        for value in values {
            match value {
                DateValue::At(Stamp::Date(d)) => {
                    dates.insert(d);
                }
                DateValue::At(s) if all_day => {
                    dates.insert(s.naive().date());
                }
                DateValue::At(s) => {
                    let place = place_of(prop, s, ctx.clock, ctx.warnings);
                    instants.extend(ctx.clock.utc_of(s, place, ctx.budget));
                }
                _ => ignore_parts(ctx.warnings, &event, "EXDATE", vec![short(&prop.value)]),
            }
        }
    }
    (instants, dates)
}

/// The RECURRENCE-ID of a changed instance of a timed event: its key text and what it matches.
fn recurrence_id(
    change: &Component,
    master: &EventRef,
    place: Place,
    ctx: &mut Ctx,
) -> Option<(String, Stamp)> {
    let prop = change.prop("RECURRENCE-ID");
    let Some(stamp) = prop.and_then(stamp_of) else {
        ignore_parts(
            ctx.warnings,
            master,
            "a changed occurrence",
            vec![format!("line {}", change.line)],
        );
        return None;
    };
    if prop.and_then(|p| p.param("RANGE")).is_some() {
        ignore_parts(
            ctx.warnings,
            master,
            "RANGE",
            vec!["(only the one occurrence was changed)".into()],
        );
    }
    if let Stamp::Date(d) = stamp {
        return Some((d.format("%Y-%m-%d").to_string(), stamp));
    }
    let id_place = prop.map_or(place, |p| place_of(p, stamp, ctx.clock, ctx.warnings));
    let utc = ctx.clock.utc_of(stamp, id_place, ctx.budget)?;
    Some((key_time(utc, place, ctx.clock, ctx.budget), Stamp::Utc(utc)))
}

pub(super) fn ignore_parts(
    warnings: &mut Warnings,
    event: &EventRef,
    what: &str,
    parts: Vec<String>,
) {
    for part in parts {
        warnings.push(Warning::PartIgnored {
            event: event.clone(),
            part: format!("{what} \u{201c}{part}\u{201d}"),
        });
    }
}

pub(super) fn key_for(uid: &str, time: &str) -> String {
    format!("ics:{uid}@{time}")
}
