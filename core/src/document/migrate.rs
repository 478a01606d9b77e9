//! Schema migrations: pure steps from each stored schema version to the next.
//!
//! A migration works on the whole-document JSON value, not on today's structs, because an old
//! shape cannot always be parsed by new types. Each step takes version `n` to `n + 1`; [`migrate`]
//! chains them. Schemas 2, 3 and 4 changed how records are kept (monthly chunks instead of one key,
//! then compact rows in those chunks), not what a record is, so their steps only renumber the
//! document; the layout change is made by the first save after loading, which writes every
//! month.

use super::SCHEMA_VERSION;
use serde_json::Value;
use std::fmt;

/// Why stored data could not be brought up to the current schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationError {
    /// The version the failing step started from.
    pub from: u32,
    /// What was wrong.
    pub reason: String,
}

impl fmt::Display for MigrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "data in format {} could not be updated ({})",
            self.from, self.reason
        )
    }
}

type Step = fn(Value) -> Result<Value, String>;

/// The steps, indexed by the version they start from minus one.
const STEPS: [Step; (SCHEMA_VERSION - 1) as usize] = [v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5];

/// Schema 1 kept one document under one key; schema 2 keeps the same records in monthly chunks.
fn v1_to_v2(mut doc: Value) -> Result<Value, String> {
    let object = doc.as_object_mut().ok_or("the document is not an object")?;
    let payload = object
        .entry("payload")
        .or_insert_with(|| Value::Object(Default::default()));
    let payload = payload
        .as_object_mut()
        .ok_or("the payload is not an object")?;
    payload
        .entry("entries")
        .or_insert_with(|| Value::Array(Vec::new()));
    object.insert("schema".into(), Value::from(2));
    Ok(doc)
}

/// Schema 3 changed how a chunk writes its records (compact rows), not what a record is, so a
/// whole document only gets the new number. Stored schema 2 chunks are still read as they are,
/// and the first save after loading them rewrites every month in the compact form, keeping the
/// schema 2 state as a restorable snapshot.
fn v2_to_v3(mut doc: Value) -> Result<Value, String> {
    let object = doc.as_object_mut().ok_or("the document is not an object")?;
    object.insert("schema".into(), Value::from(3));
    Ok(doc)
}

/// Schema 4 changed where storage keeps the list of months and newly added records (see
/// `super::catalog::index_three_to_four` for the index), not what a record is, so a whole
/// document only gets the new number.
fn v3_to_v4(mut doc: Value) -> Result<Value, String> {
    let object = doc.as_object_mut().ok_or("the document is not an object")?;
    object.insert("schema".into(), Value::from(4));
    Ok(doc)
}

/// Schema 5 added records a schema 4 build does not know: requirement sets in the registry and
/// continuing-education activities in their months (a schema 4 build would count such a month's
/// records wrongly and call it damaged). The records themselves need no change, so a whole
/// document only gets the new number; the number is what makes an older build refuse this data
/// as newer instead of misreading it.
fn v4_to_v5(mut doc: Value) -> Result<Value, String> {
    let object = doc.as_object_mut().ok_or("the document is not an object")?;
    object.insert("schema".into(), Value::from(5));
    Ok(doc)
}

/// Brings a whole-document value from schema `from` up to [`SCHEMA_VERSION`].
pub fn migrate(mut doc: Value, from: u32) -> Result<Value, MigrationError> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(MigrationError {
            from,
            reason: "no such schema".into(),
        });
    }
    for version in from..SCHEMA_VERSION {
        let step = STEPS[(version - 1) as usize];
        doc = step(doc).map_err(|reason| MigrationError {
            from: version,
            reason,
        })?;
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn v1_becomes_v2_with_the_same_records() {
        let v1 = json!({"schema": 1, "revision": 3, "payload": {"entries": [{"id": "a"}]}});
        let v2 = migrate(v1, 1).unwrap();
        assert_eq!(v2["schema"], SCHEMA_VERSION);
        assert_eq!(v2["revision"], 3);
        assert_eq!(v2["payload"]["entries"][0]["id"], "a");
    }

    #[test]
    fn a_missing_payload_becomes_an_empty_one_and_nonsense_is_refused() {
        let v2 = migrate(json!({"schema": 1}), 1).unwrap();
        assert_eq!(v2["payload"]["entries"], json!([]));
        assert!(migrate(json!([1, 2]), 1).is_err());
        assert!(migrate(json!({"payload": 5}), 1).is_err());
        assert!(migrate(json!({}), 0).is_err());
        assert!(migrate(json!({}), SCHEMA_VERSION + 1).is_err());
    }
}
