//! Reading an .ics file into components and their properties.
//!
//! The `ical` crate unfolds the folded lines and parses each property's name and parameters
//! (quoting, comma lists). This module puts the guards a hostile or damaged file needs around
//! it: a size cap, a UTF-8 check, BEGIN and END checked against each other, a nesting limit, and
//! a bound on the work spent on any one line. Only the properties an import uses are kept.

use super::error::{ImportError, Warning, Warnings};
use ical::line::LineReader;
use ical::property::{PropertyError, PropertyParser};

/// Nesting deeper than this is refused (VCALENDAR > VTIMEZONE > STANDARD is 3).
const MAX_DEPTH: usize = 8;
/// The name and parameters of one property may take at most this many bytes. Longer ones are
/// skipped: parsing parameters costs time in proportion to their count times their length.
const MAX_HEAD_BYTES: usize = 2048;

/// The properties an import reads; every other line is skipped unparsed.
const USED: [&str; 16] = [
    "UID",
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "EXRULE",
    "RECURRENCE-ID",
    "STATUS",
    "ATTENDEE",
    "SUMMARY",
    "TZID",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "X-WR-CALNAME",
];

/// One property line: upper-case name, parameters (upper-case keys) and the raw value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prop {
    pub name: String,
    pub params: Vec<(String, Vec<String>)>,
    pub value: String,
    pub line: usize,
}

impl Prop {
    /// The first value of a parameter, if it is present.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, values)| values.first())
            .map(String::as_str)
    }
}

/// A component (VCALENDAR, VEVENT, VTIMEZONE, ...) with the properties and components inside it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Component {
    pub name: String,
    pub line: usize,
    pub props: Vec<Prop>,
    pub children: Vec<Component>,
}

impl Component {
    /// The first property with this name.
    pub fn prop(&self, name: &str) -> Option<&Prop> {
        self.props.iter().find(|p| p.name == name)
    }

    /// Every property with this name, in file order.
    pub fn props<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Prop> + 'a {
        self.props.iter().filter(move |p| p.name == name)
    }

    /// The inner components with this name.
    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Component> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// Reads every VCALENDAR in `data` (a file may hold several, one after another).
pub(crate) fn read(data: &[u8], warnings: &mut Warnings) -> Result<Vec<Component>, ImportError> {
    if data.len() > super::MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { bytes: data.len() });
    }
    let text = std::str::from_utf8(data).map_err(|e| ImportError::NotText {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let mut calendars = Vec::new();
    let mut stack: Vec<Component> = Vec::new();
    let mut outside_warned = false;
    for line in LineReader::new(text.as_bytes()) {
        let number = line.number();
        let raw = line.as_str();
        let (head, value) = split_value(raw);
        let name = head
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_uppercase();
        match (name.as_str(), value) {
            ("BEGIN", Some(value)) => {
                let kind = value.trim().to_ascii_uppercase();
                if stack.is_empty() && kind != "VCALENDAR" {
                    if calendars.is_empty() {
                        return Err(ImportError::NotACalendar);
                    }
                    warn_outside(&mut outside_warned, warnings, number);
                    continue;
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(ImportError::TooDeep { line: number });
                }
                stack.push(Component {
                    name: kind,
                    line: number,
                    ..Component::default()
                });
            }
            ("END", Some(value)) => {
                let kind = value.trim().to_ascii_uppercase();
                let Some(open) = stack.pop() else {
                    warn_outside(&mut outside_warned, warnings, number);
                    continue;
                };
                if open.name != kind {
                    return Err(ImportError::Mismatched {
                        line: number,
                        found: kind,
                        open: open.name,
                        open_line: open.line,
                    });
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(open),
                    None => calendars.push(open),
                }
            }
            _ => {
                let Some(top) = stack.last_mut() else {
                    if calendars.is_empty() {
                        return Err(ImportError::NotACalendar);
                    }
                    warn_outside(&mut outside_warned, warnings, number);
                    continue;
                };
                let Some(value) = value else {
                    warnings.push(Warning::UnreadableLine {
                        line: number,
                        reason: "it has no \u{201c}:\u{201d} before a value".into(),
                    });
                    continue;
                };
                if !USED.contains(&name.as_str()) {
                    continue;
                }
                match parse_head(head, number) {
                    Ok(params) => top.props.push(Prop {
                        name,
                        params,
                        value: value.to_string(),
                        line: number,
                    }),
                    Err(reason) => warnings.push(Warning::UnreadableLine {
                        line: number,
                        reason,
                    }),
                }
            }
        }
    }
    if let Some(open) = stack.pop() {
        return Err(ImportError::Truncated {
            component: open.name,
            line: open.line,
        });
    }
    if calendars.is_empty() {
        return Err(ImportError::NotACalendar);
    }
    Ok(calendars)
}

fn warn_outside(warned: &mut bool, warnings: &mut Warnings, line: usize) {
    if !*warned {
        *warned = true;
        warnings.push(Warning::TextOutsideCalendar { line });
    }
}

/// Splits an unfolded line at the first colon outside double quotes: name and parameters before
/// it, the value after it (`None` when there is no such colon).
fn split_value(line: &str) -> (&str, Option<&str>) {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return (&line[..i], Some(&line[i + 1..])),
            _ => {}
        }
    }
    (line, None)
}

/// Parses a property's name and parameters with `ical`, returning the parameters.
fn parse_head(head: &str, number: usize) -> Result<Vec<(String, Vec<String>)>, String> {
    if !head.contains(';') {
        return Ok(Vec::new());
    }
    if head.len() > MAX_HEAD_BYTES {
        return Err(format!(
            "its parameters are longer than {MAX_HEAD_BYTES} characters"
        ));
    }
    // `ical` sees only the name and parameters, with an empty value, so the work it does on a
    // line is bounded by MAX_HEAD_BYTES whatever the length of the value.
    let only_head = format!("{head}:");
    let mut parser = PropertyParser::from_reader(only_head.as_bytes());
    match parser.next() {
        Some(Ok(property)) => Ok(property.params.unwrap_or_default()),
        Some(Err(error)) => Err(describe(&error)),
        None => Err(format!("line {number} is empty")),
    }
}

fn describe(error: &PropertyError) -> String {
    match error {
        PropertyError::MissingName { .. } => "it has no property name".into(),
        PropertyError::MissingClosingQuote { .. } => "a quoted parameter is not closed".into(),
        PropertyError::MissingDelimiter { delimiter, .. } => {
            format!("a parameter lacks its \u{201c}{delimiter}\u{201d}")
        }
        PropertyError::MissingContentAfter { letter, .. } => {
            format!("nothing follows \u{201c}{letter}\u{201d} in a parameter")
        }
        PropertyError::MissingParamKey { .. } => "a parameter has no name".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> Result<Vec<Component>, ImportError> {
        read(text.as_bytes(), &mut Warnings::default())
    }

    #[test]
    fn unfolds_lines_and_reads_parameters() {
        let cals = read_text(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Intake with\r\n  new client\r\n\
             ATTENDEE;CN=\"Doe: J\";PARTSTAT=DECL\r\n INED:mailto:me@example.org\r\n\
             END:VEVENT\r\nEND:VCALENDAR\r\n",
        )
        .unwrap();
        let event = &cals[0].children[0];
        assert_eq!(
            event.prop("SUMMARY").unwrap().value,
            "Intake with new client"
        );
        let attendee = event.prop("ATTENDEE").unwrap();
        assert_eq!(attendee.param("PARTSTAT"), Some("DECLINED"));
        assert_eq!(attendee.param("CN"), Some("Doe: J"));
        assert_eq!(attendee.value, "mailto:me@example.org");
        assert_eq!(attendee.line, 5);
    }

    #[test]
    fn refuses_what_is_not_a_whole_calendar() {
        assert_eq!(read_text(""), Err(ImportError::Empty));
        assert_eq!(read_text("\u{feff} \r\n"), Err(ImportError::Empty));
        assert_eq!(read_text("hello"), Err(ImportError::NotACalendar));
        assert_eq!(
            read_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\n"),
            Err(ImportError::Truncated {
                component: "VEVENT".into(),
                line: 2
            })
        );
        assert!(matches!(
            read_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n"),
            Err(ImportError::Mismatched { line: 3, .. })
        ));
        let deep = format!("BEGIN:VCALENDAR\n{}", "BEGIN:X\n".repeat(20));
        assert_eq!(read_text(&deep), Err(ImportError::TooDeep { line: 9 }));
        assert_eq!(
            read(&[0x42, 0xff, 0xfe], &mut Warnings::default()),
            Err(ImportError::NotText { offset: 1 })
        );
    }

    #[test]
    fn skips_unreadable_lines_with_a_warning() {
        let mut warnings = Warnings::default();
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=\"oops:20200101T000000\n\
                    garbage\nEND:VEVENT\nEND:VCALENDAR\n";
        let cals = read(text.as_bytes(), &mut warnings).unwrap();
        assert!(cals[0].children[0].props.is_empty());
        let listed = warnings.finish();
        assert_eq!(listed.len(), 2, "{listed:?}");
        assert!(listed[0].to_string().contains("Line 3"), "{}", listed[0]);
    }
}
