//! The occurrences of an all-day event: dates rather than instants, read on no clock, so they
//! land on the same days whatever the clinician's offset. The shell may map them to days off.

use super::error::{SkipReason, Warning};
use super::event::*;
use super::expand::{exceptions, ignore_parts, key_for, rule_starts, Ctx, DayOccurrence};
use super::ics::Component;
use super::order;
use super::value::{stamp_of, values_of, DateValue, Stamp};
use super::zone::Place;
use chrono::NaiveDate;

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
    let mut dates = vec![day];
    let midnight = Stamp::Date(day).naive();
    dates.extend(
        rule_starts(master, midnight, Place::Floating, days + 1, ctx)?
            .iter()
            .map(|t| t.date()),
    );
    for prop in master.props("RDATE") {
        let (values, unreadable) = values_of(prop);
        ignore_parts(ctx.warnings, &event, "RDATE", unreadable);
        dates.extend(values.into_iter().filter_map(|v| match v {
            DateValue::At(s) => Some(s.naive().date()),
            _ => None,
        }));
    }
    let mut dates = order::by_key(dates, |d| (order::days(*d), 0));
    dates.dedup();
    // EXDATEs, and the days that changed instances replace, are taken out in one pass.
    let ids: Vec<Option<NaiveDate>> = changed
        .iter()
        .map(|c| {
            c.prop("RECURRENCE-ID")
                .and_then(stamp_of)
                .map(|s| s.naive().date())
        })
        .collect();
    let (instants, mut excluded) = exceptions(master, ctx);
    excluded.extend(instants.iter().map(|t| t.date()));
    excluded.extend(ids.iter().flatten());
    dates.retain(|d| !excluded.contains(d));
    let skip = skip_of(master, ctx.owners);
    let mut out: Vec<DayOccurrence> = dates
        .into_iter()
        .map(|date| DayOccurrence {
            key: key_for(uid, &date.format("%Y-%m-%d").to_string()),
            date,
            days,
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
