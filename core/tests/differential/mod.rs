//! The differential check of the calendar import (#17): calendars generated from a seeded PRNG
//! are imported by Tend and worked out independently (the `rrule` crate for the repeat rules,
//! chrono-tz for the zones, and the RFC 5545 rules for the rest in `reference`), and the days
//! and minutes compared. This module holds what both sides share: the model of a generated
//! event, from which `text` writes the .ics file Tend reads and `reference` computes the
//! answer without reading that text.
#![allow(dead_code)]

pub mod generate;
pub mod reference;
pub mod rules;
pub mod text;
pub mod zones;

use chrono::{NaiveDate, NaiveDateTime};

/// How an event's times are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// Date-times ending in `Z`.
    Utc,
    /// Date-times without zone, read on the clinician's clock.
    Floating,
    /// Date-times with `TZID=` one of [`zones::ZONES`].
    Zone(usize),
    /// Date-times with `TZID=UTC`, which files need not describe.
    NamedUtc,
}

/// How long an occurrence lasts (for all-day events `End` is a date at midnight).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    /// Neither DTEND nor DURATION.
    Unstated,
    /// DTEND (or a period's end) on the event's clock.
    End(NaiveDateTime),
    /// DURATION: nominal days, then exact seconds.
    Duration { days: i64, seconds: i64 },
}

/// When a repeat rule ends besides COUNT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Until {
    /// `UNTIL=...Z`, a UTC instant (events in UTC or a zone).
    Instant(NaiveDateTime),
    /// A local date-time (floating events).
    Wall(NaiveDateTime),
    /// A date (all-day events).
    Date(NaiveDate),
}

/// One RDATE value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extra {
    At(NaiveDateTime),
    Period(NaiveDateTime, Length),
}

/// One EXDATE value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exclude {
    /// A date-time on the event's clock (a date for all-day events).
    At(NaiveDateTime),
    /// All-day events only: midnight of a date written with `TZID=` a zone.
    ZoneMidnight(usize, NaiveDate),
}

/// A changed instance (RECURRENCE-ID) of the occurrence starting at the time it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Moved {
        start: NaiveDateTime,
        length: Length,
    },
    Cancelled,
}

/// One generated event with its changed instances.
#[derive(Clone, Debug)]
pub struct Event {
    pub uid: String,
    pub summary: String,
    pub all_day: bool,
    pub clock: Clock,
    /// DTSTART on the event's clock (midnight for all-day events).
    pub start: NaiveDateTime,
    pub length: Length,
    /// The RRULE without UNTIL, if any.
    pub rule: Option<String>,
    pub until: Option<Until>,
    pub rdates: Vec<Extra>,
    pub exdates: Vec<Exclude>,
    pub changes: Vec<(NaiveDateTime, Change)>,
    /// DTEND, EXDATE and RECURRENCE-ID written in UTC (`Z`) whatever the clock of DTSTART, as
    /// some exports do.
    pub others_in_utc: bool,
}

/// One generated calendar and the import options it is read with.
#[derive(Clone, Debug)]
pub struct Case {
    pub seed: u64,
    pub events: Vec<Event>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The clinician's clock, minutes east of UTC.
    pub offset: i32,
}

/// What one event comes to in the range: timed pieces as (date, start on the clinician's
/// clock as HH:MM, minutes) and all-day days, each sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub pieces: Vec<(NaiveDate, String, u32)>,
    pub days: Vec<NaiveDate>,
}
