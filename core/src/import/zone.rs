//! Time zones as the file describes them, and the conversion of wall-clock times to UTC.
//!
//! Exports carry a VTIMEZONE block for every TZID they use: observances (STANDARD, DAYLIGHT) with
//! their offsets and yearly rules. Following those blocks keeps Tend free of a built-in zone
//! database (chrono-tz would add hundreds of kilobytes to the app). A TZID the file does not
//! describe is read as the clinician's own clock (floating), with a warning, except for the
//! common names of UTC.

use super::error::{Warning, Warnings};
use super::ics::Component;
use super::order;
use super::recur::{Budget, Ended};
use super::rrule::{parse_rule, Rule};
use super::value::{parse_offset, stamp_of, values_of, DateValue, Stamp};
use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta};
use std::collections::HashMap;

/// Where a wall-clock time is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Utc,
    /// The clinician's own clock.
    Floating,
    /// A zone described in the file (index into [`Clock`]'s zones).
    Zone(usize),
}

struct Observance {
    start: NaiveDateTime,
    from: i32,
    to: i32,
    rule: Option<Rule>,
}

/// A change of offset: the UTC instant, the offset after it and the offset before it.
type Onset = (NaiveDateTime, i32, i32);

struct Zone {
    observances: Vec<Observance>,
    /// Onsets known without a rule (DTSTART and RDATE), sorted.
    fixed: Vec<Onset>,
    /// The latest year in which one of the rules ends (UNTIL).
    last_until: Option<i32>,
}

/// Converts wall-clock times in the file's zones to UTC and back.
pub struct Clock {
    ids: HashMap<String, usize>,
    zones: Vec<Zone>,
    floating: i32,
    /// Onsets made by rules, per zone and year, sorted.
    by_year: HashMap<(usize, i32), Vec<Onset>>,
    unknown: Vec<String>,
}

const UTC_NAMES: [&str; 12] = [
    "UTC",
    "Z",
    "GMT",
    "UCT",
    "Zulu",
    "Universal",
    "Greenwich",
    "Etc/UTC",
    "Etc/GMT",
    "Etc/UCT",
    "Etc/Zulu",
    "Etc/Universal",
];

impl Clock {
    /// Reads the VTIMEZONE blocks of a calendar; `floating_offset` is the clinician's offset in
    /// seconds east of UTC.
    pub fn new(calendar: &Component, floating_offset: i32, warnings: &mut Warnings) -> Clock {
        let mut clock = Clock {
            ids: HashMap::new(),
            zones: Vec::new(),
            floating: floating_offset,
            by_year: HashMap::new(),
            unknown: Vec::new(),
        };
        for block in calendar.children("VTIMEZONE") {
            let Some(tzid) = block.prop("TZID").map(|p| p.value.trim().to_string()) else {
                warnings.push(Warning::ZoneWithoutName { line: block.line });
                continue;
            };
            match read_zone(block) {
                Some(zone) => {
                    clock.ids.insert(tzid, clock.zones.len());
                    clock.zones.push(zone);
                }
                None => warnings.push(Warning::UnusableZone {
                    tzid,
                    line: block.line,
                }),
            }
        }
        clock
    }

    /// Where times with this TZID (or none) are read; warns once about each unknown TZID.
    pub fn place(&mut self, tzid: Option<&str>, warnings: &mut Warnings) -> Place {
        let Some(tzid) = tzid.map(str::trim) else {
            return Place::Floating;
        };
        if let Some(index) = self.ids.get(tzid) {
            return Place::Zone(*index);
        }
        if UTC_NAMES.iter().any(|n| n.eq_ignore_ascii_case(tzid)) {
            return Place::Utc;
        }
        if !self.unknown.iter().any(|u| u == tzid) {
            self.unknown.push(tzid.to_string());
            warnings.push(Warning::UnknownZone {
                tzid: tzid.chars().take(80).collect(),
            });
        }
        Place::Floating
    }

    /// The UTC instant of a stamp read in `place` (a UTC stamp ignores the place).
    pub fn utc_of(&mut self, stamp: Stamp, place: Place, budget: &Budget) -> Option<NaiveDateTime> {
        match stamp {
            Stamp::Utc(t) => Some(t),
            _ => self.local_to_utc(stamp.naive(), place, budget),
        }
    }

    /// The UTC instant of a wall-clock time in `place`. A time skipped by a change of offset is
    /// read with the offset before the change, and a time that happens twice is the first one,
    /// as RFC 5545 says.
    pub fn local_to_utc(
        &mut self,
        local: NaiveDateTime,
        place: Place,
        budget: &Budget,
    ) -> Option<NaiveDateTime> {
        let zone = match place {
            Place::Utc => return Some(local),
            Place::Floating => return shift(local, -self.floating),
            Place::Zone(z) => z,
        };
        let before = self.offset_at(zone, shift(local, -86_400)?, budget);
        let after = self.offset_at(zone, shift(local, 86_400)?, budget);
        let mut fits = Vec::new();
        for offset in [before, after] {
            let utc = shift(local, -offset)?;
            if self.offset_at(zone, utc, budget) == offset {
                fits.push(utc);
            }
        }
        fits.into_iter().min().or_else(|| shift(local, -before))
    }

    /// The wall-clock time in `place` of a UTC instant.
    pub fn utc_to_local(
        &mut self,
        utc: NaiveDateTime,
        place: Place,
        budget: &Budget,
    ) -> Option<NaiveDateTime> {
        match place {
            Place::Utc => Some(utc),
            Place::Floating => shift(utc, self.floating),
            Place::Zone(z) => shift(utc, self.offset_at(z, utc, budget)),
        }
    }

    /// The offset in force in a zone at a UTC instant.
    fn offset_at(&mut self, zone: usize, utc: NaiveDateTime, budget: &Budget) -> i32 {
        let mut best: Option<(NaiveDateTime, i32)> = None;
        let fixed = &self.zones[zone].fixed;
        let i = fixed.partition_point(|(t, _, _)| *t <= utc);
        if i > 0 {
            best = Some((fixed[i - 1].0, fixed[i - 1].1));
        }
        // The last change may be in the last year of a rule that has ended (UNTIL), long ago.
        let ended = self.zones[zone].last_until.filter(|y| *y < utc.year() - 1);
        for year in ended.into_iter().chain([utc.year() - 1, utc.year()]) {
            let onsets = self.rule_onsets(zone, year, budget);
            let latest = onsets
                .partition_point(|(t, _, _)| *t <= utc)
                .checked_sub(1)
                .and_then(|i| onsets.get(i));
            if let Some(&(t, offset, _)) = latest {
                if best.is_none_or(|(b, _)| t >= b) {
                    best = Some((t, offset));
                }
            }
        }
        let zone = &self.zones[zone];
        best.map(|(_, o)| o)
            .or_else(|| zone.fixed.first().map(|(_, _, before)| *before))
            .unwrap_or(0)
    }

    fn rule_onsets(&mut self, zone: usize, year: i32, budget: &Budget) -> &[Onset] {
        let zones = &self.zones;
        self.by_year.entry((zone, year)).or_insert_with(|| {
            let mut onsets = Vec::new();
            let (Some(first), Some(last)) = (
                NaiveDate::from_ymd_opt(year, 1, 1),
                NaiveDate::from_ymd_opt(year, 12, 31),
            ) else {
                return onsets;
            };
            for obs in &zones[zone].observances {
                let Some(rule) = &obs.rule else { continue };
                let until = rule.until;
                let ended = rule.expand(
                    obs.start,
                    first,
                    last,
                    budget,
                    |at| match until {
                        Some(Stamp::Utc(u)) => shift(at, -obs.from).is_none_or(|t| t > u),
                        Some(other) => at > other.naive(),
                        None => false,
                    },
                    |at| {
                        if let Some(t) = shift(at, -obs.from) {
                            onsets.push((t, obs.to, obs.from));
                        }
                        true
                    },
                );
                if ended == Ended::OutOfBudget {
                    break;
                }
            }
            order::by_key(onsets, |(t, to, _)| (order::seconds(*t), i64::from(*to)))
        })
    }
}

/// Adds seconds to a time, or `None` past the calendar's ends.
pub fn shift(t: NaiveDateTime, seconds: i32) -> Option<NaiveDateTime> {
    t.checked_add_signed(TimeDelta::seconds(i64::from(seconds)))
}

fn read_zone(block: &Component) -> Option<Zone> {
    let mut zone = Zone {
        observances: Vec::new(),
        fixed: Vec::new(),
        last_until: None,
    };
    for part in &block.children {
        if part.name != "STANDARD" && part.name != "DAYLIGHT" {
            continue;
        }
        let offset = |name| part.prop(name).and_then(|p| parse_offset(&p.value));
        let (Some(from), Some(to)) = (offset("TZOFFSETFROM"), offset("TZOFFSETTO")) else {
            continue;
        };
        let Some(start) = part.prop("DTSTART").and_then(stamp_of).map(Stamp::naive) else {
            continue;
        };
        // An observance whose rule cannot be read still counts from its DTSTART.
        let rule = part.prop("RRULE").and_then(|p| parse_rule(&p.value).ok());
        let mut onsets = vec![start];
        for rdate in part.props("RDATE") {
            onsets.extend(values_of(rdate).0.into_iter().filter_map(|v| match v {
                DateValue::At(s) => Some(s.naive()),
                _ => None,
            }));
        }
        zone.fixed.extend(
            onsets
                .into_iter()
                .filter_map(|t| Some((shift(t, -from)?, to, from))),
        );
        let until = rule
            .as_ref()
            .and_then(|r| r.until)
            .map(|u| u.naive().year());
        zone.last_until = zone.last_until.max(until);
        zone.observances.push(Observance {
            start,
            from,
            to,
            rule,
        });
    }
    zone.fixed = order::by_key(zone.fixed, |(t, to, _)| {
        (order::seconds(*t), i64::from(*to))
    });
    (!zone.observances.is_empty()).then_some(zone)
}
