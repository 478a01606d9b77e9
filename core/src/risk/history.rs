//! The index for every ISO week of history, from the journal through the existing selectors.
//!
//! Each week's inputs come from the week's hours ([`weeks_hours`]), its peak caseload
//! ([`caseload_by_week`]), its pauses ([`breaks_per_working_day`]), the vacation clock and the
//! days since a full day off ([`vacation_clock`], [`days_since_full_day_off`]), plus the
//! self-check results the caller supplies for the week. A week with no work, no self-check and no
//! day off or vacation logged has "not enough data" rather than a confidently low score.

use super::inputs::WeekInputs;
use super::score::{score, Score};
use super::signals::CheckSignals;
use crate::journal::Journal;
use crate::selectors::caseload::caseload_by_week;
use crate::selectors::hours::weeks_hours;
use crate::selectors::rest::{
    breaks_per_working_day, days_since_full_day_off, summarise_breaks, vacation_clock,
};
use crate::selectors::week::week_start;
use crate::tracking::Targets;
use chrono::{Days, NaiveDate};
use std::collections::HashSet;

/// The most weeks of history scored (about ten years).
pub const MAX_WEEKS: usize = 520;
/// Weeks averaged for the "lately" figures. Hours: the last four complete weeks with data, this
/// one included if complete. Weeks with nothing logged are left out (they are more likely
/// unlogged than empty), and so is a week still under way. Support: the last four complete
/// weeks with work (#17); a week with no work at all (days off, a vacation) is neither
/// supported nor unsupported, so it is left out, and after four or more weeks away the figure
/// is still that of the last four weeks worked.
const RECENT_WEEKS: usize = 4;

/// One week of history.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskWeek {
    /// The week's Monday.
    pub monday: NaiveDate,
    /// What the model read.
    pub inputs: WeekInputs,
    /// The index, or `None` when the week has too little data to score.
    pub score: Option<Score>,
}

/// The first day anything was logged: an entry, a break or a case opening.
pub fn first_record(journal: &Journal) -> Option<NaiveDate> {
    let entries = journal.entries.earliest();
    let breaks = journal.breaks.earliest();
    let cases = journal
        .cases
        .iter()
        .filter_map(|c| c.periods.first().map(|p| p.opened));
    entries.into_iter().chain(breaks).chain(cases).min()
}

/// Every ISO week from the first record to the week holding `today`, oldest first (at most
/// [`MAX_WEEKS`], the latest ones). `signals` gives the self-check results for a week's Monday.
pub fn risk_history(
    journal: &Journal,
    today: NaiveDate,
    signals: &dyn Fn(NaiveDate) -> CheckSignals,
) -> Vec<RiskWeek> {
    let Some(first) = first_record(journal).filter(|d| *d <= today) else {
        return Vec::new();
    };
    scored_weeks(journal, first, today, MAX_WEEKS, signals)
        .into_iter()
        .map(|(week, _)| week)
        .collect()
}

/// The latest week with a score, the same as [`latest_scored`](super::latest_scored) of the
/// whole [`risk_history`], read from as few recent weeks as give that answer.
///
/// This is what Today shows after every entry logged, so it must not grow with the history. A
/// week's score depends on weeks before it only through three running figures: the mean of the
/// last four complete weeks with data, the mean support of the last four complete weeks with
/// work, and the days since the last day off. Reading from 16 weeks back, then 32 and so on, the
/// answer is final as soon as those figures were all found inside the weeks read; in the worst
/// case (long gaps) the whole history is read.
pub fn latest_risk(
    journal: &Journal,
    today: NaiveDate,
    signals: &dyn Fn(NaiveDate) -> CheckSignals,
) -> Option<RiskWeek> {
    let first = first_record(journal).filter(|d| *d <= today)?;
    let mut weeks = 16;
    loop {
        let window = scored_weeks(journal, first, today, weeks, signals);
        let whole = weeks >= MAX_WEEKS || window.first().is_some_and(|(w, _)| w.monday <= first);
        let latest = window.into_iter().rev().find(|(w, _)| w.score.is_some());
        match latest {
            Some((week, settled)) if settled || whole => return Some(week),
            None if whole => return None,
            _ => weeks = (weeks * 2).min(MAX_WEEKS),
        }
    }
}

/// The weeks from `first` (or `max_weeks` before the week holding `today`, whichever is later)
/// to that week, each with whether its inputs would be the same had every earlier week been read
/// (see [`latest_risk`]).
fn scored_weeks(
    journal: &Journal,
    first: NaiveDate,
    today: NaiveDate,
    max_weeks: usize,
    signals: &dyn Fn(NaiveDate) -> CheckSignals,
) -> Vec<(RiskWeek, bool)> {
    let earliest = today
        .checked_sub_days(Days::new(7 * max_weeks as u64 - 1))
        .unwrap_or(first);
    let start = week_start(first.max(earliest));
    let hours = weeks_hours(journal, start, today);
    let loads = caseload_by_week(journal, start, today);
    let pauses = breaks_per_working_day(journal, start, today);
    let rest_days = rest_days(journal, start, today);
    let weekly_support: Vec<u32> = hours
        .iter()
        .map(|w| {
            support_minutes(
                journal,
                w.monday(),
                w.summary.kind_minutes(crate::WorkKind::Supervision),
            )
        })
        .collect();
    let trauma = trauma_percents(journal, start, hours.len());
    let targets = &journal.targets;
    let mut since_off = None::<u32>;
    // Minutes of the complete weeks with data so far, and support of the complete weeks with
    // work, for the "lately" means.
    let mut usual: Vec<u32> = Vec::new();
    let mut supported: Vec<u32> = Vec::new();
    let mut weeks = Vec::with_capacity(hours.len());
    for (i, week) in hours.iter().enumerate() {
        let monday = week.monday();
        let end = week.summary.sunday().min(today);
        for day in &week.summary.days {
            if day.date > end {
                break;
            }
            let off = day.total() == 0 || rest_days.contains(&day.date);
            since_off = if off {
                Some(0)
            } else {
                since_off.map(|d| d + 1)
            };
        }
        let known = u32::try_from((end - first).num_days()).unwrap_or(0);
        let days_since_day_off = if end == today {
            days_since_full_day_off(journal, today)
        } else {
            since_off
        }
        .unwrap_or(known);
        let vacation = vacation_clock(journal, end);
        let in_week: Vec<_> = pauses
            .iter()
            .filter(|d| d.date >= monday && d.date <= end)
            .copied()
            .collect();
        let summary = summarise_breaks(&in_week);
        let signals = signals(monday);
        let enough = week.total_minutes() > 0
            || signals.any()
            || week
                .summary
                .days
                .iter()
                .any(|d| rest_days.contains(&d.date));
        let (minutes, support) = (
            week.total_minutes(),
            weekly_support.get(i).copied().unwrap_or(0),
        );
        if enough && week.summary.sunday() <= today {
            usual.push(minutes);
            if minutes > 0 {
                supported.push(support);
            }
        }
        let recent_minutes = recent_mean(&usual).unwrap_or(minutes);
        let support_minutes = recent_mean(&supported).unwrap_or(support);
        let inputs = WeekInputs {
            worked_minutes: week.total_minutes(),
            recent_minutes,
            target_minutes: Some(targets.weekly_minutes),
            caseload_points: loads.get(i).map_or(0, |w| w.peak.points),
            capacity_points: Some(targets.capacity_points),
            trauma_percent: trauma.get(i).copied().flatten().unwrap_or_else(|| {
                loads.get(i).map_or(0, |w| {
                    w.peak
                        .trauma_cases
                        .saturating_mul(100)
                        .checked_div(w.peak.open_cases)
                        .unwrap_or(0)
                })
            }),
            pauses_tenths: (summary.days_worked > 0).then_some(summary.per_day_tenths),
            pauses_target: targets.breaks_per_day,
            days_since_day_off,
            days_since_vacation: vacation.unwrap_or(known),
            vacation_logged: vacation.is_some(),
            support_minutes,
            signals,
        };
        let settled = usual.len() >= RECENT_WEEKS
            && supported.len() >= RECENT_WEEKS
            && (end == today || since_off.is_some());
        let week = RiskWeek {
            monday,
            inputs,
            score: enough.then(|| score(&inputs)),
        };
        weeks.push((week, settled));
    }
    weeks
}

/// True if the targets the index measures against (weekly hours, capacity, case weights,
/// breaks) are still Tend's starting values, so the view can say so.
pub fn default_targets(journal: &Journal) -> bool {
    let (t, d) = (&journal.targets, Targets::default());
    t.weekly_minutes == d.weekly_minutes
        && t.capacity_points == d.capacity_points
        && t.weights == d.weights
        && t.breaks_per_day == d.breaks_per_day
}

/// The mean of the last [`RECENT_WEEKS`] values, or `None` when there are none.
fn recent_mean(values: &[u32]) -> Option<u32> {
    let recent = &values[values.len().saturating_sub(RECENT_WEEKS)..];
    let sum: u64 = recent.iter().map(|v| u64::from(*v)).sum();
    let mean = sum.checked_div(recent.len() as u64)?;
    Some(u32::try_from(mean).unwrap_or(u32::MAX))
}

/// Days in the range covered by a day-off or vacation record.
fn rest_days(journal: &Journal, first: NaiveDate, last: NaiveDate) -> HashSet<NaiveDate> {
    journal
        .breaks
        .iter()
        .filter(|b| b.kind.is_rest_day() && b.last_day() >= first && b.date <= last)
        .flat_map(|b| super::days_between(b.date.max(first), b.last_day().min(last)))
        .collect()
}

/// Supervision received as work plus peer support and personal therapy logged as breaks, in the
/// week starting `monday`.
fn support_minutes(journal: &Journal, monday: NaiveDate, supervision: u32) -> u32 {
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    journal
        .breaks
        .dated(monday, sunday)
        .filter(|b| b.kind.is_support())
        .fold(supervision, |sum, b| sum.saturating_add(b.minutes))
}

/// Per week from `start`: the share of direct client minutes that were trauma-focused (the entry
/// is flagged, or its case is trauma-focused), rounded half up,
/// or `None` for a week without client work.
fn trauma_percents(journal: &Journal, start: NaiveDate, weeks: usize) -> Vec<Option<u32>> {
    let mut sums = vec![(0u64, 0u64); weeks];
    let focused: HashSet<_> = journal
        .cases
        .iter()
        .filter(|c| c.trauma_focused)
        .map(|c| &c.id)
        .collect();
    // An entry that starts the evening before `start` can count minutes in the first week.
    let reach = start.pred_opt().unwrap_or(start);
    let direct = journal
        .entries
        .dated(reach, NaiveDate::MAX)
        .filter(|e| e.kind.is_direct());
    for entry in direct {
        let trauma = entry.trauma || entry.case.as_ref().is_some_and(|id| focused.contains(id));
        for (date, minutes) in entry.day_split().parts() {
            let week = usize::try_from((date - start).num_days().div_euclid(7)).ok();
            if let Some((all, flagged)) = week.and_then(|w| sums.get_mut(w)) {
                *all += u64::from(minutes);
                *flagged += u64::from(minutes) * u64::from(trauma);
            }
        }
    }
    sums.into_iter()
        .map(|(all, flagged)| {
            (flagged * 200 + all)
                .checked_div(all * 2)
                .and_then(|p| u32::try_from(p).ok())
        })
        .collect()
}
