//! The lock header: the stored record of how to turn a passphrase back into the data key.
//!
//! Key-derivation settings will need raising as devices get faster, so the header records the
//! settings and salt that were used rather than relying on constants in the code. The header sits
//! in browser storage, where anything could have rewritten it, so every field is checked before it
//! is used: unknown methods, settings below the minimum, settings so costly they would freeze the
//! tab, and wrongly sized bytes are all refused with a [`LockError`].

use super::error::LockError;
use super::{is_all_zero, KEY_LEN, NONCE_LEN, SALT_LEN, TAG_LEN};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// The key derivation this build uses and accepts: Argon2id, version 1.3 (0x13).
pub const KDF_ALGORITHM: &str = "argon2id";
/// The cipher this build uses and accepts for the wrapped key and for sealed items.
pub const CIPHER: &str = "xchacha20poly1305";

/// Least Argon2id memory accepted, in KiB: OWASP's minimum recommendation (19 MiB).
pub const MIN_MEMORY_KIB: u32 = 19_456;
/// Least number of Argon2id passes accepted: OWASP's minimum recommendation at 19 MiB.
pub const MIN_ITERATIONS: u32 = 2;
/// Most Argon2id memory accepted from a header (256 MiB); more would be an attack on the tab.
pub const MAX_MEMORY_KIB: u32 = 256 * 1024;
/// Most Argon2id passes accepted from a header.
pub const MAX_ITERATIONS: u32 = 10;
/// Most Argon2id lanes accepted from a header. Wasm runs lanes one after another, so more lanes
/// only add overhead.
pub const MAX_PARALLELISM: u32 = 4;

/// The memory new locks use, in KiB.
pub const DEFAULT_MEMORY_KIB: u32 = MIN_MEMORY_KIB;
/// The passes new locks use.
pub const DEFAULT_ITERATIONS: u32 = MIN_ITERATIONS;
/// The lanes new locks use.
pub const DEFAULT_PARALLELISM: u32 = 1;

// New locks must be accepted by this build's own checks.
const _: () = assert!(
    DEFAULT_MEMORY_KIB >= MIN_MEMORY_KIB
        && DEFAULT_MEMORY_KIB <= MAX_MEMORY_KIB
        && DEFAULT_ITERATIONS >= MIN_ITERATIONS
        && DEFAULT_ITERATIONS <= MAX_ITERATIONS
        && DEFAULT_PARALLELISM >= 1
        && DEFAULT_PARALLELISM <= MAX_PARALLELISM
);

/// How the passphrase key is derived: Argon2id settings and the salt (base64).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Always [`KDF_ALGORITHM`] in this build.
    pub algorithm: String,
    /// Memory cost in KiB.
    pub memory_kib: u32,
    /// Number of passes over the memory.
    pub iterations: u32,
    /// Number of lanes.
    pub parallelism: u32,
    /// The 16-byte salt, standard base64 with padding.
    pub salt: String,
}

/// What is stored beside locked data: the key-derivation settings and the data key, wrapped
/// (encrypted) under the key derived from the passphrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHeader {
    /// How to derive the passphrase key.
    pub kdf: KdfParams,
    /// Always [`CIPHER`] in this build.
    pub cipher: String,
    /// base64(nonce ‖ ciphertext ‖ tag) of the 32-byte data key: 24 + 32 + 16 = 72 bytes.
    pub wrapped_key: String,
}

/// A header's bytes once they have been checked.
pub(crate) struct Parts {
    pub salt: [u8; SALT_LEN],
    pub nonce: [u8; NONCE_LEN],
    pub ciphertext: Vec<u8>,
}

/// The length of a decoded `wrapped_key`.
const WRAPPED_LEN: usize = NONCE_LEN + KEY_LEN + TAG_LEN;

impl KdfParams {
    /// The settings new locks use, with the given salt.
    pub fn recommended(salt: [u8; SALT_LEN]) -> KdfParams {
        KdfParams {
            algorithm: KDF_ALGORITHM.to_string(),
            memory_kib: DEFAULT_MEMORY_KIB,
            iterations: DEFAULT_ITERATIONS,
            parallelism: DEFAULT_PARALLELISM,
            salt: BASE64.encode(salt),
        }
    }

    /// These settings raised, where needed, to at least the current defaults, with a new salt.
    /// Settings already above the defaults are kept, so a passphrase change never weakens a lock.
    pub(crate) fn renewed(&self, salt: [u8; SALT_LEN]) -> KdfParams {
        let fresh = KdfParams::recommended(salt);
        KdfParams {
            memory_kib: self.memory_kib.max(fresh.memory_kib),
            iterations: self.iterations.max(fresh.iterations),
            parallelism: self.parallelism.max(fresh.parallelism),
            ..fresh
        }
    }

    /// Checks every field and returns the salt bytes.
    pub(crate) fn checked_salt(&self) -> Result<[u8; SALT_LEN], LockError> {
        if self.algorithm != KDF_ALGORITHM {
            return Err(LockError::Unsupported(format!(
                "key derivation \u{201c}{}\u{201d}",
                self.algorithm
            )));
        }
        let range = |name: &str, value: u32, min: u32, max: u32| {
            if value < min {
                Err(LockError::UnsafeSettings(format!(
                    "{name} {value} is below the minimum of {min}"
                )))
            } else if value > max {
                Err(LockError::UnsafeSettings(format!(
                    "{name} {value} is above the maximum of {max}"
                )))
            } else {
                Ok(())
            }
        };
        range("memory", self.memory_kib, MIN_MEMORY_KIB, MAX_MEMORY_KIB)?;
        range("passes", self.iterations, MIN_ITERATIONS, MAX_ITERATIONS)?;
        range("lanes", self.parallelism, 1, MAX_PARALLELISM)?;
        let salt = decode_exact::<SALT_LEN>(&self.salt, "the salt")?;
        if is_all_zero(&salt) {
            return Err(LockError::Damaged("the salt is blank".to_string()));
        }
        Ok(salt)
    }

    /// Derives the 32-byte passphrase key with these (already checked) settings.
    ///
    /// Argon2's working memory is allocated here, fallibly, so a device short of memory gets an
    /// error instead of an abort, and it is wiped before it is freed.
    pub(crate) fn derive(
        &self,
        passphrase: &str,
        salt: &[u8; SALT_LEN],
    ) -> Result<Zeroizing<[u8; KEY_LEN]>, LockError> {
        let unsafe_settings = |e: argon2::Error| LockError::UnsafeSettings(e.to_string());
        let params = Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(KEY_LEN),
        )
        .map_err(unsafe_settings)?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let blocks_needed = argon.params().block_count();
        let mut blocks: Zeroizing<Vec<Block>> = Zeroizing::new(Vec::new());
        blocks
            .try_reserve_exact(blocks_needed)
            .map_err(|_| LockError::NotEnoughMemory)?;
        blocks.resize(blocks_needed, Block::default());
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        argon
            .hash_password_into_with_memory(
                passphrase.as_bytes(),
                salt,
                &mut key[..],
                &mut blocks[..],
            )
            .map_err(unsafe_settings)?;
        Ok(key)
    }
}

impl LockHeader {
    /// The stored text of this header (JSON).
    pub fn encode(&self) -> String {
        // Plain structs of strings and numbers always serialise; should serde ever fail, the
        // empty text is refused by `decode` rather than mistaken for a header.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads stored header text and checks everything that can be checked without the
    /// passphrase, so the shell can report a broken lock before asking for the passphrase.
    pub fn decode(text: &str) -> Result<LockHeader, LockError> {
        let header: LockHeader = crate::json::from_text(text)
            .map_err(|_| LockError::Damaged("the lock settings are unreadable".to_string()))?;
        header.check()?;
        Ok(header)
    }

    /// Checks the method names, settings and byte lengths; [`super::unlock`] does this too.
    pub fn check(&self) -> Result<(), LockError> {
        self.parts().map(|_| ())
    }

    pub(crate) fn parts(&self) -> Result<Parts, LockError> {
        if self.cipher != CIPHER {
            return Err(LockError::Unsupported(format!(
                "cipher \u{201c}{}\u{201d}",
                self.cipher
            )));
        }
        let salt = self.kdf.checked_salt()?;
        let wrapped = decode_exact::<WRAPPED_LEN>(&self.wrapped_key, "the wrapped key")?;
        let (nonce, ciphertext) = wrapped.split_at(NONCE_LEN);
        let mut nonce_bytes = [0u8; NONCE_LEN];
        nonce_bytes.copy_from_slice(nonce);
        Ok(Parts {
            salt,
            nonce: nonce_bytes,
            ciphertext: ciphertext.to_vec(),
        })
    }
}

/// Decodes base64 that must hold exactly `N` bytes; `what` names the field in the error.
fn decode_exact<const N: usize>(text: &str, what: &str) -> Result<[u8; N], LockError> {
    let bytes = BASE64
        .decode(text)
        .map_err(|_| LockError::Damaged(format!("{what} is not in the expected format")))?;
    bytes
        .try_into()
        .map_err(|_| LockError::Damaged(format!("{what} has the wrong length")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn derivation_matches_the_reference_argon2id() {
        // passphrase_key_hex in the fixture was computed by argon2-cffi (the reference C code).
        let fixture: Value =
            serde_json::from_str(include_str!("../../tests/fixtures/lock-kat.json")).unwrap();
        let change = &fixture["change"];
        let mut cases: Vec<(&Value, &str)> = fixture["vectors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| (v, v["passphrase"].as_str().unwrap()))
            .collect();
        cases.push((change, change["new_passphrase"].as_str().unwrap()));
        for (case, passphrase) in cases {
            let kdf: KdfParams = serde_json::from_value(case["header"]["kdf"].clone()).unwrap();
            let salt = kdf.checked_salt().unwrap();
            let key = kdf.derive(passphrase, &salt).unwrap();
            assert_eq!(hex(&key[..]), case["passphrase_key_hex"].as_str().unwrap());
        }
    }

    #[test]
    fn renewal_never_lowers_settings() {
        let mut old = KdfParams::recommended([1; SALT_LEN]);
        old.memory_kib = 65_536;
        old.iterations = MIN_ITERATIONS;
        let renewed = old.renewed([2; SALT_LEN]);
        assert_eq!(renewed.memory_kib, 65_536);
        assert_eq!(renewed.iterations, DEFAULT_ITERATIONS);
        assert_eq!(renewed.parallelism, DEFAULT_PARALLELISM);
        assert_eq!(renewed.salt, BASE64.encode([2; SALT_LEN]));

        // A header that somehow holds weak settings is raised to the defaults.
        old.memory_kib = 1024;
        old.iterations = 1;
        let renewed = old.renewed([2; SALT_LEN]);
        assert_eq!(renewed.memory_kib, DEFAULT_MEMORY_KIB);
        assert_eq!(renewed.iterations, DEFAULT_ITERATIONS);
    }

    #[test]
    fn defaults_pass_the_checks() {
        let kdf = KdfParams::recommended([9; SALT_LEN]);
        assert!(kdf.checked_salt().is_ok());
    }
}
