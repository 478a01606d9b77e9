//! Selector: hours and earnings per organisation per month, pro bono time, and how much monthly
//! income varies.
//!
//! A contract clinician's income moves with the work: hourly contracts pay for time, per-session
//! contracts for sessions held, a salary for agreed hours regardless, and pro bono work not at
//! all. This selector applies each organisation's terms to the month's entries. All money is in
//! integer minor units (cents, pence) and every division rounds half up once, on the month's
//! total, so small entries do not each lose a fraction.
//!
//! Decisions, also in `docs/tracking-model.md`:
//! - Minutes belong to the month of the calendar day they fall on (entries past midnight are
//!   split, so a session from 23:30 on 31 January puts 30 minutes in January and the rest in
//!   February). Sessions are counted in the month of the day they started.
//! - An entry belongs to the organisation it names, or else to its case's organisation.
//! - An entry dated (by its start day) outside its organisation's contract earns nothing and is
//!   flagged, as is an entry naming an organisation that no longer exists. Its time still counts.
//! - Pro bono time is work for a pro bono organisation or an entry marked pro bono. It earns
//!   nothing; its "value forgone" is its minutes at the clinician's usual hourly rate, if set.

use super::div_round;
use super::effective_org;
use crate::entry::EntryId;
use crate::journal::Journal;
use crate::tracking::{Arrangement, OrgId, Organisation};
use crate::units::Month;
use chrono::NaiveDate;

/// The most months [`income_variability`] looks back over (ten years).
pub const MAX_VARIABILITY_MONTHS: u32 = 120;

/// Why an entry earned nothing although it might have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlagReason {
    /// Dated before the contract started or after it ended.
    OutsideContract,
    /// It names an organisation that is no longer there.
    UnknownOrganisation,
}

impl FlagReason {
    /// The plain-language explanation.
    pub fn label(self) -> &'static str {
        match self {
            FlagReason::OutsideContract => {
                "Dated outside the contract's dates, so no earnings were counted"
            }
            FlagReason::UnknownOrganisation => {
                "Its organisation was deleted, so no earnings were counted"
            }
        }
    }
}

/// An entry that earned nothing, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlaggedEntry {
    /// The entry.
    pub id: EntryId,
    /// Its date.
    pub date: NaiveDate,
    /// Why it was flagged.
    pub reason: FlagReason,
}

/// One organisation's month. `organisation` is `None` for work logged without one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrgMonth {
    /// The organisation, if the work named one.
    pub organisation: Option<OrgId>,
    /// Its name, or "No organisation" / "Deleted organisation".
    pub name: String,
    /// Its arrangement, if it is known.
    pub arrangement: Option<Arrangement>,
    /// All minutes of work for it in the month.
    pub minutes: u32,
    /// Of those, direct client minutes.
    pub direct_minutes: u32,
    /// Of those, unpaid (pro bono) minutes.
    pub pro_bono_minutes: u32,
    /// Minutes inside the contract and not pro bono: what an hourly contract pays for.
    pub paid_minutes: u32,
    /// Individual and group sessions started in the month inside the contract and not pro bono:
    /// what a per-session contract pays for.
    pub sessions: u32,
    /// Earnings in minor units (0 for salaried and pro bono arrangements).
    pub earnings: u64,
    /// The agreed weekly time pro-rated to the contract's days in the month
    /// (`weekly × days / 7`), when hours were agreed.
    pub agreed_minutes: Option<u32>,
    /// Pro bono minutes at the usual hourly rate, when that rate is set.
    pub value_forgone: Option<u64>,
    /// Entries started this month that earned nothing although they might have.
    pub flagged: Vec<FlaggedEntry>,
}

/// Hours and earnings of one month, by organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthIncome {
    /// The month.
    pub month: Month,
    /// Organisations in the order they were added, then deleted ones, then work with none.
    /// An organisation is listed if it had work or its contract ran during the month.
    pub organisations: Vec<OrgMonth>,
}

impl MonthIncome {
    /// All minutes of work in the month.
    pub fn total_minutes(&self) -> u32 {
        self.organisations.iter().map(|o| o.minutes).sum()
    }

    /// All earnings of the month, in minor units.
    pub fn total_earnings(&self) -> u64 {
        self.organisations
            .iter()
            .fold(0u64, |sum, o| sum.saturating_add(o.earnings))
    }

    /// All pro bono minutes of the month.
    pub fn pro_bono_minutes(&self) -> u32 {
        self.organisations.iter().map(|o| o.pro_bono_minutes).sum()
    }

    /// The value of the month's pro bono time at the usual rate, if that rate is set.
    pub fn value_forgone(&self) -> Option<u64> {
        self.organisations
            .iter()
            .filter_map(|o| o.value_forgone)
            .reduce(u64::saturating_add)
    }

    /// Every flagged entry of the month.
    pub fn flagged(&self) -> impl Iterator<Item = &FlaggedEntry> {
        self.organisations.iter().flat_map(|o| o.flagged.iter())
    }
}

/// Which bucket an entry goes in.
#[derive(Clone, PartialEq, Eq)]
enum Bucket {
    Known(usize),
    Deleted(OrgId),
    None,
}

fn money(minutes: u32, rate_per_hour: u64) -> u64 {
    let value = div_round(u128::from(minutes) * u128::from(rate_per_hour), 60);
    u64::try_from(value).unwrap_or(u64::MAX)
}

/// Hours and earnings per organisation for `month`.
pub fn month_income(journal: &Journal, month: Month) -> MonthIncome {
    let (first, last) = (month.first_day(), month.last_day());
    let orgs = &journal.organisations;
    let mut known: Vec<OrgMonth> = orgs
        .iter()
        .map(|o| OrgMonth {
            organisation: Some(o.id.clone()),
            name: o.name.clone(),
            arrangement: Some(o.arrangement),
            ..OrgMonth::default()
        })
        .collect();
    let mut deleted: Vec<OrgMonth> = Vec::new();
    let mut none = OrgMonth {
        name: "No organisation".into(),
        ..OrgMonth::default()
    };

    for entry in &journal.entries {
        let bucket = match effective_org(journal, entry) {
            Some(id) => orgs
                .iter()
                .position(|o| &o.id == id)
                .map_or_else(|| Bucket::Deleted(id.clone()), Bucket::Known),
            None => Bucket::None,
        };
        let org: Option<&Organisation> = match &bucket {
            Bucket::Known(i) => orgs.get(*i),
            _ => None,
        };
        let in_month: u32 = entry
            .day_split()
            .parts()
            .filter(|(d, _)| month.contains(*d))
            .map(|(_, m)| m)
            .sum();
        let starts_here = month.contains(entry.date);
        if in_month == 0 && !starts_here {
            continue;
        }
        let pro_bono = entry.pro_bono || org.is_some_and(|o| o.arrangement == Arrangement::ProBono);
        let flag = match (&bucket, org) {
            (Bucket::Deleted(_), _) => Some(FlagReason::UnknownOrganisation),
            (_, Some(o)) if !o.covers(entry.date) => Some(FlagReason::OutsideContract),
            _ => None,
        };
        let slot = match &bucket {
            Bucket::Known(i) => &mut known[*i],
            Bucket::None => &mut none,
            Bucket::Deleted(id) => {
                let at = deleted
                    .iter()
                    .position(|d| d.organisation.as_ref() == Some(id))
                    .unwrap_or_else(|| {
                        deleted.push(OrgMonth {
                            organisation: Some(id.clone()),
                            name: "Deleted organisation".into(),
                            ..OrgMonth::default()
                        });
                        deleted.len() - 1
                    });
                &mut deleted[at]
            }
        };
        slot.minutes = slot.minutes.saturating_add(in_month);
        if entry.kind.is_direct() {
            slot.direct_minutes = slot.direct_minutes.saturating_add(in_month);
        }
        if pro_bono {
            slot.pro_bono_minutes = slot.pro_bono_minutes.saturating_add(in_month);
        } else if flag.is_none() {
            slot.paid_minutes = slot.paid_minutes.saturating_add(in_month);
            if starts_here && entry.kind.is_billable_session() {
                slot.sessions += 1;
            }
        }
        if let (Some(reason), true) = (flag, starts_here) {
            slot.flagged.push(FlaggedEntry {
                id: entry.id.clone(),
                date: entry.date,
                reason,
            });
        }
    }

    let usual_rate = journal.targets.usual_rate;
    let mut organisations = Vec::new();
    for (org, mut row) in orgs.iter().zip(known) {
        row.earnings = match (org.arrangement, org.rate) {
            (Arrangement::Hourly, Some(rate)) => money(row.paid_minutes, rate),
            (Arrangement::PerSession, Some(rate)) => u64::from(row.sessions).saturating_mul(rate),
            _ => 0,
        };
        let covered = org.days_covered(first, last);
        if org.weekly_minutes > 0 {
            let agreed = div_round(u128::from(org.weekly_minutes) * u128::from(covered), 7);
            row.agreed_minutes = Some(u32::try_from(agreed).unwrap_or(u32::MAX));
        }
        if covered > 0 || row.minutes > 0 || !row.flagged.is_empty() {
            organisations.push(row);
        }
    }
    organisations.extend(deleted);
    if none.minutes > 0 {
        organisations.push(none);
    }
    for row in &mut organisations {
        row.value_forgone = usual_rate.map(|rate| money(row.pro_bono_minutes, rate));
    }
    MonthIncome {
        month,
        organisations,
    }
}

/// How much monthly earnings vary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomeVariability {
    /// Each month considered, oldest first, with its earnings in minor units.
    pub months: Vec<(Month, u64)>,
    /// Mean monthly earnings, rounded half up.
    pub mean: u64,
    /// The coefficient of variation (population standard deviation divided by the mean) in
    /// basis points (1% = 100), or `None` with fewer than two months or no earnings at all.
    pub cv_basis_points: Option<u32>,
}

/// The variability of earnings over the `count` months ending with `through` (including it),
/// leaving out months before the first work entry so that a short history is not padded with
/// empty months. Months with work but no earnings count as zero.
///
/// With monthly earnings `e₁ … eₙ`, `S = Σeᵢ` and `Q = Σeᵢ²`, the coefficient of variation is
/// `√(n·Q − S²) / S`; it is computed in integers as `⌊√((n·Q − S²)·10⁸)⌋ / S` basis points.
/// Only earnings Tend can compute count: hourly and per-session contracts. A salary is not known
/// to Tend, so salaried work adds nothing here.
pub fn income_variability(journal: &Journal, through: Month, count: u32) -> IncomeVariability {
    let first_work = journal.entries.iter().map(|e| Month::of(e.date)).min();
    let mut months = Vec::new();
    let mut month = Some(through);
    for _ in 0..count.min(MAX_VARIABILITY_MONTHS) {
        let Some(m) = month.filter(|m| first_work.is_some_and(|f| *m >= f)) else {
            break;
        };
        months.push((m, month_income(journal, m).total_earnings()));
        month = m.prev();
    }
    months.reverse();
    let n = months.len() as u128;
    let sum: u128 = months.iter().map(|(_, e)| u128::from(*e)).sum();
    let mean = u64::try_from(div_round(sum, n)).unwrap_or(u64::MAX);
    let cv_basis_points = (n >= 2 && sum > 0)
        .then(|| {
            let squares = months.iter().try_fold(0u128, |q, (_, e)| {
                q.checked_add(u128::from(*e).checked_pow(2)?)
            })?;
            let spread = squares.checked_mul(n)?.checked_sub(sum.checked_pow(2)?)?;
            let scaled = spread.checked_mul(100_000_000)?.isqrt() / sum;
            u32::try_from(scaled).ok()
        })
        .flatten();
    IncomeVariability {
        months,
        mean,
        cv_basis_points,
    }
}

/// One organisation's minutes month by month: a row of the hours-by-organisation table and a
/// series of its chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgSeries {
    /// The organisation, or `None` for work without one.
    pub organisation: Option<OrgId>,
    /// Its name as the legend shows it.
    pub name: String,
    /// Minutes in each month, in the order of the months given.
    pub minutes: Vec<u32>,
}

/// Gathers the organisations that have time in any of the months, in order of first appearance.
pub fn org_series(months: &[MonthIncome]) -> Vec<OrgSeries> {
    let mut series: Vec<OrgSeries> = Vec::new();
    for (i, month) in months.iter().enumerate() {
        for org in month.organisations.iter().filter(|o| o.minutes > 0) {
            let at = match series
                .iter()
                .position(|s| s.organisation == org.organisation)
            {
                Some(at) => at,
                None => {
                    series.push(OrgSeries {
                        organisation: org.organisation.clone(),
                        name: org.name.clone(),
                        minutes: vec![0; months.len()],
                    });
                    series.len() - 1
                }
            };
            if let Some(slot) = series.get_mut(at).and_then(|s| s.minutes.get_mut(i)) {
                *slot += org.minutes;
            }
        }
    }
    series
}

#[cfg(test)]
#[path = "income_tests.rs"]
mod tests;
