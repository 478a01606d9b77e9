//! A short checksum of each stored piece, kept where the piece is named (the catalog for month
//! chunks and snapshots, the index for the catalog, registry and recent chunk).
//!
//! The length and record count an index already keeps catch a piece cut short or swapped, but
//! not a digit changed in place: the same length and the same number of records, read silently
//! with a different value. A checksum catches that, so a changed piece is set aside like any
//! damaged one. BLAKE2b is already in the app for the lock's key derivation, so this costs no new
//! code; eight bytes of it (eleven characters) are plenty to tell an accident or a stray edit.

use base64::Engine;
use blake2::digest::consts::U8;
use blake2::{Blake2b, Digest};

/// The checksum of a stored text: eight bytes of BLAKE2b over its UTF-8, in base64url.
pub fn sum_of(text: &str) -> String {
    let digest = Blake2b::<U8>::digest(text.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
}

/// How the index's own checksum ends its text: `...,"check":"<sum of the text before>"}`.
const CHECK_FIELD: &str = ",\"check\":\"";

/// The index's text with its own checksum added as a last field, `"check"`, over the text as it
/// would be without it. Builds that do not know the field ignore it.
pub(super) fn with_check(text: &str) -> String {
    match text.strip_suffix('}') {
        Some(body) if body.len() > 1 => {
            format!("{body}{CHECK_FIELD}{}\"}}", sum_of(text))
        }
        _ => text.to_string(),
    }
}

/// Checks the index's own checksum: `Ok(true)` when it matches, `Ok(false)` when the text has
/// none (written before checksums), and why not otherwise.
pub(super) fn verify_check(text: &str) -> Result<bool, String> {
    let Some(at) = text.rfind(CHECK_FIELD) else {
        return Ok(false);
    };
    let (body, field) = text.split_at(at);
    let Some(sum) = field
        .strip_prefix(CHECK_FIELD)
        .and_then(|f| f.strip_suffix("\"}"))
    else {
        return Err("its checksum is damaged".into());
    };
    if sum_of(&format!("{body}}}")) == sum {
        Ok(true)
    } else {
        Err("its checksum does not match, so it was changed outside Tend".into())
    }
}

#[cfg(test)]
mod tests {
    use super::{sum_of, verify_check, with_check};

    #[test]
    fn the_index_carries_its_own_checksum() {
        let text = r#"{"schema":4,"revision":17}"#;
        let checked = with_check(text);
        assert!(checked.starts_with(r#"{"schema":4,"revision":17,"check":""#));
        assert_eq!(verify_check(&checked), Ok(true));
        assert_eq!(verify_check(text), Ok(false));
        let changed = checked.replace("17", "18");
        assert!(verify_check(&changed).is_err());
        let cut = &checked[..checked.len() - 2];
        assert!(verify_check(cut).is_err());
    }

    #[test]
    fn one_changed_character_changes_the_sum() {
        let a = sum_of(r#"{"rows":[["~a",3,50,0]]}"#);
        let b = sum_of(r#"{"rows":[["~a",3,59,0]]}"#);
        assert_eq!(a.len(), 11);
        assert_ne!(a, b);
        assert_eq!(a, sum_of(r#"{"rows":[["~a",3,50,0]]}"#));
    }
}
