//! Reading the values of date, date-time, duration, offset and text properties.
//!
//! These are the small formats of RFC 5545 section 3.3 that the import needs. Each reader returns
//! `None` for text it does not recognise, so the caller can name the property in its warning.

use super::ics::Prop;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A date or date-time as written, before any time zone is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stamp {
    /// A whole day (`VALUE=DATE`).
    Date(NaiveDate),
    /// A date-time in UTC (ending in `Z`).
    Utc(NaiveDateTime),
    /// A date-time on a local clock: the TZID's, or floating when there is none.
    Local(NaiveDateTime),
}

impl Stamp {
    /// The wall-clock date-time (midnight for a date).
    pub fn naive(self) -> NaiveDateTime {
        match self {
            Stamp::Date(d) => d.and_time(NaiveTime::MIN),
            Stamp::Utc(t) | Stamp::Local(t) => t,
        }
    }
}

/// A length of time as DURATION gives it: nominal days (which follow the local clock across a
/// daylight-saving change) and exact seconds. Both carry the sign.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Nominal {
    pub days: i64,
    pub seconds: i64,
}

/// One value of an RDATE list: an instant, or a period with its own end or length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateValue {
    At(Stamp),
    Until(Stamp, Stamp),
    For(Stamp, Nominal),
}

/// Reads a DATE (`20120630`) or DATE-TIME (`20120630T060000`, with `Z` for UTC).
pub fn parse_stamp(text: &str) -> Option<Stamp> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let date = NaiveDate::from_ymd_opt(
        digits(bytes.get(0..4)?)? as i32,
        digits(bytes.get(4..6)?)?,
        digits(bytes.get(6..8)?)?,
    )?;
    if bytes.len() == 8 {
        return Some(Stamp::Date(date));
    }
    if !matches!(bytes.get(8), Some(b'T' | b't')) {
        return None;
    }
    let second = digits(bytes.get(13..15)?)?.min(59); // a leap second reads as :59
    let time = NaiveTime::from_hms_opt(
        digits(bytes.get(9..11)?)?,
        digits(bytes.get(11..13)?)?,
        second,
    )?;
    match &bytes[15..] {
        b"" => Some(Stamp::Local(date.and_time(time))),
        b"Z" | b"z" => Some(Stamp::Utc(date.and_time(time))),
        _ => None,
    }
}

/// The single date or date-time of a property such as DTSTART, honouring `VALUE=DATE`.
pub fn stamp_of(prop: &Prop) -> Option<Stamp> {
    let stamp = parse_stamp(&prop.value)?;
    match (value_type(prop).as_deref(), stamp) {
        (Some("DATE"), Stamp::Date(_)) | (Some("DATE-TIME") | None, _) => Some(stamp),
        _ => None,
    }
}

/// Every value of a list property (RDATE, EXDATE), with the values that could not be read.
pub fn values_of(prop: &Prop) -> (Vec<DateValue>, Vec<String>) {
    let period = value_type(prop).as_deref() == Some("PERIOD");
    let mut read = Vec::new();
    let mut unreadable = Vec::new();
    for item in prop
        .value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let value = match item.split_once('/') {
            Some((start, end)) if period => {
                let start = parse_stamp(start).filter(|s| !matches!(s, Stamp::Date(_)));
                match (start, parse_stamp(end), parse_duration(end)) {
                    (Some(s), Some(e), _) => Some(DateValue::Until(s, e)),
                    (Some(s), None, Some(d)) => Some(DateValue::For(s, d)),
                    _ => None,
                }
            }
            _ => parse_stamp(item).map(DateValue::At),
        };
        match value {
            Some(v) => read.push(v),
            None => unreadable.push(item.chars().take(40).collect()),
        }
    }
    (read, unreadable)
}

fn value_type(prop: &Prop) -> Option<String> {
    prop.param("VALUE").map(|v| v.trim().to_ascii_uppercase())
}

/// Reads a DURATION such as `PT1H30M`, `P1D`, `P2W` or `-PT15M`.
pub fn parse_duration(text: &str) -> Option<Nominal> {
    let text = text.trim();
    let (sign, rest) = match text.as_bytes().first()? {
        b'-' => (-1, &text[1..]),
        b'+' => (1, &text[1..]),
        _ => (1, text),
    };
    let mut rest = rest.strip_prefix(['P', 'p'])?;
    let mut out = Nominal::default();
    let mut in_time = false;
    let mut last_unit = 0u8; // units must come in the order W, D, H, M, S
    let mut any = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix(['T', 't']) {
            if in_time || after.is_empty() {
                return None;
            }
            in_time = true;
            rest = after;
            continue;
        }
        let end = rest.find(|c: char| !c.is_ascii_digit())?;
        if end == 0 || end > 9 {
            return None;
        }
        let n: i64 = rest[..end].parse().ok()?;
        let unit = rest.as_bytes()[end].to_ascii_uppercase();
        let rank = match (unit, in_time) {
            (b'W', false) => 1,
            (b'D', false) => 2,
            (b'H', true) => 3,
            (b'M', true) => 4,
            (b'S', true) => 5,
            _ => return None,
        };
        if rank <= last_unit || (last_unit == 1) {
            return None;
        }
        last_unit = rank;
        any = true;
        match unit {
            b'W' => out.days += n * 7,
            b'D' => out.days += n,
            b'H' => out.seconds += n * 3600,
            b'M' => out.seconds += n * 60,
            _ => out.seconds += n,
        }
        rest = &rest[end + 1..];
    }
    any.then_some(Nominal {
        days: sign * out.days,
        seconds: sign * out.seconds,
    })
}

/// Reads a UTC offset such as `-0800`, `+0530` or `-074100`, in seconds east of UTC.
pub fn parse_offset(text: &str) -> Option<i32> {
    let text = text.trim().as_bytes();
    let sign = match text.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours = digits(text.get(1..3)?)?;
    let minutes = digits(text.get(3..5)?)?;
    let seconds = match text.len() {
        5 => 0,
        7 => digits(&text[5..7])?,
        _ => return None,
    };
    if hours > 23 || minutes > 59 || seconds > 59 {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60 + seconds) as i32)
}

/// Turns an escaped TEXT value into plain text on one line, at most 200 characters.
pub fn plain_text(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        let c = match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => ' ',
                Some(other) => other,
                None => break,
            },
            c if c.is_control() => ' ',
            c => c,
        };
        out.push(c);
        if out.len() >= 200 {
            break;
        }
    }
    out.trim().to_string()
}

fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(bytes.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    #[test]
    fn reads_dates_and_times() {
        let d = NaiveDate::from_ymd_opt(2012, 6, 30).unwrap();
        assert_eq!(parse_stamp("20120630"), Some(Stamp::Date(d)));
        assert_eq!(
            parse_stamp("20120630T060000"),
            Some(Stamp::Local(at(2012, 6, 30, 6, 0)))
        );
        assert_eq!(
            parse_stamp("20120630T060000Z"),
            Some(Stamp::Utc(at(2012, 6, 30, 6, 0)))
        );
        for bad in [
            "",
            "2012063",
            "20121330",
            "20120630T2500",
            "20120630T250000",
            "2012-06-30",
        ] {
            assert_eq!(parse_stamp(bad), None, "{bad}");
        }
        assert_eq!(parse_stamp("20120630T060000X"), None);
        assert_eq!(parse_stamp("20120630x060000"), None);
        assert_eq!(parse_stamp("２０１２0630"), None);
    }

    #[test]
    fn reads_durations() {
        let n = |days, seconds| Some(Nominal { days, seconds });
        assert_eq!(parse_duration("P1D"), n(1, 0));
        assert_eq!(parse_duration("PT1H30M"), n(0, 5400));
        assert_eq!(parse_duration("P2W"), n(14, 0));
        assert_eq!(parse_duration("-P0DT0H30M0S"), n(0, -1800));
        assert_eq!(parse_duration("P1DT12H"), n(1, 43200));
        for bad in [
            "",
            "P",
            "PT",
            "1H",
            "PT1D",
            "P1H",
            "PT30M1H",
            "P1W2D",
            "P9999999999D",
            "P1DT",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_offsets_and_text() {
        assert_eq!(parse_offset("-0800"), Some(-8 * 3600));
        assert_eq!(parse_offset("-0000"), Some(0));
        assert_eq!(parse_offset("-0741"), Some(-(7 * 3600 + 41 * 60)));
        assert_eq!(parse_offset("+053015"), Some(5 * 3600 + 30 * 60 + 15));
        for bad in ["0800", "+08", "+2500", "+0860", "+08000"] {
            assert_eq!(parse_offset(bad), None, "{bad}");
        }
        assert_eq!(
            plain_text("Intake\\, new\\nclient\\;"),
            "Intake, new client;"
        );
    }
}
