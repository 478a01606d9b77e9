//! The report: one period's numbers laid out for supervision, a negotiation or one's own review.
//!
//! A clinician picks a period (the last four weeks, the last quarter or any range) and gets its
//! hours by kind and by week, overtime, caseload against capacity, breaks and days off, and the
//! hours per organisation with pro bono time. Everything is computed here from the journal and
//! the period, with the selectors the sections already use, so the printed report and the
//! sections never disagree. Weeks are ISO weeks; a week only partly inside the period counts
//! the period's days only and no overtime, so a report never invents overtime at its edges.

use crate::entry::WorkKind;
use crate::journal::Journal;
use crate::selectors::caseload::{caseload_by_week, caseload_on, CaseloadLevel};
use crate::selectors::hours::daily_totals;
use crate::selectors::rest::{
    breaks_per_working_day, days_of, days_since_full_day_off, summarise_breaks, BreaksSummary,
};
use crate::selectors::week::week_start;
use crate::selectors::{effective_org, MAX_DAYS};
use crate::tracking::{Arrangement, BreakKind};
use chrono::{Datelike, Days, IsoWeek, Months, NaiveDate};

/// The days a report covers, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
}

impl Period {
    /// The 28 days ending with `today`.
    pub fn last_four_weeks(today: NaiveDate) -> Period {
        Period {
            from: today.checked_sub_days(Days::new(27)).unwrap_or(today),
            to: today,
        }
    }

    /// The last whole calendar quarter before the one holding `today` (on 23 November, July
    /// to September).
    pub fn last_quarter(today: NaiveDate) -> Period {
        let this_quarter =
            NaiveDate::from_ymd_opt(today.year(), (today.month0() / 3) * 3 + 1, 1).unwrap_or(today);
        let from = this_quarter
            .checked_sub_months(Months::new(3))
            .unwrap_or(this_quarter);
        let to = this_quarter.pred_opt().unwrap_or(this_quarter);
        Period { from, to }
    }

    /// A range the clinician typed; refused when it ends before it starts or is longer than
    /// the ten years the selectors look at.
    pub fn custom(from: NaiveDate, to: NaiveDate) -> Result<Period, String> {
        if to < from {
            return Err(format!(
                "The period starts on {from} but ends earlier, on {to}. Choose an end on or \
                 after the start."
            ));
        }
        if (to - from).num_days() >= MAX_DAYS as i64 {
            return Err("Choose a period of at most ten years.".into());
        }
        Ok(Period { from, to })
    }

    /// Days in the period.
    pub fn days(&self) -> u32 {
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(0)
    }
}

/// One ISO week's hours within the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportWeek {
    /// The week's Monday.
    pub monday: NaiveDate,
    /// Its ISO year and number.
    pub week: IsoWeek,
    /// True when all seven days are inside the period.
    pub whole: bool,
    /// Minutes per kind on the week's days inside the period, in [`WorkKind::ALL`] order.
    pub minutes: [u32; WorkKind::ALL.len()],
    /// Minutes over the weekly target (whole weeks only).
    pub overtime: u32,
}

impl ReportWeek {
    /// All minutes of the week inside the period.
    pub fn total(&self) -> u32 {
        self.minutes.iter().sum()
    }
}

/// Hours for one organisation (or for none) in the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgHours {
    /// Its name, or "No organisation".
    pub name: String,
    /// All minutes logged for it.
    pub minutes: u32,
    /// Of those, minutes given pro bono (the entry is marked so, or the contract is pro bono).
    pub pro_bono_minutes: u32,
}

/// Everything the report shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The period.
    pub period: Period,
    /// Minutes per kind, in [`WorkKind::ALL`] order.
    pub by_kind: [u32; WorkKind::ALL.len()],
    /// The weeks overlapping the period, oldest first.
    pub weeks: Vec<ReportWeek>,
    /// The weekly target the overtime is measured against, in minutes.
    pub weekly_target: u32,
    /// Days in the period with work logged.
    pub days_worked: u32,
    /// Caseload on the period's last day.
    pub caseload_end: CaseloadLevel,
    /// The heaviest caseload of any week in the period.
    pub caseload_peak: CaseloadLevel,
    /// Pauses on worked days against the target.
    pub breaks: BreaksSummary,
    /// The target of pauses per working day.
    pub breaks_target: u32,
    /// Days covered by a day-off record.
    pub days_off: u32,
    /// Days of vacation.
    pub vacation_days: u32,
    /// Sick days.
    pub sick_days: u32,
    /// Days since the last full day off, as of the period's last day.
    pub days_since_day_off: Option<u32>,
    /// Hours per organisation, most hours first; "No organisation" last.
    pub organisations: Vec<OrgHours>,
}

impl Report {
    /// All minutes in the period.
    pub fn total_minutes(&self) -> u32 {
        self.by_kind.iter().sum()
    }

    /// Minutes with clients (sessions, groups, assessments).
    pub fn direct_minutes(&self) -> u32 {
        WorkKind::ALL
            .iter()
            .filter(|k| k.is_direct())
            .map(|k| self.by_kind[k.index()])
            .sum()
    }

    /// Overtime over the whole weeks of the period.
    pub fn overtime_minutes(&self) -> u32 {
        self.weeks.iter().map(|w| w.overtime).sum()
    }

    /// Whole weeks over the weekly target.
    pub fn weeks_over_target(&self) -> usize {
        self.weeks.iter().filter(|w| w.overtime > 0).count()
    }

    /// Pro bono minutes over every organisation.
    pub fn pro_bono_minutes(&self) -> u32 {
        self.organisations.iter().map(|o| o.pro_bono_minutes).sum()
    }
}

/// The report of `journal` over `period`.
pub fn report(journal: &Journal, period: Period) -> Report {
    let days = daily_totals(journal, period.from, period.to);
    let mut by_kind = [0u32; WorkKind::ALL.len()];
    let mut weeks: Vec<ReportWeek> = Vec::new();
    let target = journal.targets.weekly_minutes;
    for day in &days {
        let monday = week_start(day.date);
        if weeks.last().is_none_or(|w| w.monday != monday) {
            let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
            weeks.push(ReportWeek {
                monday,
                week: monday.iso_week(),
                whole: monday >= period.from && sunday <= period.to,
                minutes: [0; WorkKind::ALL.len()],
                overtime: 0,
            });
        }
        if let Some(week) = weeks.last_mut() {
            for (i, m) in day.minutes.iter().enumerate() {
                week.minutes[i] = week.minutes[i].saturating_add(*m);
                by_kind[i] = by_kind[i].saturating_add(*m);
            }
        }
    }
    for week in &mut weeks {
        if week.whole {
            week.overtime = week.total().saturating_sub(target);
        }
    }
    let caseload_end = caseload_on(journal, period.to);
    let caseload_peak = caseload_by_week(journal, period.from, period.to)
        .into_iter()
        .map(|w| w.peak)
        .max_by_key(|p| p.points)
        .unwrap_or(caseload_end);
    Report {
        period,
        by_kind,
        weeks,
        weekly_target: target,
        days_worked: days.iter().filter(|d| d.total() > 0).count() as u32,
        caseload_end,
        caseload_peak,
        breaks: summarise_breaks(&breaks_per_working_day(journal, period.from, period.to)),
        breaks_target: journal.targets.breaks_per_day,
        days_off: days_of(journal, BreakKind::DayOff, period.from, period.to),
        vacation_days: days_of(journal, BreakKind::Vacation, period.from, period.to),
        sick_days: days_of(journal, BreakKind::SickDay, period.from, period.to),
        days_since_day_off: days_since_full_day_off(journal, period.to),
        organisations: organisations(journal, period),
    }
}

fn organisations(journal: &Journal, period: Period) -> Vec<OrgHours> {
    let mut rows: Vec<(Option<usize>, OrgHours)> = Vec::new();
    for entry in &journal.entries {
        let minutes: u32 = entry
            .day_split()
            .parts()
            .filter(|(d, _)| *d >= period.from && *d <= period.to)
            .map(|(_, m)| m)
            .sum();
        if minutes == 0 {
            continue;
        }
        let org = effective_org(journal, entry)
            .and_then(|id| journal.organisations.iter().position(|o| &o.id == id));
        let contract_pro_bono = org
            .and_then(|i| journal.organisations.get(i))
            .is_some_and(|o| o.arrangement == Arrangement::ProBono);
        let at = match rows.iter().position(|(i, _)| *i == org) {
            Some(at) => at,
            None => {
                let name = org
                    .and_then(|i| journal.organisations.get(i))
                    .map_or_else(|| "No organisation".to_string(), |o| o.name.clone());
                rows.push((
                    org,
                    OrgHours {
                        name,
                        minutes: 0,
                        pro_bono_minutes: 0,
                    },
                ));
                rows.len() - 1
            }
        };
        if let Some((_, row)) = rows.get_mut(at) {
            row.minutes = row.minutes.saturating_add(minutes);
            if entry.pro_bono || contract_pro_bono {
                row.pro_bono_minutes = row.pro_bono_minutes.saturating_add(minutes);
            }
        }
    }
    crate::sorting::sort_stable_by(&mut rows, |a, b| {
        (a.0.is_none(), std::cmp::Reverse(a.1.minutes), &a.1.name).cmp(&(
            b.0.is_none(),
            std::cmp::Reverse(b.1.minutes),
            &b.1.name,
        ))
    });
    rows.into_iter().map(|(_, r)| r).collect()
}
