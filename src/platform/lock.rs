//! The browser's half of the passphrase lock: fresh random bytes from `crypto.getRandomValues`
//! for salts, data keys and nonces, and a [`Sealer`] that the core's storage plans seal with.

use std::rc::Rc;
use tend_core::lock::{self, DataKey, LockError, LockHeader};
use tend_core::storage::Cipher;

/// `N` random bytes from the browser's cryptographic generator, if it is available.
pub fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; N];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// The unlocked data key, shared by the store and every save.
#[derive(Clone, Debug)]
pub struct KeyHandle(pub Rc<DataKey>);

impl PartialEq for KeyHandle {
    fn eq(&self, other: &KeyHandle) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Seals with the data key and a fresh random nonce each time.
pub struct Sealer(pub KeyHandle);

impl Cipher for Sealer {
    fn seal(&self, plaintext: &str, associated: &str) -> Result<String, String> {
        let nonce = random_bytes().ok_or("the browser gave no random numbers")?;
        lock::seal(&self.0 .0, nonce, plaintext, associated).map_err(|e| e.to_string())
    }

    fn open(&self, sealed: &str, associated: &str) -> Result<String, String> {
        lock::open(&self.0 .0, sealed, associated).map_err(|e| e.to_string())
    }
}

fn no_randomness() -> LockError {
    LockError::Damaged("the browser gave no random numbers".into())
}

/// Creates a new lock for `passphrase` with a fresh salt, data key and nonce.
pub fn create(passphrase: &str) -> Result<(LockHeader, KeyHandle), LockError> {
    let salt = random_bytes().ok_or_else(no_randomness)?;
    let key = random_bytes().ok_or_else(no_randomness)?;
    let nonce = random_bytes().ok_or_else(no_randomness)?;
    let (header, key) = lock::create_lock(passphrase, salt, key, nonce)?;
    Ok((header, KeyHandle(Rc::new(key))))
}

/// Re-wraps the data key under a new passphrase.
pub fn rewrap(old: &str, new: &str, header: &LockHeader) -> Result<LockHeader, LockError> {
    let salt = random_bytes().ok_or_else(no_randomness)?;
    let nonce = random_bytes().ok_or_else(no_randomness)?;
    lock::change_passphrase(old, new, header, salt, nonce)
}

/// Opens the lock with a passphrase.
pub fn unlock(passphrase: &str, header: &LockHeader) -> Result<KeyHandle, LockError> {
    lock::unlock(passphrase, header).map(|k| KeyHandle(Rc::new(k)))
}
