//! The document: the journal in its versioned envelope.
//!
//! Data outlives any one build of the app, so the journal travels in an envelope that says which
//! schema it follows, how many changes it has seen (the revision, which lets two tabs tell stale
//! data from new) and which build wrote it. In storage the envelope is split into an index and
//! monthly chunks (see [`crate::storage`]); as a whole it is the text of a downloaded copy and of
//! schema 1's single key. Decoding never trusts the text: anything unreadable, foreign or written
//! by a newer build comes back as a [`DecodeError`] naming the problem, and older schemas are
//! migrated on the way in.

pub mod migrate;

use crate::journal::{Action, ActionError, Journal};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The schema this build reads and writes. Schema 1 kept everything under one key; schema 2
/// stores monthly chunks under an index; schema 3 stores the same records in those chunks in a
/// compact form (rows instead of objects); schema 4 splits the index into a small head and a
/// catalog and keeps newly added records in a recent chunk (see `docs/storage.md`).
pub const SCHEMA_VERSION: u32 = 5;

/// The envelope around the journal, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Schema version of `payload`.
    pub schema: u32,
    /// Number of changes applied since the document was created.
    pub revision: u64,
    /// The build that last wrote the document (for example `tend 0.1.0`).
    #[serde(default)]
    pub written_by: String,
    /// The records themselves.
    pub payload: Journal,
}

/// Why stored text could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The text is not JSON at all, or is cut short.
    NotJson(String),
    /// The text is JSON but not a Tend document.
    NotTend,
    /// The document was written by a newer build with a schema this build does not know.
    Newer {
        /// The document's schema number.
        found: u32,
    },
    /// The document claims a known schema but its records do not fit it.
    Damaged(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(why) => write!(f, "the saved data is not readable ({why})"),
            DecodeError::NotTend => f.write_str("the saved data does not look like Tend's"),
            DecodeError::Newer { found } => write!(
                f,
                "the saved data was written by a newer version of Tend (format {found}; this \
                 version reads up to {SCHEMA_VERSION})"
            ),
            DecodeError::Damaged(why) => write!(f, "part of the saved data is damaged ({why})"),
        }
    }
}

/// Only the envelope's header, read first so that a newer schema is recognised before its
/// payload is interpreted.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    revision: u64,
    #[serde(default)]
    written_by: String,
    payload: serde_json::Value,
}

/// Reads the schema number of a stored value, refusing what is not Tend's or is too new.
pub(crate) fn schema_of(value: &serde_json::Value) -> Result<u32, DecodeError> {
    let schema = value
        .get("schema")
        .and_then(serde_json::Value::as_u64)
        .ok_or(DecodeError::NotTend)?;
    match u32::try_from(schema) {
        Ok(0) => Err(DecodeError::NotTend),
        Ok(s) if s <= SCHEMA_VERSION => Ok(s),
        Ok(s) => Err(DecodeError::Newer { found: s }),
        Err(_) => Err(DecodeError::Newer { found: u32::MAX }),
    }
}

impl Document {
    /// An empty document at revision 0.
    pub fn new(build: &str) -> Document {
        Document {
            schema: SCHEMA_VERSION,
            revision: 0,
            written_by: build.to_string(),
            payload: Journal::default(),
        }
    }

    /// Applies an action to the payload; on success the revision goes up by one and `build`
    /// becomes the writer.
    pub fn apply(&self, action: &Action, build: &str) -> Result<Document, ActionError> {
        Ok(Document {
            schema: SCHEMA_VERSION,
            revision: self.revision.saturating_add(1),
            written_by: build.to_string(),
            payload: self.payload.apply(action)?,
        })
    }

    /// Replays actions made in this tab on top of a newer document saved by another tab.
    /// Actions that no longer apply (say, deleting an entry the other tab already deleted) are
    /// returned with the reason, so the clinician can be told; the rest are kept.
    pub fn rebase(
        &self,
        pending: &[Action],
        build: &str,
    ) -> (Document, Vec<(Action, ActionError)>) {
        let mut doc = self.clone();
        let mut dropped = Vec::new();
        for action in pending {
            match doc.apply(action, build) {
                Ok(next) => doc = next,
                Err(e) => dropped.push((action.clone(), e)),
            }
        }
        (doc, dropped)
    }

    /// The text of this whole document, as in a downloaded copy.
    pub fn encode(&self) -> String {
        // Serialising plain structs with string keys to a String cannot fail; should serde ever
        // report an error the fallback is an empty document text that decode rejects loudly.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a whole document, checking the envelope before the records and migrating an older
    /// schema to the current one.
    pub fn decode(text: &str) -> Result<Document, DecodeError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?;
        if !value.is_object() {
            return Err(DecodeError::NotTend);
        }
        let schema = schema_of(&value)?;
        let value = if schema < SCHEMA_VERSION {
            migrate::migrate(value, schema).map_err(|e| DecodeError::Damaged(e.to_string()))?
        } else {
            value
        };
        let header: Header = serde_json::from_value(value).map_err(|_| DecodeError::NotTend)?;
        let payload: Journal = serde_json::from_value(header.payload)
            .map_err(|e| DecodeError::Damaged(e.to_string()))?;
        payload.check().map_err(DecodeError::Damaged)?;
        Ok(Document {
            schema: SCHEMA_VERSION,
            revision: header.revision,
            written_by: header.written_by,
            payload,
        })
    }
}
