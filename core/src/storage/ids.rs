//! Shorter record ids in compact rows, read back exactly.
//!
//! Ids the browser makes are the creation time in milliseconds and 32 random bits, in hex
//! (`19ab0c1d2e3-0a1b2c3d`, 20 characters). They are the largest part of a compact row, so a row
//! stores such an id as `~` and 14 characters of base64url holding the same 84 bits. Any other id
//! is stored as it is, with one more `~` in front if it already starts with one, so every id reads
//! back exactly.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const MARK: char = '~';
const DIGITS: usize = 14;

/// The time and random parts of an id in the browser's form, if it is exactly that form.
fn parts(id: &str) -> Option<(u64, u32)> {
    let (time, noise) = id.split_once('-')?;
    let time = u64::from_str_radix(time, 16).ok()?;
    let noise = u32::from_str_radix(noise, 16).ok()?;
    (time < 1 << 52 && format!("{time:x}-{noise:08x}") == id).then_some((time, noise))
}

/// The stored form of `id`.
pub fn pack(id: &str) -> String {
    if let Some((time, noise)) = parts(id) {
        let mut value = (u128::from(time) << 32) | u128::from(noise);
        let mut digits = [b'A'; DIGITS];
        for slot in digits.iter_mut().rev() {
            *slot = ALPHABET[(value & 63) as usize];
            value >>= 6;
        }
        let mut out = String::with_capacity(DIGITS + 1);
        out.push(MARK);
        out.extend(digits.iter().map(|d| char::from(*d)));
        out
    } else if id.starts_with(MARK) {
        format!("{MARK}{id}")
    } else {
        id.to_string()
    }
}

/// The id stored as `text`, or `None` if `text` is a damaged packed id.
pub fn unpack(text: &str) -> Option<String> {
    let Some(rest) = text.strip_prefix(MARK) else {
        return Some(text.to_string());
    };
    if rest.starts_with(MARK) {
        return Some(rest.to_string());
    }
    if rest.len() != DIGITS {
        return None;
    }
    let mut value: u128 = 0;
    for byte in rest.bytes() {
        let digit = ALPHABET.iter().position(|a| *a == byte)?;
        value = (value << 6) | digit as u128;
    }
    let time = u64::try_from(value >> 32).ok()?;
    let noise = (value & 0xffff_ffff) as u32;
    (time < 1 << 52).then(|| format!("{time:x}-{noise:08x}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_ids_pack_short_and_every_id_reads_back() {
        let ids = [
            "19ab0c1d2e3-0a1b2c3d",
            "1-00000000",
            "fffffffffffff-ffffffff",
            "19AB0C1D2E3-0a1b2c3d",
            "019ab0c1d2e3-0a1b2c3d",
            "19ab0c1d2e3-a1b2c3d",
            "10000000000000-00000000",
            "demo-entry-4",
            "~",
            "~~x",
            "~ABCDEFGHIJKLMN",
            "",
            "é-😀",
        ];
        for id in ids {
            assert_eq!(unpack(&pack(id)).as_deref(), Some(id), "{id}");
        }
        assert_eq!(pack("19ab0c1d2e3-0a1b2c3d").len(), 15);
        assert_eq!(pack("demo-entry-4"), "demo-entry-4");
        assert_eq!(pack("~x"), "~~x");
    }

    proptest::proptest! {
        #[test]
        fn any_id_reads_back(id in ".*", time in 0u64..(1 << 52), noise: u32) {
            proptest::prop_assert_eq!(unpack(&pack(&id)), Some(id));
            let browser = format!("{time:x}-{noise:08x}");
            proptest::prop_assert_eq!(pack(&browser).len(), 15);
            proptest::prop_assert_eq!(unpack(&pack(&browser)), Some(browser));
        }
    }

    #[test]
    fn damaged_packed_ids_are_refused() {
        for text in [
            "~",
            "~short",
            "~ABCDEFGHIJKLM!",
            "~ABCDEFGHIJKLMNO",
            "~__________________",
        ] {
            assert_eq!(unpack(text), None, "{text}");
        }
    }
}
