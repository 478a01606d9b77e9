//! One week's index: the factors' points added up, clamped to 0-100, banded, and shared out as
//! whole points so that the parts always add up exactly to the index shown.
//!
//! Sharing out: each factor's exact points are found first (protective ones negative). If the
//! protective factors outweigh the risk factors, they are scaled down together so that they
//! cancel the risk exactly (the index cannot go below 0); the index is the rounded total. The
//! whole points are then handed out by the largest-remainder rule: every factor gets the floor
//! of its exact points, and the points still missing go one each to the largest remainders.

use super::explain::reason;
use super::factors::Factor;
use super::inputs::WeekInputs;

/// The bands of the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Band {
    /// 0-14.
    Low,
    /// 15-34.
    Moderate,
    /// 35-54.
    Elevated,
    /// 55-100.
    High,
}

impl Band {
    /// Every band, lowest first.
    pub const ALL: [Band; 4] = [Band::Low, Band::Moderate, Band::Elevated, Band::High];

    /// The band an index falls in.
    pub fn of(index: u32) -> Band {
        match index {
            0..=14 => Band::Low,
            15..=34 => Band::Moderate,
            35..=54 => Band::Elevated,
            _ => Band::High,
        }
    }

    /// The lowest and highest index of the band.
    pub fn range(self) -> (u32, u32) {
        match self {
            Band::Low => (0, 14),
            Band::Moderate => (15, 34),
            Band::Elevated => (35, 54),
            Band::High => (55, 100),
        }
    }

    /// The plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Moderate => "moderate",
            Band::Elevated => "elevated",
            Band::High => "high",
        }
    }
}

/// One factor's share of a week's index.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// The factor.
    pub factor: Factor,
    /// Whole points: positive adds to the index, negative takes away.
    pub points: i32,
    /// The exact points before sharing out (after any scaling of protective factors).
    pub exact: f64,
    /// What in the week gave the points, in plain words ("9 weeks without a day off").
    pub reason: String,
}

/// A week's index with its parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// The index, 0-100.
    pub index: u32,
    /// Its band.
    pub band: Band,
    /// Every factor with any points, largest (by size) first; their points add up to `index`.
    pub parts: Vec<Part>,
    /// What the index could not take into account this week.
    pub notes: Vec<String>,
}

impl Score {
    /// A sentence for one of the parts. When nothing was taken off, a risk factor's points are
    /// a share of the index: "38 of your 61 points: 9 weeks without a day off." When protective
    /// factors took points off, the risk points add up to more than the index, so they read
    /// "7 points added: ...", and the protective ones "4 points taken off: ...".
    pub fn sentence(&self, part: &Part) -> String {
        let offset = self.parts.iter().any(|p| p.points < 0);
        match part.points {
            p if p > 0 && !offset => format!("{p} of your {} points: {}.", self.index, part.reason),
            1 => format!("1 point added: {}.", part.reason),
            p if p > 0 => format!("{p} points added: {}.", part.reason),
            -1 => format!("1 point taken off: {}.", part.reason),
            p if p < 0 => format!("{} points taken off: {}.", -p, part.reason),
            _ => format!("Less than a point: {}.", part.reason),
        }
    }
}

/// Scores one week's inputs.
pub fn score(inputs: &WeekInputs) -> Score {
    let exact: Vec<(Factor, f64)> = Factor::ALL
        .into_iter()
        .map(|f| (f, f.exact_points(inputs)))
        .filter(|(_, p)| *p != 0.0)
        .collect();
    let risk: f64 = exact.iter().map(|(_, p)| p.max(0.0)).sum();
    let relief: f64 = -exact.iter().map(|(_, p)| p.min(0.0)).sum::<f64>();
    let total = (risk - relief).clamp(0.0, 100.0);
    let index = total.round() as u32;
    let scale = |p: f64| {
        if p < 0.0 && relief > risk {
            p * risk / relief
        } else if p > 0.0 && risk - relief > 100.0 {
            p * (100.0 + relief) / risk
        } else {
            p
        }
    };
    let mut parts: Vec<Part> = exact
        .into_iter()
        .map(|(factor, p)| {
            let p = scale(p);
            Part {
                factor,
                points: p.floor() as i32,
                exact: p,
                reason: reason(factor, inputs),
            }
        })
        .collect();
    share_out(&mut parts, index as i32);
    crate::sorting::sort_stable_by(&mut parts, |a, b| b.points.abs().cmp(&a.points.abs()));
    Score {
        index,
        band: Band::of(index),
        parts,
        notes: notes(inputs),
    }
}

/// Adds or removes single points, largest remainder first, until the parts add up to `index`.
fn share_out(parts: &mut [Part], index: i32) {
    let remainder = |p: &Part| p.exact - f64::from(p.points);
    let mut order: Vec<usize> = (0..parts.len()).collect();
    crate::sorting::sort_stable_by(&mut order, |a, b| {
        remainder(&parts[*b]).total_cmp(&remainder(&parts[*a]))
    });
    let mut missing = index - parts.iter().map(|p| p.points).sum::<i32>();
    // In exact arithmetic at most one point per part is missing and none is extra; the loops
    // also absorb any floating-point noise so the sum holds whatever happens.
    for i in order.iter().cycle().take(parts.len() * 4) {
        if missing == 0 {
            break;
        }
        let step = missing.signum();
        parts[*i].points += step;
        missing -= step;
    }
}

fn notes(inputs: &WeekInputs) -> Vec<String> {
    let mut notes = Vec::new();
    if inputs.target_minutes.is_none() {
        notes.push(
            "No sustainable weekly target is set, so hours and overtime were not scored.".into(),
        );
    }
    if inputs.capacity_points.is_none() {
        notes.push("No caseload capacity is set, so the caseload was not scored.".into());
    }
    if !inputs.signals.any() {
        notes.push("No self-check for this week: the index rests on your logged work alone, which cannot say how you feel, and cannot reach the high band.".into());
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::signals::{CheckSignals, ProqolScores};

    fn busy() -> WeekInputs {
        WeekInputs {
            worked_minutes: 45 * 60,
            recent_minutes: 44 * 60,
            target_minutes: Some(37 * 60 + 30),
            caseload_points: 110,
            capacity_points: Some(100),
            trauma_percent: 50,
            pauses_tenths: Some(10),
            pauses_target: 3,
            days_since_day_off: 20,
            days_since_vacation: 120,
            vacation_logged: true,
            support_minutes: 30,
            signals: CheckSignals::default(),
        }
    }

    #[test]
    fn whole_points_are_shared_by_largest_remainder() {
        let s = score(&busy());
        // Exact points, worked by hand from the weights and ramps:
        // hours 5 × (1.1733 − 1) / 0.4 = 2.1667; overtime 6 × 450 / 600 = 4.5;
        // caseload 12 × 0.3 / 0.4 = 9; trauma 7 × 50 / 75 = 4.6667; breaks 4 × 2 / 3 = 2.6667;
        // day off 7 × 13 / 35 = 2.6; vacation 9 × 106 / 166 = 5.7470; support −6 × 30 / 90 = −2.
        // Total 29.35, so the index is 29.
        assert_eq!(s.index, 29);
        assert_eq!(s.band, Band::Moderate);
        let points = |f: Factor| s.parts.iter().find(|p| p.factor == f).map(|p| p.points);
        // The floors add up to 2+4+9+4+2+2+5−2 = 26; the three points missing go to the largest
        // remainders: vacation (.747), trauma (.667) and breaks (.667).
        assert_eq!(points(Factor::Caseload), Some(9));
        assert_eq!(points(Factor::Vacation), Some(6));
        assert_eq!(points(Factor::Trauma), Some(5));
        assert_eq!(points(Factor::Breaks), Some(3));
        assert_eq!(points(Factor::Overtime), Some(4));
        assert_eq!(points(Factor::Support), Some(-2));
        assert_eq!(s.parts.iter().map(|p| p.points).sum::<i32>(), 29);
        assert_eq!(s.parts[0].factor, Factor::Caseload, "largest first");
        assert_eq!(
            s.sentence(&s.parts[0]),
            "9 points added: a weighted caseload of 110 points against your capacity of 100."
        );
        let support = s
            .parts
            .iter()
            .find(|p| p.factor == Factor::Support)
            .unwrap();
        assert_eq!(
            s.sentence(support),
            "2 points taken off: about 30 min of supervision, peer support or personal therapy a week lately."
        );
        // With nothing taken off, each part is a share of the index.
        let plain = score(&WeekInputs {
            support_minutes: 0,
            ..busy()
        });
        assert_eq!(plain.index, 31);
        assert_eq!(
            plain.sentence(&plain.parts[0]),
            "9 of your 31 points: a weighted caseload of 110 points against your capacity of 100."
        );
    }

    #[test]
    fn protection_larger_than_risk_cancels_it_exactly() {
        let calm = WeekInputs {
            trauma_percent: 15,
            support_minutes: 120,
            target_minutes: Some(2250),
            capacity_points: Some(100),
            signals: CheckSignals {
                proqol: Some(ProqolScores {
                    cs: 48,
                    bo: 15,
                    sts: 15,
                }),
                ..CheckSignals::default()
            },
            ..WeekInputs::default()
        };
        let s = score(&calm);
        assert_eq!(s.index, 0);
        // Risk 1.4 (trauma), protection 12 scaled down to 1.4: the parts still add up to 0.
        assert_eq!(s.parts.iter().map(|p| p.points).sum::<i32>(), 0);
        assert!(s.parts.iter().any(|p| p.points < 0));
        assert!((s.parts.iter().map(|p| p.exact).sum::<f64>()).abs() < 1e-9);
    }

    #[test]
    fn missing_targets_are_named_not_guessed() {
        let s = score(&WeekInputs {
            target_minutes: None,
            capacity_points: None,
            ..busy()
        });
        assert!(s.parts.iter().all(|p| !matches!(
            p.factor,
            Factor::Hours | Factor::Overtime | Factor::Caseload
        )));
        assert_eq!(s.notes.len(), 3, "{:?}", s.notes);
        assert!(s.notes[0].contains("No sustainable weekly target"));
        assert!(s.notes[2].contains("No self-check"));
    }

    #[test]
    fn bands_and_weights() {
        for band in Band::ALL {
            let (low, high) = band.range();
            assert_eq!((Band::of(low), Band::of(high)), (band, band));
        }
        let risk: f64 = Factor::ALL
            .iter()
            .filter(|f| !f.protective())
            .map(|f| f.weight())
            .sum();
        assert_eq!(risk, 100.0);
        // The logged work alone cannot reach the high band, as the note says.
        let logged: f64 = Factor::ALL
            .iter()
            .filter(|f| f.logged() && !f.protective())
            .map(|f| f.weight())
            .sum();
        assert!(logged < f64::from(Band::High.range().0), "{logged}");
    }
}
