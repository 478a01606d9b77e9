//! The stored document's envelope: what opens, what is refused and how the refusal is worded.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use tend_core::{DecodeError, Document, SCHEMA_VERSION};

#[test]
fn opens_a_schema_one_document() {
    let text = r#"{"schema":1,"revision":2,"written_by":"tend 0.1.0","payload":{"entries":[
        {"id":"a","date":"2026-11-23","minutes":50,"kind":"direct_session"},
        {"id":"b","date":"2026-11-23","minutes":20,"kind":"documentation"}]}}"#;
    let doc = Document::decode(text).unwrap();
    assert_eq!(doc.revision, 2);
    assert_eq!(doc.payload.entries.len(), 2);
    assert_eq!(doc.payload.entries[1].minutes, 20);
}

#[test]
fn missing_optional_fields_take_defaults() {
    let doc = Document::decode(r#"{"schema":1,"payload":{}}"#).unwrap();
    assert_eq!(doc.revision, 0);
    assert!(doc.payload.entries.is_empty());
}

#[test]
fn a_newer_schema_is_recognised_before_its_payload_is_read() {
    let text = format!(
        r#"{{"schema":{},"revision":9,"payload":{{"anything":"new"}}}}"#,
        SCHEMA_VERSION + 1
    );
    let err = Document::decode(&text).unwrap_err();
    assert_eq!(
        err,
        DecodeError::Newer {
            found: SCHEMA_VERSION + 1
        }
    );
    assert!(err.to_string().contains("newer version of Tend"));
}

#[test]
fn refusals_name_the_problem() {
    assert!(matches!(
        Document::decode("{\"schema\":1,"),
        Err(DecodeError::NotJson(_))
    ));
    assert_eq!(Document::decode("[1,2,3]"), Err(DecodeError::NotTend));
    assert_eq!(
        Document::decode(r#"{"schema":0,"payload":{}}"#),
        Err(DecodeError::NotTend)
    );
    let bad_kind = r#"{"schema":1,"payload":{"entries":[{"id":"a","date":"2026-11-23","minutes":5,"kind":"nap"}]}}"#;
    assert!(matches!(
        Document::decode(bad_kind),
        Err(DecodeError::Damaged(_))
    ));
    let zero = r#"{"schema":1,"payload":{"entries":[{"id":"a","date":"2026-11-23","minutes":0,"kind":"admin"}]}}"#;
    let err = Document::decode(zero).unwrap_err();
    assert!(err.to_string().contains("entry a lasts 0 minutes"), "{err}");
    let twice = r#"{"schema":1,"payload":{"entries":[
        {"id":"a","date":"2026-11-23","minutes":5,"kind":"admin"},
        {"id":"a","date":"2026-11-24","minutes":5,"kind":"admin"}]}}"#;
    assert!(Document::decode(twice)
        .unwrap_err()
        .to_string()
        .contains("appears twice"));
}
