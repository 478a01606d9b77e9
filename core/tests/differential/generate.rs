//! Seeded generation of calendars for the differential check: a small PRNG (SplitMix64, so the
//! same seed gives the same calendar on every machine), and events in UTC, floating and zone
//! times, timed and all-day, with every repeat-rule part Tend follows, RDATEs, EXDATEs, moved
//! and cancelled instances, DTEND and DURATION. Times cluster around midnight and the nights
//! the zones change, where mistakes hide. A rule's DTSTART is mostly one of its own instances
//! (RFC 5545 §3.8.5.3: a set "generated with a DTSTART property value not synchronized with the
//! recurrence rule is undefined"); now and then it is not, to check the one thing the RFC does
//! fix for that case, that DTSTART counts as the first of COUNT (§3.3.10).

use super::reference::{rule_starts, series_starts, utc_of, MARGIN};
use super::rules::rule;
use super::zones::ZONES;
use super::{Case, Change, Clock, Event, Exclude, Extra, Length, Until};
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

/// SplitMix64.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number from `lo` to `hi`, both included.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Days around which the zones change in 2024 and 2025 (New York, London, Sydney).
const CHANGES: [&str; 12] = [
    "2024-03-10",
    "2024-03-31",
    "2024-04-07",
    "2024-10-06",
    "2024-10-27",
    "2024-11-03",
    "2025-03-09",
    "2025-03-30",
    "2025-04-06",
    "2025-10-05",
    "2025-10-26",
    "2025-11-02",
];

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

/// The calendar of one seed.
pub fn case(seed: u64) -> Case {
    let mut rng = Rng::new(seed);
    let from = day("2024-01-01") + Days::new(rng.range(0, 600) as u64);
    let to = from + Days::new(rng.range(6, 200) as u64);
    let offset = rng.pick(&[-300, -240, 0, 60, 120, 330, 600, 660]);
    let events = (0..rng.range(1, 4))
        .map(|i| loop {
            if let Some(event) = event(&mut rng, format!("s{seed}-e{i}"), from, to) {
                break event;
            }
        })
        .collect();
    Case {
        seed,
        events,
        from,
        to,
        offset,
    }
}

fn time(rng: &mut Rng) -> NaiveTime {
    let minutes = match rng.range(0, 9) {
        0..=4 => rng.range(0, 95) * 15,
        5..=6 => rng.pick(&[0, 30, 60, 90, 120, 150, 180, 1380, 1410, 1425]),
        _ => rng.range(14, 40) * 30,
    };
    NaiveTime::MIN + TimeDelta::minutes(minutes)
}

fn timed_length(rng: &mut Rng, start: NaiveDateTime) -> Length {
    match rng.range(0, 19) {
        0..=2 => Length::Unstated,
        3..=11 => {
            let minutes = rng.pick(&[15, 30, 45, 50, 60, 90, 120, 180, 480, 720, 1500]);
            Length::End(start + TimeDelta::minutes(minutes))
        }
        _ => {
            let (days, seconds) = rng.pick(&[
                (0, 1800),
                (0, 2700),
                (0, 3600),
                (0, 5400),
                (0, 36000),
                (1, 0),
                (1, 3600),
            ]);
            Length::Duration { days, seconds }
        }
    }
}

fn day_length(rng: &mut Rng, start: NaiveDateTime) -> Length {
    match rng.range(0, 9) {
        0..=2 => Length::Unstated,
        3..=6 => Length::End(start + TimeDelta::days(rng.range(1, 3))),
        _ => {
            let (days, seconds) = rng.pick(&[(1, 0), (2, 0), (0, 43200), (7, 0)]);
            Length::Duration { days, seconds }
        }
    }
}

/// One event, or `None` when its rule has no instance near the start (the caller draws again).
fn event(rng: &mut Rng, uid: String, from: NaiveDate, to: NaiveDate) -> Option<Event> {
    let all_day = rng.chance(25);
    let clock = match rng.range(0, 9) {
        0 => Clock::Utc,
        1 => Clock::NamedUtc,
        2..=3 => Clock::Floating,
        _ => Clock::Zone(rng.range(0, ZONES.len() as i64 - 1) as usize),
    };
    let date = if rng.chance(30) {
        day(rng.pick(&CHANGES)) + TimeDelta::days(rng.range(-8, 1))
    } else {
        from - Days::new(60) + Days::new(rng.range(0, (to - from).num_days() + 60) as u64)
    };
    let start = date.and_time(if all_day { NaiveTime::MIN } else { time(rng) });
    let length = |rng: &mut Rng, at| {
        if all_day {
            day_length(rng, at)
        } else {
            timed_length(rng, at)
        }
    };
    let mut event = Event {
        summary: format!("Event {uid}"),
        uid,
        all_day,
        clock,
        start,
        length: length(rng, start),
        rule: None,
        until: None,
        rdates: Vec::new(),
        exdates: Vec::new(),
        changes: Vec::new(),
        others_in_utc: rng.chance(20),
    };
    let horizon = to + Days::new(MARGIN);
    if rng.chance(75) {
        event.rule = Some(rule(rng));
        // Move DTSTART onto the rule's first instance and check it stays one, except now and
        // then, to check that DTSTART counts as the first of COUNT (§3.3.10).
        let first = *rule_starts(&event, start.date() + Days::new(6 * 366))
            .ok()?
            .first()?;
        let synchronized = rng.chance(85);
        if synchronized {
            let shift = first - event.start;
            event.start = first;
            if let Length::End(e) = event.length {
                event.length = Length::End(e + shift);
            }
        }
        let starts = rule_starts(&event, horizon.max(first.date() + Days::new(1))).ok()?;
        if synchronized && starts.first() != Some(&first) {
            return None;
        }
        if starts.is_empty() {
            return None;
        }
        if rng.chance(30) && !event.rule.as_ref()?.contains("COUNT=") {
            let at = rng.pick(&starts);
            let later = TimeDelta::minutes(rng.pick(&[0, 0, 30, 600]));
            event.until = Some(match (all_day, clock) {
                (true, _) => Until::Date(at.date()),
                (false, Clock::Floating) => Until::Wall(at + later),
                (false, _) => Until::Instant(utc_of(clock, at, 0) + later),
            });
        }
    }
    let span = (to - from).num_days() + 6;
    for _ in 0..rng.range(0, 2) * i64::from(rng.chance(25)) {
        let date = from - Days::new(3) + Days::new(rng.range(0, span) as u64);
        let at = date.and_time(if all_day {
            rng.pick(&[
                NaiveTime::MIN,
                NaiveTime::MIN,
                NaiveTime::MIN + TimeDelta::hours(9),
            ])
        } else if rng.chance(50) {
            start.time()
        } else {
            time(rng)
        });
        event.rdates.push(if rng.chance(60) {
            Extra::At(at)
        } else {
            let length = match length(rng, at) {
                Length::Unstated => Length::Duration {
                    days: 0,
                    seconds: 3600,
                },
                other => other,
            };
            Extra::Period(at, length)
        });
    }
    let mut instances: Vec<NaiveDateTime> = series_starts(&event, horizon)
        .ok()?
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    instances.sort();
    instances.dedup();
    if rng.chance(30) {
        for _ in 0..rng.range(1, 2) {
            let at = rng.pick(&instances);
            event.exdates.push(if all_day && rng.chance(50) {
                Exclude::ZoneMidnight(rng.range(0, ZONES.len() as i64 - 1) as usize, at.date())
            } else {
                Exclude::At(at)
            });
            instances.retain(|t| *t != at);
            if instances.is_empty() {
                break;
            }
        }
    }
    if rng.chance(10) {
        event
            .exdates
            .push(Exclude::At(start + TimeDelta::days(rng.range(1, 40))));
    }
    if rng.chance(30) && !instances.is_empty() {
        for _ in 0..rng.range(1, 2) {
            let id = rng.pick(&instances);
            instances.retain(|t| *t != id);
            let change = if rng.chance(70) {
                let moved = if all_day {
                    id + TimeDelta::days(rng.range(-1, 2))
                } else {
                    id + TimeDelta::days(rng.range(-1, 2))
                        + TimeDelta::minutes(rng.pick(&[-120, -60, 0, 30, 90, 180]))
                };
                Change::Moved {
                    start: moved,
                    length: length(rng, moved),
                }
            } else {
                Change::Cancelled
            };
            event.changes.push((id, change));
            if instances.is_empty() {
                break;
            }
        }
    }
    Some(event)
}
