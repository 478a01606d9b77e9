//! The migration policy: what the first save after loading must write, decided from what the
//! loading found (an older layout, a rebuilt index, unreadable pieces the index names).

use super::Ledger;
use crate::document::{Document, SCHEMA_VERSION};
use crate::month::Month;
use crate::storage::save::SnapshotRequest;
use crate::storage::touch::all_months;
use crate::storage::{Index, Loaded, LEGACY_KEY};
use std::collections::BTreeSet;
use std::rc::Rc;

impl Ledger {
    /// The ledger for what storage held at start-up. It takes the document and the index out of
    /// `loaded`; the rest (what was unreadable, kept aside or locked) stays for the caller to
    /// tell the clinician about.
    pub fn boot(loaded: &mut Loaded) -> Ledger {
        let mut doc = std::mem::replace(&mut loaded.doc, Document::new(""));
        let index = loaded.index.take();
        let migrating = needs_migration_save(loaded, index.as_ref());
        let layout_rewrite = migrating && index.as_ref().is_some_and(|i| i.schema < 3);
        if migrating {
            // The migration's save must not reuse the keys the older state (kept as a snapshot)
            // lives in, and a tab of the older build must see it as newer than what it holds.
            doc.revision = doc.revision.saturating_add(1);
        }
        let mut dirty: BTreeSet<Month> = BTreeSet::new();
        // Only pieces the index names are replaced; others stay where they are, kept aside.
        let named = index.as_ref().map(Index::live_keys).unwrap_or_default();
        let replaced = || loaded.unreadable.iter().filter(|u| named.contains(&u.key));
        dirty.extend(replaced().filter_map(|u| u.month));
        let full_write = match (loaded.migrated_from, &index) {
            (Some(schema), _) => Some(SnapshotRequest::BeforeMigration {
                schema,
                legacy_key: LEGACY_KEY.into(),
            }),
            (None, None) if !doc.payload.entries.is_empty() => Some(SnapshotRequest::Auto),
            // An older layout (schema 2): rewrite every month in the compact form, keeping the
            // state as it was as a snapshot. Locked data waits until it is unlocked.
            (None, Some(_)) if layout_rewrite => Some(SnapshotRequest::Force),
            // Schema 3: the same chunks, under schema 4's index and catalog.
            (None, Some(_)) if migrating => Some(SnapshotRequest::Auto),
            _ => None,
        };
        // Schema 3 needs only its catalog written; anything else asking for a full write
        // rewrites every month.
        let rewrite_all = full_write.is_some() && (!migrating || layout_rewrite);
        if rewrite_all {
            dirty.extend(all_months(&doc, None));
        }
        let registry_dirty = rewrite_all || replaced().any(|u| u.month.is_none());
        Ledger {
            doc: Rc::new(doc),
            base: index,
            dirty,
            registry_dirty,
            full_write,
            ..Ledger::new(Document::new(""))
        }
    }
}

/// True when what was loaded (and could be read) has an index from before schema 4, which the
/// next save writes as schema 4's head and catalog (schema 3 chunks stay as they are), or an
/// index rebuilt from the pieces found, which is written at once the same way.
pub(super) fn needs_migration_save(loaded: &Loaded, index: Option<&Index>) -> bool {
    loaded.locked.is_none()
        && loaded.newer.is_none()
        && index.is_some_and(|i| {
            i.schema < SCHEMA_VERSION || i.catalog.is_none() || loaded.rebuilt.is_some()
        })
}
