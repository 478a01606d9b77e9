//! Amounts of money as the clinician types and reads them: `85`, `85.5`, `1,234.50`.
//!
//! Tend stores money in minor units (cents, pence) as integers, so sums never drift, and shows it
//! without a currency symbol: the clinician knows their currency and Tend need not.

/// Formats minor units as `1,234.50`.
pub fn format_minor(amount: u64) -> String {
    let (major, minor) = (amount / 100, amount % 100);
    let digits = major.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped}.{minor:02}")
}

/// Reads a typed amount (`85`, `85.5`, `85.50`, `1,234.50`) into minor units.
pub fn parse_minor(text: &str) -> Result<u64, String> {
    parse_minor_with(text, '.')
}

/// Reads a typed amount where `decimal` (`.` or `,`) is the locale's decimal sign: `1.234,50` and
/// `85,5` with a comma; the other sign and spaces group thousands. An amount typed the other way,
/// `85.50` where the comma is usual, still reads as meant: a last separator followed by one or
/// two digits can only be a decimal sign.
pub fn parse_minor_with(text: &str, decimal: char) -> Result<u64, String> {
    let example = if decimal == ',' { "85,50" } else { "85.50" };
    let is_group =
        |c: char| c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\'' | '\u{2019}');
    let clean: String = text.trim().chars().filter(|c| !is_group(*c)).collect();
    let refuse = || {
        format!(
            "\u{201c}{}\u{201d} is not an amount. Try 85 or {example}.",
            text.trim()
        )
    };
    if clean.is_empty() {
        return Err(format!("Enter an amount, for example 85 or {example}."));
    }
    let other = if decimal == ',' { '.' } else { ',' };
    let decimal = match clean.rfind(other) {
        Some(at) if !clean.contains(decimal) && (2..=3).contains(&(clean.len() - at)) => other,
        _ => decimal,
    };
    let group = if decimal == ',' { '.' } else { ',' };
    let (major, minor) = clean.split_once(decimal).unwrap_or((&clean, ""));
    // Thousands come in threes: `1.234,5` but never `12.3,4`.
    if major.split(group).skip(1).any(|part| part.len() != 3) {
        return Err(refuse());
    }
    let major: String = major.chars().filter(|c| *c != group).collect();
    let major = major.as_str();
    if major.is_empty() && minor.is_empty() || minor.len() > 2 || major.len() > 12 {
        return Err(refuse());
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(major) || !digits(minor) {
        return Err(refuse());
    }
    let major: u64 = if major.is_empty() {
        0
    } else {
        major.parse().map_err(|_| refuse())?
    };
    let minor: u64 = match minor.len() {
        0 => 0,
        1 => minor.parse::<u64>().map_err(|_| refuse())? * 10,
        _ => minor.parse().map_err(|_| refuse())?,
    };
    Ok(major * 100 + minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_groups_and_two_decimals() {
        assert_eq!(format_minor(0), "0.00");
        assert_eq!(format_minor(8550), "85.50");
        assert_eq!(format_minor(123_450), "1,234.50");
        assert_eq!(format_minor(100_000_001), "1,000,000.01");
    }

    #[test]
    fn reads_what_people_type_and_refuses_the_rest() {
        assert_eq!(parse_minor("85"), Ok(8500));
        assert_eq!(parse_minor(" 85.5 "), Ok(8550));
        assert_eq!(parse_minor("1,234.50"), Ok(123_450));
        assert_eq!(parse_minor(".75"), Ok(75));
        for bad in ["", "abc", "1.234", "-5", "12.3.4", "9999999999999"] {
            assert!(parse_minor(bad).is_err(), "{bad}");
        }
        assert!(parse_minor("£85").unwrap_err().contains("not an amount"));
    }

    #[test]
    fn reads_amounts_where_the_comma_is_the_decimal_sign() {
        assert_eq!(parse_minor_with("85,5", ','), Ok(8550));
        assert_eq!(parse_minor_with("1.234,50", ','), Ok(123_450));
        assert_eq!(parse_minor_with("1\u{a0}234,50", ','), Ok(123_450));
        assert_eq!(parse_minor_with("1.234", ','), Ok(123_400));
        // Typed the English way, it still means what it says.
        assert_eq!(parse_minor_with("85.50", ','), Ok(8550));
        assert_eq!(parse_minor_with("85.5", ','), Ok(8550));
        for bad in ["85,505", "1,2,3", "abc", "12,3.4"] {
            let problem = parse_minor_with(bad, ',').unwrap_err();
            assert!(problem.contains("Try 85 or 85,50"), "{bad}: {problem}");
        }
        // Swiss grouping with an apostrophe, and the English reading is unchanged.
        assert_eq!(parse_minor_with("1'234.50", '.'), Ok(123_450));
        assert_eq!(parse_minor_with("85,50", '.'), Ok(8550));
        assert_eq!(parse_minor_with("1,234", '.'), Ok(123_400));
    }
}
