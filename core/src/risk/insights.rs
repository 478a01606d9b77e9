//! Insights: which logged factors moved together with the pulse strain for this clinician.
//!
//! For each factor read from the work log, the weeks that have both a value and a pulse strain
//! score are paired and their Pearson correlation is stated in plain words, with the number of
//! weeks behind it. Nothing is said with fewer than [`MIN_WEEKS`] such weeks, since a handful of
//! weeks moves together by chance easily; and moving together is not the same as causing.

use super::factors::Factor;
use super::history::RiskWeek;
use super::inputs::WeekInputs;

/// The fewest weeks with both a pulse and a value before anything is said.
pub const MIN_WEEKS: usize = 8;

/// One statement about a factor and the pulse strain.
#[derive(Clone, Debug, PartialEq)]
pub struct Insight {
    /// The factor.
    pub factor: Factor,
    /// Weeks with both a value and a pulse strain score.
    pub weeks: usize,
    /// Pearson's r between the factor's value and the strain score.
    pub r: f64,
    /// The statement in plain words.
    pub sentence: String,
}

/// What the insights list shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Insights {
    /// Too few weeks with a pulse yet.
    NotEnough {
        /// Weeks that have a pulse strain score so far.
        weeks_with_pulse: usize,
    },
    /// Statements, strongest link first.
    Found(Vec<Insight>),
}

/// The value a factor's insight is about, and how to say "more of it".
fn measure(factor: Factor, i: &WeekInputs) -> Option<(f64, &'static str)> {
    Some(match factor {
        Factor::Hours => (f64::from(i.worked_minutes), "more hours worked"),
        Factor::Overtime => (f64::from(i.overtime_minutes()), "more overtime"),
        Factor::Caseload => (f64::from(i.caseload_points), "a heavier weighted caseload"),
        Factor::Trauma => (f64::from(i.trauma_percent), "more trauma-focused sessions"),
        Factor::Breaks => (f64::from(i.pauses_tenths?), "more breaks per working day"),
        Factor::DayOff => (
            f64::from(i.days_since_day_off),
            "a longer stretch since a day off",
        ),
        Factor::Vacation => (
            f64::from(i.days_since_vacation),
            "a longer time since a vacation",
        ),
        Factor::Support => (
            f64::from(i.support_minutes),
            "more supervision and peer support",
        ),
        _ => return None,
    })
}

/// The insights from a history.
pub fn insights(history: &[RiskWeek]) -> Insights {
    let with_pulse: Vec<(&WeekInputs, f64)> = history
        .iter()
        .filter(|w| w.score.is_some())
        .filter_map(|w| {
            Some((
                &w.inputs,
                w.inputs.signals.pulse_strain.filter(|s| s.is_finite())?,
            ))
        })
        .collect();
    if with_pulse.len() < MIN_WEEKS {
        return Insights::NotEnough {
            weeks_with_pulse: with_pulse.len(),
        };
    }
    let mut found: Vec<Insight> = Factor::ALL
        .into_iter()
        .filter(|f| f.logged())
        .filter_map(|factor| {
            let pairs: Vec<(f64, f64)> = with_pulse
                .iter()
                .filter_map(|(i, strain)| Some((measure(factor, i)?.0, *strain)))
                .collect();
            let what = measure(factor, with_pulse.first()?.0).map_or("", |m| m.1);
            let weeks = pairs.len();
            let r = pearson(&pairs).filter(|_| weeks >= MIN_WEEKS)?;
            Some(Insight {
                factor,
                weeks,
                r,
                sentence: sentence(weeks, what, r),
            })
        })
        .collect();
    crate::sorting::sort_stable_by(&mut found, |a, b| b.r.abs().total_cmp(&a.r.abs()));
    Insights::Found(found)
}

fn sentence(weeks: usize, what: &str, r: f64) -> String {
    let strength = match r.abs() {
        a if a < 0.1 => None,
        a if a < 0.3 => Some("a weak link"),
        a if a < 0.5 => Some("a moderate link"),
        _ => Some("a strong link"),
    };
    match strength {
        None => format!(
            "In the {weeks} weeks with a pulse, weeks with {what} did not go with a clearly higher or lower strain score (r = {r:.2})."
        ),
        Some(strength) => format!(
            "In the {weeks} weeks with a pulse, weeks with {what} had a {} strain score ({strength}, r = {r:.2}).",
            if r > 0.0 { "higher" } else { "lower" }
        ),
    }
}

/// Pearson's correlation, or `None` when either side does not vary.
pub fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    let n = pairs.len() as f64;
    if pairs.len() < 2 {
        return None;
    }
    let (mx, my) = pairs
        .iter()
        .fold((0.0, 0.0), |(x, y), (a, b)| (x + a / n, y + b / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    let r = sxy / (sxx * syy).sqrt();
    (sxx > 1e-9 && syy > 1e-9 && r.is_finite()).then(|| r.clamp(-1.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::score::score;
    use crate::risk::signals::CheckSignals;
    use chrono::{Days, NaiveDate};

    fn history(weeks: u32, pulse_every: u32) -> Vec<RiskWeek> {
        let first = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        (0..weeks)
            .map(|i| {
                let inputs = WeekInputs {
                    worked_minutes: 2000,
                    trauma_percent: 10 + 5 * i,
                    pauses_tenths: Some(40 - 2 * i),
                    days_since_day_off: [1, 5, 2, 6, 3, 1, 4, 2, 6, 5, 3, 1][i as usize % 12],
                    signals: CheckSignals {
                        pulse_strain: (i % pulse_every == 0).then_some(f64::from(30 + 4 * i)),
                        ..CheckSignals::default()
                    },
                    ..WeekInputs::default()
                };
                RiskWeek {
                    monday: first + Days::new(7 * u64::from(i)),
                    inputs,
                    score: Some(score(&inputs)),
                }
            })
            .collect()
    }

    #[test]
    fn nothing_is_said_before_eight_weeks_with_a_pulse() {
        assert_eq!(
            insights(&history(7, 1)),
            Insights::NotEnough {
                weeks_with_pulse: 7
            }
        );
        // Fifteen weeks with a pulse every other week: eight pairs, just enough.
        let Insights::Found(found) = insights(&history(15, 2)) else {
            panic!("eight weeks with a pulse are enough");
        };
        assert!(!found.is_empty() && found.iter().all(|i| i.weeks == 8));
    }

    #[test]
    fn factors_that_move_with_the_strain_are_named_with_their_weeks() {
        let Insights::Found(found) = insights(&history(12, 1)) else {
            panic!("twelve weeks with a pulse are enough");
        };
        let trauma = found.iter().find(|i| i.factor == Factor::Trauma).unwrap();
        assert_eq!(trauma.weeks, 12);
        assert!((trauma.r - 1.0).abs() < 1e-9);
        assert_eq!(
            trauma.sentence,
            "In the 12 weeks with a pulse, weeks with more trauma-focused sessions had a higher strain score (a strong link, r = 1.00)."
        );
        let breaks = found.iter().find(|i| i.factor == Factor::Breaks).unwrap();
        assert!(breaks
            .sentence
            .contains("more breaks per working day had a lower strain score"));
        // Hours did not vary, so nothing is said about them.
        assert!(found.iter().all(|i| i.factor != Factor::Hours));
        assert!(found.windows(2).all(|w| w[0].r.abs() >= w[1].r.abs()));
        assert_eq!(pearson(&[(1.0, 2.0)]), None);
    }
}
