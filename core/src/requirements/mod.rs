//! Supervision, licensure hours and continuing education, as requirement sets.
//!
//! A [`RequirementSet`] is a definition the core evaluates generically, like a self-check
//! instrument: a board's rules are data, read from JSON with every problem listed ([`import`]),
//! not code. A set holds up to three kinds of rule:
//!
//! - **supervision minimums** ([`supervision`]): supervision received per week or month, a fixed
//!   amount or an amount for every so many client hours;
//! - a **licensure hour log** ([`licensure`]): a total made of categories fed by Tend's work kinds,
//!   with minimums, caps, weekly caps, weeks that count only with supervision and categories that
//!   count double, projected to a completion date ([`projection`]);
//! - a **continuing-education cycle** ([`ce`]): hours to complete by a due date, some in required
//!   categories, from the clinician's [`CeActivity`] records.
//!
//! Evaluation takes plain inputs ([`LoggedWork`], [`CeActivity`] and today's date), never the
//! journal, and explains itself: what counted, what was capped and why, which weeks did not count
//! and why, and what is due soon. Only hours and categories come in, nothing about a client.
//! Tend ships a few labelled examples built from public figures ([`examples`]).
//! `docs/requirements.md` describes the format and every rule.

pub mod ce;
pub mod definition;
pub mod due;
pub mod examples;
pub mod import;
mod import_rules;
pub mod input;
pub mod licensure;
pub mod log_week;
pub mod projection;
mod reader;
pub mod supervision;

pub use ce::{evaluate_ce, CeCategoryProgress, CeExclusion, CeProgress, CeStatus};
pub use definition::{
    Category, CeCycle, CeRequired, LicensureLog, Period, QualifyingWeek, RequirementSet,
    SupervisionFormat, SupervisionMinimum, WeekStarts,
};
pub use due::{DueAbout, DueItem};
pub use examples::examples;
pub use import::{read_set, read_value, MAX_SET_BYTES};
pub use input::{CeActivity, CeId, LoggedWork};
pub use licensure::{evaluate_licensure, CategoryProgress, LicensureProgress};
pub use log_week::{LogWeek, WeekStatus};
pub use projection::{Pace, Projection};
pub use reader::Problem;
pub use supervision::{evaluate_supervision, PeriodStatus, PeriodSupervision, SupervisionProgress};

use chrono::NaiveDate;

/// Every rule of a set, evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetProgress {
    /// Each supervision minimum, in the set's order.
    pub supervision: Vec<SupervisionProgress>,
    /// The licensure log, if the set has one.
    pub licensure: Option<LicensureProgress>,
    /// The CE cycle, if the set has one.
    pub ce: Option<CeProgress>,
    /// Everything due soon or overdue, earliest first.
    pub due: Vec<DueItem>,
}

/// Evaluates every rule of `set` against the work and CE activities logged, on `today`.
pub fn evaluate(
    set: &RequirementSet,
    work: &[LoggedWork],
    activities: &[CeActivity],
    today: NaiveDate,
) -> SetProgress {
    let unmarked = set.unmarked_supervision;
    let supervision: Vec<_> = set
        .supervision
        .iter()
        .map(|rule| evaluate_supervision(rule, unmarked, work, today))
        .collect();
    let licensure = set
        .licensure
        .as_ref()
        .map(|log| evaluate_licensure(log, unmarked, work, today));
    let ce = set
        .ce
        .as_ref()
        .map(|cycle| evaluate_ce(cycle, activities, today));
    let mut due: Vec<DueItem> = supervision
        .iter()
        .filter_map(SupervisionProgress::due)
        .collect();
    due.extend(licensure.as_ref().and_then(LicensureProgress::due));
    due.extend(ce.iter().flat_map(CeProgress::due_items));
    due.sort_by_key(|item| item.by);
    SetProgress {
        supervision,
        licensure,
        ce,
        due,
    }
}
