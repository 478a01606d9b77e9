//! What a self-check instrument is, as data: items, answer scale, subscales, reverse-scored items
//! and bands. Tend scores every instrument through the same code, so the weekly pulse, ProQOL 5
//! and an instrument a clinician imports are all just values of [`Instrument`].

use serde::{Deserialize, Serialize};

/// A self-check instrument's definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// A short stable id, such as `tend-pulse`; results name their instrument by it.
    pub id: String,
    /// The name shown to the clinician.
    pub name: String,
    /// The version of the instrument or of this definition.
    #[serde(default)]
    pub version: String,
    /// Who made it and how to credit it.
    #[serde(default)]
    pub source: String,
    /// Where the instrument (or its official form) is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// A note shown with the form, such as "not a validated instrument".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// How many items (questions) it has; items are numbered from 1.
    pub items: u32,
    /// The answer scale every item uses.
    pub scale: Scale,
    /// The scores it gives.
    pub subscales: Vec<Subscale>,
    /// Items scored in reverse: an answer `a` counts as `min + max - a`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reverse: Vec<u32>,
    /// The wording of each item, in order, when Tend may show it. Empty when the clinician answers
    /// from a separate official form by item number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prompts: Vec<String>,
    /// Days between check-ins; 0 means it is never due, only taken when wanted.
    #[serde(default)]
    pub cadence_days: u32,
}

/// The answers an item takes: whole numbers from `min` to `max`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The lowest answer.
    pub min: u8,
    /// The highest answer.
    pub max: u8,
    /// A label for each answer from `min` to `max`, or none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
}

impl Scale {
    /// The label of an answer, if the scale has labels.
    pub fn label(&self, answer: u8) -> Option<&str> {
        let i = usize::from(answer.checked_sub(self.min)?);
        self.labels.get(i).map(String::as_str)
    }

    /// Every answer the scale allows, lowest first.
    pub fn answers(&self) -> impl Iterator<Item = u8> {
        self.min..=self.max
    }
}

/// How a subscale turns its items' answers into a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scoring {
    /// The sum of the answers.
    Sum,
    /// The mean of the answers.
    Mean,
    /// Where the sum falls between its lowest and highest possible value, from 0 to 100.
    Percent,
}

/// Whether a higher score is the better or the more worrying end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher means more strain (burnout, stress).
    #[default]
    Worse,
    /// Higher means more of something good (satisfaction, support).
    Better,
}

impl Direction {
    fn is_worse(&self) -> bool {
        *self == Direction::Worse
    }
}

/// One score an instrument gives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscale {
    /// A short id, unique within the instrument, such as `bo`.
    pub id: String,
    /// The name shown, such as "Burnout".
    pub name: String,
    /// The item numbers it adds up.
    pub items: Vec<u32>,
    /// How those answers become the score.
    pub scoring: Scoring,
    /// Which end is the worrying one.
    #[serde(default, skip_serializing_if = "Direction::is_worse")]
    pub higher_is: Direction,
    /// Named ranges of the score, lowest first.
    pub bands: Vec<Band>,
}

/// A named range of scores: from `from` (inclusive) up to where the next band starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The plain name, such as "moderate".
    pub name: String,
    /// The lowest score in the band.
    pub from: Score,
}

/// A score, kept exactly in thousandths so that scores and band edges compare without rounding
/// surprises. Written and read as an ordinary JSON number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "f64", into = "f64")]
pub struct Score(pub i64);

impl Score {
    /// The score of a whole number.
    pub fn whole(n: i64) -> Score {
        Score(n.saturating_mul(1000))
    }

    /// The score as a float.
    pub fn value(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// The score for people: rounded half away from zero to at most `decimals` decimals (3 at
    /// most), trailing zeros dropped.
    pub fn display(self, decimals: usize) -> String {
        let decimals = decimals.min(3);
        let step = 10i64.pow(3 - decimals as u32);
        let magnitude = self
            .0
            .unsigned_abs()
            .saturating_add(step.unsigned_abs() / 2)
            / step.unsigned_abs();
        let sign = if self.0 < 0 && magnitude > 0 { "-" } else { "" };
        let unit = 10u64.pow(decimals as u32);
        let (whole, part) = (magnitude / unit, magnitude % unit);
        if decimals == 0 || part == 0 {
            return format!("{sign}{whole}");
        }
        let part = format!("{part:0decimals$}");
        format!("{sign}{whole}.{}", part.trim_end_matches('0'))
    }
}

impl From<f64> for Score {
    fn from(v: f64) -> Score {
        // Out-of-range and non-finite values saturate; validation then reports them as outside
        // the possible scores.
        Score((v * 1000.0).round() as i64)
    }
}

impl From<Score> for f64 {
    fn from(s: Score) -> f64 {
        s.value()
    }
}

impl Instrument {
    /// The subscale with this id.
    pub fn subscale(&self, id: &str) -> Option<&Subscale> {
        self.subscales.iter().find(|s| s.id == id)
    }

    /// True if the item is reverse-scored.
    pub fn is_reversed(&self, item: u32) -> bool {
        self.reverse.contains(&item)
    }

    /// The lowest and highest score a subscale can take on this instrument's scale.
    pub fn score_range(&self, subscale: &Subscale) -> (Score, Score) {
        let n = subscale.items.len() as i64;
        let (min, max) = (i64::from(self.scale.min), i64::from(self.scale.max));
        match subscale.scoring {
            Scoring::Sum => (Score::whole(min * n), Score::whole(max * n)),
            Scoring::Mean => (Score::whole(min), Score::whole(max)),
            Scoring::Percent => (Score::whole(0), Score::whole(100)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_read_and_print_as_plain_numbers() {
        let s: Score = serde_json::from_str("2.35").unwrap();
        assert_eq!(s, Score(2350));
        assert_eq!(serde_json::to_string(&Score::whole(22)).unwrap(), "22.0");
        assert_eq!(Score(41_500).display(1), "41.5");
        assert_eq!(Score(62_500).display(0), "63");
        assert_eq!(Score(30_000).display(2), "30");
        assert_eq!(Score(2_345).display(2), "2.35");
        assert_eq!(Score(2_305).display(2), "2.31");
        assert_eq!(Score(-1_500).display(0), "-2");
        assert_eq!(Score(-400).display(0), "0");
        assert_eq!(Score(i64::MIN).display(0), "-9223372036854776");
        let scale = Scale {
            min: 1,
            max: 3,
            labels: vec!["a".into(), "b".into(), "c".into()],
        };
        assert_eq!(scale.label(2), Some("b"));
        assert_eq!(scale.label(0), None);
        assert_eq!(scale.answers().collect::<Vec<_>>(), vec![1, 2, 3]);
    }
}
