//! The journal's work entries, each shared rather than owned, so that a new journal made by an
//! action costs one pointer copy per entry instead of a deep copy of every entry's text.
//!
//! The reducer never changes a journal in place: every action makes a new one, and the app keeps
//! the old one until the next render. With five years of history (about 14,000 entries) a deep
//! copy per action cost more than the whole rest of logging an entry; sharing each entry makes it
//! a few hundred microseconds. The list reads like a `Vec<WorkEntry>` (iteration yields
//! `&WorkEntry`) and is stored exactly as one.

use crate::entry::WorkEntry;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::rc::Rc;

/// Work entries in the order they were logged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entries(Vec<Rc<WorkEntry>>);

impl Entries {
    /// An empty list.
    pub fn new() -> Entries {
        Entries(Vec::new())
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &WorkEntry> + ExactSizeIterator + Clone {
        self.0.iter().map(|e| &**e)
    }

    /// Each entry for changing; an entry shared with another journal is copied first.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut WorkEntry> {
        self.0.iter_mut().map(Rc::make_mut)
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first entry logged.
    pub fn first(&self) -> Option<&WorkEntry> {
        self.0.first().map(|e| &**e)
    }

    /// The entry at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&WorkEntry> {
        self.0.get(index).map(|e| &**e)
    }

    /// The last entry, for changing (copied first if shared).
    pub fn last_mut(&mut self) -> Option<&mut WorkEntry> {
        self.0.last_mut().map(Rc::make_mut)
    }

    /// The shared entries themselves, for code that keeps them shared (merging, say).
    pub fn shared(&self) -> &[Rc<WorkEntry>] {
        &self.0
    }

    /// The entries as an owned list, copying only those still shared.
    pub fn into_vec(self) -> Vec<WorkEntry> {
        self.into_iter().collect()
    }

    /// Adds an entry at the end.
    pub fn push(&mut self, entry: WorkEntry) {
        self.0.push(Rc::new(entry));
    }

    /// Keeps the entries `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&WorkEntry) -> bool) {
        self.0.retain(|e| keep(e));
    }

    /// Sorts the entries, keeping equal ones in order.
    pub fn sort_by(&mut self, mut order: impl FnMut(&WorkEntry, &WorkEntry) -> std::cmp::Ordering) {
        self.0.sort_by(|a, b| order(a, b));
    }

    /// The entries as an owned list.
    pub fn to_vec(&self) -> Vec<WorkEntry> {
        self.iter().cloned().collect()
    }
}

impl Extend<WorkEntry> for Entries {
    fn extend<I: IntoIterator<Item = WorkEntry>>(&mut self, entries: I) {
        self.0.extend(entries.into_iter().map(Rc::new));
    }
}

impl FromIterator<WorkEntry> for Entries {
    fn from_iter<I: IntoIterator<Item = WorkEntry>>(entries: I) -> Entries {
        Entries(entries.into_iter().map(Rc::new).collect())
    }
}

impl From<Vec<Rc<WorkEntry>>> for Entries {
    fn from(entries: Vec<Rc<WorkEntry>>) -> Entries {
        Entries(entries)
    }
}

impl From<Vec<WorkEntry>> for Entries {
    fn from(entries: Vec<WorkEntry>) -> Entries {
        entries.into_iter().collect()
    }
}

impl std::ops::Index<usize> for Entries {
    type Output = WorkEntry;
    fn index(&self, index: usize) -> &WorkEntry {
        &self.0[index]
    }
}

impl PartialEq<Vec<WorkEntry>> for Entries {
    fn eq(&self, other: &Vec<WorkEntry>) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl<'a> IntoIterator for &'a Entries {
    type Item = &'a WorkEntry;
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, Rc<WorkEntry>>, fn(&'a Rc<WorkEntry>) -> &'a WorkEntry>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|e| &**e)
    }
}

impl IntoIterator for Entries {
    type Item = WorkEntry;
    type IntoIter =
        std::iter::Map<std::vec::IntoIter<Rc<WorkEntry>>, fn(Rc<WorkEntry>) -> WorkEntry>;
    fn into_iter(self) -> Self::IntoIter {
        self.0
            .into_iter()
            .map(|e| Rc::try_unwrap(e).unwrap_or_else(|shared| (*shared).clone()))
    }
}

impl Serialize for Entries {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entries, D::Error> {
        Vec::<WorkEntry>::deserialize(deserializer).map(Entries::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{EntryId, WorkKind};

    fn entry(id: &str) -> WorkEntry {
        WorkEntry::new(
            EntryId(id.into()),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            10,
            WorkKind::Admin,
        )
    }

    #[test]
    fn a_copy_shares_entries_and_a_change_leaves_the_original_alone() {
        let mut first: Entries = vec![entry("a"), entry("b")].into();
        let mut second = first.clone();
        assert!(Rc::ptr_eq(&first.0[0], &second.0[0]));
        second.push(entry("c"));
        second.iter_mut().for_each(|e| e.minutes = 99);
        assert_eq!(first, vec![entry("a"), entry("b")]);
        assert_eq!(second.iter().map(|e| e.minutes).sum::<u32>(), 297);
        first.retain(|e| e.id.0 == "b");
        assert_eq!(first.to_vec(), vec![entry("b")]);
        let text = serde_json::to_string(&second).unwrap();
        assert_eq!(text, serde_json::to_string(&second.to_vec()).unwrap());
        let back: Entries = serde_json::from_str(&text).unwrap();
        assert_eq!(back, second);
    }
}
