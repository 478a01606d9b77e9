//! What the lock tests share: the known-answer fixture, hex and base64 helpers and one lock made
//! with the recommended settings.

#![allow(dead_code)]

use serde_json::Value;
use std::sync::OnceLock;
use tend_core::lock::{create_lock, DataKey, LockHeader};

pub const PASS: &str = "correct horse battery staple";

pub fn fixture() -> Value {
    serde_json::from_str(include_str!("../fixtures/lock-kat.json")).unwrap()
}

pub fn bytes<const N: usize>(hex: &Value) -> [u8; N] {
    let hex = hex.as_str().unwrap();
    assert_eq!(hex.len(), 2 * N, "{hex}");
    std::array::from_fn(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
}

pub fn header_of(value: &Value) -> LockHeader {
    serde_json::from_value(value.clone()).unwrap()
}

/// One lock made with the recommended settings, shared so the slow derivation runs once.
pub fn shared() -> &'static (LockHeader, DataKey) {
    static LOCK: OnceLock<(LockHeader, DataKey)> = OnceLock::new();
    LOCK.get_or_init(|| create_lock(PASS, [5; 16], [6; 32], [7; 24]).unwrap())
}

pub fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .unwrap()
}
