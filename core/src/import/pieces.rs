//! From occurrences to proposals: each timed occurrence split at the clinician's midnights into
//! entries of 1 to 1440 minutes, each all-day occurrence into its days, only the days in the
//! range kept, cancelled, declined and zero-length occurrences counted and left out, and the
//! occurrence cap applied.

use super::error::{SkipReason, Warning, Warnings};
use super::event::Skip;
use super::expand::{Found, Occurrence};
use super::{AllDayOccurrence, Import, ImportOptions, ImportStats, ProposedEntry};
use super::{MAX_EVENT_DAYS, MAX_OCCURRENCES};
use crate::entry::EntryId;
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

/// Adds one event's occurrences in the range to `out`; false when the occurrence cap is reached.
pub fn take(
    found: Found,
    options: &ImportOptions,
    out: &mut Import,
    warnings: &mut Warnings,
    taken: &mut usize,
) -> bool {
    let occurrences = match found {
        Found::Timed(list) => list,
        Found::AllDay(list) => {
            for occ in list {
                let days: Vec<NaiveDate> = (0..occ.days)
                    .filter_map(|i| occ.date.checked_add_days(Days::new(i as u64)))
                    .filter(|d| (options.from..=options.to).contains(d))
                    .collect();
                if days.is_empty() || !count_skip(occ.skip, &mut out.stats) {
                    continue;
                }
                if *taken >= MAX_OCCURRENCES {
                    return false;
                }
                *taken += 1;
                out.stats.all_day += 1;
                for date in days {
                    let index = (date - occ.date).num_days();
                    let id = if index == 0 {
                        occ.key.clone()
                    } else {
                        format!("{}+{index}", occ.key)
                    };
                    out.all_day.push(AllDayOccurrence {
                        id: EntryId(id),
                        date,
                        summary: occ.event.summary.clone(),
                    });
                }
            }
            return true;
        }
    };
    let offset = TimeDelta::minutes(i64::from(options.utc_offset_minutes));
    for occ in occurrences {
        let (Some(start), Some(end)) = (
            occ.start.checked_add_signed(offset),
            occ.end.checked_add_signed(offset),
        ) else {
            continue;
        };
        let length = occ.end - occ.start;
        let whole = length <= TimeDelta::zero() || length > TimeDelta::days(MAX_EVENT_DAYS);
        let pieces = if whole {
            Vec::new()
        } else {
            by_day(start, end, options)
        };
        let in_range = if whole {
            start.date() <= options.to && end.date() >= options.from
        } else {
            !pieces.is_empty()
        };
        if !in_range || !count_skip(occ.skip, &mut out.stats) {
            continue;
        }
        if length <= TimeDelta::zero() {
            out.stats.no_length += 1;
            warnings.push(Warning::NoLength { event: occ.event });
            continue;
        }
        if whole {
            warnings.push(Warning::EventSkipped {
                event: occ.event,
                reason: SkipReason::TooLong(length.num_days()),
            });
            continue;
        }
        if *taken >= MAX_OCCURRENCES {
            return false;
        }
        *taken += 1;
        out.stats.occurrences += 1;
        if length > TimeDelta::days(1) {
            warnings.push(Warning::Split {
                event: occ.event.clone(),
                days: (end.date() - start.date()).num_days() + 1,
            });
        }
        push_pieces(&occ, pieces, options, out);
    }
    true
}

/// Counts a skipped occurrence; true when the occurrence is to be imported.
fn count_skip(skip: Option<Skip>, stats: &mut ImportStats) -> bool {
    match skip {
        Some(Skip::Cancelled) => stats.cancelled += 1,
        Some(Skip::Declined) => stats.declined += 1,
        None => return true,
    }
    false
}

/// Splits a time span on the clinician's clock at midnight: (day index, date, start, minutes)
/// for each day in the range.
fn by_day(
    start: NaiveDateTime,
    end: NaiveDateTime,
    options: &ImportOptions,
) -> Vec<(i64, NaiveDate, NaiveDateTime, u32)> {
    let mut pieces = Vec::new();
    let mut day = start.date();
    let mut from = start;
    while from < end {
        let Some(next) = day.succ_opt() else { break };
        let midnight = next.and_time(NaiveTime::MIN);
        let until = end.min(midnight);
        let minutes = ((until - from).num_seconds() + 30) / 60;
        if minutes > 0 && (options.from..=options.to).contains(&day) {
            pieces.push((
                (day - start.date()).num_days(),
                day,
                from,
                minutes.min(1440) as u32,
            ));
        }
        day = next;
        from = midnight;
    }
    pieces
}

fn push_pieces(
    occ: &Occurrence,
    pieces: Vec<(i64, NaiveDate, NaiveDateTime, u32)>,
    options: &ImportOptions,
    out: &mut Import,
) {
    let kind = *options.kinds.pick(&occ.event.summary);
    for (index, date, start, minutes) in pieces {
        let id = if index == 0 {
            occ.key.clone()
        } else {
            format!("{}+{index}", occ.key)
        };
        out.entries.push(ProposedEntry {
            id: EntryId(id),
            date,
            start,
            minutes,
            kind,
            summary: occ.event.summary.clone(),
        });
    }
}
