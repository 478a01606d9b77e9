//! Reading a duration typed in a hurry.
//!
//! The quick-entry form takes whatever a tired clinician types: `50`, `50m`, `1:30`, `1h30`,
//! `1.5h` or `2 h`. This module turns that text into minutes, or says plainly what is wrong.

use std::fmt;

/// Minutes in a day: the longest duration Tend reads (and the longest a work entry may be).
pub const MINUTES_IN_DAY: u32 = 24 * 60;

/// Why a typed duration was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DurationError {
    /// Nothing was typed.
    Empty,
    /// The text is not a duration Tend understands.
    Unreadable(String),
    /// The duration is zero.
    Zero,
    /// The duration is longer than a day.
    TooLong(u32),
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DurationError::Empty => f.write_str("Enter how long it took, for example 50 or 1:30."),
            DurationError::Unreadable(text) => write!(
                f,
                "\u{201c}{text}\u{201d} is not a duration Tend can read. Try 50, 50m, 1:30 or 1.5h."
            ),
            DurationError::Zero => f.write_str("The duration must be more than zero minutes."),
            DurationError::TooLong(m) => write!(
                f,
                "{} is longer than a day. One entry can be at most 24 hours.",
                format_minutes(*m)
            ),
        }
    }
}

/// Parses a typed duration into whole minutes (1 to 1440).
pub fn parse_duration(text: &str) -> Result<u32, DurationError> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if compact.is_empty() {
        return Err(DurationError::Empty);
    }
    let unreadable = || DurationError::Unreadable(text.trim().to_string());
    let minutes = if let Some((h, m)) = compact.split_once(':') {
        hours_and_minutes(h, m).ok_or_else(unreadable)?
    } else if let Some((h, rest)) = compact.split_once('h') {
        let m = rest
            .strip_suffix("min")
            .or(rest.strip_suffix('m'))
            .unwrap_or(rest);
        if m.is_empty() {
            fractional_hours(h).ok_or_else(unreadable)?
        } else {
            hours_and_minutes(h, m).ok_or_else(unreadable)?
        }
    } else {
        let m = compact
            .strip_suffix("min")
            .or(compact.strip_suffix('m'))
            .unwrap_or(&compact);
        whole(m).ok_or_else(unreadable)?
    };
    match minutes {
        0 => Err(DurationError::Zero),
        m if m > u64::from(MINUTES_IN_DAY) => {
            Err(DurationError::TooLong(u32::try_from(m).unwrap_or(u32::MAX)))
        }
        m => Ok(m as u32),
    }
}

/// Formats minutes the way Tend shows them: `50 min`, `1 h`, `1 h 30 min`.
pub fn format_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

fn whole(digits: &str) -> Option<u64> {
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn hours_and_minutes(h: &str, m: &str) -> Option<u64> {
    let hours = if h.is_empty() { 0 } else { whole(h)? };
    let minutes = whole(m)?;
    if minutes >= 60 {
        return None;
    }
    Some(hours * 60 + minutes)
}

fn fractional_hours(text: &str) -> Option<u64> {
    let text = text.replace(',', ".");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    if frac.len() > 2 || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    let int = if int.is_empty() { 0 } else { whole(int)? };
    let frac_minutes = if frac.is_empty() {
        0
    } else {
        let hundredths = whole(frac)? * if frac.len() == 1 { 10 } else { 1 };
        (hundredths * 60 + 50) / 100
    };
    Some(int * 60 + frac_minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_people_type() {
        for (text, want) in [
            ("50", 50),
            (" 50 ", 50),
            ("50m", 50),
            ("50 min", 50),
            ("1:30", 90),
            ("0:45", 45),
            (":45", 45),
            ("1h30", 90),
            ("1h30m", 90),
            ("1 h 5 min", 65),
            ("2h", 120),
            ("1.5h", 90),
            ("1,25h", 75),
            (".5h", 30),
            ("24h", 1440),
        ] {
            assert_eq!(parse_duration(text), Ok(want), "input {text:?}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert_eq!(parse_duration("   "), Err(DurationError::Empty));
        assert_eq!(parse_duration("0"), Err(DurationError::Zero));
        assert_eq!(parse_duration("25h"), Err(DurationError::TooLong(1500)));
        for text in [
            "abc", "1:75", "-5", "1.2.3h", "h", "1:", "9999999", "1.555h", "½",
        ] {
            assert!(
                matches!(parse_duration(text), Err(DurationError::Unreadable(_))),
                "input {text:?} gave {:?}",
                parse_duration(text)
            );
        }
    }

    #[test]
    fn messages_name_the_problem() {
        let message = parse_duration("soon").unwrap_err().to_string();
        assert!(message.contains("soon"), "{message}");
        assert!(parse_duration("30h")
            .unwrap_err()
            .to_string()
            .contains("30 h"));
    }

    #[test]
    fn formats_minutes() {
        assert_eq!(format_minutes(45), "45 min");
        assert_eq!(format_minutes(120), "2 h");
        assert_eq!(format_minutes(95), "1 h 35 min");
    }
}
