//! The names of Tend's stored pieces, in one place: how a key is made, how it is read back, and
//! which keys no index names.
//!
//! Every data piece is written under a new key, `<prefix><revision>` (a chunk also carries its
//! month), with `.1`, `.2`, ... after it when that key is already taken. Recovery sorts the keys it
//! finds by these numbers, and "Your data" offers the pieces no index names, so the parsing lives
//! here beside the making.

use super::layout::Index;
use crate::month::Month;

/// Prefix of a month's chunk: `tend.chunk.<YYYY-MM>.r<revision>`.
pub const CHUNK_PREFIX: &str = "tend.chunk.";
/// Prefix of the recent chunk: `tend.recent.r<revision>`.
pub const RECENT_PREFIX: &str = "tend.recent.r";
/// Prefix of the registry: `tend.registry.r<revision>`.
pub const REGISTRY_PREFIX: &str = "tend.registry.r";
/// Prefix of the catalog: `tend.catalog.r<revision>`.
pub const CATALOG_PREFIX: &str = "tend.catalog.r";

/// The kind of a data piece, read from its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataKey {
    /// A month's chunk.
    Chunk(Month),
    /// The recent chunk.
    Recent,
    /// The registry.
    Registry,
    /// The catalog.
    Catalog,
}

/// The kind of data piece `key` names and its order: the revision, then the number after it
/// (0 when none). `None` for any other key.
pub fn parse_data_key(key: &str) -> Option<(DataKey, (u64, u32))> {
    let (kind, rest) = if let Some(rest) = key.strip_prefix(CHUNK_PREFIX) {
        let (month, rest) = rest.split_once(".r")?;
        (DataKey::Chunk(month.parse().ok()?), rest)
    } else if let Some(rest) = key.strip_prefix(RECENT_PREFIX) {
        (DataKey::Recent, rest)
    } else if let Some(rest) = key.strip_prefix(REGISTRY_PREFIX) {
        (DataKey::Registry, rest)
    } else if let Some(rest) = key.strip_prefix(CATALOG_PREFIX) {
        (DataKey::Catalog, rest)
    } else {
        return None;
    };
    let (revision, extra) = match rest.split_once('.') {
        Some((revision, extra)) => (revision.parse().ok()?, extra.parse().ok()?),
        None => (rest.parse().ok()?, 0),
    };
    Some((kind, (revision, extra)))
}

/// True for the key of a data piece (a chunk, the recent chunk, the registry or the catalog).
pub fn is_data_key(key: &str) -> bool {
    parse_data_key(key).is_some()
}

/// The data pieces among `keys` that `index` does not name, current or in a snapshot: left by a
/// save that was cut short, or older copies found after the index was lost. They are kept until
/// the clinician removes them.
pub fn unnamed_keys(keys: &[String], index: &Index) -> Vec<String> {
    let live = index.live_keys();
    keys.iter()
        .filter(|k| is_data_key(k) && !live.contains(*k))
        .cloned()
        .collect()
}

/// What the piece under `key` holds, in words, for the list of what is kept aside: a data piece,
/// the index, the settings, or text set aside from one of those (`tend.quarantine.<key>.<time>`).
pub fn describe_key(key: &str) -> String {
    if let Some(rest) = key.strip_prefix(super::QUARANTINE_PREFIX) {
        let original = rest.rsplit_once('.').map_or(rest, |(k, _)| k);
        return format!("Unreadable text from {}", describe_key(original));
    }
    match parse_data_key(key) {
        Some((DataKey::Chunk(month), _)) => {
            format!("the records for {}", super::read::month_name(month))
        }
        Some((DataKey::Recent, _)) => "the records added most recently".into(),
        Some((DataKey::Registry, _)) => "your organisations, cases and targets".into(),
        Some((DataKey::Catalog, _)) => "the list of months".into(),
        None if key == super::INDEX_KEY => "the index".into(),
        None if key == crate::settings::SETTINGS_KEY => "this browser's settings".into(),
        None => "other data".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_with_their_order() {
        let month: Month = "2026-11".parse().unwrap();
        assert_eq!(
            parse_data_key("tend.chunk.2026-11.r17"),
            Some((DataKey::Chunk(month), (17, 0)))
        );
        assert_eq!(
            parse_data_key("tend.recent.r17.2"),
            Some((DataKey::Recent, (17, 2)))
        );
        assert_eq!(
            parse_data_key("tend.registry.r3"),
            Some((DataKey::Registry, (3, 0)))
        );
        assert_eq!(
            parse_data_key("tend.catalog.r9.1"),
            Some((DataKey::Catalog, (9, 1)))
        );
        assert_eq!(
            describe_key("tend.quarantine.tend.chunk.2026-11.r17.1700000000000"),
            "Unreadable text from the records for November 2026"
        );
        assert_eq!(
            describe_key("tend.registry.r4.1"),
            "your organisations, cases and targets"
        );
        for other in [
            "tend.index",
            "tend.settings",
            "tend.quarantine.tend.chunk.2026-11.r17.1700000000000",
            "tend.chunk.2026-13.r1",
            "tend.recent.rx",
            "tend.catalog.r1.x",
        ] {
            assert_eq!(parse_data_key(other), None, "{other}");
        }
    }
}
