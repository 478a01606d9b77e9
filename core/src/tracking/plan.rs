//! A weekly plan of breaks, and the reminders it gives while Tend is open.
//!
//! Clinicians on back-to-back sessions rarely pause unless the pause is planned, so the Self-care
//! section lets them set break times per weekday. The plan is a device setting (reminders ring on
//! the device that holds it), kept beside the other settings, not in the journal. Everything here
//! is pure: the shell passes the current local time in and shows what comes back.

use crate::tracking::{BreakKind, Targets};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most breaks a plan may hold (24 a day for a week is far beyond any real plan).
pub const MAX_PLANNED: usize = 7 * 24;

/// The longest planned pause, in minutes.
pub const MAX_PLANNED_MINUTES: u32 = 240;

/// One break planned on a weekday at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedBreak {
    /// The weekday it recurs on.
    pub weekday: Weekday,
    /// Its local start time.
    pub at: NaiveTime,
    /// How long it is meant to last.
    pub minutes: u32,
    /// What kind of break (a pause kind: micro-break, meal break or self-care).
    pub kind: BreakKind,
    /// The day it was put in the plan, set by [`BreakPlan::revise`]; an exported calendar starts
    /// its weekly series there (`None` in plans kept before calendar export).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
}

/// Why a break could not be added to the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// The length is zero or longer than [`MAX_PLANNED_MINUTES`].
    Length,
    /// A whole-day kind (day off, vacation, sick day) cannot be planned at a time of day.
    WholeDay,
    /// Another break is already planned at that weekday and time.
    Taken,
    /// The plan already holds [`MAX_PLANNED`] breaks.
    Full,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PlanError::Length => "A planned break lasts from 1 minute to 4 hours.",
            PlanError::WholeDay => {
                "Days off and vacations are logged as they happen, not planned at a time of day."
            }
            PlanError::Taken => "A break is already planned at that time on that day.",
            PlanError::Full => "The plan is full; remove a break before adding another.",
        })
    }
}

/// A planned break on a particular day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// When it starts.
    pub at: NaiveDateTime,
    /// The plan entry it comes from.
    pub planned: PlannedBreak,
}

/// The weekly plan, sorted by weekday and time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakPlan {
    /// The planned breaks.
    #[serde(default)]
    pub breaks: Vec<PlannedBreak>,
    /// How many times the plan has changed: an exported calendar's SEQUENCE (see
    /// `plan_revision.rs`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u32,
    /// Breaks taken out of the plan since, so an exported calendar can cancel their events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<PlannedBreak>,
    /// A random text made once on this device, so an exported calendar's UIDs differ from
    /// another clinician's; empty until the first export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub calendar_key: String,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn sort_key(b: &PlannedBreak) -> (u32, NaiveTime) {
    (b.weekday.num_days_from_monday(), b.at)
}

impl BreakPlan {
    /// Adds a break, keeping the plan sorted.
    pub fn add(&mut self, planned: PlannedBreak) -> Result<(), PlanError> {
        if planned.minutes == 0 || planned.minutes > MAX_PLANNED_MINUTES {
            return Err(PlanError::Length);
        }
        if planned.kind.is_whole_day() {
            return Err(PlanError::WholeDay);
        }
        if self.breaks.len() >= MAX_PLANNED {
            return Err(PlanError::Full);
        }
        if self
            .breaks
            .iter()
            .any(|b| sort_key(b) == sort_key(&planned))
        {
            return Err(PlanError::Taken);
        }
        self.breaks.push(planned);
        crate::sorting::sort_stable_by(&mut self.breaks, |a, b| sort_key(a).cmp(&sort_key(b)));
        Ok(())
    }

    /// Removes the break planned at that weekday and time, if any.
    pub fn remove(&mut self, weekday: Weekday, at: NaiveTime) {
        self.breaks
            .retain(|b| !(b.weekday == weekday && b.at == at));
    }

    /// A starting plan from the targets: on each working day, the target number of pauses spread
    /// over a working day from 9:00 to 17:00, the one nearest 12:30 a 30-minute meal break and
    /// the others 10-minute micro-breaks.
    pub fn suggested(targets: &Targets) -> BreakPlan {
        let count = targets.breaks_per_day.min(8);
        let mut plan = BreakPlan::default();
        let minutes_from_nine = |i: u32| 9 * 60 + 480 * (i + 1) / (count + 1);
        let meal = (0..count).min_by_key(|&i| minutes_from_nine(i).abs_diff(12 * 60 + 30));
        for day in (0..7).filter_map(|d| Weekday::try_from(d as u8).ok()) {
            if !targets.working_days.contains(day) {
                continue;
            }
            for i in 0..count {
                let m = minutes_from_nine(i);
                let Some(at) = NaiveTime::from_hms_opt(m / 60, m % 60 / 5 * 5, 0) else {
                    continue;
                };
                let (kind, minutes) = if Some(i) == meal && count > 1 {
                    (BreakKind::MealBreak, 30)
                } else {
                    (BreakKind::MicroBreak, 10)
                };
                let _ = plan.add(PlannedBreak {
                    weekday: day,
                    at,
                    minutes,
                    kind,
                    since: None,
                });
            }
        }
        plan
    }

    /// The planned breaks of the seven days starting `today`, in time order.
    pub fn coming_week(&self, today: NaiveDate) -> Vec<Occurrence> {
        (0..7u64)
            .filter_map(|d| today.checked_add_days(Days::new(d)))
            .flat_map(|date| {
                self.breaks
                    .iter()
                    .filter(move |b| b.weekday == date.weekday())
                    .map(move |b| Occurrence {
                        at: date.and_time(b.at),
                        planned: *b,
                    })
            })
            .collect()
    }

    /// The breaks whose start falls after `after` and no later than `until`: the reminders due
    /// since the last check. A gap longer than a day (a tab asleep overnight) gives only the
    /// breaks of the last 12 hours, so waking up does not ring a day's worth of old reminders.
    pub fn due(&self, after: NaiveDateTime, until: NaiveDateTime) -> Vec<Occurrence> {
        let floor = until - chrono::Duration::hours(12);
        let after = after.max(floor);
        if until <= after {
            return Vec::new();
        }
        let mut date = after.date();
        let mut due = Vec::new();
        while date <= until.date() {
            for b in self.breaks.iter().filter(|b| b.weekday == date.weekday()) {
                let at = date.and_time(b.at);
                if at > after && at <= until {
                    due.push(Occurrence { at, planned: *b });
                }
            }
            let Some(next) = date.succ_opt() else { break };
            date = next;
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_time(time(h, m))
    }

    fn micro(weekday: Weekday, h: u32, m: u32) -> PlannedBreak {
        PlannedBreak {
            weekday,
            at: time(h, m),
            minutes: 10,
            kind: BreakKind::MicroBreak,
            since: None,
        }
    }

    #[test]
    fn adding_keeps_order_and_refuses_what_cannot_be_planned() {
        let mut plan = BreakPlan::default();
        plan.add(micro(Weekday::Tue, 15, 0)).unwrap();
        plan.add(micro(Weekday::Mon, 10, 30)).unwrap();
        plan.add(micro(Weekday::Tue, 11, 0)).unwrap();
        let order: Vec<_> = plan.breaks.iter().map(|b| (b.weekday, b.at)).collect();
        assert_eq!(
            order,
            vec![
                (Weekday::Mon, time(10, 30)),
                (Weekday::Tue, time(11, 0)),
                (Weekday::Tue, time(15, 0))
            ]
        );
        assert_eq!(plan.add(micro(Weekday::Tue, 11, 0)), Err(PlanError::Taken));
        let long = PlannedBreak {
            minutes: 241,
            ..micro(Weekday::Wed, 9, 0)
        };
        assert_eq!(plan.add(long), Err(PlanError::Length));
        let vacation = PlannedBreak {
            kind: BreakKind::Vacation,
            ..micro(Weekday::Wed, 9, 0)
        };
        assert_eq!(plan.add(vacation), Err(PlanError::WholeDay));
        plan.remove(Weekday::Tue, time(11, 0));
        assert_eq!(plan.breaks.len(), 2);
    }

    #[test]
    fn a_plan_holds_at_most_its_limit() {
        let mut plan = BreakPlan::default();
        for i in 0..MAX_PLANNED as u32 {
            let day = Weekday::try_from((i % 7) as u8).unwrap();
            plan.add(micro(day, i / 7, 0)).unwrap();
        }
        assert_eq!(plan.add(micro(Weekday::Mon, 23, 30)), Err(PlanError::Full));
    }

    #[test]
    fn the_suggestion_follows_the_targets() {
        let targets = Targets {
            breaks_per_day: 3,
            ..Targets::default()
        };
        let plan = BreakPlan::suggested(&targets);
        // Five working days, three pauses each: 11:00, 13:00 (the meal) and 15:00.
        assert_eq!(plan.breaks.len(), 15);
        let monday: Vec<_> = plan
            .breaks
            .iter()
            .filter(|b| b.weekday == Weekday::Mon)
            .map(|b| (b.at, b.kind, b.minutes))
            .collect();
        assert_eq!(
            monday,
            vec![
                (time(11, 0), BreakKind::MicroBreak, 10),
                (time(13, 0), BreakKind::MealBreak, 30),
                (time(15, 0), BreakKind::MicroBreak, 10)
            ]
        );
        assert!(plan.breaks.iter().all(|b| b.weekday != Weekday::Sat));
        let none = Targets {
            breaks_per_day: 0,
            ..Targets::default()
        };
        assert!(BreakPlan::suggested(&none).breaks.is_empty());
    }

    #[test]
    fn the_coming_week_starts_today_and_wraps_round() {
        let mut plan = BreakPlan::default();
        plan.add(micro(Weekday::Mon, 10, 0)).unwrap();
        plan.add(micro(Weekday::Fri, 10, 0)).unwrap();
        // 25 November 2026 is a Wednesday: Friday 27th first, then Monday 30th.
        let week = plan.coming_week(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let when: Vec<_> = week.iter().map(|o| o.at).collect();
        assert_eq!(when, vec![at(27, 10, 0), at(30, 10, 0)]);
    }

    #[test]
    fn reminders_are_due_once_between_checks() {
        let mut plan = BreakPlan::default();
        plan.add(micro(Weekday::Mon, 10, 30)).unwrap();
        plan.add(micro(Weekday::Mon, 15, 0)).unwrap();
        plan.add(micro(Weekday::Tue, 0, 5)).unwrap();
        // Monday 23 November 2026.
        assert!(plan.due(at(23, 10, 0), at(23, 10, 29)).is_empty());
        let due = plan.due(at(23, 10, 29), at(23, 10, 30));
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].at, at(23, 10, 30));
        assert!(plan.due(at(23, 10, 30), at(23, 10, 31)).is_empty());
        // Across midnight.
        let due: Vec<_> = plan
            .due(at(23, 23, 50), at(24, 0, 10))
            .iter()
            .map(|o| o.at)
            .collect();
        assert_eq!(due, vec![at(24, 0, 5)]);
        // A tab asleep since last week rings only the last 12 hours.
        let due: Vec<_> = plan
            .due(at(16, 9, 0), at(23, 16, 0))
            .iter()
            .map(|o| o.at)
            .collect();
        assert_eq!(due, vec![at(23, 10, 30), at(23, 15, 0)]);
        assert!(
            plan.due(at(23, 16, 0), at(23, 9, 0)).is_empty(),
            "clock set back"
        );
    }

    #[test]
    fn a_plan_reads_back_from_its_stored_text() {
        let mut plan = BreakPlan::default();
        plan.add(micro(Weekday::Thu, 14, 45)).unwrap();
        let text = serde_json::to_string(&plan).unwrap();
        assert_eq!(
            text,
            r#"{"breaks":[{"weekday":"Thu","at":"14:45:00","minutes":10,"kind":"micro_break"}]}"#
        );
        assert_eq!(serde_json::from_str::<BreakPlan>(&text).unwrap(), plan);
    }
}
