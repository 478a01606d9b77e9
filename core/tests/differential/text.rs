//! Writes a generated case as the .ics text Tend imports: every zone's VTIMEZONE, then each
//! event and its changed instances, with the properties as Google, Outlook or Apple write them.

use super::reference::utc_of;
use super::zones::ZONES;
use super::{Case, Change, Clock, Event, Exclude, Extra, Length, Until};
use chrono::NaiveDateTime;

/// The whole calendar.
pub fn calendar(case: &Case) -> String {
    let mut out =
        String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tend//differential//EN\r\n");
    for zone in &ZONES {
        out.push_str(zone.vtimezone);
    }
    for event in &case.events {
        event_text(event, &mut out);
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn event_text(event: &Event, out: &mut String) {
    let line = |out: &mut String, text: String| {
        out.push_str(&text);
        out.push_str("\r\n");
    };
    line(out, "BEGIN:VEVENT".into());
    line(out, format!("UID:{}", event.uid));
    line(out, format!("SUMMARY:{}", event.summary));
    line(out, format!("DTSTART{}", stamp(event, event.start)));
    length_text(event, event.length, out);
    if let Some(rule) = &event.rule {
        let until = match event.until {
            None => String::new(),
            Some(Until::Instant(t)) => format!(";UNTIL={}Z", t.format("%Y%m%dT%H%M%S")),
            Some(Until::Wall(t)) => format!(";UNTIL={}", t.format("%Y%m%dT%H%M%S")),
            Some(Until::Date(d)) => format!(";UNTIL={}", d.format("%Y%m%d")),
        };
        line(out, format!("RRULE:{rule}{until}"));
    }
    for extra in &event.rdates {
        match *extra {
            Extra::At(t) => line(out, format!("RDATE{}", stamp(event, t))),
            Extra::Period(t, length) => {
                let timed = Event {
                    all_day: false,
                    ..event.clone()
                };
                let written = stamp(&timed, t);
                let (params, start) = split(&written);
                let end = match length {
                    Length::End(e) => split(&stamp(&timed, e)).1.to_string(),
                    Length::Duration { days, seconds } => duration(days, seconds),
                    Length::Unstated => unreachable!("a period has an end"),
                };
                line(out, format!("RDATE;VALUE=PERIOD{params}:{start}/{end}"));
            }
        }
    }
    for exclude in &event.exdates {
        match *exclude {
            Exclude::At(t) => line(out, format!("EXDATE{}", other(event, t))),
            Exclude::ZoneMidnight(zone, d) => line(
                out,
                format!(
                    "EXDATE;TZID={}:{}T000000",
                    ZONES[zone].name,
                    d.format("%Y%m%d")
                ),
            ),
        }
    }
    line(out, "END:VEVENT".into());
    for (id, change) in &event.changes {
        line(out, "BEGIN:VEVENT".into());
        line(out, format!("UID:{}", event.uid));
        line(out, format!("SUMMARY:{}", event.summary));
        line(out, format!("RECURRENCE-ID{}", other(event, *id)));
        match change {
            Change::Moved { start, length } => {
                line(out, format!("DTSTART{}", stamp(event, *start)));
                length_text(event, *length, out);
            }
            Change::Cancelled => {
                line(out, format!("DTSTART{}", stamp(event, *id)));
                length_text(event, event.length, out);
                line(out, "STATUS:CANCELLED".into());
            }
        }
        line(out, "END:VEVENT".into());
    }
}

fn length_text(event: &Event, length: Length, out: &mut String) {
    match length {
        Length::Unstated => {}
        Length::End(e) => out.push_str(&format!("DTEND{}\r\n", other(event, e))),
        Length::Duration { days, seconds } => {
            out.push_str(&format!("DURATION:{}\r\n", duration(days, seconds)))
        }
    }
}

/// `;PARAMS:VALUE` for a time on the event's clock (a date for all-day events).
fn stamp(event: &Event, t: NaiveDateTime) -> String {
    if event.all_day {
        return format!(";VALUE=DATE:{}", t.format("%Y%m%d"));
    }
    let text = t.format("%Y%m%dT%H%M%S");
    match event.clock {
        Clock::Utc => format!(":{text}Z"),
        Clock::Floating => format!(":{text}"),
        Clock::Zone(i) => format!(";TZID={}:{text}", ZONES[i].name),
        Clock::NamedUtc => format!(";TZID=UTC:{text}"),
    }
}

/// `;PARAMS:VALUE` for DTEND, EXDATE and RECURRENCE-ID: in UTC if the event writes them so.
fn other(event: &Event, t: NaiveDateTime) -> String {
    if !event.others_in_utc || event.all_day || event.clock == Clock::Floating {
        return stamp(event, t);
    }
    let utc = utc_of(event.clock, t, 0);
    format!(":{}Z", utc.format("%Y%m%dT%H%M%S"))
}

fn split(stamp: &str) -> (&str, &str) {
    stamp.rsplit_once(':').expect("a stamp has a value")
}

/// A DURATION value: `P2W` for whole weeks, else `P1DT1H30M` and the like.
pub fn duration(days: i64, seconds: i64) -> String {
    if seconds == 0 && days > 0 && days % 7 == 0 {
        return format!("P{}W", days / 7);
    }
    let mut text = String::from("P");
    if days > 0 {
        text.push_str(&format!("{days}D"));
    }
    if seconds > 0 || days == 0 {
        text.push('T');
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        if h > 0 {
            text.push_str(&format!("{h}H"));
        }
        if m > 0 {
            text.push_str(&format!("{m}M"));
        }
        if s > 0 || (h == 0 && m == 0) {
            text.push_str(&format!("{s}S"));
        }
    }
    text
}
