//! The reducer's rules for requirement sets and continuing-education activities, and why a change
//! to them is refused ([`RequirementError`]).
//!
//! A set is kept only when it has no problem at all (the same check a file's import runs), under
//! an id no other stored set has; a CE activity only when its hours and texts fit and its id is
//! new. Both are small collections: sets are not dated and live with the registry, activities are
//! dated and live in their month, like self-check results.

use super::{with, ActionError, Journal};
use crate::requirements::{CeActivity, CeId, RequirementSet};
use std::collections::HashSet;
use std::fmt;

/// The most requirement sets one journal keeps.
pub const MAX_SETS: usize = 20;

/// Why a change to the requirement sets or CE activities was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequirementError {
    /// The set breaks its rules; every problem, as a sentence with its place.
    InvalidSet(Vec<String>),
    /// A set with this id is already kept (its name is given).
    SetExists(String),
    /// No set has this id.
    UnknownSet(String),
    /// The journal already keeps [`MAX_SETS`] sets.
    TooManySets,
    /// The activity cannot be kept; every problem, as a sentence.
    InvalidActivity(Vec<String>),
    /// An activity with this id is already logged.
    ActivityExists(CeId),
    /// No activity has this id.
    UnknownActivity(CeId),
}

impl fmt::Display for RequirementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequirementError::InvalidSet(problems) => write!(
                f,
                "This requirement set cannot be kept: {}",
                problems.join("; ")
            ),
            RequirementError::SetExists(name) => write!(
                f,
                "A requirement set with the same id is already here (\u{201c}{name}\u{201d}). \
                 Remove it first or give the new one another id."
            ),
            RequirementError::UnknownSet(_) => {
                f.write_str("That requirement set is no longer there; it may have been removed.")
            }
            RequirementError::TooManySets => write!(
                f,
                "Tend keeps at most {MAX_SETS} requirement sets. Remove one you no longer need."
            ),
            RequirementError::InvalidActivity(problems) => {
                write!(f, "This activity cannot be logged: {}", problems.join(" "))
            }
            RequirementError::ActivityExists(id) => {
                write!(f, "An activity with id {id} is already logged.")
            }
            RequirementError::UnknownActivity(_) => {
                f.write_str("That activity is no longer there; it may have been deleted already.")
            }
        }
    }
}

impl From<RequirementError> for ActionError {
    fn from(e: RequirementError) -> ActionError {
        ActionError::Requirement(e)
    }
}

fn set_problems(set: &RequirementSet) -> Result<(), RequirementError> {
    let problems = set.problems();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(RequirementError::InvalidSet(
            problems.iter().map(ToString::to_string).collect(),
        ))
    }
}

fn activity_problems(activity: &CeActivity) -> Result<(), RequirementError> {
    let problems = activity.problems();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(RequirementError::InvalidActivity(problems))
    }
}

pub(crate) fn add_set(journal: &Journal, set: &RequirementSet) -> Result<Journal, ActionError> {
    set_problems(set)?;
    if let Some(existing) = journal.requirement_sets.iter().find(|s| s.id == set.id) {
        return Err(RequirementError::SetExists(existing.name.clone()).into());
    }
    if journal.requirement_sets.len() >= MAX_SETS {
        return Err(RequirementError::TooManySets.into());
    }
    with(journal, |j| j.requirement_sets.push(set.clone()))
}

pub(crate) fn update_set(journal: &Journal, set: &RequirementSet) -> Result<Journal, ActionError> {
    set_problems(set)?;
    let i = journal
        .requirement_sets
        .iter()
        .position(|s| s.id == set.id)
        .ok_or_else(|| RequirementError::UnknownSet(set.id.clone()))?;
    with(journal, |j| j.requirement_sets[i] = set.clone())
}

pub(crate) fn remove_set(journal: &Journal, id: &str) -> Result<Journal, ActionError> {
    let i = journal
        .requirement_sets
        .iter()
        .position(|s| s.id == id)
        .ok_or_else(|| RequirementError::UnknownSet(id.into()))?;
    with(journal, |j| {
        j.requirement_sets.remove(i);
    })
}

pub(crate) fn add_activity(
    journal: &Journal,
    activity: &CeActivity,
) -> Result<Journal, ActionError> {
    activity_problems(activity)?;
    if journal.ce_activities.iter().any(|a| a.id == activity.id) {
        return Err(RequirementError::ActivityExists(activity.id.clone()).into());
    }
    with(journal, |j| j.ce_activities.push(activity.clone()))
}

pub(crate) fn remove_activity(journal: &Journal, id: &CeId) -> Result<Journal, ActionError> {
    let i = journal
        .ce_activities
        .iter()
        .position(|a| &a.id == id)
        .ok_or_else(|| RequirementError::UnknownActivity(id.clone()))?;
    with(journal, |j| {
        j.ce_activities.remove(i);
    })
}

/// Each stored set and activity on its own, as the reducer would have accepted it.
pub(crate) fn check_records(journal: &Journal) -> Result<(), String> {
    let mut ids = HashSet::new();
    if journal.requirement_sets.len() > MAX_SETS {
        return Err(RequirementError::TooManySets.to_string());
    }
    for set in &journal.requirement_sets {
        set_problems(set).map_err(|e| format!("requirement set {}: {e}", set.id))?;
        if !ids.insert(set.id.as_str()) {
            return Err(format!("requirement set {} appears twice", set.id));
        }
    }
    let mut ids = HashSet::new();
    for activity in &journal.ce_activities {
        activity_problems(activity).map_err(|e| format!("CE activity {}: {e}", activity.id))?;
        if !ids.insert(&activity.id) {
            return Err(format!("CE activity {} appears twice", activity.id));
        }
    }
    Ok(())
}
