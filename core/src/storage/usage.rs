//! How much of the browser's storage Tend uses, against a 5 MB budget.
//!
//! Browsers cap localStorage at roughly 5 MB per site and store text as UTF-16, two bytes per
//! unit. Tend counts its own keys and values that way and warns well before the cap, while there
//! is still room to export and tidy up.

use super::layout::{Index, INDEX_KEY};

/// The budget Tend measures itself against.
pub const BUDGET_BYTES: u64 = 5 * 1024 * 1024;

/// How close to the budget the store is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsageLevel {
    /// Under 70% of the budget.
    Comfortable,
    /// 70% to 90%: time to export a backup.
    Warning,
    /// Over 90%: saving may fail soon.
    Critical,
}

/// Bytes used by Tend's keys and values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// UTF-16 bytes of every `tend.` key and its value.
    pub bytes: u64,
}

impl Usage {
    /// Sums the keys and values given (callers pass only Tend's own).
    pub fn of<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Usage {
        let units = |s: &str| s.encode_utf16().count() as u64;
        Usage {
            bytes: pairs
                .into_iter()
                .map(|(k, v)| 2 * (units(k) + units(v)))
                .sum(),
        }
    }

    /// Bytes of the index and of every chunk it keeps alive (current and in snapshots), from the
    /// lengths recorded in it: the cost of a save's bookkeeping stays independent of history size.
    /// Chunk text is almost all ASCII, so characters stand in for UTF-16 units.
    pub fn of_index(index: &Index, index_text_chars: usize) -> Usage {
        let mut chunks: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        let all = index
            .chunks
            .values()
            .chain(index.snapshots.iter().flat_map(|s| s.changed.values()))
            .chain(index.registry.iter())
            .chain(index.catalog.iter())
            .chain(index.recent.iter())
            .chain(index.snapshots.iter().filter_map(|s| s.registry.as_ref()))
            .chain(index.snapshots.iter().filter_map(|s| s.recent.as_ref()));
        for c in all {
            chunks.insert(c.key.as_str(), c.chars);
        }
        let units: usize = INDEX_KEY.len()
            + index_text_chars
            + chunks
                .iter()
                .map(|(k, chars)| k.len() + chars)
                .sum::<usize>();
        Usage {
            bytes: 2 * units as u64,
        }
    }

    /// The sum of two measurements.
    pub fn plus(self, other: Usage) -> Usage {
        Usage {
            bytes: self.bytes + other.bytes,
        }
    }

    /// Share of the budget used, 0 to 1 (or more when over).
    pub fn fraction(self) -> f64 {
        self.bytes as f64 / BUDGET_BYTES as f64
    }

    /// How worried to be.
    pub fn level(self) -> UsageLevel {
        match self.fraction() {
            f if f >= 0.9 => UsageLevel::Critical,
            f if f >= 0.7 => UsageLevel::Warning,
            _ => UsageLevel::Comfortable,
        }
    }

    /// A sentence such as `Tend uses 1.2 MB of its 5 MB storage budget (24%).`
    pub fn describe(self) -> String {
        let used = if self.bytes < 100 * 1024 {
            format!("{} KB", (self.bytes as f64 / 1024.0).ceil())
        } else {
            format!("{:.1} MB", self.bytes as f64 / (1024.0 * 1024.0))
        };
        let percent = (self.fraction() * 100.0).round();
        let advice = match self.level() {
            UsageLevel::Comfortable => "",
            UsageLevel::Warning => {
                " Download a backup soon; the browser stops saving at the limit."
            }
            UsageLevel::Critical => {
                " Download a backup now: the browser will soon refuse to save new entries."
            }
        };
        format!("Tend uses {used} of its 5 MB storage budget ({percent}%).{advice}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_utf16_bytes_of_keys_and_values() {
        assert_eq!(Usage::of([("ab", "cd")]).bytes, 8);
        assert_eq!(Usage::of([("k", "é€😀")]).bytes, 2 * (1 + 4));
    }

    #[test]
    fn warns_before_the_limit() {
        let at = |share: f64| Usage {
            bytes: (BUDGET_BYTES as f64 * share) as u64,
        };
        assert_eq!(at(0.5).level(), UsageLevel::Comfortable);
        assert_eq!(at(0.75).level(), UsageLevel::Warning);
        assert_eq!(at(0.95).level(), UsageLevel::Critical);
        assert!(at(0.24)
            .describe()
            .starts_with("Tend uses 1.2 MB of its 5 MB storage budget (24%)."));
        assert!(at(0.95).describe().contains("Download a backup now"));
        assert_eq!(
            Usage { bytes: 3000 }.describe(),
            "Tend uses 3 KB of its 5 MB storage budget (0%)."
        );
    }
}
