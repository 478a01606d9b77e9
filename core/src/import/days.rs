//! The occurrences of an all-day event: dates rather than instants, read on no clock, so they
//! land on the same days whatever the clinician's offset. The shell may map them to days off.

use super::error::{SkipReason, Warning};
use super::event::*;
use super::expand::{exceptions, ignore_parts, key_for, rule_starts, Ctx, DayOccurrence};
use super::ics::Component;
use super::order;
use super::value::{stamp_of, values_of, DateValue, Stamp};
use super::zone::Place;
use chrono::{NaiveDate, NaiveTime, TimeDelta};

/// Expands an all-day event starting on `day` and its changed instances.
pub fn all_day(
    master: &Component,
    changed: &[&Component],
    uid: &str,
    day: NaiveDate,
    ctx: &mut Ctx,
) -> Result<Vec<DayOccurrence>, SkipReason> {
    let days = day_length(master, day)?;
    if days > super::MAX_ALL_DAY_DAYS {
        return Err(SkipReason::TooLong(days));
    }
    let event = event_ref(master);
    // Each start with its own length, if a PERIOD gives one.
    let mut dates = vec![(day, None)];
    let midnight = Stamp::Date(day).naive();
    dates.extend(
        rule_starts(master, midnight, Place::Floating, days + 1, ctx)?
            .iter()
            .map(|t| (t.date(), None)),
    );
    for prop in master.props("RDATE") {
        let (values, unreadable) = values_of(prop);
        ignore_parts(ctx.warnings, &event, "RDATE", unreadable);
        for value in values {
            match period_days(value) {
                Some(added) => dates.push(added),
                None => ignore_parts(ctx.warnings, &event, "RDATE", vec![short(&prop.value)]),
            }
        }
    }
    // The same day twice (an RDATE on a rule's day) is one occurrence, the series' length first.
    let mut dates = order::by_key(dates, |(d, n)| (order::days(*d), n.unwrap_or(i64::MIN)));
    dates.dedup_by_key(|(d, _)| *d);
    // EXDATEs, and the days that changed instances replace, are taken out in one pass.
    let ids: Vec<Option<NaiveDate>> = changed
        .iter()
        .map(|c| {
            c.prop("RECURRENCE-ID")
                .and_then(stamp_of)
                .map(|s| s.naive().date())
        })
        .collect();
    // A date-time EXDATE names the day it is written on, on its own clock: the occurrences
    // are dates on no clock, so converting it to UTC first would name the wrong day (#17).
    let (_, mut excluded) = exceptions(master, true, ctx);
    excluded.extend(ids.iter().flatten());
    dates.retain(|(d, _)| !excluded.contains(d));
    let skip = skip_of(master, ctx.owners);
    let mut out: Vec<DayOccurrence> = dates
        .into_iter()
        .map(|(date, own)| DayOccurrence {
            key: key_for(uid, &date.format("%Y-%m-%d").to_string()),
            date,
            days: own.unwrap_or(days),
            event: event.clone(),
            skip,
        })
        .collect();
    for (change, id) in changed.iter().zip(ids) {
        let Some(id) = id else {
            ignore_parts(
                ctx.warnings,
                &event,
                "a changed occurrence",
                vec![change.line.to_string()],
            );
            continue;
        };
        let own = match change.prop("DTSTART").and_then(stamp_of) {
            Some(Stamp::Date(date)) => day_length(change, date).map(|days| (date, days)),
            Some(_) => Err(SkipReason::BadStart("a time in an all-day event".into())),
            None => Ok((id, days)),
        };
        match own.and_then(|(d, n)| {
            if n > super::MAX_ALL_DAY_DAYS {
                Err(SkipReason::TooLong(n))
            } else {
                Ok((d, n))
            }
        }) {
            Ok((date, days)) => out.push(DayOccurrence {
                key: key_for(uid, &id.format("%Y-%m-%d").to_string()),
                date,
                days,
                event: event_ref(change),
                skip: skip.or(skip_of(change, ctx.owners)),
            }),
            Err(reason) => ctx.warnings.push(Warning::EventSkipped {
                event: event_ref(change),
                reason,
            }),
        }
    }
    Ok(out)
}

/// The first day of an RDATE value of an all-day event, with its own length in days when it is
/// a PERIOD: the days the period touches as written on its own clock, at least one (RFC 5545
/// §3.3.9 lets a period end at a date-time or last a duration). `None` for a period that ends
/// before it starts or lasts longer than Tend takes.
fn period_days(value: DateValue) -> Option<(NaiveDate, Option<i64>)> {
    let (start, end) = match value {
        DateValue::At(s) => return Some((s.naive().date(), None)),
        DateValue::Until(s, e) => (s.naive(), e.naive()),
        DateValue::For(s, n) => {
            let days = s.naive().checked_add_signed(TimeDelta::try_days(n.days)?)?;
            (
                s.naive(),
                days.checked_add_signed(TimeDelta::try_seconds(n.seconds)?)?,
            )
        }
    };
    if end < start {
        return None;
    }
    let touched = (end.date() - start.date()).num_days() + i64::from(end.time() > NaiveTime::MIN);
    let days = touched.max(1);
    (days <= super::MAX_ALL_DAY_DAYS).then_some((start.date(), Some(days)))
}
