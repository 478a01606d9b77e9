//! Random repeat rules for the differential check, from every part Tend follows: FREQ with
//! INTERVAL, COUNT, BYDAY with and without numbers, BYMONTHDAY, BYMONTH, BYSETPOS and WKST, in
//! the combinations RFC 5545 §3.3.10 allows and that can happen (no 31 February), so that
//! every rule has instances for the reference to find.

use super::generate::Rng;

pub const WEEKDAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn weekday_set(rng: &mut Rng, most: i64) -> String {
    let count = rng.range(1, most);
    let mut picked: Vec<&str> = WEEKDAYS.to_vec();
    while picked.len() as i64 > count {
        let at = (rng.next() % picked.len() as u64) as usize;
        picked.remove(at);
    }
    picked.join(",")
}

fn list(rng: &mut Rng, items: &[i64], most: i64) -> String {
    let mut picked: Vec<i64> = (0..rng.range(1, most)).map(|_| rng.pick(items)).collect();
    picked.sort();
    picked.dedup();
    picked
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// An RRULE without UNTIL, from the parts Tend follows.
pub fn rule(rng: &mut Rng) -> String {
    let freq = rng.pick(&["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);
    let mut parts = vec![format!("FREQ={freq}")];
    if rng.chance(40) {
        parts.push(format!("INTERVAL={}", rng.range(1, 3)));
    }
    let months =
        |rng: &mut Rng| format!("BYMONTH={}", list(rng, &[1, 2, 3, 4, 6, 9, 10, 11, 12], 4));
    let ordinal = |rng: &mut Rng, ords: &[i64]| {
        let n = rng.pick(ords);
        format!("{n}{}", rng.pick(&WEEKDAYS))
    };
    match freq {
        "DAILY" => {
            if rng.chance(25) {
                parts.push(format!("BYDAY={}", weekday_set(rng, 5)));
            }
            if rng.chance(15) {
                parts.push(months(rng));
            }
            if rng.chance(10) {
                parts.push(format!(
                    "BYMONTHDAY={}",
                    list(rng, &[1, 2, 10, 15, 20, 28, -1], 4)
                ));
            }
        }
        "WEEKLY" => {
            if rng.chance(70) {
                parts.push(format!("BYDAY={}", weekday_set(rng, 4)));
            }
            if rng.chance(10) {
                parts.push(months(rng));
            }
            if rng.chance(40) {
                parts.push(format!("WKST={}", rng.pick(&WEEKDAYS)));
            }
            if rng.chance(10) && parts.iter().any(|p| p.starts_with("BYDAY")) {
                parts.push(format!("BYSETPOS={}", rng.pick(&[1, -1, 2])));
            }
        }
        "MONTHLY" => {
            match rng.range(0, 5) {
                0 => {}
                1 => parts.push(format!("BYDAY={}", ordinal(rng, &[1, 2, 3, 4, -1, -2]))),
                2 => parts.push(format!(
                    "BYDAY={};BYSETPOS={}",
                    weekday_set(rng, 5),
                    list(rng, &[1, 2, -1, -2], 2)
                )),
                3 => parts.push(format!(
                    "BYMONTHDAY={}",
                    list(rng, &[1, 5, 10, 15, 28, 29, 30, 31, -1, -2, -7], 3)
                )),
                4 => {
                    let first = rng.range(1, 22);
                    let days: Vec<String> = (first..first + 7).map(|d| d.to_string()).collect();
                    let wd = rng.pick(&WEEKDAYS);
                    parts.push(format!("BYDAY={wd};BYMONTHDAY={}", days.join(",")));
                }
                _ => parts.push(format!("BYDAY={}", weekday_set(rng, 3))),
            }
            if rng.chance(15) && !parts.iter().any(|p| p.contains("BYMONTHDAY")) {
                parts.push(months(rng));
            }
        }
        _ => match rng.range(0, 7) {
            0 => {}
            1 => parts.push(months(rng)),
            2 => parts.push(format!(
                "{};BYDAY={}",
                months(rng),
                ordinal(rng, &[1, 2, -1])
            )),
            3 => parts.push(format!(
                "BYDAY={}",
                ordinal(rng, &[1, 2, -1, 10, 20, -10, 30])
            )),
            4 => parts.push(format!("BYMONTHDAY={}", list(rng, &[1, 7, 15, 28, -1], 2))),
            5 => {
                // A numbered weekday beside BYMONTHDAY without BYMONTH (#17): the days that can
                // hold the first (or last) such weekday of the year.
                let (ord, days) = if rng.chance(50) {
                    (1, 1..8)
                } else {
                    (-1, 25..32)
                };
                let picked: Vec<String> = days
                    .filter(|_| rng.chance(70))
                    .map(|d| d.to_string())
                    .collect();
                let picked = if picked.is_empty() {
                    vec![if ord == 1 { "4".into() } else { "31".into() }]
                } else {
                    picked
                };
                parts.push(format!(
                    "BYDAY={ord}{};BYMONTHDAY={}",
                    rng.pick(&WEEKDAYS),
                    picked.join(",")
                ));
            }
            6 => parts.push(format!(
                "{};BYDAY={};BYSETPOS={}",
                months(rng),
                weekday_set(rng, 5),
                list(rng, &[1, -1, 2], 2)
            )),
            _ => parts.push(format!(
                "{};BYMONTHDAY={}",
                months(rng),
                list(rng, &[1, 13, 28, -1], 2)
            )),
        },
    }
    if rng.chance(35) {
        parts.push(format!("COUNT={}", rng.range(1, 25)));
    }
    parts.join(";")
}
