//! One event's own facts: its start, its length, whether the clinician is really going, and the
//! key its occurrences are known by.

use super::error::{EventRef, SkipReason};
use super::ics::{Component, Prop};
use super::recur::Budget;
use super::value::{parse_duration, plain_text, stamp_of, Nominal, Stamp};
use super::zone::{Clock, Place};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

/// Why an occurrence is not work to log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    Cancelled,
    Declined,
}

/// How long each occurrence of a timed event lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    /// From DTEND: the same number of seconds for every occurrence.
    Exact(i64),
    /// From DURATION: whole days on the event's clock, then seconds.
    Nominal(Nominal),
}

impl Length {
    /// Whole days that an occurrence may reach past its start day (for expansion windows).
    pub fn reach_days(self) -> i64 {
        match self {
            Length::Exact(s) => s / 86_400 + 1,
            Length::Nominal(n) => n.days + n.seconds / 86_400 + 1,
        }
    }

    /// The end of an occurrence starting at `start` (UTC) in `place`.
    pub fn end(
        self,
        start: NaiveDateTime,
        place: Place,
        clock: &mut Clock,
        budget: &Budget,
    ) -> Option<NaiveDateTime> {
        let seconds = |t: NaiveDateTime, s: i64| t.checked_add_signed(TimeDelta::try_seconds(s)?);
        match self {
            Length::Exact(s) => seconds(start, s),
            Length::Nominal(n) if n.days == 0 => seconds(start, n.seconds),
            Length::Nominal(n) => {
                let local = clock.utc_to_local(start, place, budget)?;
                let later = local.checked_add_signed(TimeDelta::try_days(n.days)?)?;
                seconds(clock.local_to_utc(later, place, budget)?, n.seconds)
            }
        }
    }
}

/// The DTSTART of an event: its stamp and where it is read.
pub struct Start {
    pub stamp: Stamp,
    pub place: Place,
}

/// Reads DTSTART.
pub fn start_of(
    event: &Component,
    clock: &mut Clock,
    warnings: &mut super::error::Warnings,
) -> Result<Start, SkipReason> {
    let prop = event.prop("DTSTART").ok_or(SkipReason::NoStart)?;
    let stamp = stamp_of(prop).ok_or_else(|| SkipReason::BadStart(short(&prop.value)))?;
    Ok(Start {
        stamp,
        place: place_of(prop, stamp, clock, warnings),
    })
}

/// Where the stamp of a property is read: UTC for `Z`, else its TZID, else floating.
pub fn place_of(
    prop: &Prop,
    stamp: Stamp,
    clock: &mut Clock,
    warnings: &mut super::error::Warnings,
) -> Place {
    match stamp {
        Stamp::Utc(_) => Place::Utc,
        Stamp::Date(_) => Place::Floating,
        Stamp::Local(_) => clock.place(prop.param("TZID"), warnings),
    }
}

/// The length of a timed event starting at `start` (UTC), from DTEND or DURATION. With neither,
/// it lasts no time, as RFC 5545 says.
pub fn timed_length(
    event: &Component,
    start: NaiveDateTime,
    clock: &mut Clock,
    budget: &Budget,
    warnings: &mut super::error::Warnings,
) -> Result<Length, SkipReason> {
    if let Some(prop) = event.prop("DTEND") {
        let bad = || SkipReason::BadEnd(short(&prop.value));
        let stamp = stamp_of(prop)
            .filter(|s| !matches!(s, Stamp::Date(_)))
            .ok_or_else(bad)?;
        let place = place_of(prop, stamp, clock, warnings);
        let end = clock.utc_of(stamp, place, budget).ok_or_else(bad)?;
        let seconds = (end - start).num_seconds();
        return if seconds < 0 {
            Err(SkipReason::EndBeforeStart)
        } else {
            Ok(Length::Exact(seconds))
        };
    }
    if let Some(prop) = event.prop("DURATION") {
        let nominal = parse_duration(&prop.value)
            .filter(|n| n.days >= 0 && n.seconds >= 0)
            .ok_or_else(|| SkipReason::BadDuration(short(&prop.value)))?;
        return Ok(Length::Nominal(nominal));
    }
    Ok(Length::Exact(0))
}

/// The number of days an all-day event starting on `start` covers (at least one).
pub fn day_length(event: &Component, start: NaiveDate) -> Result<i64, SkipReason> {
    if let Some(prop) = event.prop("DTEND") {
        let Some(Stamp::Date(end)) = stamp_of(prop) else {
            return Err(SkipReason::BadEnd(short(&prop.value)));
        };
        let days = (end - start).num_days();
        return if days < 0 {
            Err(SkipReason::EndBeforeStart)
        } else {
            Ok(days.max(1))
        };
    }
    if let Some(prop) = event.prop("DURATION") {
        let n = parse_duration(&prop.value)
            .filter(|n| n.days >= 0 && n.seconds >= 0)
            .ok_or_else(|| SkipReason::BadDuration(short(&prop.value)))?;
        return Ok((n.days + i64::from(n.seconds > 0)).max(1));
    }
    Ok(1)
}

/// Whether the clinician is not going: the event is cancelled, or one of `owners` (lower-case
/// addresses) declined it. With no owners given, declines are not checked.
pub fn skip_of(event: &Component, owners: &[String]) -> Option<Skip> {
    if event
        .prop("STATUS")
        .is_some_and(|s| s.value.trim().eq_ignore_ascii_case("CANCELLED"))
    {
        return Some(Skip::Cancelled);
    }
    let declined = event.props("ATTENDEE").any(|a| {
        let declined = a
            .param("PARTSTAT")
            .is_some_and(|p| p.eq_ignore_ascii_case("DECLINED"));
        let address = mail_address(&a.value);
        let email = a.param("EMAIL").map(mail_address);
        declined
            && owners
                .iter()
                .any(|o| *o == address || email.as_ref() == Some(o))
    });
    declined.then_some(Skip::Declined)
}

/// An address in the form owners are compared in: lower case, without `mailto:`.
pub fn mail_address(text: &str) -> String {
    let text = text.trim();
    let bare = match text.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("mailto:") => &text[7..],
        _ => text,
    };
    bare.trim().to_lowercase()
}

/// How the warnings name an event.
pub fn event_ref(event: &Component) -> EventRef {
    let summary = event
        .prop("SUMMARY")
        .map(|p| plain_text(&p.value))
        .unwrap_or_default();
    EventRef {
        summary,
        line: event.line,
    }
}

/// The part of an import key that names the event: its UID, or a stable stand-in.
pub fn uid_key(event: &Component) -> Option<String> {
    let uid = event
        .prop("UID")
        .map(|p| p.value.trim())
        .filter(|u| !u.is_empty())?;
    let plain = uid.len() <= 200 && !uid.chars().any(|c| c.is_control() || c.is_whitespace());
    Some(if plain {
        uid.to_string()
    } else {
        format!("h{:016x}", fnv(uid))
    })
}

/// A stand-in key for an event without UID, from its DTSTART and SUMMARY as written.
pub fn made_up_key(event: &Component) -> String {
    let start = event.prop("DTSTART").map_or("", |p| p.value.as_str());
    let summary = event.prop("SUMMARY").map_or("", |p| p.value.as_str());
    format!("nouid-{:016x}", fnv(&format!("{start}\n{summary}")))
}

/// How an occurrence start appears in its key: UTC with `Z`, or the wall-clock time for
/// floating events, whose UTC instant depends on the offset chosen at import.
pub fn key_time(utc: NaiveDateTime, place: Place, clock: &mut Clock, budget: &Budget) -> String {
    match place {
        Place::Floating => clock
            .utc_to_local(utc, place, budget)
            .unwrap_or(utc)
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string(),
        _ => utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    }
}

/// The date of a UTC instant on the event's own clock.
pub fn local_date(
    utc: NaiveDateTime,
    place: Place,
    clock: &mut Clock,
    budget: &Budget,
) -> NaiveDate {
    clock.utc_to_local(utc, place, budget).unwrap_or(utc).date()
}

/// A value shortened for a message.
pub fn short(text: &str) -> String {
    text.trim().chars().take(40).collect()
}

/// FNV-1a: a small hash that is the same on every platform and Rust version.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
