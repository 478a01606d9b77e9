//! The passphrase lock refusing what it must: unfilled random inputs, tampered items and keys,
//! garbage, unsafe or unknown header settings, and errors that read as sentences. The known
//! answers and passphrase changes are in `lock.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod lock_common;

use lock_common::*;
use proptest::prelude::*;
use tend_core::lock::{
    change_passphrase, create_lock, open, seal, unlock, LockError, LockHeader, MAX_ITERATIONS,
    MAX_MEMORY_KIB, MIN_ITERATIONS, MIN_MEMORY_KIB,
};

#[test]
fn unfilled_random_inputs_are_refused() {
    for (salt, key, nonce) in [(0, 2, 3), (1, 0, 3), (1, 2, 0)] {
        let made = create_lock(PASS, [salt; 16], [key; 32], [nonce; 24]);
        assert_eq!(made.unwrap_err(), LockError::NotRandom);
    }
    let (header, key) = shared();
    let changed = change_passphrase(PASS, "another passphrase", header, [0; 16], [1; 24]);
    assert_eq!(changed.unwrap_err(), LockError::NotRandom);
    let changed = change_passphrase(PASS, "another passphrase", header, [1; 16], [0; 24]);
    assert_eq!(changed.unwrap_err(), LockError::NotRandom);
    assert_eq!(seal(key, [0; 24], "x", "k"), Err(LockError::NotRandom));
}

#[test]
fn tampered_items_do_not_open() {
    let (_, key) = shared();
    let sealed = seal(key, [4; 24], "50 min, documentation", "tend.document").unwrap();
    let raw = base64_decode(&sealed);
    // A flipped bit in the nonce, the ciphertext or the tag.
    for at in [0, 23, 24, raw.len() - 17, raw.len() - 1] {
        let mut bent = raw.clone();
        bent[at] ^= 0x01;
        assert_eq!(
            open(key, &base64_encode(&bent), "tend.document"),
            Err(LockError::WrongKey),
            "byte {at}"
        );
    }
    // The same bytes under another storage key name: swapped chunks are caught.
    assert_eq!(
        open(key, &sealed, "tend.quarantine.1"),
        Err(LockError::WrongKey)
    );
    assert_eq!(open(key, &sealed, ""), Err(LockError::WrongKey));
    // Another data key.
    let (_, other) = create_lock(PASS, [5; 16], [66; 32], [7; 24]).unwrap();
    assert_eq!(
        open(&other, &sealed, "tend.document"),
        Err(LockError::WrongKey)
    );
    // Cut short, or with a byte added.
    let mut longer = raw.clone();
    longer.push(0);
    assert_eq!(
        open(key, &base64_encode(&longer), "tend.document"),
        Err(LockError::WrongKey)
    );
    for len in [0, 1, 24, 39] {
        assert!(matches!(
            open(key, &base64_encode(&raw[..len]), "tend.document"),
            Err(LockError::Damaged(_))
        ));
    }
    assert_eq!(
        open(key, &base64_encode(&raw[..40]), "tend.document"),
        Err(LockError::WrongKey)
    );
}

#[test]
fn garbage_is_damaged_not_a_panic() {
    let (_, key) = shared();
    for garbage in [
        "",
        "%%%",
        "not base64 at all",
        "AAAA=",
        "====",
        "{\"json\":true}",
        "🌿",
    ] {
        let result = open(key, garbage, "tend.document");
        assert!(matches!(result, Err(LockError::Damaged(_))), "{garbage:?}");
        assert!(result.unwrap_err().to_string().contains("damaged"));
    }
}

#[test]
fn a_tampered_wrapped_key_does_not_unlock() {
    let (header, _) = shared();
    let mut raw = base64_decode(&header.wrapped_key);
    raw[30] ^= 0x80;
    let bent = LockHeader {
        wrapped_key: base64_encode(&raw),
        ..header.clone()
    };
    assert_eq!(unlock(PASS, &bent).unwrap_err(), LockError::WrongPassphrase);
}

#[test]
fn unlock_follows_the_settings_in_the_header() {
    // The same bytes with one more pass recorded derive another key, so the data key does not
    // unwrap: unlock really reads the settings from the header rather than from constants.
    let (header, _) = shared();
    let mut other = header.clone();
    other.kdf.iterations = MIN_ITERATIONS + 1;
    assert_eq!(
        unlock(PASS, &other).unwrap_err(),
        LockError::WrongPassphrase
    );
}

#[test]
fn unsafe_or_unknown_headers_are_refused_before_any_work() {
    let (header, _) = shared();
    type Bend = Box<dyn Fn(&mut LockHeader)>;
    let cases: Vec<(&str, Bend)> = vec![
        (
            "memory",
            Box::new(|h| h.kdf.memory_kib = MIN_MEMORY_KIB - 1),
        ),
        ("memory", Box::new(|h| h.kdf.memory_kib = 8)),
        (
            "memory",
            Box::new(|h| h.kdf.memory_kib = MAX_MEMORY_KIB + 1),
        ),
        ("memory", Box::new(|h| h.kdf.memory_kib = u32::MAX)),
        ("passes", Box::new(|h| h.kdf.iterations = 1)),
        ("passes", Box::new(|h| h.kdf.iterations = 0)),
        (
            "passes",
            Box::new(|h| h.kdf.iterations = MAX_ITERATIONS + 1),
        ),
        ("lanes", Box::new(|h| h.kdf.parallelism = 0)),
        ("lanes", Box::new(|h| h.kdf.parallelism = 64)),
    ];
    for (word, bend) in cases {
        let mut bad = header.clone();
        bend(&mut bad);
        let err = unlock(PASS, &bad).unwrap_err();
        assert!(
            matches!(&err, LockError::UnsafeSettings(why) if why.contains(word)),
            "{word}: {err:?}"
        );
        assert_eq!(LockHeader::decode(&bad.encode()).unwrap_err(), err);
        assert!(err.to_string().contains("outside what Tend accepts"));
    }

    let mut bad = header.clone();
    bad.kdf.algorithm = "scrypt".into();
    assert!(matches!(unlock(PASS, &bad), Err(LockError::Unsupported(_))));
    let mut bad = header.clone();
    bad.cipher = "aes-256-gcm".into();
    let err = unlock(PASS, &bad).unwrap_err();
    assert!(matches!(err, LockError::Unsupported(ref what) if what.contains("aes-256-gcm")));

    for salt in [
        "",
        "AAAA",
        "!!",
        "AQIDBAUGBwgJCgsMDQ4PEBE=",
        "AAAAAAAAAAAAAAAAAAAAAA==",
    ] {
        let mut bad = header.clone();
        bad.kdf.salt = salt.into();
        assert!(
            matches!(unlock(PASS, &bad), Err(LockError::Damaged(_))),
            "{salt:?}"
        );
    }
    for wrapped in ["", "QUJD", "???", &header.wrapped_key[4..]] {
        let mut bad = header.clone();
        bad.wrapped_key = wrapped.into();
        assert!(
            matches!(unlock(PASS, &bad), Err(LockError::Damaged(_))),
            "{wrapped:?}"
        );
    }
}

#[test]
fn headers_round_trip_through_their_stored_text() {
    let (header, _) = shared();
    assert_eq!(LockHeader::decode(&header.encode()).as_ref(), Ok(header));
    for text in ["", "null", "{}", "[1,2]", "{\"kdf\":{}}", "{\"cipher\":1}"] {
        assert!(
            matches!(LockHeader::decode(text), Err(LockError::Damaged(_))),
            "{text}"
        );
    }
}

#[test]
fn the_data_key_is_never_printed() {
    let (_, key) = create_lock(PASS, [1; 16], [0xab; 32], [3; 24]).unwrap();
    let shown = format!("{key:?}");
    assert_eq!(shown, "DataKey(hidden)");
}

#[test]
fn every_error_reads_as_a_sentence() {
    let errors = [
        LockError::EmptyPassphrase,
        LockError::PassphraseTooShort { min_chars: 8 },
        LockError::WrongPassphrase,
        LockError::WrongKey,
        LockError::Damaged("the salt has the wrong length".into()),
        LockError::Unsupported("cipher \u{201c}rot13\u{201d}".into()),
        LockError::UnsafeSettings("passes 1 is below the minimum of 2".into()),
        LockError::NotRandom,
        LockError::NotEnoughMemory,
        LockError::TooLarge,
    ];
    for error in errors {
        let text = error.to_string();
        assert!(text.ends_with('.'), "{text}");
        assert!(text.chars().next().unwrap().is_uppercase(), "{text}");
    }
}

proptest! {
    #[test]
    fn seal_then_open_gives_back_any_text(text in any::<String>(), name in any::<String>(), nonce in any::<[u8; 24]>()) {
        prop_assume!(nonce.iter().any(|&b| b != 0));
        let (_, key) = shared();
        let sealed = seal(key, nonce, &text, &name).unwrap();
        prop_assert_eq!(open(key, &sealed, &name), Ok(text));
    }

    #[test]
    fn open_never_panics_on_any_string(text in any::<String>(), name in any::<String>()) {
        let (_, key) = shared();
        prop_assert!(open(key, &text, &name).is_err());
    }

    #[test]
    fn open_never_panics_on_any_bytes(raw in prop::collection::vec(any::<u8>(), 0..200)) {
        let (_, key) = shared();
        prop_assert!(open(key, &base64_encode(&raw), "tend.document").is_err());
    }

    #[test]
    fn header_decode_never_panics(text in any::<String>()) {
        let _ = LockHeader::decode(&text);
    }

    #[test]
    fn weak_settings_are_always_refused(memory in 0u32..MIN_MEMORY_KIB, passes in 0u32..MIN_ITERATIONS, which in 0u8..3) {
        let (header, _) = shared();
        let mut bad = header.clone();
        match which {
            0 => bad.kdf.memory_kib = memory,
            1 => bad.kdf.iterations = passes,
            _ => {
                bad.kdf.memory_kib = memory;
                bad.kdf.iterations = passes;
            }
        }
        prop_assert!(matches!(unlock(PASS, &bad), Err(LockError::UnsafeSettings(_))));
    }
}
