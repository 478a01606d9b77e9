//! Why a tracking record or change was refused.
//!
//! Every refusal is a value, never a panic, and its message is written for a tired clinician:
//! what is wrong and, where it helps, what to do instead.

use super::breaks::{BreakId, BreakKind};
use super::case::CaseId;
use super::label::LabelProblem;
use super::org::{Arrangement, OrgId, MAX_NAME_CHARS, MAX_RATE, MAX_WEEKLY_MINUTES};
use crate::units::duration::format_minutes;
use chrono::NaiveDate;
use std::fmt;

/// Why a tracking record or change was refused. The journal is unchanged when one is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// The case label could identify someone, or is empty or too long.
    Label(LabelProblem),
    /// An organisation needs a name.
    NameEmpty,
    /// An organisation's name is too long.
    NameTooLong(usize),
    /// Hourly and per-session arrangements need a rate above zero.
    RateMissing(Arrangement),
    /// Salaried and pro bono arrangements take no rate.
    RateNotUsed(Arrangement),
    /// The rate is beyond what Tend accepts.
    RateTooHigh(u64),
    /// The usual rate, when set, must be above zero.
    UsualRateZero,
    /// More agreed weekly time than a week holds.
    WeeklyHoursTooHigh(u32),
    /// A range whose end comes before its start.
    EndsBeforeStart {
        /// The first day.
        start: NaiveDate,
        /// The last day, before the first.
        end: NaiveDate,
    },
    /// A case must have been opened at least once.
    NoOpenPeriod,
    /// A case closed before it was opened.
    ClosedBeforeOpened {
        /// The day the period opened.
        opened: NaiveDate,
        /// The day it closed, before that.
        closed: NaiveDate,
    },
    /// A case's open periods overlap, are out of order, or an earlier one has no end.
    PeriodsOverlap,
    /// Closing a case that is already closed.
    CaseAlreadyClosed(String),
    /// Reopening a case that is open.
    CaseAlreadyOpen(String),
    /// Reopening on or before the day the case was closed.
    ReopenedTooEarly {
        /// The day the case closed.
        closed: NaiveDate,
        /// The day it was to reopen.
        on: NaiveDate,
    },
    /// A whole-day record was given minutes.
    MinutesOnWholeDay(BreakKind),
    /// A timed break without a duration.
    BreakNeedsMinutes(BreakKind),
    /// A timed break longer than a day.
    BreakTooLong(u32),
    /// A range of days on a kind that is timed.
    RangeNotAllowed(BreakKind),
    /// A range of days longer than a year.
    RangeTooLong(i64),
    /// Two whole-day records covering the same day.
    WholeDayOverlap {
        /// A day both records cover.
        date: NaiveDate,
        /// The other record's kind.
        kind: BreakKind,
    },
    /// A record with this id already exists.
    DuplicateId(String),
    /// No organisation has this id.
    UnknownOrganisation(OrgId),
    /// No case has this id.
    UnknownCase(CaseId),
    /// No break record has this id.
    UnknownBreak(BreakId),
    /// The entry names an organisation other than the case's.
    CaseInOtherOrganisation {
        /// The case's label.
        case: String,
    },
    /// The organisation is still referred to.
    OrganisationInUse {
        /// The organisation's name.
        name: String,
        /// Work entries that name it.
        entries: usize,
        /// Cases that belong to it.
        cases: usize,
    },
    /// The case is still referred to by work entries.
    CaseInUse {
        /// The case's label.
        label: String,
        /// Work entries that name it.
        entries: usize,
    },
    /// A target outside its range.
    TargetOutOfRange {
        /// The target.
        what: &'static str,
        /// The value given.
        value: u32,
        /// The lowest value allowed.
        min: u32,
        /// The highest value allowed.
        max: u32,
    },
    /// A complexity weight of zero or over the maximum.
    WeightOutOfRange,
    /// A complexity level worth fewer points than the one below it.
    ScaleOutOfOrder,
    /// At least one working day is needed.
    NoWorkingDays,
}

fn date(d: &NaiveDate) -> impl fmt::Display {
    d.format("%a %-d %b %Y")
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RecordError as E;
        match self {
            E::Label(problem) => problem.fmt(f),
            E::NameEmpty => f.write_str("Give the organisation a name."),
            E::NameTooLong(n) => write!(
                f,
                "An organisation's name can be at most {MAX_NAME_CHARS} characters; this one has {n}."
            ),
            E::RateMissing(a) => write!(
                f,
                "A {} needs a rate above zero (per {}).",
                a.label().to_lowercase(),
                if *a == Arrangement::PerSession { "session" } else { "hour" }
            ),
            E::RateNotUsed(a) => write!(
                f,
                "A {} arrangement has no rate. For pro bono work Tend values the time at your \
                 usual rate, set in your targets.",
                a.label().to_lowercase()
            ),
            E::RateTooHigh(r) => write!(
                f,
                "A rate of {r} (in cents, pence or other minor units) is more than Tend accepts \
                 ({MAX_RATE}). Check for extra zeros."
            ),
            E::UsualRateZero => {
                f.write_str("Your usual rate must be above zero, or left empty.")
            }
            E::WeeklyHoursTooHigh(m) => write!(
                f,
                "{} a week is more than a week holds (at most {}).",
                format_minutes(*m),
                format_minutes(MAX_WEEKLY_MINUTES)
            ),
            E::EndsBeforeStart { start, end } => write!(
                f,
                "The end, {}, comes before the start, {}.",
                date(end),
                date(start)
            ),
            E::NoOpenPeriod => f.write_str("A case needs the day it was opened."),
            E::ClosedBeforeOpened { opened, closed } => write!(
                f,
                "A case cannot close on {}, before it was opened on {}.",
                date(closed),
                date(opened)
            ),
            E::PeriodsOverlap => f.write_str(
                "The case's open periods overlap or are out of order: each must close before \
                 the next one opens, and only the last may still be open.",
            ),
            E::CaseAlreadyClosed(l) => write!(f, "Case {l} is already closed."),
            E::CaseAlreadyOpen(l) => write!(f, "Case {l} is already open."),
            E::ReopenedTooEarly { closed, on } => write!(
                f,
                "The case was closed on {}, so it can reopen from the day after, not on {}.",
                date(closed),
                date(on)
            ),
            E::MinutesOnWholeDay(k) => write!(
                f,
                "A {} covers whole days, so it has no duration.",
                k.label().to_lowercase()
            ),
            E::BreakNeedsMinutes(k) => {
                write!(f, "Enter how long the {} lasted.", k.label().to_lowercase())
            }
            E::BreakTooLong(m) => write!(
                f,
                "A break can last at most 24 hours; this one is {}. For longer, log days off.",
                format_minutes(*m)
            ),
            E::RangeNotAllowed(k) => write!(
                f,
                "A {} is logged on one day; only days off, vacations and sick days span dates.",
                k.label().to_lowercase()
            ),
            E::RangeTooLong(days) => write!(
                f,
                "{days} days is more than a year; split it into shorter records."
            ),
            E::WholeDayOverlap { date: d, kind } => write!(
                f,
                "{} is already logged as {}.",
                date(d),
                kind.label().to_lowercase()
            ),
            E::DuplicateId(id) => write!(f, "A record with id {id} already exists."),
            E::UnknownOrganisation(_) => f.write_str(
                "That organisation is no longer there; it may have been deleted.",
            ),
            E::UnknownCase(_) => {
                f.write_str("That case is no longer there; it may have been deleted.")
            }
            E::UnknownBreak(_) => {
                f.write_str("That record is no longer there; it may have been deleted already.")
            }
            E::CaseInOtherOrganisation { case } => write!(
                f,
                "Case {case} is held for another organisation. Choose that organisation, or no case."
            ),
            E::OrganisationInUse {
                name,
                entries,
                cases,
            } => write!(
                f,
                "{name} still has {entries} work entries and {cases} cases. Move or delete them \
                 first, or set an end date on the contract instead."
            ),
            E::CaseInUse { label, entries } => write!(
                f,
                "Case {label} still has {entries} work entries. Close the case instead, or \
                 delete those entries first."
            ),
            E::TargetOutOfRange {
                what,
                value,
                min,
                max,
            } => write!(f, "The {what} must be between {min} and {max}; it is {value}."),
            E::WeightOutOfRange => write!(
                f,
                "Each complexity level must be worth between 1 and {} points.",
                super::case::MAX_WEIGHT
            ),
            E::ScaleOutOfOrder => f.write_str(
                "A more complex level cannot be worth fewer points than a simpler one.",
            ),
            E::NoWorkingDays => f.write_str("Choose at least one working day."),
        }
    }
}
