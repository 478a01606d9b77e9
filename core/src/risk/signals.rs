//! Self-check results as the risk model reads them, one set per ISO week.
//!
//! The self-checks themselves (the weekly pulse and ProQOL entry) are scored elsewhere; the risk
//! model only needs their results, so they arrive through this small struct. A week without a
//! self-check has every field `None`, and the model then leans on the logged work pattern alone.

/// The self-check results that apply to one week.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct CheckSignals {
    /// The weekly pulse's strain score, 0-100, higher is worse.
    pub pulse_strain: Option<f64>,
    /// The weekly pulse's satisfaction score, 0-100, higher is better.
    pub pulse_satisfaction: Option<f64>,
    /// The most recent ProQOL 5 scores that apply to the week.
    pub proqol: Option<ProqolScores>,
}

/// ProQOL 5 subscale raw sums, each 10 to 50.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProqolScores {
    /// Compassion Satisfaction.
    pub cs: u8,
    /// Burnout (with its reverse-scored items already applied).
    pub bo: u8,
    /// Secondary Traumatic Stress.
    pub sts: u8,
}

impl CheckSignals {
    /// True if any self-check result is present.
    pub fn any(&self) -> bool {
        self.pulse_strain.is_some() || self.pulse_satisfaction.is_some() || self.proqol.is_some()
    }

    /// The pulse strain as a share from 0 to 1 (out-of-range or non-finite values are clamped
    /// or ignored, so a damaged stored result can never break the index).
    pub fn strain_fraction(&self) -> Option<f64> {
        self.pulse_strain
            .filter(|v| v.is_finite())
            .map(|v| (v / 100.0).clamp(0.0, 1.0))
    }

    /// The pulse satisfaction as a share from 0 to 1.
    pub fn satisfaction_fraction(&self) -> Option<f64> {
        self.pulse_satisfaction
            .filter(|v| v.is_finite())
            .map(|v| (v / 100.0).clamp(0.0, 1.0))
    }
}

/// The ProQOL score sheet's band edges: a raw sum of 22 or less is low, 42 or more is high.
pub const PROQOL_LOW_MAX: u8 = 22;
/// See [`PROQOL_LOW_MAX`].
pub const PROQOL_HIGH_MIN: u8 = 42;

/// How far a raw ProQOL sum sits from the top of the low band (0) to the start of the high band
/// (1), clamped.
pub fn proqol_fraction(raw: u8) -> f64 {
    let span = f64::from(PROQOL_HIGH_MIN - PROQOL_LOW_MAX);
    ((f64::from(raw) - f64::from(PROQOL_LOW_MAX)) / span).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_or_out_of_range_results_are_clamped_or_ignored() {
        let odd = CheckSignals {
            pulse_strain: Some(f64::NAN),
            pulse_satisfaction: Some(150.0),
            proqol: None,
        };
        assert!(odd.any());
        assert_eq!(odd.strain_fraction(), None);
        assert_eq!(odd.satisfaction_fraction(), Some(1.0));
        assert!(!CheckSignals::default().any());
        // 22 is the top of the low band, 42 the start of the high band.
        assert_eq!(proqol_fraction(10), 0.0);
        assert_eq!(proqol_fraction(22), 0.0);
        assert_eq!(proqol_fraction(32), 0.5);
        assert_eq!(proqol_fraction(42), 1.0);
        assert_eq!(proqol_fraction(50), 1.0);
    }
}
