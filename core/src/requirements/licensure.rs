//! Evaluating a licensure hour log: the hours counted so far by category and week, what was
//! capped and why, the weeks that did not count and why, and when the total would be reached.
//!
//! The rules are applied in one fixed order, week by week and then over the whole log:
//! 1. only work from the log's start (if set) to today is looked at, and only kinds some category
//!    names;
//! 2. with a qualifying-week rule, a week counts only if it holds enough individual or group
//!    supervision; otherwise none of its hours count (the current week is "waiting", not failed);
//! 3. each category's hours are multiplied by its `counts_as` (2 counts double);
//! 4. each category's weekly cap limits what it counts in one week;
//! 5. each category's cap limits what it counts in all;
//! 6. the total counted is the sum of the categories; the log is complete when it reaches the
//!    total and every category minimum is met.
//!
//! Every step only adds or takes a minimum, so logging more never lowers what is counted.

use super::definition::{LicensureLog, SupervisionFormat};
use super::due::{DueAbout, DueItem};
use super::input::LoggedWork;
use super::log_week::{judge_week, LogWeek, WeekStatus, WeekSums};
use super::projection::{project, window, Pace, Projection};
use crate::entry::WorkKind;
use crate::units::duration::format_minutes;
use crate::units::week::week_start_on;
use chrono::NaiveDate;
use std::collections::BTreeMap;

fn show(minutes: u64) -> String {
    format_minutes(u32::try_from(minutes).unwrap_or(u32::MAX))
}

/// One category, evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryProgress {
    /// The category's id.
    pub id: String,
    /// The category's name.
    pub name: String,
    /// Minutes logged from the start to today.
    pub logged_minutes: u64,
    /// Of those, minutes in weeks that did not count (or are still waiting).
    pub not_counted_weeks_minutes: u64,
    /// What counting double (or more) added.
    pub counts_as_added_minutes: u64,
    /// What the weekly cap took away.
    pub weekly_capped_minutes: u64,
    /// What the overall cap took away.
    pub over_cap_minutes: u64,
    /// What counts towards the total.
    pub counted_minutes: u64,
    /// Minutes still missing to the category's minimum (0 without one).
    pub missing_minutes: u64,
}

/// Minutes of work the log does not look at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outside {
    /// Work dated before the log's start.
    pub before_start_minutes: u64,
    /// Work dated after today.
    pub after_today_minutes: u64,
    /// Work of kinds no category names, by [`WorkKind::index`].
    pub unmapped_minutes: [u64; WorkKind::ALL.len()],
}

/// A licensure log, evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LicensureProgress {
    /// The total to reach.
    pub total_minutes: u64,
    /// What counts towards it: the sum of the categories' counted minutes.
    pub counted_minutes: u64,
    /// Each category, in the log's order.
    pub categories: Vec<CategoryProgress>,
    /// Every week with work in the log's span, oldest first.
    pub weeks: Vec<LogWeek>,
    /// Work the log does not look at.
    pub outside: Outside,
    /// The recent pace.
    pub pace: Pace,
    /// When it would be complete at that pace.
    pub projection: Projection,
}

impl LicensureProgress {
    /// Progress towards the total in thousandths, 0 to 1000 (rounded down).
    pub fn progress_permille(&self) -> u32 {
        if self.total_minutes == 0 {
            return 1000;
        }
        let done = u128::from(self.counted_minutes.min(self.total_minutes));
        u32::try_from(done * 1000 / u128::from(self.total_minutes)).unwrap_or(1000)
    }

    /// True when the total is reached and every category minimum is met.
    pub fn complete(&self) -> bool {
        self.counted_minutes >= self.total_minutes
            && self.categories.iter().all(|c| c.missing_minutes == 0)
    }

    /// The weeks whose hours did not count, with why.
    pub fn weeks_not_counted(&self) -> impl Iterator<Item = &LogWeek> {
        self.weeks
            .iter()
            .filter(|w| matches!(w.status, WeekStatus::NotEnoughSupervision { .. }))
    }

    /// Supervision the current week still needs for its hours to count, if any.
    pub fn due(&self) -> Option<DueItem> {
        let week = self.weeks.last()?;
        let WeekStatus::Waiting {
            individual_minutes,
            rule,
            ..
        } = week.status
        else {
            return None;
        };
        (week.logged.iter().sum::<u64>() > 0).then(|| DueItem {
            about: DueAbout::QualifyingWeek,
            by: week.last,
            missing_minutes: u64::from(rule.individual_minutes).saturating_sub(individual_minutes),
            overdue: false,
        })
    }
}

/// Evaluates `log` against the work logged up to `today`. Supervision without a format counts as
/// `unmarked`.
pub fn evaluate_licensure(
    log: &LicensureLog,
    unmarked: SupervisionFormat,
    work: &[LoggedWork],
    today: NaiveDate,
) -> LicensureProgress {
    let n = log.categories.len();
    let category_of = |kind: WorkKind| log.categories.iter().position(|c| c.kinds.contains(&kind));
    let starts = log.week_starts.weekday();
    let current = week_start_on(today, starts);
    let mut outside = Outside::default();
    let mut sums: BTreeMap<NaiveDate, WeekSums> = BTreeMap::new();
    let mut first_work: Option<NaiveDate> = None;
    for w in work.iter().filter(|w| w.minutes > 0) {
        let minutes = u64::from(w.minutes);
        if log.start.is_some_and(|start| w.date < start) {
            outside.before_start_minutes = outside.before_start_minutes.saturating_add(minutes);
            continue;
        }
        if w.date > today {
            outside.after_today_minutes = outside.after_today_minutes.saturating_add(minutes);
            continue;
        }
        first_work = Some(first_work.map_or(w.date, |d| d.min(w.date)));
        let week = sums
            .entry(week_start_on(w.date, starts))
            .or_insert(WeekSums {
                logged: vec![0; n],
                individual: 0,
                group: 0,
            });
        match w.supervision(unmarked) {
            Some(SupervisionFormat::Individual) => {
                week.individual = week.individual.saturating_add(minutes);
            }
            Some(SupervisionFormat::Group) => week.group = week.group.saturating_add(minutes),
            None => {}
        }
        match category_of(w.kind).and_then(|i| week.logged.get_mut(i)) {
            Some(slot) => *slot = slot.saturating_add(minutes),
            None => {
                let slot = &mut outside.unmapped_minutes[w.kind.index()];
                *slot = slot.saturating_add(minutes);
            }
        }
    }
    let weeks: Vec<LogWeek> = sums
        .into_iter()
        .map(|(first, s)| judge_week(log, first, s, first == current))
        .collect();
    let categories = tally(log, &weeks);
    let before_caps: Vec<u64> = (0..n)
        .map(|i| {
            weeks
                .iter()
                .map(|w| w.counted[i])
                .fold(0, u64::saturating_add)
        })
        .collect();
    let (pace_first, pace_weeks) = window(
        today,
        log.week_starts,
        log.start.or(first_work),
        log.pace_weeks,
    );
    let pace = Pace {
        first: pace_first,
        weeks: pace_weeks,
        minutes: (0..n)
            .map(|i| {
                weeks
                    .iter()
                    .filter(|w| w.first >= pace_first && w.first < current)
                    .map(|w| w.counted[i])
                    .fold(0, u64::saturating_add)
            })
            .collect(),
    };
    let projection = project(log, &before_caps, &pace, today);
    LicensureProgress {
        total_minutes: u64::from(log.total_minutes),
        counted_minutes: categories
            .iter()
            .map(|c| c.counted_minutes)
            .fold(0, u64::saturating_add),
        categories,
        weeks,
        outside,
        pace,
        projection,
    }
}

fn tally(log: &LicensureLog, weeks: &[LogWeek]) -> Vec<CategoryProgress> {
    let sum = |pick: &dyn Fn(&LogWeek) -> u64| weeks.iter().map(pick).fold(0, u64::saturating_add);
    log.categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let logged = sum(&|w| w.logged[i]);
            let not_counted = sum(&|w| {
                if w.status == WeekStatus::Counts {
                    0
                } else {
                    w.logged[i]
                }
            });
            let weekly_capped = sum(&|w| w.weekly_capped[i]);
            let before_cap = sum(&|w| w.counted[i]);
            let counted = category
                .cap_minutes
                .map_or(before_cap, |cap| before_cap.min(u64::from(cap)));
            let qualifying = logged - not_counted;
            CategoryProgress {
                id: category.id.clone(),
                name: category.name.clone(),
                logged_minutes: logged,
                not_counted_weeks_minutes: not_counted,
                counts_as_added_minutes: qualifying
                    .saturating_mul(u64::from(category.counts_as))
                    .saturating_sub(qualifying),
                weekly_capped_minutes: weekly_capped,
                over_cap_minutes: before_cap - counted,
                counted_minutes: counted,
                missing_minutes: category
                    .min_minutes
                    .map_or(0, |min| u64::from(min).saturating_sub(counted)),
            }
        })
        .collect()
}

impl CategoryProgress {
    /// Why the counted minutes differ from those logged, in plain sentences (empty when they
    /// are the same).
    pub fn reasons(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.not_counted_weeks_minutes > 0 {
            out.push(format!(
                "{} logged in weeks without enough supervision do not count.",
                show(self.not_counted_weeks_minutes)
            ));
        }
        if self.counts_as_added_minutes > 0 {
            out.push(format!(
                "These hours count more than once: {} added.",
                show(self.counts_as_added_minutes)
            ));
        }
        if self.weekly_capped_minutes > 0 {
            out.push(format!(
                "{} over the weekly cap do not count.",
                show(self.weekly_capped_minutes)
            ));
        }
        if self.over_cap_minutes > 0 {
            out.push(format!(
                "{} over the category's cap do not count.",
                show(self.over_cap_minutes)
            ));
        }
        out
    }
}
