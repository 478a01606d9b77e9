//! The requirement sets Tend ships as examples, built from public figures.
//!
//! Each is a JSON file beside this one, read through the same import as a clinician's own file
//! (a test holds that every one reads cleanly). Each names the body whose rules it follows, where
//! the figures come from and when they were read (2026), and says that the clinician must check
//! their board's current rules: the wording is Tend's own, and an example is a starting point,
//! never advice. The clinician's own details (a start date, a supervisor, a due date) are left
//! for them to add.

use super::definition::RequirementSet;
use super::import::read_set;

/// Each example's file name and text, in the order they are offered.
pub const EXAMPLE_FILES: [(&str, &str); 5] = [
    (
        "bacp-accredited.json",
        include_str!("examples/bacp-accredited.json"),
    ),
    (
        "bacp-trainee.json",
        include_str!("examples/bacp-trainee.json"),
    ),
    (
        "ca-bbs-associate.json",
        include_str!("examples/ca-bbs-associate.json"),
    ),
    (
        "mn-licsw-ce.json",
        include_str!("examples/mn-licsw-ce.json"),
    ),
    (
        "sc-counselor-ce.json",
        include_str!("examples/sc-counselor-ce.json"),
    ),
];

/// The example sets, in the order they are offered.
pub fn examples() -> Vec<RequirementSet> {
    EXAMPLE_FILES
        .iter()
        .filter_map(|(_, text)| read_set(text.as_bytes()).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_reads_cleanly_and_is_labelled() {
        for (name, text) in EXAMPLE_FILES {
            let set = read_set(text.as_bytes()).unwrap_or_else(|p| panic!("{name}: {p:?}"));
            assert!(set.example, "{name}");
            assert!(set.id.starts_with("example-"), "{name}");
            assert_eq!(set.as_of, "2026", "{name}");
            assert!(!set.body.is_empty() && !set.source.is_empty(), "{name}");
            assert!(set.note.contains("check"), "{name}");
            assert!(set.note.contains("current rules"), "{name}");
            assert!(set.problems().is_empty(), "{name}");
        }
        assert_eq!(examples().len(), EXAMPLE_FILES.len());
    }
}
