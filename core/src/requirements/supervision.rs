//! Evaluating a supervision minimum: for every week or month with logged work, the supervision
//! received against what the rule asks (a fixed amount, or an amount for every so many client
//! hours), and whether the current period still needs some.
//!
//! Only periods holding logged work are judged, so a month away from practice is never a
//! shortfall; the current period is always shown, as in progress until it is met. Group
//! supervision counts at the rule's percentage, rounded down to the minute; a proportional
//! requirement is rounded up to the minute. All sums are whole minutes, so every figure is exact.

use super::definition::{Period, SupervisionFormat, SupervisionMinimum};
use super::due::{DueAbout, DueItem};
use super::input::LoggedWork;
use crate::units::duration::format_minutes;
use crate::units::week::week_start_on;
use chrono::{Datelike, Days, Months, NaiveDate};
use std::collections::BTreeMap;
use std::fmt;

/// How one period stands against the minimum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodStatus {
    /// Enough supervision was received.
    Met,
    /// The period is over and this much supervision was missing.
    Short {
        /// The minutes missing.
        missing_minutes: u64,
    },
    /// The period holds today and this much supervision is still needed.
    InProgress {
        /// The minutes still needed.
        missing_minutes: u64,
    },
}

impl fmt::Display for PeriodStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |m: u64| format_minutes(u32::try_from(m).unwrap_or(u32::MAX));
        match self {
            PeriodStatus::Met => f.write_str("met"),
            PeriodStatus::Short { missing_minutes } => {
                write!(f, "short by {}", show(*missing_minutes))
            }
            PeriodStatus::InProgress { missing_minutes } => {
                write!(f, "{} still needed", show(*missing_minutes))
            }
        }
    }
}

/// One week or month, measured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodSupervision {
    /// Its first day.
    pub first: NaiveDate,
    /// Its last day.
    pub last: NaiveDate,
    /// Individual supervision received.
    pub individual_minutes: u64,
    /// Group supervision received (before the rule's percentage).
    pub group_minutes: u64,
    /// What counts: individual plus the rule's share of group, rounded down.
    pub received_minutes: u64,
    /// Client work in the period (the rule's client kinds).
    pub client_minutes: u64,
    /// What the rule asks for this period.
    pub required_minutes: u64,
    /// How it stands.
    pub status: PeriodStatus,
}

/// A supervision minimum, evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupervisionProgress {
    /// The minimum's id.
    pub id: String,
    /// The minimum's name.
    pub name: String,
    /// Every period with logged work up to today, and the current one, oldest first.
    pub periods: Vec<PeriodSupervision>,
}

impl SupervisionProgress {
    /// The periods that ended without enough supervision.
    pub fn shortfalls(&self) -> impl Iterator<Item = &PeriodSupervision> {
        self.periods
            .iter()
            .filter(|p| matches!(p.status, PeriodStatus::Short { .. }))
    }

    /// The period holding today.
    pub fn current(&self) -> Option<&PeriodSupervision> {
        self.periods.last()
    }

    /// Supervision still needed in the current period, if any.
    pub fn due(&self) -> Option<DueItem> {
        let current = self.current()?;
        match current.status {
            PeriodStatus::InProgress { missing_minutes } => Some(DueItem {
                about: DueAbout::Supervision {
                    rule: self.id.clone(),
                    name: self.name.clone(),
                },
                by: current.last,
                missing_minutes,
                overdue: false,
            }),
            _ => None,
        }
    }
}

/// The first and last day of the period holding `date`.
pub fn period_of(rule: &SupervisionMinimum, date: NaiveDate) -> (NaiveDate, NaiveDate) {
    match rule.period {
        Period::Week => {
            let first = week_start_on(date, rule.week_starts.weekday());
            (first, first.checked_add_days(Days::new(6)).unwrap_or(date))
        }
        Period::Month => {
            let first = date.with_day(1).unwrap_or(date);
            let last = first
                .checked_add_months(Months::new(1))
                .and_then(|next| next.pred_opt())
                .unwrap_or(NaiveDate::MAX);
            (first, last)
        }
    }
}

#[derive(Default)]
struct Sums {
    individual: u64,
    group: u64,
    client: u64,
}

/// Measures every period with logged work up to `today`, and the current period, against the
/// minimum. Supervision entries without a format count as `unmarked`.
pub fn evaluate_supervision(
    rule: &SupervisionMinimum,
    unmarked: SupervisionFormat,
    work: &[LoggedWork],
    today: NaiveDate,
) -> SupervisionProgress {
    let mut periods: BTreeMap<NaiveDate, (NaiveDate, Sums)> = BTreeMap::new();
    let current = period_of(rule, today);
    periods.insert(current.0, (current.1, Sums::default()));
    for w in work.iter().filter(|w| w.date <= today && w.minutes > 0) {
        let (first, last) = period_of(rule, w.date);
        let (_, sums) = periods.entry(first).or_insert((last, Sums::default()));
        let minutes = u64::from(w.minutes);
        match w.supervision(unmarked) {
            Some(SupervisionFormat::Individual) => {
                sums.individual = sums.individual.saturating_add(minutes);
            }
            Some(SupervisionFormat::Group) => sums.group = sums.group.saturating_add(minutes),
            None => {}
        }
        if rule.client_kinds.contains(&w.kind) {
            sums.client = sums.client.saturating_add(minutes);
        }
    }
    let periods = periods
        .into_iter()
        .map(|(first, (last, sums))| measure(rule, first, last, &sums, first == current.0))
        .collect();
    SupervisionProgress {
        id: rule.id.clone(),
        name: rule.name.clone(),
        periods,
    }
}

fn narrow(wide: u128) -> u64 {
    u64::try_from(wide).unwrap_or(u64::MAX)
}

fn measure(
    rule: &SupervisionMinimum,
    first: NaiveDate,
    last: NaiveDate,
    sums: &Sums,
    current: bool,
) -> PeriodSupervision {
    let share = u128::from(sums.group) * u128::from(rule.group_percent.min(100)) / 100;
    let received = sums.individual.saturating_add(narrow(share));
    let required = match rule.per_client_minutes {
        Some(per) if per > 0 => {
            narrow((u128::from(sums.client) * u128::from(rule.minutes)).div_ceil(u128::from(per)))
        }
        Some(_) => 0,
        None => u64::from(rule.minutes),
    };
    let missing_minutes = required.saturating_sub(received);
    let status = match (missing_minutes, current) {
        (0, _) => PeriodStatus::Met,
        (_, true) => PeriodStatus::InProgress { missing_minutes },
        (_, false) => PeriodStatus::Short { missing_minutes },
    };
    PeriodSupervision {
        first,
        last,
        individual_minutes: sums.individual,
        group_minutes: sums.group,
        received_minutes: received,
        client_minutes: sums.client,
        required_minutes: required,
        status,
    }
}
