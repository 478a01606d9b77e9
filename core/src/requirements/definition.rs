//! What a requirement set is, as data: who sets the rules, and up to three kinds of rule (a
//! supervision minimum, a licensure hour log, a continuing-education cycle).
//!
//! Like self-check instruments, a set is a definition the core evaluates generically, so a board's
//! rules are a JSON file rather than code. The stored form and the file form are the same: amounts
//! are written in hours (`"cap_hours": 1000`, `"hours": 1.5`) and kept here in whole minutes, so
//! every sum is exact. `docs/requirements.md` describes every field.

use crate::entry::WorkKind;
use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// A board's (or a body's) rules for supervision, licensure hours and continuing education.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementSet {
    /// A short stable id of lower-case letters, digits and hyphens.
    pub id: String,
    /// The name shown to the clinician.
    pub name: String,
    /// Who sets these rules, such as a licensing board or a professional body.
    pub body: String,
    /// Where the figures come from.
    #[serde(default)]
    pub source: String,
    /// A web address for the rules, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// When the rules were read from the source, such as `2026`.
    #[serde(default)]
    pub as_of: String,
    /// True for the examples Tend ships.
    #[serde(default)]
    pub example: bool,
    /// A note shown with the set, such as "check your board's current rules".
    #[serde(default)]
    pub note: String,
    /// How a supervision entry counts when it does not say whether it was individual or group.
    /// Tend's work entries do not say, so this decides for all of them.
    #[serde(default)]
    pub unmarked_supervision: SupervisionFormat,
    /// Minimums of supervision received per week or month.
    #[serde(default)]
    pub supervision: Vec<SupervisionMinimum>,
    /// The hours to log towards a licence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licensure: Option<LicensureLog>,
    /// The continuing-education cycle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ce: Option<CeCycle>,
}

/// Whether supervision was received alone (or in a pair) or in a group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupervisionFormat {
    /// One supervisor with one (or, where the board allows, two) supervisees.
    #[default]
    Individual,
    /// Supervision in a group.
    Group,
}

impl SupervisionFormat {
    /// The name used in files.
    pub fn slug(self) -> &'static str {
        match self {
            SupervisionFormat::Individual => "individual",
            SupervisionFormat::Group => "group",
        }
    }
}

/// The span a supervision minimum is measured over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// A week, starting on the set's chosen day.
    Week,
    /// A calendar month.
    Month,
}

impl Period {
    /// The name used in files.
    pub fn slug(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
        }
    }
}

/// The day a rule's weeks begin on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekStarts {
    /// Monday to Sunday (ISO weeks, as the rest of Tend counts them).
    #[default]
    Monday,
    /// Sunday to Saturday.
    Sunday,
}

impl WeekStarts {
    /// The name used in files.
    pub fn slug(self) -> &'static str {
        match self {
            WeekStarts::Monday => "monday",
            WeekStarts::Sunday => "sunday",
        }
    }

    /// The weekday itself.
    pub fn weekday(self) -> Weekday {
        match self {
            WeekStarts::Monday => Weekday::Mon,
            WeekStarts::Sunday => Weekday::Sun,
        }
    }
}

/// Supervision to receive in every week or month: a fixed amount, or an amount for every so many
/// client hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupervisionMinimum {
    /// A short id, unique within the set.
    pub id: String,
    /// The name shown, such as "Monthly supervision".
    pub name: String,
    /// The span measured.
    pub period: Period,
    /// Supervision needed per period, or per `per_client_minutes` of client work.
    #[serde(rename = "hours", with = "as_hours")]
    pub minutes: u32,
    /// When set, the minimum is proportional: `minutes` for every this many minutes of client
    /// work in the period.
    #[serde(
        rename = "per_client_hours",
        with = "opt_hours",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub per_client_minutes: Option<u32>,
    /// The work kinds that are client hours, for a proportional minimum.
    #[serde(default = "direct_kinds", skip_serializing_if = "is_direct_kinds")]
    pub client_kinds: Vec<WorkKind>,
    /// The share of group supervision that counts, in percent (100 counts it in full).
    #[serde(default = "hundred")]
    pub group_percent: u32,
    /// The day weeks begin on, for a weekly minimum.
    #[serde(default, skip_serializing_if = "is_monday")]
    pub week_starts: WeekStarts,
}

/// The hours to log towards a licence: a total made of categories fed by Tend's work kinds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LicensureLog {
    /// The total to reach.
    #[serde(rename = "total_hours", with = "as_hours")]
    pub total_minutes: u32,
    /// The categories hours are counted in.
    pub categories: Vec<Category>,
    /// When set, a week's hours count only if the week holds this much supervision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifying_week: Option<QualifyingWeek>,
    /// The day weeks begin on, for weekly caps and qualifying weeks.
    #[serde(default)]
    pub week_starts: WeekStarts,
    /// How many recent complete weeks set the pace of the projected completion date.
    #[serde(default = "twelve")]
    pub pace_weeks: u32,
    /// The first day hours count from (the clinician's own; examples leave it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// The supervisor's name, as free text (the clinician's own).
    #[serde(default)]
    pub supervisor: String,
}

/// One category of licensure hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// A short id, unique within the log.
    pub id: String,
    /// The name shown, such as "Direct client contact".
    pub name: String,
    /// The work kinds whose hours fall in this category (each kind in at most one category).
    pub kinds: Vec<WorkKind>,
    /// Each logged hour counts as this many hours (2 counts double).
    #[serde(default = "one")]
    pub counts_as: u32,
    /// At least this much must be counted in the category.
    #[serde(
        rename = "min_hours",
        with = "opt_hours",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_minutes: Option<u32>,
    /// At most this much counts towards the total.
    #[serde(
        rename = "cap_hours",
        with = "opt_hours",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cap_minutes: Option<u32>,
    /// At most this much counts in any one week.
    #[serde(
        rename = "weekly_cap_hours",
        with = "opt_hours",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub weekly_cap_minutes: Option<u32>,
}

/// The supervision that makes a week's hours count: at least `individual_minutes` of individual
/// supervision, or at least `group_minutes` of group supervision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualifyingWeek {
    /// Individual supervision that is enough on its own.
    #[serde(rename = "individual_hours", with = "as_hours")]
    pub individual_minutes: u32,
    /// Group supervision that is enough on its own; without it, only individual supervision
    /// qualifies a week.
    #[serde(
        rename = "group_hours",
        with = "opt_hours",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub group_minutes: Option<u32>,
}

/// A continuing-education cycle: hours to complete by a due date, some in named categories.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CeCycle {
    /// The hours to complete in each cycle.
    #[serde(rename = "hours", with = "as_hours")]
    pub minutes: u32,
    /// The length of a cycle in months.
    pub months: u32,
    /// The day the current cycle ends (the clinician's own; examples leave it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Hours required in particular categories (they count towards the total too).
    #[serde(default)]
    pub required: Vec<CeRequired>,
    /// How many days before the due date an unfinished cycle shows as due soon.
    #[serde(default = "ninety")]
    pub warn_days: u32,
}

/// Hours a CE cycle requires in one category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CeRequired {
    /// The category an activity names to count here, such as `ethics`.
    pub category: String,
    /// The name shown, such as "Ethics".
    pub name: String,
    /// The least that must be completed in the category.
    #[serde(rename = "hours", with = "as_hours")]
    pub minutes: u32,
}

fn direct_kinds() -> Vec<WorkKind> {
    WorkKind::ALL
        .into_iter()
        .filter(|k| k.is_direct())
        .collect()
}

/// The kinds that are client work unless a minimum says otherwise: [`WorkKind::is_direct`].
pub fn default_client_kinds() -> Vec<WorkKind> {
    direct_kinds()
}

fn is_direct_kinds(kinds: &[WorkKind]) -> bool {
    kinds == direct_kinds().as_slice()
}

fn is_monday(day: &WeekStarts) -> bool {
    *day == WeekStarts::Monday
}

fn hundred() -> u32 {
    100
}

fn twelve() -> u32 {
    12
}

fn one() -> u32 {
    1
}

fn ninety() -> u32 {
    90
}

/// Minutes written as hours: whole hours as integers, others as decimals.
pub(crate) fn hours_value(minutes: u32) -> serde_json::Value {
    if minutes.is_multiple_of(60) {
        serde_json::Value::from(minutes / 60)
    } else {
        serde_json::Value::from(f64::from(minutes) / 60.0)
    }
}

/// Hours read as whole minutes, if they are a finite, non-negative whole number of minutes that
/// fits: `Err` carries the minutes it would be, for the message.
pub(crate) fn minutes_of_hours(hours: f64) -> Result<u32, f64> {
    let minutes = hours * 60.0;
    let whole = minutes.round();
    if !minutes.is_finite() || minutes < 0.0 || (minutes - whole).abs() > 1e-6 {
        return Err(minutes);
    }
    if whole > f64::from(u32::MAX) {
        return Err(minutes);
    }
    // In range and whole, so the conversion is exact.
    Ok(whole as u32)
}

mod as_hours {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(minutes: &u32, s: S) -> Result<S::Ok, S::Error> {
        super::hours_value(*minutes).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        let hours = f64::deserialize(d)?;
        super::minutes_of_hours(hours)
            .map_err(|_| serde::de::Error::custom("hours must be a whole number of minutes"))
    }
}

mod opt_hours {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(minutes: &Option<u32>, s: S) -> Result<S::Ok, S::Error> {
        match minutes {
            Some(m) => super::as_hours::serialize(m, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        match Option::<f64>::deserialize(d)? {
            Some(hours) => super::minutes_of_hours(hours)
                .map(Some)
                .map_err(|_| serde::de::Error::custom("hours must be a whole number of minutes")),
            None => Ok(None),
        }
    }
}
