//! Selector: the weighted caseload, on a day and week by week, against capacity.
//!
//! Following caseload weighting practice, each case carries points for its complexity and a
//! full-time clinician can hold about 100 points. The load on a day is the sum of the points of
//! every case open that day (opening and closing days included); as a share of the clinician's
//! capacity it gets a traffic light: green under 100%, amber from 100% to 110%, red over 110%.

use super::days;
use crate::journal::Journal;
use crate::selectors::week::week_start;
use chrono::{Datelike, Days, IsoWeek, NaiveDate};

/// How full the caseload is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TrafficLight {
    /// Under 100% of capacity.
    Green,
    /// From 100% up to and including 110%.
    Amber,
    /// Over 110%.
    Red,
}

impl TrafficLight {
    /// The plain-language meaning, for text next to the colour (never colour alone).
    pub fn label(self) -> &'static str {
        match self {
            TrafficLight::Green => "Within capacity",
            TrafficLight::Amber => "At or just over capacity",
            TrafficLight::Red => "Well over capacity",
        }
    }
}

/// The light for `points` against `capacity`, compared exactly in integers.
pub fn traffic_light(points: u32, capacity: u32) -> TrafficLight {
    let (points, capacity) = (u64::from(points), u64::from(capacity));
    if points < capacity || points == 0 {
        TrafficLight::Green
    } else if points * 100 <= capacity * 110 {
        TrafficLight::Amber
    } else {
        TrafficLight::Red
    }
}

/// `points` as a whole percentage of `capacity`, rounded half up; `u32::MAX` for points against
/// no capacity at all.
pub fn percent_of(points: u32, capacity: u32) -> u32 {
    if capacity == 0 {
        return if points == 0 { 0 } else { u32::MAX };
    }
    let p = super::div_round(u128::from(points) * 100, u128::from(capacity));
    u32::try_from(p).unwrap_or(u32::MAX)
}

/// The weighted caseload on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseloadLevel {
    /// The day.
    pub date: NaiveDate,
    /// Sum of the weights of the cases open that day.
    pub points: u32,
    /// Number of cases open that day.
    pub open_cases: u32,
    /// How many of those are trauma-focused.
    pub trauma_cases: u32,
    /// The clinician's capacity in points.
    pub capacity: u32,
    /// `points` as a percentage of `capacity`.
    pub percent: u32,
    /// The traffic light for that percentage.
    pub light: TrafficLight,
}

/// The weighted caseload on `date`.
pub fn caseload_on(journal: &Journal, date: NaiveDate) -> CaseloadLevel {
    let targets = &journal.targets;
    let (mut points, mut open_cases, mut trauma_cases) = (0u32, 0u32, 0u32);
    for case in journal.cases.iter().filter(|c| c.is_open_on(date)) {
        points = points.saturating_add(targets.weights.points(case.complexity));
        open_cases += 1;
        trauma_cases += u32::from(case.trauma_focused);
    }
    let capacity = targets.capacity_points;
    CaseloadLevel {
        date,
        points,
        open_cases,
        trauma_cases,
        capacity,
        percent: percent_of(points, capacity),
        light: traffic_light(points, capacity),
    }
}

/// The caseload over one ISO week: its heaviest day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekCaseload {
    /// The week's Monday.
    pub monday: NaiveDate,
    /// The ISO year and week number.
    pub week: IsoWeek,
    /// The day of the week with the most points (the earliest, on a tie). A week's load is its
    /// peak because capacity is about what is held at once.
    pub peak: CaseloadLevel,
}

/// The caseload of every ISO week that overlaps `first..=last`, oldest first (at most about ten
/// years of weeks).
pub fn caseload_by_week(journal: &Journal, first: NaiveDate, last: NaiveDate) -> Vec<WeekCaseload> {
    let mondays = days(week_start(first), last).filter(|d| d.weekday().num_days_from_monday() == 0);
    mondays
        .map(|monday| {
            let peak = days(
                monday,
                monday.checked_add_days(Days::new(6)).unwrap_or(monday),
            )
            .map(|d| caseload_on(journal, d))
            .fold(None::<CaseloadLevel>, |best, level| match best {
                Some(b) if b.points >= level.points => Some(b),
                _ => Some(level),
            })
            .unwrap_or_else(|| caseload_on(journal, monday));
            WeekCaseload {
                monday,
                week: monday.iso_week(),
                peak,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Action;
    use crate::tracking::{Case, CaseId, Complexity};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn lights_change_at_100_and_over_110_percent() {
        assert_eq!(traffic_light(0, 100), TrafficLight::Green);
        assert_eq!(traffic_light(99, 100), TrafficLight::Green);
        assert_eq!(traffic_light(100, 100), TrafficLight::Amber);
        assert_eq!(traffic_light(110, 100), TrafficLight::Amber);
        assert_eq!(traffic_light(111, 100), TrafficLight::Red);
        // 99 of 90 is exactly 110%: still amber; 100 of 90 is 111.1%: red.
        assert_eq!(traffic_light(99, 90), TrafficLight::Amber);
        assert_eq!(traffic_light(100, 90), TrafficLight::Red);
        assert_eq!(traffic_light(0, 0), TrafficLight::Green);
        assert_eq!(traffic_light(1, 0), TrafficLight::Red);
        assert_eq!(percent_of(2, 3), 67);
        assert_eq!(percent_of(1, 0), u32::MAX);
    }

    fn journal() -> Journal {
        let mut j = Journal::default();
        let cases = [
            ("a", Complexity::VeryHigh, day(2026, 12, 1)),
            ("b", Complexity::Low, day(2026, 12, 30)),
        ];
        for (id, complexity, opened) in cases {
            let case = Case::opened(CaseId(id.into()), &id.to_uppercase(), complexity, opened);
            j = j.apply(&Action::AddCase(case)).unwrap();
        }
        j
    }

    #[test]
    fn counts_cases_open_on_the_day_including_a_reopened_one() {
        let j = journal()
            .apply(&Action::CloseCase {
                id: CaseId("a".into()),
                on: day(2027, 1, 2),
            })
            .unwrap()
            .apply(&Action::ReopenCase {
                id: CaseId("a".into()),
                on: day(2027, 1, 6),
            })
            .unwrap();
        let points = |d| caseload_on(&j, d).points;
        assert_eq!(points(day(2026, 11, 30)), 0);
        assert_eq!(points(day(2026, 12, 29)), 10);
        assert_eq!(points(day(2027, 1, 2)), 14, "the closing day still counts");
        assert_eq!(points(day(2027, 1, 3)), 4);
        assert_eq!(points(day(2027, 1, 6)), 14);
        let level = caseload_on(&j, day(2027, 1, 6));
        assert_eq!((level.open_cases, level.percent), (2, 14));
        assert_eq!(level.light, TrafficLight::Green);
    }

    #[test]
    fn weeks_run_across_the_new_year_as_iso_weeks() {
        let j = journal()
            .apply(&Action::CloseCase {
                id: CaseId("a".into()),
                on: day(2027, 1, 2),
            })
            .unwrap();
        let weeks = caseload_by_week(&j, day(2026, 12, 24), day(2027, 1, 4));
        let labels: Vec<_> = weeks
            .iter()
            .map(|w| (w.week.year(), w.week.week(), w.peak.points))
            .collect();
        // 2026 has 53 ISO weeks; its week 53 runs from 28 Dec 2026 to 3 Jan 2027.
        assert_eq!(labels, vec![(2026, 52, 10), (2026, 53, 14), (2027, 1, 4)]);
        assert_eq!(weeks[1].monday, day(2026, 12, 28));
        assert_eq!(weeks[1].peak.date, day(2026, 12, 30));
    }

    #[test]
    fn the_weights_and_capacity_come_from_the_targets() {
        let mut j = journal();
        j.targets.capacity_points = 12;
        j.targets.weights.very_high = 12;
        let level = caseload_on(&j, day(2026, 12, 31));
        assert_eq!((level.points, level.percent), (16, 133));
        assert_eq!(level.light, TrafficLight::Red);
    }
}
