//! What can go wrong in a calendar import, in words a clinician can act on.
//!
//! An [`ImportError`] stops the import: the file cannot be read as a calendar at all. A
//! [`Warning`] does not: the import goes on without the part it names (a line, a time zone, an
//! event), so the clinician sees everything that was left out and why.

use chrono::NaiveDate;
use std::fmt;

/// Why a file could not be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`super::MAX_INPUT_BYTES`].
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// The file holds nothing but blank space.
    Empty,
    /// The file is not UTF-8 text; `offset` is the first unreadable byte.
    NotText {
        /// The first byte that is not UTF-8.
        offset: usize,
    },
    /// The file does not begin with `BEGIN:VCALENDAR`.
    NotACalendar,
    /// The file ends while a component (`component`, opened on `line`) is still open.
    Truncated {
        /// The component still open.
        component: String,
        /// The line it was opened on.
        line: usize,
    },
    /// `END:{found}` on `line` does not close the open `{open}` begun on `open_line`.
    Mismatched {
        /// The line of the `END`.
        line: usize,
        /// The component the `END` names.
        found: String,
        /// The component that is open.
        open: String,
        /// The line the open component began on.
        open_line: usize,
    },
    /// Components are nested deeper than any calendar needs, at `line`.
    TooDeep {
        /// The line that went too deep.
        line: usize,
    },
    /// The chosen range ends before it starts.
    BadRange {
        /// The first day chosen.
        from: NaiveDate,
        /// The last day chosen.
        to: NaiveDate,
    },
    /// The UTC offset given for the clinician's clock is not a real one.
    BadOffset {
        /// The offset given, in minutes east of UTC.
        minutes: i32,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "The file is {:.1} MB; Tend reads calendar files of up to {} MB. Export a shorter \
                 period of the calendar and try again.",
                *bytes as f64 / (1024.0 * 1024.0),
                super::MAX_INPUT_BYTES / (1024 * 1024)
            ),
            ImportError::NotText { offset } => write!(
                f,
                "This is not a calendar file: it is not text (unreadable data at byte {offset}). \
                 Choose the .ics file your calendar exported."
            ),
            ImportError::Empty => f.write_str(
                "This file is empty, so there is nothing to import. Choose the .ics file your \
                 calendar exported.",
            ),
            ImportError::NotACalendar => f.write_str(
                "This is not a calendar (.ics) file: it does not begin with BEGIN:VCALENDAR. \
                 Choose the .ics file your calendar exported.",
            ),
            ImportError::Truncated { component, line } => write!(
                f,
                "The file ends before the {component} begun on line {line} is closed, so it \
                 looks cut short. Export the calendar again and import the new file."
            ),
            ImportError::Mismatched {
                line,
                found,
                open,
                open_line,
            } => write!(
                f,
                "The file is damaged: line {line} ends a {found}, but the {open} begun on line \
                 {open_line} is still open."
            ),
            ImportError::TooDeep { line } => write!(
                f,
                "The file is damaged: on line {line} components are nested deeper than any \
                 calendar needs."
            ),
            ImportError::BadRange { from, to } => write!(
                f,
                "The range starts on {from} but ends earlier, on {to}. Choose an end date on or \
                 after the start date."
            ),
            ImportError::BadOffset { minutes } => write!(
                f,
                "{minutes} minutes is not a UTC offset a clock can have (at most 18 hours either \
                 way)."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// The event a warning is about, as the clinician would recognise it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRef {
    /// Its title (SUMMARY), empty when it has none.
    pub summary: String,
    /// The line of the file where its VEVENT begins.
    pub line: usize,
}

impl fmt::Display for EventRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.summary.is_empty() {
            write!(f, "An event without title (line {})", self.line)
        } else {
            write!(f, "\u{201c}{}\u{201d} (line {})", self.summary, self.line)
        }
    }
}

/// Why a whole event was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// It has no DTSTART.
    NoStart,
    /// Its DTSTART (the text given) is not a date or date-time.
    BadStart(String),
    /// Its DTEND (the text given) cannot be read, or mixes a date with a date-time.
    BadEnd(String),
    /// Its DTEND is before its DTSTART.
    EndBeforeStart,
    /// Its DURATION (the text given) cannot be read or is negative.
    BadDuration(String),
    /// Its repeat rule uses a part Tend does not follow (named).
    UnsupportedRule(String),
    /// Its repeat rule cannot be read (the problem named).
    BadRule(String),
    /// It lasts longer than Tend splits into days (the length in days).
    TooLong(i64),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NoStart => f.write_str("it has no start (DTSTART)"),
            SkipReason::BadStart(v) => write!(f, "its start \u{201c}{v}\u{201d} is not a date"),
            SkipReason::BadEnd(v) => write!(f, "its end \u{201c}{v}\u{201d} cannot be read"),
            SkipReason::EndBeforeStart => f.write_str("it ends before it starts"),
            SkipReason::BadDuration(v) => {
                write!(f, "its duration \u{201c}{v}\u{201d} cannot be read")
            }
            SkipReason::UnsupportedRule(part) => write!(
                f,
                "it repeats by a rule Tend does not follow ({part}); add its hours by hand"
            ),
            SkipReason::BadRule(problem) => write!(f, "its repeat rule is broken ({problem})"),
            SkipReason::TooLong(days) => write!(
                f,
                "it lasts {days} days, longer than the {} days Tend splits into daily entries",
                super::MAX_EVENT_DAYS
            ),
        }
    }
}

/// Something left out of an import, which went on without it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A line that is not a readable property was skipped.
    UnreadableLine {
        /// The line skipped.
        line: usize,
        /// Why it could not be read.
        reason: String,
    },
    /// Text after the end of a calendar and outside any other was ignored.
    TextOutsideCalendar {
        /// The first line ignored.
        line: usize,
    },
    /// A VTIMEZONE without a TZID was ignored.
    ZoneWithoutName {
        /// The line the zone began on.
        line: usize,
    },
    /// A VTIMEZONE with no usable STANDARD or DAYLIGHT part was ignored.
    UnusableZone {
        /// The zone's TZID.
        tzid: String,
        /// The line the zone began on.
        line: usize,
    },
    /// Times given in a zone the file does not describe were read as the clinician's own clock.
    UnknownZone {
        /// The TZID the file does not describe.
        tzid: String,
    },
    /// An event was left out entirely.
    EventSkipped {
        /// The event.
        event: EventRef,
        /// Why it was left out.
        reason: SkipReason,
    },
    /// One part of an event (a date in a list, an exception) was ignored.
    PartIgnored {
        /// The event.
        event: EventRef,
        /// The part ignored, as written in the file.
        part: String,
    },
    /// An event has no end and no duration, so its occurrences last no time and were skipped.
    NoLength {
        /// The event.
        event: EventRef,
    },
    /// An event longer than a day was split into one entry per day.
    Split {
        /// The event.
        event: EventRef,
        /// How many days it was split over.
        days: i64,
    },
    /// A second event with the same UID (and no RECURRENCE-ID) was ignored.
    DuplicateEvent {
        /// The second event.
        event: EventRef,
    },
    /// An event without UID got a key made from its start and title.
    NoUid {
        /// The event.
        event: EventRef,
    },
    /// More occurrences than [`super::MAX_OCCURRENCES`] fell in the range; the rest were left out.
    OccurrenceCap,
    /// Following repeat rules took more steps than allowed; later events were left out.
    WorkCap,
    /// The file holds no events at all.
    NoEvents,
    /// This many further warnings were not listed.
    More(usize),
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnreadableLine { line, reason } => {
                write!(
                    f,
                    "Line {line} could not be read ({reason}) and was skipped."
                )
            }
            Warning::TextOutsideCalendar { line } => write!(
                f,
                "Text from line {line} lies outside the calendar and was ignored."
            ),
            Warning::ZoneWithoutName { line } => write!(
                f,
                "The time zone described on line {line} has no name (TZID) and was ignored."
            ),
            Warning::UnusableZone { tzid, line } => write!(
                f,
                "The time zone \u{201c}{tzid}\u{201d} on line {line} gives no usable offsets \
                 and was ignored."
            ),
            Warning::UnknownZone { tzid } => write!(
                f,
                "The file does not describe the time zone \u{201c}{tzid}\u{201d}, so its times \
                 were read as times on your own clock. Check those entries' days."
            ),
            Warning::EventSkipped { event, reason } => {
                write!(f, "{event} was not imported: {reason}.")
            }
            Warning::PartIgnored { event, part } => {
                write!(f, "In {event}, {part} could not be used and was ignored.")
            }
            Warning::NoLength { event } => write!(
                f,
                "{event} has no end time or duration, so it takes no time; it was not imported."
            ),
            Warning::Split { event, days } => write!(
                f,
                "{event} runs over {days} days; it was split into one entry per day. Check them."
            ),
            Warning::DuplicateEvent { event } => write!(
                f,
                "{event} repeats the UID of an earlier event and was ignored."
            ),
            Warning::NoUid { event } => write!(
                f,
                "{event} has no UID, so its key comes from its start and title: if either \
                 changes in the calendar, importing again adds it again."
            ),
            Warning::OccurrenceCap => write!(
                f,
                "More than {} occurrences fall in the range; only the first {} were imported. \
                 Choose a shorter range.",
                super::MAX_OCCURRENCES,
                super::MAX_OCCURRENCES
            ),
            Warning::WorkCap => f.write_str(
                "Following the calendar's repeat rules took too long, so the later events were \
                 not imported. Choose a shorter range.",
            ),
            Warning::NoEvents => f.write_str("The file holds no events."),
            Warning::More(n) => write!(f, "{n} more warnings were not listed."),
        }
    }
}

/// Warnings collected during one import, at most [`Warnings::LIMIT`] of them listed.
#[derive(Debug, Default)]
pub(crate) struct Warnings {
    list: Vec<Warning>,
    dropped: usize,
}

impl Warnings {
    /// How many warnings are listed before the rest are only counted.
    pub const LIMIT: usize = 100;

    pub fn push(&mut self, warning: Warning) {
        if self.list.contains(&warning) {
            return;
        }
        if self.list.len() < Self::LIMIT {
            self.list.push(warning);
        } else {
            self.dropped += 1;
        }
    }

    pub fn finish(mut self) -> Vec<Warning> {
        if self.dropped > 0 {
            self.list.push(Warning::More(self.dropped));
        }
        self.list
    }
}
