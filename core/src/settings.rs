//! Device settings: facts about this browser's copy of the data rather than the data itself.
//!
//! When the first save happened, when a backup was last downloaded, whether the browser was
//! asked to keep the data safe from automatic clearing, and the colour theme chosen here. They live under their own small key and
//! are not part of the journal's revisions, since another device would not share them.

use crate::tracking::plan::BreakPlan;
use serde::{Deserialize, Serialize};

/// The key the settings are stored under.
pub const SETTINGS_KEY: &str = "tend.settings";

/// Days of use after which Tend reminds the clinician to download a backup.
pub const BACKUP_REMINDER_DAYS: i64 = 7;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// What the browser said when asked to keep Tend's data from being cleared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Persistence {
    /// Not asked yet.
    #[default]
    NotAsked,
    /// The browser agreed to keep the data.
    Granted,
    /// The browser may still clear the data when space runs low or after long disuse.
    Denied,
}

/// The colour theme chosen on this device.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every choice, in the order the settings list them.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The value of the page's `data-theme` attribute (`system` leaves the choice to CSS).
    pub fn slug(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The choice's name in the settings.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Same as this device",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// This browser's settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceSettings {
    /// When data was first saved here, in milliseconds since 1970.
    #[serde(default)]
    pub first_saved_at: Option<i64>,
    /// When a backup was last downloaded.
    #[serde(default)]
    pub last_backup_at: Option<i64>,
    /// The answer to the request for persistent storage.
    #[serde(default)]
    pub persistence: Persistence,
    /// Light, dark, or whatever the system says.
    #[serde(default)]
    pub theme: Theme,
    /// The weekly plan of breaks, reminded of on this device.
    #[serde(default, skip_serializing_if = "is_empty_plan")]
    pub break_plan: BreakPlan,
    /// True once the clinician asked for break reminders while Tend is open.
    #[serde(default)]
    pub reminders: bool,
}

fn is_empty_plan(plan: &BreakPlan) -> bool {
    plan.breaks.is_empty()
}

impl DeviceSettings {
    /// Reads settings, falling back to defaults for anything unreadable: they are
    /// conveniences, never records, so losing them loses nothing.
    pub fn decode(text: &str) -> DeviceSettings {
        Self::read(text).unwrap_or_default()
    }

    /// The stored text read strictly: why it cannot be used, if so, so that the shell can keep
    /// it aside and say so rather than replace it with defaults unnoticed.
    pub fn read(text: &str) -> Result<DeviceSettings, String> {
        crate::json::from_text(text).map_err(|e| e.to_string())
    }

    /// The stored text.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Days since the last backup (or since the first save, if there was none), once that is
    /// a week or more; `None` when no reminder is due.
    pub fn backup_overdue_days(&self, now_ms: i64) -> Option<i64> {
        let since = self.last_backup_at.or(self.first_saved_at)?;
        let days = now_ms.saturating_sub(since) / DAY_MS;
        (days >= BACKUP_REMINDER_DAYS).then_some(days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminds_after_a_week_without_a_backup() {
        let mut s = DeviceSettings::default();
        assert_eq!(
            s.backup_overdue_days(100 * DAY_MS),
            None,
            "nothing saved yet"
        );
        s.first_saved_at = Some(0);
        assert_eq!(s.backup_overdue_days(6 * DAY_MS), None);
        assert_eq!(s.backup_overdue_days(7 * DAY_MS), Some(7));
        s.last_backup_at = Some(5 * DAY_MS);
        assert_eq!(s.backup_overdue_days(7 * DAY_MS), None);
        assert_eq!(s.backup_overdue_days(13 * DAY_MS), Some(8));
    }

    #[test]
    fn unreadable_settings_fall_back_to_defaults() {
        assert_eq!(
            DeviceSettings::decode("{not json"),
            DeviceSettings::default()
        );
        let s = DeviceSettings {
            first_saved_at: Some(1),
            last_backup_at: None,
            persistence: Persistence::Granted,
            theme: Theme::Dark,
            ..DeviceSettings::default()
        };
        assert_eq!(DeviceSettings::decode(&s.encode()), s);
    }

    #[test]
    fn settings_saved_before_the_theme_existed_follow_the_system() {
        let old = r#"{"first_saved_at":5,"last_backup_at":null,"persistence":"granted"}"#;
        let s = DeviceSettings::decode(old);
        assert_eq!(s.theme, Theme::System);
        assert_eq!(s.first_saved_at, Some(5), "the other settings are kept");
        assert!(s.encode().contains(r#""theme":"system""#));
    }
}
