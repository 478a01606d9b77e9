//! Checking an instrument definition before Tend scores anything with it.
//!
//! A definition may come from a file a clinician chose, so every way it can be wrong is reported
//! in one list of plain sentences (all problems at once, not just the first), and nothing here
//! panics whatever the numbers are.

use super::instrument::{Instrument, Score, Subscale};
use std::collections::{BTreeMap, HashSet};

/// The most items an instrument may have.
pub const MAX_ITEMS: u32 = 200;
/// The most subscales an instrument may have.
pub const MAX_SUBSCALES: usize = 20;
/// The most bands a subscale may have.
pub const MAX_BANDS: usize = 10;
/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 40;
/// The longest name, label or band name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest prompt, source or note, in characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// The longest gap between check-ins, in days.
pub const MAX_CADENCE_DAYS: u32 = 366;

fn check_id(what: &str, id: &str, out: &mut Vec<String>) {
    if id.is_empty() {
        out.push(format!("{what} needs an id."));
    } else if id.chars().count() > MAX_ID_CHARS {
        out.push(format!(
            "{what} id \"{id}\" is longer than {MAX_ID_CHARS} characters."
        ));
    } else if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        out.push(format!(
            "{what} id \"{id}\" may use only lower-case letters, digits and hyphens."
        ));
    }
}

fn check_text(what: &str, text: &str, max: usize, required: bool, out: &mut Vec<String>) {
    if required && text.trim().is_empty() {
        out.push(format!("{what} is empty."));
    } else if text.chars().count() > max {
        out.push(format!("{what} is longer than {max} characters."));
    }
}

impl Instrument {
    /// Every problem with this definition, in plain sentences; empty when it can be used.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        check_id("The instrument", &self.id, &mut out);
        check_text("The name", &self.name, MAX_NAME_CHARS, true, &mut out);
        check_text(
            "The version",
            &self.version,
            MAX_NAME_CHARS,
            false,
            &mut out,
        );
        check_text("The source", &self.source, MAX_TEXT_CHARS, false, &mut out);
        check_text("The note", &self.note, MAX_TEXT_CHARS, false, &mut out);
        if let Some(link) = &self.link {
            if !link.starts_with("https://") || link.chars().count() > MAX_TEXT_CHARS {
                out.push(format!(
                    "The link \"{link}\" must be a web address starting with https://."
                ));
            }
        }
        if self.items == 0 || self.items > MAX_ITEMS {
            out.push(format!(
                "The instrument must have from 1 to {MAX_ITEMS} items; it says {}.",
                self.items
            ));
            return out;
        }
        self.scale_problems(&mut out);
        if self.cadence_days > MAX_CADENCE_DAYS {
            out.push(format!(
                "The cadence of {} days is longer than a year ({MAX_CADENCE_DAYS} days).",
                self.cadence_days
            ));
        }
        if !self.prompts.is_empty() {
            if self.prompts.len() != self.items as usize {
                out.push(format!(
                    "There are {} prompts for {} items; give one per item or none.",
                    self.prompts.len(),
                    self.items
                ));
            }
            for (i, p) in self.prompts.iter().enumerate() {
                check_text(
                    &format!("The prompt of item {}", i + 1),
                    p,
                    MAX_TEXT_CHARS,
                    true,
                    &mut out,
                );
            }
        }
        self.subscale_problems(&mut out);
        self.reverse_problems(&mut out);
        out
    }

    /// `Ok` when the definition can be used, otherwise every problem.
    pub fn validate(&self) -> Result<(), Vec<String>> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    fn scale_problems(&self, out: &mut Vec<String>) {
        let s = &self.scale;
        if s.min >= s.max {
            out.push(format!(
                "The answer scale must go from a lower to a higher number; it goes from {} to {}.",
                s.min, s.max
            ));
            return;
        }
        if s.max - s.min > 20 {
            out.push(format!(
                "The answer scale from {} to {} has more than 21 answers.",
                s.min, s.max
            ));
        }
        let answers = usize::from(s.max - s.min) + 1;
        if !s.labels.is_empty() && s.labels.len() != answers {
            out.push(format!(
                "The scale has {} labels for {answers} answers ({} to {}); give one per answer or none.",
                s.labels.len(),
                s.min,
                s.max
            ));
        }
        for label in &s.labels {
            check_text("A scale label", label, MAX_NAME_CHARS, true, out);
        }
    }

    fn subscale_problems(&self, out: &mut Vec<String>) {
        if self.subscales.is_empty() || self.subscales.len() > MAX_SUBSCALES {
            out.push(format!(
                "The instrument must have from 1 to {MAX_SUBSCALES} subscales; it has {}.",
                self.subscales.len()
            ));
        }
        let mut ids = HashSet::new();
        let mut owner: BTreeMap<u32, &str> = BTreeMap::new();
        for sub in &self.subscales {
            let what = format!("Subscale \"{}\"", sub.name);
            check_id(&what, &sub.id, out);
            check_text(
                &format!("The name of subscale {}", sub.id),
                &sub.name,
                MAX_NAME_CHARS,
                true,
                out,
            );
            if !ids.insert(sub.id.as_str()) {
                out.push(format!("Two subscales have the id \"{}\".", sub.id));
            }
            if sub.items.is_empty() {
                out.push(format!("{what} lists no items."));
            }
            let mut seen = HashSet::new();
            for &item in &sub.items {
                if item == 0 || item > self.items {
                    out.push(format!(
                        "{what} lists item {item}, but items are numbered 1 to {}.",
                        self.items
                    ));
                } else if !seen.insert(item) {
                    out.push(format!("{what} lists item {item} twice."));
                } else if let Some(other) = owner.insert(item, &sub.name) {
                    out.push(format!(
                        "Item {item} is in both \"{other}\" and \"{}\"; each item may count towards one subscale.",
                        sub.name
                    ));
                }
            }
            self.band_problems(sub, &what, out);
        }
    }

    fn band_problems(&self, sub: &Subscale, what: &str, out: &mut Vec<String>) {
        if sub.bands.is_empty() || sub.bands.len() > MAX_BANDS {
            out.push(format!(
                "{what} must have from 1 to {MAX_BANDS} bands; it has {}.",
                sub.bands.len()
            ));
            return;
        }
        let (low, high) = self.score_range(sub);
        let show = |s: Score| s.display(3);
        for band in &sub.bands {
            check_text(
                &format!("A band name in {what}"),
                &band.name,
                MAX_NAME_CHARS,
                true,
                out,
            );
            if band.from > high {
                out.push(format!(
                    "{what}: band \"{}\" starts at {}, above the highest possible score, {}.",
                    band.name,
                    show(band.from),
                    show(high)
                ));
            }
        }
        if let Some(first) = sub.bands.first() {
            if first.from > low {
                out.push(format!(
                    "{what}: scores from {} up to {} have no band; the first band should start at {}.",
                    show(low),
                    show(first.from),
                    show(low)
                ));
            }
        }
        for pair in sub.bands.windows(2) {
            if let [a, b] = pair {
                if b.from <= a.from {
                    out.push(format!(
                        "{what}: band \"{}\" must start above band \"{}\"; list bands from lowest to highest.",
                        b.name, a.name
                    ));
                } else if b.from <= low {
                    out.push(format!(
                        "{what}: band \"{}\" can never be reached, because \"{}\" starts at the lowest possible score.",
                        a.name, b.name
                    ));
                }
            }
        }
    }

    fn reverse_problems(&self, out: &mut Vec<String>) {
        let scored: HashSet<u32> = self
            .subscales
            .iter()
            .flat_map(|s| s.items.iter().copied())
            .collect();
        let mut seen = HashSet::new();
        for &item in &self.reverse {
            if item == 0 || item > self.items {
                out.push(format!(
                    "Reverse-scored item {item} does not exist; items are numbered 1 to {}.",
                    self.items
                ));
            } else if !seen.insert(item) {
                out.push(format!("Reverse-scored item {item} is listed twice."));
            } else if !scored.contains(&item) {
                out.push(format!(
                    "Reverse-scored item {item} is in no subscale, so reversing it changes nothing."
                ));
            }
        }
    }
}
