//! The time zones of the differential check: each a VTIMEZONE as exports write it, with yearly
//! STANDARD/DAYLIGHT rules, and the chrono-tz zone it mirrors for the years generated (2023 to
//! 2027), which gives the reference conversion. RFC 5545 §3.3.5 fixes the two awkward cases: a
//! local time skipped by a change "is interpreted using the UTC offset before the gap", and one
//! that happens twice "refers to the first occurrence".

use chrono::{LocalResult, NaiveDateTime, Offset, TimeDelta, TimeZone};
use chrono_tz::Tz;

pub struct Zone {
    pub name: &'static str,
    pub tz: Tz,
    pub vtimezone: &'static str,
}

pub const ZONES: [Zone; 4] = [
    Zone {
        name: "Europe/London",
        tz: chrono_tz::Europe::London,
        vtimezone: "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0000\r\n\
TZOFFSETTO:+0100\r\nTZNAME:BST\r\nDTSTART:19700329T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\n\
DTSTART:19701025T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
    },
    Zone {
        name: "America/New_York",
        tz: chrono_tz::America::New_York,
        vtimezone: "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\n\
TZOFFSETTO:-0400\r\nTZNAME:EDT\r\nDTSTART:20070311T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n\
END:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\n\
DTSTART:20071104T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
    },
    Zone {
        name: "Australia/Sydney",
        tz: chrono_tz::Australia::Sydney,
        vtimezone: "BEGIN:VTIMEZONE\r\nTZID:Australia/Sydney\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+1100\r\n\
TZOFFSETTO:+1000\r\nTZNAME:AEST\r\nDTSTART:20080406T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU\r\n\
END:STANDARD\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100\r\nTZNAME:AEDT\r\n\
DTSTART:20081005T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n",
    },
    Zone {
        name: "Asia/Kolkata",
        tz: chrono_tz::Asia::Kolkata,
        vtimezone: "BEGIN:VTIMEZONE\r\nTZID:Asia/Kolkata\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0530\r\n\
TZOFFSETTO:+0530\r\nTZNAME:IST\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
    },
];

/// The UTC instant of a wall-clock time in `tz`, as RFC 5545 §3.3.5 reads it.
pub fn to_utc(tz: Tz, wall: NaiveDateTime) -> NaiveDateTime {
    let offset = match tz.from_local_datetime(&wall) {
        LocalResult::Single(t) => t.offset().fix(),
        LocalResult::Ambiguous(a, b) => {
            if a.naive_utc() <= b.naive_utc() {
                a.offset().fix()
            } else {
                b.offset().fix()
            }
        }
        // In a gap: the offset in force three hours earlier, before the change.
        LocalResult::None => tz
            .from_local_datetime(&(wall - TimeDelta::hours(3)))
            .earliest()
            .expect("three hours before a gap is a real time")
            .offset()
            .fix(),
    };
    wall - TimeDelta::seconds(i64::from(offset.local_minus_utc()))
}

/// The wall-clock time in `tz` of a UTC instant.
pub fn to_wall(tz: Tz, utc: NaiveDateTime) -> NaiveDateTime {
    tz.from_utc_datetime(&utc).naive_local()
}

#[test]
fn the_zones_change_where_chrono_tz_says() {
    // 2024: London to BST on 31 March 01:00 UTC, New York to EDT on 10 March 07:00 UTC, Sydney
    // to AEST on 7 April 03:00 AEDT (16:00 UTC on the 6th).
    let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    // (zone, wall clock, UTC): a skipped time takes the offset before the gap, a repeated
    // time the first of its two instants.
    for (zone, wall, utc) in [
        (0, "2024-03-31 01:30", "2024-03-31 01:30"),
        (0, "2024-03-31 02:30", "2024-03-31 01:30"),
        (1, "2024-11-03 01:30", "2024-11-03 05:30"),
        (2, "2024-04-07 02:30", "2024-04-06 15:30"),
        (3, "2024-01-01 05:30", "2024-01-01 00:00"),
    ] {
        assert_eq!(to_utc(ZONES[zone].tz, at(wall)), at(utc), "{wall}");
    }
    assert_eq!(
        to_wall(ZONES[3].tz, at("2024-01-01 00:00")),
        at("2024-01-01 05:30")
    );
}
