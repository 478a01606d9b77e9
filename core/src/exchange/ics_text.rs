//! Writing iCalendar text for the files Tend exports (#23): content lines ending in CRLF and
//! folded at 75 octets (RFC 5545 §3.1), TEXT values escaped (§3.3.11), and the date, time and
//! UTC-offset forms (§3.3.4, §3.3.5, §3.3.14). Small on purpose: the app carries it in its wasm,
//! where a general iCalendar crate would bring a clock, random ids and a time-zone database.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use std::fmt::Write;

/// The longest content line, in octets, not counting its CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Collects content lines into a calendar file.
#[derive(Default)]
pub struct IcsWriter {
    out: String,
}

impl IcsWriter {
    /// A line whose value is written as it is (dates, rules, numbers): `name` may carry
    /// parameters (`DTSTART;TZID=Europe/Berlin`).
    pub fn line(&mut self, name: &str, value: &str) {
        let mut line = String::with_capacity(name.len() + value.len() + 1);
        line.push_str(name);
        line.push(':');
        line.push_str(value);
        fold_into(&line, &mut self.out);
    }

    /// A line whose value is TEXT, escaped as §3.3.11 asks.
    pub fn text(&mut self, name: &str, value: &str) {
        self.line(name, &escape_text(value));
    }

    /// `BEGIN:<component>`.
    pub fn begin(&mut self, component: &str) {
        self.line("BEGIN", component);
    }

    /// `END:<component>`.
    pub fn end(&mut self, component: &str) {
        self.line("END", component);
    }

    /// The file's text.
    pub fn finish(self) -> String {
        self.out
    }
}

/// A TEXT value: backslash, semicolon and comma escaped, line breaks written as `\n`, and other
/// control characters (which TEXT cannot hold) left out (RFC 5545 §3.3.11).
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a line with its CRLF, folded so no physical line exceeds [`MAX_LINE_OCTETS`]: each
/// continuation starts with one space, which counts toward its 75, and a character's UTF-8
/// octets are never split.
fn fold_into(line: &str, out: &mut String) {
    let mut room = MAX_LINE_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > room {
            out.push_str("\r\n ");
            room = MAX_LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// A DATE value, `20261124` (§3.3.4). Written digit by digit: chrono's `format` parses its
/// pattern at run time, which costs more code than this.
pub fn date_value(date: NaiveDate) -> String {
    let mut out = String::with_capacity(16);
    let _ = write!(
        out,
        "{:04}{:02}{:02}",
        date.year(),
        date.month(),
        date.day()
    );
    out
}

/// A local DATE-TIME value without zone, `20261124T103000` (§3.3.5, forms 1 and 3).
pub fn local_value(at: NaiveDateTime) -> String {
    let mut out = date_value(at.date());
    let _ = write!(out, "T{:02}{:02}{:02}", at.hour(), at.minute(), at.second());
    out
}

/// A UTC DATE-TIME value, `20261124T093000Z` (§3.3.5, form 2).
pub fn utc_value(at: NaiveDateTime) -> String {
    let mut out = local_value(at);
    out.push('Z');
    out
}

/// A UTC-OFFSET value from seconds east of UTC: `+0100`, `-0330`, `+054508` with seconds, and
/// `+0000` for UTC, since §3.3.14 forbids `-0000`.
pub fn offset_value(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let mut out = format!("{sign}{:02}{:02}", s / 3600, s / 60 % 60);
    if !s.is_multiple_of(60) {
        let _ = write!(out, "{:02}", s % 60);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        text.strip_suffix("\r\n").unwrap().split("\r\n").collect()
    }

    // #23: RFC 5545 §3.1 folding; readers join by dropping CRLF and one space.
    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut w = IcsWriter::default();
        let value = "ü".repeat(60);
        w.text("DESCRIPTION", &value);
        let text = w.finish();
        let physical = lines(&text);
        assert!(physical.len() > 1);
        assert!(physical.iter().all(|l| l.len() <= MAX_LINE_OCTETS));
        assert!(physical[1..].iter().all(|l| l.starts_with(' ')));
        assert_eq!(physical[0].len(), 74, "an ü does not fit in the 75th octet");
        let joined = text.replace("\r\n ", "");
        assert_eq!(joined, format!("DESCRIPTION:{value}\r\n"));
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let mut w = IcsWriter::default();
        w.line("X", &"a".repeat(73));
        assert_eq!(lines(&w.finish()).len(), 1);
    }

    // #23: RFC 5545 §3.3.11 TEXT escaping.
    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg\u{7}h\ti"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ngh\ti"
        );
    }

    #[test]
    fn values_take_the_rfc_forms() {
        let at = NaiveDate::from_ymd_opt(2026, 3, 29)
            .unwrap()
            .and_hms_opt(2, 0, 5)
            .unwrap();
        assert_eq!(local_value(at), "20260329T020005");
        assert_eq!(utc_value(at), "20260329T020005Z");
        assert_eq!(date_value(at.date()), "20260329");
        assert_eq!(offset_value(3600), "+0100");
        assert_eq!(offset_value(-12_600), "-0330");
        assert_eq!(offset_value(0), "+0000");
        assert_eq!(offset_value(20_708), "+054508");
    }
}
