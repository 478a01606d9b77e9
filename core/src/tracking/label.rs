//! Case labels: pseudonyms only.
//!
//! Tend is a private log, but a phone can be lost or shared and a backup file can end up
//! anywhere, so nothing in it should identify a client. A case is known by initials or a code the
//! clinician can map back in their own clinical records. This module judges a typed label and,
//! when it refuses one, says what looked identifying and what to type instead.
//!
//! The checks are deliberately simple heuristics, applied when a label is entered (never to
//! labels already stored, so a stricter rule in a later version cannot make saved data
//! unreadable):
//! - two or more capitalised words (`Jane Doe`, `Mr Smith`) look like a full name;
//! - an `@` looks like an email address or a handle;
//! - `://`, a leading `www.`, or a word with a dot between letters (`example.org`) looks like a
//!   web address;
//! - a `+` before digits, or nine or more digits in all, looks like a phone number.

use std::fmt;

/// The longest label accepted, in characters. Codes and initials are short; a long label is
/// more likely to carry details.
pub const MAX_LABEL_CHARS: usize = 24;

/// Digits in a label at which it is taken for a phone number.
const PHONE_DIGITS: usize = 9;

/// Why a case label was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelProblem {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`MAX_LABEL_CHARS`].
    TooLong(usize),
    /// A line break or other invisible control character.
    ControlCharacter,
    /// Looks like a person's full name.
    FullName(String),
    /// Looks like an email address.
    Email(String),
    /// Looks like a phone number.
    Phone(String),
    /// Looks like a web address.
    WebAddress(String),
}

const WHY: &str = "Tend keeps cases under a pseudonym only, so that nothing on this device or in \
                   a backup could identify a client. Use initials or a code, such as JD or C-17.";

impl fmt::Display for LabelProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabelProblem::Empty => write!(f, "Give the case a label. {WHY}"),
            LabelProblem::TooLong(n) => write!(
                f,
                "A case label can be at most {MAX_LABEL_CHARS} characters; this one has {n}. {WHY}"
            ),
            LabelProblem::ControlCharacter => {
                write!(f, "A case label must be on one line. {WHY}")
            }
            LabelProblem::FullName(t) => write!(
                f,
                "\u{201c}{t}\u{201d} looks like a full name (two or more capitalised words). {WHY}"
            ),
            LabelProblem::Email(t) => {
                write!(f, "\u{201c}{t}\u{201d} looks like an email address. {WHY}")
            }
            LabelProblem::Phone(t) => {
                write!(f, "\u{201c}{t}\u{201d} looks like a phone number. {WHY}")
            }
            LabelProblem::WebAddress(t) => {
                write!(f, "\u{201c}{t}\u{201d} looks like a web address. {WHY}")
            }
        }
    }
}

/// Checks a typed case label, returning it trimmed if it is an acceptable pseudonym.
pub fn check_label(text: &str) -> Result<String, LabelProblem> {
    let label = text.trim();
    if label.is_empty() {
        return Err(LabelProblem::Empty);
    }
    let chars = label.chars().count();
    if chars > MAX_LABEL_CHARS {
        return Err(LabelProblem::TooLong(chars));
    }
    if label.chars().any(char::is_control) {
        return Err(LabelProblem::ControlCharacter);
    }
    let owned = || label.to_string();
    if label.contains('@') {
        return Err(LabelProblem::Email(owned()));
    }
    if looks_like_web_address(label) {
        return Err(LabelProblem::WebAddress(owned()));
    }
    if looks_like_phone(label) {
        return Err(LabelProblem::Phone(owned()));
    }
    if capitalised_words(label) >= 2 {
        return Err(LabelProblem::FullName(owned()));
    }
    Ok(label.to_string())
}

fn looks_like_web_address(label: &str) -> bool {
    let lower = label.to_lowercase();
    if lower.contains("://") || lower.starts_with("www.") {
        return true;
    }
    // A dot with at least two letters or digits right before it and two letters right after,
    // as in a domain name; initials such as "J.D." have single letters between their dots.
    let chars: Vec<char> = label.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        *c == '.'
            && i >= 2
            && chars[i - 2].is_alphanumeric()
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
            && chars.get(i + 2).is_some_and(|c| c.is_alphabetic())
    })
}

fn looks_like_phone(label: &str) -> bool {
    let digits = label.chars().filter(char::is_ascii_digit).count();
    let plus_then_digit = label
        .split('+')
        .skip(1)
        .any(|after| after.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    digits >= PHONE_DIGITS || plus_then_digit
}

/// Words that start with a capital and continue with at least one small letter, made only of
/// letters, apostrophes and hyphens: `Jane`, `O'Neil`, `Smith-Jones`, but not `JD` or `C-17`.
fn capitalised_words(label: &str) -> usize {
    label
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|word| {
            let mut chars = word.chars();
            let starts_capital = chars.next().is_some_and(char::is_uppercase);
            let rest: Vec<char> = chars.collect();
            starts_capital
                && rest.iter().any(|c| c.is_lowercase())
                && rest
                    .iter()
                    .all(|c| c.is_alphabetic() || *c == '\'' || *c == '\u{2019}' || *c == '-')
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_initials_and_codes() {
        for ok in [
            "JD",
            "J.D.",
            "  c-17 ",
            "C-2024-017",
            "AB (group)",
            "Jane",
            "K.",
            "client 12",
            "Ms K",
        ] {
            assert!(check_label(ok).is_ok(), "{ok}: {:?}", check_label(ok));
        }
        assert_eq!(check_label("  c-17 ").unwrap(), "c-17");
    }

    #[test]
    fn refuses_what_could_identify_someone_and_says_why() {
        type Expect = fn(&LabelProblem) -> bool;
        let cases: [(&str, Expect); 11] = [
            ("Jane Doe", |p| matches!(p, LabelProblem::FullName(_))),
            ("Mr Smith", |p| matches!(p, LabelProblem::FullName(_))),
            ("Anne-Marie O'Neil", |p| {
                matches!(p, LabelProblem::FullName(_))
            }),
            ("jd@example.org", |p| matches!(p, LabelProblem::Email(_))),
            ("@jdoe", |p| matches!(p, LabelProblem::Email(_))),
            ("example.org", |p| matches!(p, LabelProblem::WebAddress(_))),
            ("https://x.y", |p| matches!(p, LabelProblem::WebAddress(_))),
            ("www.x", |p| matches!(p, LabelProblem::WebAddress(_))),
            ("07700 900123", |p| matches!(p, LabelProblem::Phone(_))),
            ("+44 20", |p| matches!(p, LabelProblem::Phone(_))),
            ("", |p| matches!(p, LabelProblem::Empty)),
        ];
        for (text, expected) in cases {
            let problem = check_label(text).unwrap_err();
            assert!(expected(&problem), "{text}: {problem:?}");
            let message = problem.to_string();
            assert!(message.contains("pseudonym"), "{message}");
            assert!(message.contains("initials or a code"), "{message}");
        }
        assert_eq!(
            check_label("ABCDEFGHIJKLMNOPQRSTUVWXY"),
            Err(LabelProblem::TooLong(25))
        );
        assert_eq!(check_label("A\nB"), Err(LabelProblem::ControlCharacter));
    }
}
