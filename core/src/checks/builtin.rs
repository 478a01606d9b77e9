//! The two instruments Tend ships: its own weekly pulse and the scoring of ProQOL 5.
//!
//! The pulse is written in Tend's own words and is not a validated instrument. ProQOL 5 is the
//! Center for Victims of Torture's screen for helping professionals; its terms let it be used
//! freely with credit and a link, so Tend ships only its scoring (item numbers, the reverse-scored
//! items and the bands on the current score sheet, from proqol.org) and never its wording: the
//! clinician answers on the official form and enters the numbers. See `docs/self-checks.md`.

use super::instrument::{Band, Direction, Instrument, Scale, Score, Scoring, Subscale};

/// The id of the weekly pulse.
pub const PULSE_ID: &str = "tend-pulse";
/// The id of ProQOL 5.
pub const PROQOL_ID: &str = "proqol-5";
/// The pulse subscale the risk model reads as strain (0-100, higher is worse).
pub const PULSE_STRAIN: &str = "strain";
/// The pulse subscale the risk model reads as satisfaction and support (0-100, higher is better).
pub const PULSE_SATISFACTION: &str = "satisfaction";
/// Where ProQOL 5 and its terms of use are published.
pub const PROQOL_LINK: &str = "https://proqol.org";

fn band(name: &str, from: i64) -> Band {
    Band {
        name: name.into(),
        from: Score::whole(from),
    }
}

/// The weekly pulse: ten short questions in Tend's own words, answered 0-4 in under a minute.
pub fn pulse() -> Instrument {
    let prompts = [
        "I felt drained by the end of my working days.",
        "I felt I had nothing left to give at home.",
        "I slept badly because my mind was on work.",
        "I felt numb or distant with the people I work with.",
        "Clients' stories or images came back to me when I did not want them.",
        "I found it hard to switch off from work.",
        "My work felt worthwhile.",
        "I enjoyed parts of my work.",
        "I could talk a hard session through with someone (supervisor, peer or friend).",
        "I felt supported by the people I work with.",
    ];
    Instrument {
        id: PULSE_ID.into(),
        name: "Weekly pulse".into(),
        version: "1".into(),
        source: "Written by Tend in its own words. The points where one band ends and the next \
                 begins are Tend's choice, not research cut-offs."
            .into(),
        link: None,
        note: "This is not a validated instrument. It asks about the past week; answer quickly, \
               there are no right answers."
            .into(),
        items: 10,
        scale: Scale {
            min: 0,
            max: 4,
            labels: [
                "Not at all",
                "A little",
                "Somewhat",
                "Quite a bit",
                "Very much",
            ]
            .map(String::from)
            .to_vec(),
        },
        subscales: vec![
            Subscale {
                id: PULSE_STRAIN.into(),
                name: "Strain".into(),
                items: vec![1, 2, 3, 4, 5, 6],
                scoring: Scoring::Percent,
                higher_is: Direction::Worse,
                bands: vec![band("low", 0), band("moderate", 35), band("high", 65)],
            },
            Subscale {
                id: PULSE_SATISFACTION.into(),
                name: "Satisfaction and support".into(),
                items: vec![7, 8, 9, 10],
                scoring: Scoring::Percent,
                higher_is: Direction::Better,
                bands: vec![band("low", 0), band("moderate", 40), band("high", 70)],
            },
        ],
        reverse: Vec::new(),
        prompts: prompts.map(String::from).to_vec(),
        cadence_days: 7,
    }
}

/// ProQOL 5 scoring: 30 items answered 1-5 on the official form, three subscales of ten items,
/// each a raw sum from 10 to 50, banded low (22 or less), moderate (23-41) and high (42 or more).
pub fn proqol() -> Instrument {
    let bands = || vec![band("low", 10), band("moderate", 23), band("high", 42)];
    Instrument {
        id: PROQOL_ID.into(),
        name: "ProQOL 5".into(),
        version: "5".into(),
        source: "Professional Quality of Life Scale (ProQOL), version 5, by B. Hudnall Stamm. \
                 Used under its terms: credit to the Center for Victims of Torture, proqol.org."
            .into(),
        link: Some(PROQOL_LINK.into()),
        note: "Answer the 30 questions on the official ProQOL 5 form (about the last 30 days), \
               then enter your answers by item number. It is a screen, not a diagnosis."
            .into(),
        items: 30,
        scale: Scale {
            min: 1,
            max: 5,
            labels: ["Never", "Rarely", "Sometimes", "Often", "Very often"]
                .map(String::from)
                .to_vec(),
        },
        subscales: vec![
            Subscale {
                id: "cs".into(),
                name: "Compassion satisfaction".into(),
                items: vec![3, 6, 12, 16, 18, 20, 22, 24, 27, 30],
                scoring: Scoring::Sum,
                higher_is: Direction::Better,
                bands: bands(),
            },
            Subscale {
                id: "bo".into(),
                name: "Burnout".into(),
                items: vec![1, 4, 8, 10, 15, 17, 19, 21, 26, 29],
                scoring: Scoring::Sum,
                higher_is: Direction::Worse,
                bands: bands(),
            },
            Subscale {
                id: "sts".into(),
                name: "Secondary traumatic stress".into(),
                items: vec![2, 5, 7, 9, 11, 13, 14, 23, 25, 28],
                scoring: Scoring::Sum,
                higher_is: Direction::Worse,
                bands: bands(),
            },
        ],
        reverse: vec![1, 4, 15, 17, 29],
        prompts: Vec::new(),
        cadence_days: 30,
    }
}

/// Both built-in instruments, pulse first.
pub fn builtins() -> Vec<Instrument> {
    vec![pulse(), proqol()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_builtins_pass_their_own_validation() {
        for i in builtins() {
            assert_eq!(i.validate(), Ok(()), "{}", i.id);
        }
    }

    #[test]
    fn proqol_covers_every_item_exactly_once_and_ships_no_wording() {
        let p = proqol();
        let mut items: Vec<u32> = p.subscales.iter().flat_map(|s| s.items.clone()).collect();
        items.sort();
        assert_eq!(items, (1..=30).collect::<Vec<_>>());
        assert!(p.prompts.is_empty());
        assert!(p.source.contains("Center for Victims of Torture"));
    }
}
