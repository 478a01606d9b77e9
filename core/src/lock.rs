//! The optional passphrase lock: encryption at rest for what Tend stores.
//!
//! A clinician's work log sits in the browser profile, where anyone who copies the profile or a
//! backup file can read it. With the lock on, every stored item is sealed with a random 32-byte
//! *data key* (XChaCha20-Poly1305), and the data key itself is stored only wrapped under a key
//! derived from the passphrase (Argon2id). Changing the passphrase re-wraps that one key; the
//! sealed items stay as they are.
//!
//! This module is pure like the rest of the core: it cannot produce randomness, so salts, nonces
//! and the data key come in as byte arrays that the browser shell fills from
//! `crypto.getRandomValues`. Every nonce must be fresh for every call; an all-zero array is
//! refused as a sign the caller forgot to fill it. A wrong passphrase, damaged text or tampered
//! settings come back as a [`LockError`]; nothing here panics on stored input or deletes anything.
//!
//! See `docs/encryption.md` for what the lock does and does not protect against.

mod error;
mod header;

pub use error::LockError;
pub use header::{
    KdfParams, LockHeader, CIPHER, DEFAULT_ITERATIONS, DEFAULT_MEMORY_KIB, DEFAULT_PARALLELISM,
    KDF_ALGORITHM, MAX_ITERATIONS, MAX_MEMORY_KIB, MAX_PARALLELISM, MIN_ITERATIONS, MIN_MEMORY_KIB,
};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use std::fmt;
use zeroize::{Zeroize, Zeroizing};

/// Bytes of salt for the key derivation.
pub const SALT_LEN: usize = 16;
/// Bytes of nonce for each XChaCha20-Poly1305 sealing.
pub const NONCE_LEN: usize = 24;
/// Bytes in the data key and in the passphrase key.
pub const KEY_LEN: usize = 32;
/// Bytes of authentication tag added by the cipher.
pub const TAG_LEN: usize = 16;
/// The fewest characters a new passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Associated data for the wrapped data key, so it can never pass for a sealed item.
const WRAP_CONTEXT: &[u8] = b"tend lock: data key";
/// Prefix of the associated data for sealed items; the storage key name follows it.
const ITEM_CONTEXT: &[u8] = b"tend item: ";

/// The key that seals stored items. Its bytes are wiped when it is dropped and never printed.
/// It is deliberately not `Clone`: share it behind an `Rc` so there is one copy to wipe.
pub struct DataKey([u8; KEY_LEN]);

impl DataKey {
    /// The key kept in storage as base64 (sync keeps its group key this way, sealed by the lock
    /// when the lock is on).
    pub(crate) fn to_base64(&self) -> String {
        BASE64.encode(self.0)
    }

    /// A key read back from [`DataKey::to_base64`]; `None` if the text is not one.
    pub(crate) fn from_base64(text: &str) -> Option<DataKey> {
        let bytes = BASE64.decode(text).ok()?;
        let key: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(DataKey(key))
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new((&self.0).into())
    }
}

impl Drop for DataKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey(hidden)")
    }
}

/// Checks a passphrase the clinician is choosing: not blank and at least
/// [`MIN_PASSPHRASE_CHARS`] characters. Cheap, so a form can call it as they type.
pub fn check_new_passphrase(passphrase: &str) -> Result<(), LockError> {
    if passphrase.trim().is_empty() {
        return Err(LockError::EmptyPassphrase);
    }
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(LockError::PassphraseTooShort {
            min_chars: MIN_PASSPHRASE_CHARS,
        });
    }
    Ok(())
}

/// Turns the lock on: wraps `data_key` under a key derived from `passphrase` with the recommended
/// settings. `salt`, `data_key` and `nonce` must be fresh random bytes. Returns the header to
/// store and the data key to seal items with.
pub fn create_lock(
    passphrase: &str,
    salt: [u8; SALT_LEN],
    data_key: [u8; KEY_LEN],
    nonce: [u8; NONCE_LEN],
) -> Result<(LockHeader, DataKey), LockError> {
    let data_key = DataKey(data_key);
    check_new_passphrase(passphrase)?;
    if is_all_zero(&salt) || is_all_zero(&data_key.0) || is_all_zero(&nonce) {
        return Err(LockError::NotRandom);
    }
    let header = wrap(passphrase, KdfParams::recommended(salt), &data_key, nonce)?;
    Ok((header, data_key))
}

/// Unwraps the data key with `passphrase`, using the settings recorded in `header` once they
/// have been checked. A passphrase that does not fit gives [`LockError::WrongPassphrase`].
pub fn unlock(passphrase: &str, header: &LockHeader) -> Result<DataKey, LockError> {
    if passphrase.is_empty() {
        return Err(LockError::EmptyPassphrase);
    }
    let parts = header.parts()?;
    let wrapping = header.kdf.derive(passphrase, &parts.salt)?;
    let cipher = XChaCha20Poly1305::new((&*wrapping).into());
    let payload = Payload {
        msg: &parts.ciphertext,
        aad: WRAP_CONTEXT,
    };
    let bytes = Zeroizing::new(
        cipher
            .decrypt(XNonce::from_slice(&parts.nonce), payload)
            .map_err(|_| LockError::WrongPassphrase)?,
    );
    let mut key = DataKey([0u8; KEY_LEN]);
    if bytes.len() != KEY_LEN {
        return Err(LockError::Damaged(
            "the wrapped key has the wrong length".into(),
        ));
    }
    key.0.copy_from_slice(&bytes);
    Ok(key)
}

/// Re-wraps the same data key under `new`, after checking `old` against `header`. The new header
/// has a fresh salt and nonce and settings at least as strong as both the old header's and the
/// current defaults. Items sealed before the change still open with the same data key. Passing
/// the same passphrase twice renews the salt and raises the settings.
pub fn change_passphrase(
    old: &str,
    new: &str,
    header: &LockHeader,
    new_salt: [u8; SALT_LEN],
    new_nonce: [u8; NONCE_LEN],
) -> Result<LockHeader, LockError> {
    check_new_passphrase(new)?;
    if is_all_zero(&new_salt) || is_all_zero(&new_nonce) {
        return Err(LockError::NotRandom);
    }
    let data_key = unlock(old, header)?;
    wrap(new, header.kdf.renewed(new_salt), &data_key, new_nonce)
}

/// Seals `plaintext` for storage under the key name `associated` and returns
/// base64(nonce ‖ ciphertext ‖ tag). The sealed text opens only with the same key *and* the same
/// `associated` name, so stored items cannot be swapped between keys unnoticed. `nonce` must be
/// fresh random bytes for every call.
pub fn seal(
    key: &DataKey,
    nonce: [u8; NONCE_LEN],
    plaintext: &str,
    associated: &str,
) -> Result<String, LockError> {
    if is_all_zero(&nonce) {
        return Err(LockError::NotRandom);
    }
    let aad = item_context(associated);
    let payload = Payload {
        msg: plaintext.as_bytes(),
        aad: &aad,
    };
    let ciphertext = key
        .cipher()
        .encrypt(XNonce::from_slice(&nonce), payload)
        .map_err(|_| LockError::TooLarge)?;
    let mut sealed = Vec::with_capacity(NONCE_LEN + ciphertext.len());
    sealed.extend_from_slice(&nonce);
    sealed.extend_from_slice(&ciphertext);
    Ok(BASE64.encode(sealed))
}

/// Opens text made by [`seal`] under the same `associated` name. Unreadable or cut-short text is
/// [`LockError::Damaged`]; text that fails authentication (another key, another name, altered
/// bytes) is [`LockError::WrongKey`]. Never panics, whatever the input.
pub fn open(key: &DataKey, sealed: &str, associated: &str) -> Result<String, LockError> {
    let bytes = BASE64
        .decode(sealed)
        .map_err(|_| LockError::Damaged("a saved item is not in the expected format".into()))?;
    if bytes.len() < NONCE_LEN + TAG_LEN {
        return Err(LockError::Damaged("a saved item is cut short".into()));
    }
    let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
    let aad = item_context(associated);
    let payload = Payload {
        msg: ciphertext,
        aad: &aad,
    };
    let plain = key
        .cipher()
        .decrypt(XNonce::from_slice(nonce), payload)
        .map_err(|_| LockError::WrongKey)?;
    String::from_utf8(plain).map_err(|e| {
        let mut bytes = e.into_bytes();
        bytes.zeroize();
        LockError::Damaged("a saved item is not text".into())
    })
}

/// Wraps `data_key` under the key derived from `passphrase` with `kdf`. The callers have
/// already refused blank salts and nonces.
fn wrap(
    passphrase: &str,
    kdf: KdfParams,
    data_key: &DataKey,
    nonce: [u8; NONCE_LEN],
) -> Result<LockHeader, LockError> {
    let salt = kdf.checked_salt()?;
    let wrapping = kdf.derive(passphrase, &salt)?;
    let cipher = XChaCha20Poly1305::new((&*wrapping).into());
    let payload = Payload {
        msg: &data_key.0,
        aad: WRAP_CONTEXT,
    };
    let ciphertext = cipher
        .encrypt(XNonce::from_slice(&nonce), payload)
        .map_err(|_| LockError::TooLarge)?;
    let mut wrapped = Vec::with_capacity(NONCE_LEN + ciphertext.len());
    wrapped.extend_from_slice(&nonce);
    wrapped.extend_from_slice(&ciphertext);
    Ok(LockHeader {
        kdf,
        cipher: CIPHER.to_string(),
        wrapped_key: BASE64.encode(wrapped),
    })
}

/// The associated data for an item stored under `name`.
fn item_context(name: &str) -> Vec<u8> {
    let mut aad = Vec::with_capacity(ITEM_CONTEXT.len() + name.len());
    aad.extend_from_slice(ITEM_CONTEXT);
    aad.extend_from_slice(name.as_bytes());
    aad
}

/// True when every byte is zero: an unfilled buffer rather than random bytes.
fn is_all_zero(bytes: &[u8]) -> bool {
    bytes.iter().all(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raised_settings_are_used_and_kept_across_a_change() {
        let mut kdf = KdfParams::recommended([3; SALT_LEN]);
        kdf.memory_kib = MIN_MEMORY_KIB + 1024;
        kdf.iterations = MIN_ITERATIONS + 1;
        let key = DataKey([4; KEY_LEN]);
        let header = wrap("raised settings", kdf.clone(), &key, [5; NONCE_LEN]).unwrap();
        assert_eq!(unlock("raised settings", &header).unwrap().0, [4; KEY_LEN]);

        let changed =
            change_passphrase("raised settings", "still raised", &header, [6; 16], [7; 24]);
        let changed = changed.unwrap();
        assert_eq!(changed.kdf.memory_kib, kdf.memory_kib);
        assert_eq!(changed.kdf.iterations, kdf.iterations);
        assert_eq!(unlock("still raised", &changed).unwrap().0, [4; KEY_LEN]);
    }

    #[test]
    fn items_and_the_wrapped_key_use_separate_associated_data() {
        assert_eq!(item_context("tend.document"), b"tend item: tend.document");
        assert!(!item_context("").starts_with(WRAP_CONTEXT));
        assert_ne!(item_context("lock: data key"), WRAP_CONTEXT);
    }

    #[test]
    fn blank_buffers_are_recognised() {
        assert!(is_all_zero(&[0; 24]));
        assert!(!is_all_zero(&[0, 0, 1]));
    }
}
