//! Why the lock refused to lock, unlock, seal or open something.
//!
//! The clinician sees these messages when they are tired and possibly worried about their data, so
//! each one says what happened in plain words and, where it is true, that nothing was changed.

use std::fmt;

/// Everything that can go wrong in [`crate::lock`]. None of these is ever a panic or a wipe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    /// No passphrase was typed (or only spaces).
    EmptyPassphrase,
    /// A new passphrase is shorter than `min_chars` characters.
    PassphraseTooShort {
        /// The fewest characters a passphrase may have.
        min_chars: usize,
    },
    /// The passphrase does not open the wrapped data key.
    WrongPassphrase,
    /// A sealed item does not open with this data key: another key sealed it, it was stored
    /// under another name, or it was altered.
    WrongKey,
    /// Stored lock data is unreadable: not the expected encoding, wrong length or not text.
    /// The detail is plain words meant for the end of a sentence.
    Damaged(String),
    /// The header names a key derivation or cipher this build does not know.
    Unsupported(String),
    /// The header's key-derivation settings are weaker than the minimum or absurdly costly.
    UnsafeSettings(String),
    /// A salt, nonce or key that should be random is all zeros: the caller never filled it.
    NotRandom,
    /// The device could not spare the memory the key derivation needs.
    NotEnoughMemory,
    /// The text to seal is larger than the cipher can protect in one piece.
    TooLarge,
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::EmptyPassphrase => {
                f.write_str("The passphrase is empty. Type your passphrase and try again.")
            }
            LockError::PassphraseTooShort { min_chars } => write!(
                f,
                "That passphrase is too short. Use at least {min_chars} characters; a few \
                 unrelated words are easier to remember than a jumble of symbols."
            ),
            LockError::WrongPassphrase => f.write_str(
                "That passphrase does not unlock this data. Check for typing mistakes and Caps \
                 Lock; Tend has not changed anything.",
            ),
            LockError::WrongKey => f.write_str(
                "A saved item could not be opened with this lock. It may belong to another lock \
                 or have been changed outside Tend; Tend has not changed anything.",
            ),
            LockError::Damaged(why) => write!(
                f,
                "Part of the locked data is damaged ({why}) and cannot be read. Tend has not \
                 changed anything."
            ),
            LockError::Unsupported(what) => write!(
                f,
                "This data was locked with a method this version of Tend does not know ({what}). \
                 It may come from a newer version of Tend; Tend has not changed anything."
            ),
            LockError::UnsafeSettings(why) => write!(
                f,
                "The lock settings stored with this data are outside what Tend accepts ({why}), \
                 so Tend will not use them. The data may have been tampered with; Tend has not \
                 changed anything."
            ),
            LockError::NotRandom => f.write_str(
                "Tend did not get the random numbers it needs from the browser, so it did not \
                 lock anything. Reload the page and try again.",
            ),
            LockError::NotEnoughMemory => f.write_str(
                "This device did not have enough free memory to work with the lock. Close other \
                 tabs or apps and try again; Tend has not changed anything.",
            ),
            LockError::TooLarge => {
                f.write_str("This item is too large to lock. Tend has not changed anything.")
            }
        }
    }
}

impl std::error::Error for LockError {}
