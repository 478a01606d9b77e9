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
    let clean: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != ' ')
        .collect();
    let refuse = || {
        format!(
            "\u{201c}{}\u{201d} is not an amount. Try 85 or 85.50.",
            text.trim()
        )
    };
    if clean.is_empty() {
        return Err("Enter an amount, for example 85 or 85.50.".into());
    }
    let (major, minor) = clean.split_once('.').unwrap_or((&clean, ""));
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
}
