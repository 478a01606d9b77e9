//! The risk factors: each a pure function of one week's inputs, with a weight and a source.
//!
//! A factor gives a fraction from 0 to 1 of its weight. Risk factors add their points; protective
//! factors (support, satisfaction) take points away. The weights of the risk factors add up to
//! 100, so the index can reach 100 only when every one is at its worst. The formulas, weights and
//! sources are listed in `docs/risk-model.md`; keep the two in step.

use super::inputs::WeekInputs;
use super::signals::proqol_fraction;

/// One factor of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Factor {
    /// Recent weekly hours against the sustainable target.
    Hours,
    /// This week's time over the sustainable target.
    Overtime,
    /// Weighted caseload against capacity.
    Caseload,
    /// Share of client work that was trauma-focused.
    Trauma,
    /// Pauses per worked day below the target.
    Breaks,
    /// Days since the last full day off.
    DayOff,
    /// Days since the last vacation.
    Vacation,
    /// The weekly pulse's strain score.
    PulseStrain,
    /// ProQOL Burnout or Secondary Traumatic Stress, whichever is higher.
    Proqol,
    /// Supervision, peer support and personal therapy (protective).
    Support,
    /// Compassion satisfaction or pulse satisfaction (protective).
    Satisfaction,
}

impl Factor {
    /// Every factor, in the order ties are broken and tables list them.
    pub const ALL: [Factor; 11] = [
        Factor::PulseStrain,
        Factor::Proqol,
        Factor::Caseload,
        Factor::Hours,
        Factor::Overtime,
        Factor::Trauma,
        Factor::DayOff,
        Factor::Vacation,
        Factor::Breaks,
        Factor::Support,
        Factor::Satisfaction,
    ];

    /// The most points the factor can add (or, if protective, take away).
    pub fn weight(self) -> f64 {
        match self {
            Factor::Hours => 5.0,
            Factor::Overtime => 6.0,
            Factor::Caseload => 12.0,
            Factor::Trauma => 7.0,
            Factor::Breaks => 4.0,
            Factor::DayOff => 7.0,
            Factor::Vacation => 9.0,
            Factor::PulseStrain => 30.0,
            Factor::Proqol => 20.0,
            Factor::Support => 6.0,
            Factor::Satisfaction => 6.0,
        }
    }

    /// True for factors that lower the index.
    pub fn protective(self) -> bool {
        matches!(self, Factor::Support | Factor::Satisfaction)
    }

    /// True for factors read from the work log (rather than from a self-check).
    pub fn logged(self) -> bool {
        !matches!(
            self,
            Factor::PulseStrain | Factor::Proqol | Factor::Satisfaction
        )
    }

    /// A short name.
    pub fn label(self) -> &'static str {
        match self {
            Factor::Hours => "Hours against your target",
            Factor::Overtime => "Overtime",
            Factor::Caseload => "Caseload against capacity",
            Factor::Trauma => "Trauma-focused work",
            Factor::Breaks => "Breaks",
            Factor::DayOff => "Days since a day off",
            Factor::Vacation => "Time since a vacation",
            Factor::PulseStrain => "Weekly pulse: strain",
            Factor::Proqol => "ProQOL burnout or secondary traumatic stress",
            Factor::Support => "Supervision and peer support",
            Factor::Satisfaction => "Satisfaction in the work",
        }
    }

    /// The finding behind the factor, from the project's research notes.
    pub fn source(self) -> &'static str {
        match self {
            Factor::Hours => "No research-grade weekly limit exists, so hours are measured against your own target; hours alone are a weak signal (r = 0.10 in one physician sample).",
            Factor::Overtime => "Overtime raised the odds of burnout in NHS talking-therapy staff (Westwood et al. 2017).",
            Factor::Caseload => "Caseload weighting schemes (4-10 points a case, 100 points full time); workload drives burnout in mental-health staff (O'Connor et al. 2018).",
            Factor::Trauma => "The share of trauma clients relates to secondary traumatic stress, r = .19 (Hensel et al. 2015).",
            Factor::Breaks => "Micro-breaks lift vigour and ease fatigue (Albulescu et al. 2022).",
            Factor::DayOff => "Recovery needs time away; the Provider Resilience app's vacation clock counts days since a day off.",
            Factor::Vacation => "A vacation's benefit fades soon after return (de Bloom et al. 2009, 2013).",
            Factor::PulseStrain => "Your own weekly answers about exhaustion, detachment and intrusive thoughts: the most direct signal Tend has.",
            Factor::Proqol => "ProQOL 5 Burnout and Secondary Traumatic Stress; they overlap strongly (r = .69, Cieslak et al. 2014), so only the higher counts.",
            Factor::Support => "Supervision hours lowered the odds of burnout (Westwood et al. 2017); work support r = -.17 and social support r = -.26 with secondary traumatic stress (Hensel et al. 2015).",
            Factor::Satisfaction => "High ProQOL Compassion Satisfaction is protective; meaningful work protects against burnout (Shanafelt et al. 2009).",
        }
    }

    /// How much of the weight applies this week, from 0 to 1.
    pub fn fraction(self, inputs: &WeekInputs) -> f64 {
        let i = inputs;
        match self {
            Factor::Hours => i.target_minutes.filter(|t| *t > 0).map_or(0.0, |t| {
                ramp(f64::from(i.recent_minutes) / f64::from(t), 1.0, 1.4)
            }),
            Factor::Overtime => ramp(f64::from(i.overtime_minutes()), 0.0, 600.0),
            Factor::Caseload => i.capacity_points.filter(|c| *c > 0).map_or(0.0, |c| {
                ramp(f64::from(i.caseload_points) / f64::from(c), 0.8, 1.2)
            }),
            Factor::Trauma => ramp(f64::from(i.trauma_percent), 0.0, 75.0),
            Factor::Breaks => match (i.pauses_tenths, i.pauses_target) {
                (Some(tenths), target) if target > 0 => {
                    let target = f64::from(target);
                    ramp(target - f64::from(tenths) / 10.0, 0.0, target)
                }
                _ => 0.0,
            },
            Factor::DayOff => ramp(f64::from(i.days_since_day_off), 7.0, 42.0),
            Factor::Vacation => ramp(f64::from(i.days_since_vacation), 14.0, 180.0),
            Factor::PulseStrain => i.signals.strain_fraction().unwrap_or(0.0),
            Factor::Proqol => i
                .signals
                .proqol
                .map_or(0.0, |p| proqol_fraction(p.bo).max(proqol_fraction(p.sts))),
            Factor::Support => ramp(f64::from(i.support_minutes), 0.0, 90.0),
            Factor::Satisfaction => {
                let cs = i.signals.proqol.map_or(0.0, |p| proqol_fraction(p.cs));
                let pulse = i
                    .signals
                    .satisfaction_fraction()
                    .map_or(0.0, |s| ramp(s, 0.5, 1.0));
                cs.max(pulse)
            }
        }
    }

    /// The signed, unrounded points: positive for risk, negative for protection.
    pub fn exact_points(self, inputs: &WeekInputs) -> f64 {
        let points = self.weight() * self.fraction(inputs);
        if self.protective() {
            -points
        } else {
            points
        }
    }
}

/// 0 at or below `low`, 1 at or above `high`, linear between; 0 for a non-finite value.
pub fn ramp(value: f64, low: f64, high: f64) -> f64 {
    if !value.is_finite() || high <= low {
        return 0.0;
    }
    ((value - low) / (high - low)).clamp(0.0, 1.0)
}
