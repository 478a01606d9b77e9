//! Scoring any instrument: answers, then reverse-scored items, then subscale scores, then bands.
//!
//! The same few lines score the pulse, ProQOL 5 and every imported instrument, so a scoring rule
//! is tested once. Answers that do not fit the instrument are refused with a sentence naming the
//! item, never scored.

use super::instrument::{Direction, Instrument, Score, Scoring, Subscale};
use std::fmt;

/// Why a set of answers cannot be scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// The number of answers differs from the number of items.
    Count {
        /// How many items the instrument has.
        expected: u32,
        /// How many answers were given.
        found: usize,
    },
    /// An answer is outside the scale.
    OutOfRange {
        /// The item, counted from 1.
        item: u32,
        /// The answer given.
        answer: u8,
        /// The scale's lowest answer.
        min: u8,
        /// The scale's highest answer.
        max: u8,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::Count { expected, found } => write!(
                f,
                "Every item needs an answer: this check has {expected} items and {found} answers were given."
            ),
            AnswerError::OutOfRange {
                item,
                answer,
                min,
                max,
            } => write!(
                f,
                "Item {item} was answered {answer}; answers go from {min} to {max}."
            ),
        }
    }
}

/// One subscale's score and band.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscaleScore {
    /// The subscale's id.
    pub id: String,
    /// The subscale's name.
    pub name: String,
    /// The score.
    pub score: Score,
    /// How the score was computed (so it can be shown the right way).
    pub scoring: Scoring,
    /// The band's name.
    pub band: String,
    /// The band's place, 0 for the lowest.
    pub band_index: usize,
    /// True when the score is in the subscale's highest band.
    pub highest_band: bool,
    /// Which end of the score is the worrying one.
    pub higher_is: Direction,
}

impl SubscaleScore {
    /// The score as people read it: sums and percentages as whole numbers, means with two
    /// decimals.
    pub fn shown(&self) -> String {
        match self.scoring {
            Scoring::Mean => self.score.display(2),
            Scoring::Sum | Scoring::Percent => self.score.display(0),
        }
    }

    /// True when the score sits in the worrying end's highest band (high strain), as opposed to
    /// the highest band of something good (high satisfaction).
    pub fn is_concern(&self) -> bool {
        match self.higher_is {
            Direction::Worse => self.highest_band,
            Direction::Better => self.band_index == 0,
        }
    }
}

fn rounded_div(num: i64, den: i64) -> i64 {
    if den <= 0 {
        return 0;
    }
    (num.saturating_mul(2) + den) / den.saturating_mul(2)
}

impl Instrument {
    /// Checks that there is one answer per item, each on the scale.
    pub fn check_answers(&self, answers: &[u8]) -> Result<(), AnswerError> {
        if answers.len() != self.items as usize {
            return Err(AnswerError::Count {
                expected: self.items,
                found: answers.len(),
            });
        }
        for (i, &answer) in answers.iter().enumerate() {
            if answer < self.scale.min || answer > self.scale.max {
                return Err(AnswerError::OutOfRange {
                    item: i as u32 + 1,
                    answer,
                    min: self.scale.min,
                    max: self.scale.max,
                });
            }
        }
        Ok(())
    }

    /// The answer to an item as it counts: reversed items count `min + max - answer`.
    fn counted(&self, item: u32, answers: &[u8]) -> i64 {
        let answer = answers
            .get(item.saturating_sub(1) as usize)
            .copied()
            .map_or(0, i64::from);
        if self.is_reversed(item) {
            i64::from(self.scale.min) + i64::from(self.scale.max) - answer
        } else {
            answer
        }
    }

    /// The score of one subscale, assuming the answers passed [`Instrument::check_answers`].
    fn subscale_score(&self, sub: &Subscale, answers: &[u8]) -> Score {
        let n = sub.items.len() as i64;
        let sum: i64 = sub.items.iter().map(|&i| self.counted(i, answers)).sum();
        match sub.scoring {
            Scoring::Sum => Score::whole(sum),
            Scoring::Mean => Score(rounded_div(sum * 1000, n)),
            Scoring::Percent => {
                let span = i64::from(self.scale.max - self.scale.min) * n;
                let above = sum - i64::from(self.scale.min) * n;
                Score(rounded_div(above * 100_000, span))
            }
        }
    }

    /// The band a score falls in: the last band starting at or below it (the first if none).
    pub fn band_of(sub: &Subscale, score: Score) -> usize {
        sub.bands.iter().rposition(|b| b.from <= score).unwrap_or(0)
    }

    /// Scores every subscale, in the definition's order.
    pub fn score(&self, answers: &[u8]) -> Result<Vec<SubscaleScore>, AnswerError> {
        self.check_answers(answers)?;
        Ok(self
            .subscales
            .iter()
            .map(|sub| {
                let score = self.subscale_score(sub, answers);
                let band_index = Self::band_of(sub, score);
                SubscaleScore {
                    id: sub.id.clone(),
                    name: sub.name.clone(),
                    score,
                    scoring: sub.scoring,
                    band: sub
                        .bands
                        .get(band_index)
                        .map(|b| b.name.clone())
                        .unwrap_or_default(),
                    band_index,
                    highest_band: band_index + 1 >= sub.bands.len(),
                    higher_is: sub.higher_is,
                }
            })
            .collect())
    }
}
