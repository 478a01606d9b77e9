//! The passphrase lock, from the outside: known answers, refusals, tampering and garbage.
//!
//! `fixtures/lock-kat.json` holds known-answer vectors: fixed passphrases, salts, data keys and
//! nonces with the header and sealed texts they must produce. tend-core computed them once; they
//! were then cross-checked against independent implementations, the reference Argon2 C code
//! through argon2-cffi (`argon2.low_level.hash_secret_raw`, Argon2id v1.3) and libsodium's
//! XChaCha20-Poly1305 through PyNaCl, by `fixtures/cross_check_lock_kat.py`, which recomputes
//! every Argon2id output, wrapped key and sealed item and decrypts each item. The Argon2id outputs
//! in the fixture (`passphrase_key_hex`) come from argon2-cffi, and a unit test in
//! `src/lock/header.rs` checks tend-core's derivation against them. The tests below recompute
//! the headers and sealed texts and compare them byte for byte, and open the committed texts.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

mod lock_common;

use lock_common::*;
use tend_core::lock::{
    change_passphrase, check_new_passphrase, create_lock, open, seal, unlock, LockError, LockHeader,
};

#[test]
fn known_answers_are_reproduced_byte_for_byte() {
    let fixture = fixture();
    for vector in fixture["vectors"].as_array().unwrap() {
        let name = vector["name"].as_str().unwrap();
        let passphrase = vector["passphrase"].as_str().unwrap();
        let (header, key) = create_lock(
            passphrase,
            bytes(&vector["salt_hex"]),
            bytes(&vector["data_key_hex"]),
            bytes(&vector["wrap_nonce_hex"]),
        )
        .unwrap();
        assert_eq!(header, header_of(&vector["header"]), "{name}");
        assert_eq!(
            serde_json::to_value(&header).unwrap(),
            vector["header"],
            "{name}: stored form"
        );
        for item in vector["items"].as_array().unwrap() {
            let plaintext = item["plaintext"].as_str().unwrap();
            let associated = item["associated"].as_str().unwrap();
            let sealed = seal(&key, bytes(&item["nonce_hex"]), plaintext, associated).unwrap();
            assert_eq!(sealed, item["sealed"].as_str().unwrap(), "{name}");
        }
    }
}

#[test]
fn committed_vectors_unlock_and_open() {
    let fixture = fixture();
    for vector in fixture["vectors"].as_array().unwrap() {
        let header = LockHeader::decode(&vector["header"].to_string()).unwrap();
        let key = unlock(vector["passphrase"].as_str().unwrap(), &header).unwrap();
        for item in vector["items"].as_array().unwrap() {
            let opened = open(
                &key,
                item["sealed"].as_str().unwrap(),
                item["associated"].as_str().unwrap(),
            );
            assert_eq!(opened.as_deref(), Ok(item["plaintext"].as_str().unwrap()));
        }
    }
}

#[test]
fn passphrase_change_rewraps_the_same_key() {
    let fixture = fixture();
    let change = &fixture["change"];
    let vector = &fixture["vectors"][change["vector"].as_u64().unwrap() as usize];
    let old = change["old_passphrase"].as_str().unwrap();
    let new = change["new_passphrase"].as_str().unwrap();
    let before = header_of(&vector["header"]);

    let after = change_passphrase(
        old,
        new,
        &before,
        bytes(&change["new_salt_hex"]),
        bytes(&change["new_nonce_hex"]),
    )
    .unwrap();
    assert_eq!(after, header_of(&change["header"]));

    assert_eq!(unlock(old, &after).unwrap_err(), LockError::WrongPassphrase);
    assert_eq!(
        unlock(new, &before).unwrap_err(),
        LockError::WrongPassphrase
    );
    let key = unlock(new, &after).unwrap();
    for item in vector["items"].as_array().unwrap() {
        let opened = open(
            &key,
            item["sealed"].as_str().unwrap(),
            item["associated"].as_str().unwrap(),
        );
        assert_eq!(opened.as_deref(), Ok(item["plaintext"].as_str().unwrap()));
    }
}

#[test]
fn data_sealed_before_a_change_opens_after_it() {
    let (header, key) = shared();
    let sealed = seal(key, [8; 24], "Tuesday: 3 sessions", "tend.document").unwrap();
    let changed = change_passphrase(PASS, "quiet harbour at dusk", header, [9; 16], [10; 24]);
    let changed = changed.unwrap();
    assert_ne!(changed.wrapped_key, header.wrapped_key);
    assert_ne!(changed.kdf.salt, header.kdf.salt);
    assert_eq!(
        unlock(PASS, &changed).unwrap_err(),
        LockError::WrongPassphrase
    );
    let key_after = unlock("quiet harbour at dusk", &changed).unwrap();
    assert_eq!(
        open(&key_after, &sealed, "tend.document").as_deref(),
        Ok("Tuesday: 3 sessions")
    );
}

#[test]
fn a_wrong_passphrase_is_an_error_value_that_says_nothing_changed() {
    let (header, _) = shared();
    for wrong in [
        "correct horse battery stapl",
        "Correct horse battery staple",
        "x",
    ] {
        assert_eq!(
            unlock(wrong, header).unwrap_err(),
            LockError::WrongPassphrase
        );
    }
    let message = LockError::WrongPassphrase.to_string();
    assert!(message.starts_with("That passphrase does not unlock this data."));
    assert!(message.contains("Tend has not changed anything"));
}

#[test]
fn a_wrong_old_passphrase_stops_a_change() {
    let (header, _) = shared();
    let result = change_passphrase(
        "not the one at all",
        "new passphrase",
        header,
        [1; 16],
        [2; 24],
    );
    assert_eq!(result.unwrap_err(), LockError::WrongPassphrase);
}

#[test]
fn empty_and_short_passphrases_are_refused() {
    let short = LockError::PassphraseTooShort { min_chars: 8 };
    assert_eq!(check_new_passphrase(""), Err(LockError::EmptyPassphrase));
    assert_eq!(
        check_new_passphrase("   \t "),
        Err(LockError::EmptyPassphrase)
    );
    assert_eq!(check_new_passphrase("seven77"), Err(short.clone()));
    // Characters are counted, not bytes: seven accented letters are still seven.
    assert_eq!(check_new_passphrase("ééééééé"), Err(short.clone()));
    assert_eq!(check_new_passphrase("eight888"), Ok(()));

    let made = create_lock("", [1; 16], [2; 32], [3; 24]);
    assert_eq!(made.unwrap_err(), LockError::EmptyPassphrase);
    let made = create_lock("short", [1; 16], [2; 32], [3; 24]);
    assert_eq!(made.unwrap_err(), short);
    let (header, _) = shared();
    assert_eq!(unlock("", header).unwrap_err(), LockError::EmptyPassphrase);
    let changed = change_passphrase(PASS, "short", header, [1; 16], [2; 24]);
    assert_eq!(changed.unwrap_err(), short);
    assert!(short.to_string().contains("at least 8 characters"));
}
