//! The figures of one week that the risk factors read, gathered in one plain struct.
//!
//! Keeping the model's inputs apart from the journal lets every factor be a pure function of
//! numbers, lets the what-if projection adjust them directly, and lets the property tests vary
//! one input while holding the others equal.

use super::signals::CheckSignals;

/// One week's inputs to the risk model.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct WeekInputs {
    /// Minutes worked in the week.
    pub worked_minutes: u32,
    /// Mean minutes worked per week lately: the last four complete weeks with data.
    pub recent_minutes: u32,
    /// The sustainable weekly target in minutes; `None` if none is known.
    pub target_minutes: Option<u32>,
    /// The week's peak weighted caseload in points.
    pub caseload_points: u32,
    /// The caseload capacity in points; `None` if none is known.
    pub capacity_points: Option<u32>,
    /// Share of the week's client work that was trauma-focused, 0-100.
    pub trauma_percent: u32,
    /// Pauses per worked day in tenths (25 is 2.5); `None` when no day was worked.
    pub pauses_tenths: Option<u32>,
    /// Pauses aimed for per worked day.
    pub pauses_target: u32,
    /// Days since the last full day off, at the end of the week.
    pub days_since_day_off: u32,
    /// Days since the last day of the last vacation, at the end of the week (or, with none
    /// logged, the days Tend has records for).
    pub days_since_vacation: u32,
    /// True if a vacation has been logged by the end of the week.
    pub vacation_logged: bool,
    /// Mean weekly minutes of supervision received, peer support and personal therapy over the
    /// same weeks as `recent_minutes`.
    pub support_minutes: u32,
    /// The self-check results that apply to the week.
    pub signals: CheckSignals,
}

impl WeekInputs {
    /// Overtime: minutes over the sustainable target (0 with no target).
    pub fn overtime_minutes(&self) -> u32 {
        self.target_minutes
            .map_or(0, |t| self.worked_minutes.saturating_sub(t))
    }
}
