//! A work entry: one block of working time on one day, of one kind.
//!
//! This is the smallest record Tend keeps. Later records (cases, breaks, organisations) refer to
//! days and kinds in the same way, so the kinds and their labels are defined once, here.
//!
//! The tracking fields (organisation, case, start time, trauma and pro bono flags) were added
//! after the first stored data was written, so each has a default and is left out of the stored
//! text while it holds that default: an entry written before them reads back unchanged, and an
//! entry that does not use them is stored exactly as before.

use crate::tracking::{CaseId, OrgId};
use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of work a clinician logs. The order is the order used in forms, charts and tables.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    /// Face-to-face or remote time with a client.
    #[default]
    DirectSession,
    /// A session with a group of clients.
    GroupSession,
    /// An assessment or intake with a client.
    Assessment,
    /// Notes, letters and reports.
    Documentation,
    /// Scheduling, email, meetings and other administration.
    Admin,
    /// Travel between places of work.
    Travel,
    /// Clinical supervision received.
    Supervision,
    /// On-call duty and crisis work.
    OnCall,
}

impl WorkKind {
    /// Every kind, in display order.
    pub const ALL: [WorkKind; 8] = [
        WorkKind::DirectSession,
        WorkKind::GroupSession,
        WorkKind::Assessment,
        WorkKind::Documentation,
        WorkKind::Admin,
        WorkKind::Travel,
        WorkKind::Supervision,
        WorkKind::OnCall,
    ];

    /// The plain-language name shown to the clinician.
    pub fn label(self) -> &'static str {
        match self {
            WorkKind::DirectSession => "Direct session",
            WorkKind::GroupSession => "Group session",
            WorkKind::Assessment => "Assessment",
            WorkKind::Documentation => "Documentation",
            WorkKind::Admin => "Admin",
            WorkKind::Travel => "Travel",
            WorkKind::Supervision => "Supervision",
            WorkKind::OnCall => "On-call / crisis",
        }
    }

    /// A stable machine name, used in stored data and form values.
    pub fn slug(self) -> &'static str {
        match self {
            WorkKind::DirectSession => "direct_session",
            WorkKind::GroupSession => "group_session",
            WorkKind::Assessment => "assessment",
            WorkKind::Documentation => "documentation",
            WorkKind::Admin => "admin",
            WorkKind::Travel => "travel",
            WorkKind::Supervision => "supervision",
            WorkKind::OnCall => "on_call",
        }
    }

    /// The kind with this machine name, if there is one.
    pub fn from_slug(slug: &str) -> Option<WorkKind> {
        WorkKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// The kind's code in schema 3's compact rows (docs/storage.md). Fixed for good: reordering
    /// [`WorkKind::ALL`] never changes it.
    pub fn code(self) -> u8 {
        match self {
            WorkKind::DirectSession => 0,
            WorkKind::GroupSession => 1,
            WorkKind::Assessment => 2,
            WorkKind::Documentation => 3,
            WorkKind::Admin => 4,
            WorkKind::Travel => 5,
            WorkKind::Supervision => 6,
            WorkKind::OnCall => 7,
        }
    }

    /// The kind stored as `code`, or `None` for a code no kind has.
    pub fn from_code(code: u8) -> Option<WorkKind> {
        match code {
            0 => Some(WorkKind::DirectSession),
            1 => Some(WorkKind::GroupSession),
            2 => Some(WorkKind::Assessment),
            3 => Some(WorkKind::Documentation),
            4 => Some(WorkKind::Admin),
            5 => Some(WorkKind::Travel),
            6 => Some(WorkKind::Supervision),
            7 => Some(WorkKind::OnCall),
            _ => None,
        }
    }

    /// Position in [`WorkKind::ALL`], for per-kind arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// True for time spent with clients (individual, group or assessment): the hours the
    /// "maximum direct hours" target limits.
    pub fn is_direct(self) -> bool {
        matches!(
            self,
            WorkKind::DirectSession | WorkKind::GroupSession | WorkKind::Assessment
        )
    }

    /// True for the kinds a per-session contract pays for: individual and group sessions.
    pub fn is_billable_session(self) -> bool {
        matches!(self, WorkKind::DirectSession | WorkKind::GroupSession)
    }
}

impl fmt::Display for WorkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A record's stable identity. It is made by the shell (time plus randomness) and never changes,
/// so that later imports and two-tab merges can tell the same record from a new one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(pub String);

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One block of work time.
///
/// `Default` exists so that code building an entry can name the fields it cares about and write
/// `..Default::default()` for the rest; a default entry itself (no id, zero minutes) is refused
/// by the reducer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkEntry {
    /// Stable identity.
    pub id: EntryId,
    /// The day the work was done (the day it started, when a start time is given).
    pub date: NaiveDate,
    /// Length in minutes, 1 to 1440.
    pub minutes: u32,
    /// What kind of work it was.
    pub kind: WorkKind,
    /// The local wall-clock time the work started, if known. With a start, time running past
    /// midnight is counted on the next day (see [`WorkEntry::day_split`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveTime>,
    /// The organisation the work was for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<OrgId>,
    /// The case the work was about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<CaseId>,
    /// True if the work involved trauma content.
    #[serde(default, skip_serializing_if = "is_false")]
    pub trauma: bool,
    /// True if the work was unpaid, even for an organisation that otherwise pays.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pro_bono: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The minutes of one entry on each calendar day it touches: the start day and, when the entry
/// has a start time and runs past midnight, the day after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DaySplit {
    /// The start day and the minutes counted on it.
    pub first: (NaiveDate, u32),
    /// The following day and the minutes after midnight, if any.
    pub second: Option<(NaiveDate, u32)>,
}

impl DaySplit {
    /// Both parts, in date order.
    pub fn parts(self) -> impl Iterator<Item = (NaiveDate, u32)> {
        std::iter::once(self.first).chain(self.second)
    }
}

impl WorkEntry {
    /// An entry with only the original four fields set; the tracking fields are left empty.
    pub fn new(id: EntryId, date: NaiveDate, minutes: u32, kind: WorkKind) -> WorkEntry {
        WorkEntry {
            id,
            date,
            minutes,
            kind,
            ..WorkEntry::default()
        }
    }

    /// True when some of this entry's minutes may count on a day from `first` to `last`: it is
    /// dated in that span or the day before it (its minutes after midnight count on the next
    /// day, never later). A cheap test that lets selectors skip the rest of a long history.
    pub fn may_count_within(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.date <= last && self.date.succ_opt().is_none_or(|next| next >= first)
    }

    /// How the entry's minutes fall on calendar days.
    ///
    /// Without a start time every minute counts on `date`. With one, the minutes up to midnight
    /// count on `date` and the rest on the next day: a session from 23:30 lasting 90 minutes is
    /// 30 minutes on its day and 60 on the next. Dates are local calendar dates and lengths are
    /// minutes, so a daylight-saving change never alters the sums. Never panics: on the last
    /// date chrono can represent, everything stays on that date.
    pub fn day_split(&self) -> DaySplit {
        let Some(start) = self.start else {
            return DaySplit {
                first: (self.date, self.minutes),
                second: None,
            };
        };
        let minute_of_day = start.hour() * 60 + start.minute();
        let before_midnight = MAX_ENTRY_MINUTES.saturating_sub(minute_of_day);
        let first = self.minutes.min(before_midnight);
        let rest = self.minutes - first;
        match self.date.succ_opt() {
            Some(next) if rest > 0 => DaySplit {
                first: (self.date, first),
                second: Some((next, rest)),
            },
            _ => DaySplit {
                first: (self.date, self.minutes),
                second: None,
            },
        }
    }
}

/// The longest a single entry may be: one whole day.
pub const MAX_ENTRY_MINUTES: u32 = crate::units::duration::MINUTES_IN_DAY;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_codes_are_docs_storage_md_s_and_read_back() {
        let codes: Vec<u8> = WorkKind::ALL.into_iter().map(WorkKind::code).collect();
        assert_eq!(codes, [0, 1, 2, 3, 4, 5, 6, 7]);
        assert!(WorkKind::ALL
            .into_iter()
            .all(|k| WorkKind::from_code(k.code()) == Some(k)));
        assert_eq!(WorkKind::from_code(8), None);
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn starting(h: u32, m: u32, s: u32, minutes: u32) -> WorkEntry {
        WorkEntry {
            start: NaiveTime::from_hms_opt(h, m, s),
            ..WorkEntry::new(EntryId("e".into()), day(3, 28), minutes, WorkKind::OnCall)
        }
    }

    #[test]
    fn only_entries_of_the_span_or_the_day_before_may_count_in_it() {
        // Every entry whose split touches a day of the span passes the quick test.
        for (h, minutes) in [(0, 30), (23, 90), (12, 1440), (23, 1)] {
            let entry = starting(h, 30, 0, minutes);
            for first in 25..=31 {
                for last in first..=31 {
                    let (first, last) = (day(3, first), day(3, last));
                    let counts = entry
                        .day_split()
                        .parts()
                        .any(|(d, m)| m > 0 && d >= first && d <= last);
                    if counts {
                        assert!(entry.may_count_within(first, last), "{h} {minutes} {first}");
                    }
                }
            }
        }
        let entry = starting(9, 0, 0, 60);
        assert!(!entry.may_count_within(day(3, 30), day(4, 5)));
        assert!(entry.may_count_within(day(3, 29), day(3, 29)));
        assert!(!entry.may_count_within(day(3, 20), day(3, 27)));
    }

    #[test]
    fn splits_at_midnight_only_when_a_start_is_given() {
        let split = starting(23, 30, 0, 90).day_split();
        assert_eq!(split.first, (day(3, 28), 30));
        assert_eq!(split.second, Some((day(3, 29), 60)));
        assert_eq!(split.parts().map(|(_, m)| m).sum::<u32>(), 90);
        assert_eq!(starting(22, 0, 0, 120).day_split().second, None);
        assert_eq!(starting(23, 59, 59, 1).day_split().second, None);
        assert_eq!(
            starting(23, 59, 0, 2).day_split().second,
            Some((day(3, 29), 1))
        );
        assert_eq!(
            starting(0, 0, 0, 1440).day_split().first,
            (day(3, 28), 1440)
        );
        let no_start = WorkEntry::new(EntryId("e".into()), day(3, 28), 90, WorkKind::Admin);
        assert_eq!(no_start.day_split().first, (day(3, 28), 90));
        let at_the_end = WorkEntry {
            date: NaiveDate::MAX,
            ..starting(23, 0, 0, 120)
        };
        assert_eq!(at_the_end.day_split().first, (NaiveDate::MAX, 120));
    }

    #[test]
    fn older_stored_entries_read_back_and_defaults_are_not_stored() {
        let old = r#"{"id":"a","date":"2026-11-23","minutes":50,"kind":"direct_session"}"#;
        let entry: WorkEntry = serde_json::from_str(old).unwrap();
        assert_eq!(
            entry,
            WorkEntry::new(
                EntryId("a".into()),
                day(11, 23),
                50,
                WorkKind::DirectSession
            )
        );
        assert_eq!(serde_json::to_string(&entry).unwrap(), old);
        let full = WorkEntry {
            start: NaiveTime::from_hms_opt(18, 30, 0),
            organisation: Some(OrgId("o".into())),
            case: Some(CaseId("c".into())),
            trauma: true,
            pro_bono: true,
            kind: WorkKind::GroupSession,
            ..entry
        };
        let text = serde_json::to_string(&full).unwrap();
        assert!(text.contains(r#""start":"18:30:00""#), "{text}");
        assert!(text.contains(r#""kind":"group_session""#), "{text}");
        assert_eq!(serde_json::from_str::<WorkEntry>(&text).unwrap(), full);
    }

    #[test]
    fn slugs_are_stable_and_round_trip() {
        let slugs: Vec<_> = WorkKind::ALL.iter().map(|k| k.slug()).collect();
        assert_eq!(
            slugs,
            [
                "direct_session",
                "group_session",
                "assessment",
                "documentation",
                "admin",
                "travel",
                "supervision",
                "on_call"
            ]
        );
        for (i, kind) in WorkKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.index(), i);
            assert_eq!(WorkKind::from_slug(kind.slug()), Some(kind));
            let stored = serde_json::to_string(&kind).unwrap();
            assert_eq!(stored, format!("\"{}\"", kind.slug()));
        }
        let direct: Vec<_> = WorkKind::ALL
            .into_iter()
            .filter(|k| k.is_direct())
            .collect();
        assert_eq!(
            direct,
            [
                WorkKind::DirectSession,
                WorkKind::GroupSession,
                WorkKind::Assessment
            ]
        );
    }
}
