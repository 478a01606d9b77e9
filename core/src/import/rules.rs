//! Rules that give each imported event a kind from its title.
//!
//! A clinician's calendar titles follow habits: "Intake – J.", "Supervision with M.", "Notes".
//! A list of rules such as "title contains `intake` → this kind" turns those habits into kinds.
//! The rules are generic over what they assign, so the same list type can later assign an
//! organisation; the import uses `Rules<WorkKind>`.

use serde::{Deserialize, Serialize};

/// How a rule looks at a title. Matching ignores case; an empty pattern matches nothing, so a
/// half-filled rule never catches every event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "match", content = "text")]
pub enum Matcher {
    /// The title contains the text anywhere.
    Contains(String),
    /// The title begins with the text (after leading spaces).
    StartsWith(String),
}

impl Matcher {
    /// Whether a title matches.
    pub fn matches(&self, title: &str) -> bool {
        let (Matcher::Contains(pattern) | Matcher::StartsWith(pattern)) = self;
        let pattern = pattern.trim().to_lowercase();
        if pattern.is_empty() {
            return false;
        }
        let title = title.trim().to_lowercase();
        match self {
            Matcher::Contains(_) => title.contains(&pattern),
            Matcher::StartsWith(_) => title.starts_with(&pattern),
        }
    }
}

/// One rule: titles that match get `value`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule<T> {
    /// Which titles the rule takes.
    pub matcher: Matcher,
    /// What those titles get.
    pub value: T,
}

/// An ordered list of rules and the value for titles no rule matches. The first match wins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules<T> {
    /// The rules, tried in order.
    pub rules: Vec<Rule<T>>,
    /// The value for titles no rule takes.
    pub default: T,
}

impl<T> Rules<T> {
    /// No rules yet: every title gets `default`.
    pub fn new(default: T) -> Rules<T> {
        Rules {
            rules: Vec::new(),
            default,
        }
    }

    /// Adds a rule after the existing ones.
    pub fn with(mut self, matcher: Matcher, value: T) -> Rules<T> {
        self.rules.push(Rule { matcher, value });
        self
    }

    /// The value of the first rule the title matches, or the default.
    pub fn pick(&self, title: &str) -> &T {
        self.rules
            .iter()
            .find(|r| r.matcher.matches(title))
            .map_or(&self.default, |r| &r.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::WorkKind;

    fn rules() -> Rules<WorkKind> {
        Rules::new(WorkKind::DirectSession)
            .with(
                Matcher::StartsWith("Supervision".into()),
                WorkKind::Supervision,
            )
            .with(Matcher::Contains("notes".into()), WorkKind::Documentation)
            .with(Matcher::Contains("team".into()), WorkKind::Admin)
            .with(Matcher::Contains("".into()), WorkKind::Travel)
    }

    #[test]
    fn first_match_wins_ignoring_case() {
        let rules = rules();
        assert_eq!(
            rules.pick("  supervision: team notes"),
            &WorkKind::Supervision
        );
        assert_eq!(rules.pick("Team NOTES"), &WorkKind::Documentation);
        assert_eq!(rules.pick("Weekly TEAM meeting"), &WorkKind::Admin);
        assert_eq!(rules.pick("Group supervision"), &WorkKind::DirectSession);
        assert_eq!(rules.pick(""), &WorkKind::DirectSession);
        assert_eq!(rules.pick("ÉQUIPE"), &WorkKind::DirectSession);
        let accents = Rules::new(0).with(Matcher::Contains("équipe".into()), 1);
        assert_eq!(accents.pick("Réunion ÉQUIPE"), &1);
    }

    #[test]
    fn rules_round_trip_through_json() {
        let json = serde_json::to_string(&rules()).unwrap();
        assert!(json.contains("\"starts_with\""), "{json}");
        assert_eq!(
            serde_json::from_str::<Rules<WorkKind>>(&json).unwrap(),
            rules()
        );
    }
}
