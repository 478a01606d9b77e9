//! The journal's dated records (work entries and breaks), each shared rather than owned, so that
//! a new journal made by an action costs one pointer copy per record instead of a deep copy of
//! every record's text.
//!
//! The reducer never changes a journal in place: every action makes a new one, and the app keeps
//! the old one until the next render. With five years of history (about 14,000 entries and 2,700
//! breaks) a deep copy per action cost more than the whole rest of logging an entry; sharing each
//! record makes it a few hundred microseconds. A list reads like a `Vec` (iteration yields plain
//! references) and is stored exactly as one.

use crate::entry::WorkEntry;
use crate::tracking::BreakEntry;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::rc::Rc;

/// Records in the order they were logged, each shared between the journals that hold it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared<T>(Vec<Rc<T>>);

/// Work entries in the order they were logged.
pub type Entries = Shared<WorkEntry>;

/// Breaks and time off in the order they were logged.
pub type Breaks = Shared<BreakEntry>;

impl<T> Default for Shared<T> {
    fn default() -> Shared<T> {
        Shared(Vec::new())
    }
}

impl<T: Clone> Shared<T> {
    /// An empty list.
    pub fn new() -> Shared<T> {
        Shared(Vec::new())
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator + Clone {
        self.0.iter().map(|e| &**e)
    }

    /// Each entry for changing; an entry shared with another journal is copied first.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
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
    pub fn first(&self) -> Option<&T> {
        self.0.first().map(|e| &**e)
    }

    /// The entry at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.0.get(index).map(|e| &**e)
    }

    /// The last entry, for changing (copied first if shared).
    pub fn last_mut(&mut self) -> Option<&mut T> {
        self.0.last_mut().map(Rc::make_mut)
    }

    /// The shared entries themselves, for code that keeps them shared (merging, say).
    pub fn shared(&self) -> &[Rc<T>] {
        &self.0
    }

    /// The entries as an owned list, copying only those still shared.
    pub fn into_vec(self) -> Vec<T> {
        self.into_iter().collect()
    }

    /// Takes out the record at `index` (which must be in range, as for a `Vec`).
    pub fn remove(&mut self, index: usize) -> T {
        let taken = self.0.remove(index);
        Rc::try_unwrap(taken).unwrap_or_else(|shared| (*shared).clone())
    }

    /// Adds an entry at the end.
    pub fn push(&mut self, entry: T) {
        self.0.push(Rc::new(entry));
    }

    /// Keeps the entries `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        self.0.retain(|e| keep(e));
    }

    /// Sorts the entries, keeping equal ones in order.
    pub fn sort_by(&mut self, mut order: impl FnMut(&T, &T) -> std::cmp::Ordering) {
        self.0.sort_by(|a, b| order(a, b));
    }

    /// The entries as an owned list.
    pub fn to_vec(&self) -> Vec<T> {
        self.iter().cloned().collect()
    }
}

impl<T: Clone> Extend<T> for Shared<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, entries: I) {
        self.0.extend(entries.into_iter().map(Rc::new));
    }
}

impl<T: Clone> FromIterator<T> for Shared<T> {
    fn from_iter<I: IntoIterator<Item = T>>(entries: I) -> Shared<T> {
        Shared(entries.into_iter().map(Rc::new).collect())
    }
}

impl<T> From<Vec<Rc<T>>> for Shared<T> {
    fn from(entries: Vec<Rc<T>>) -> Shared<T> {
        Shared(entries)
    }
}

impl<T: Clone> From<Vec<T>> for Shared<T> {
    fn from(entries: Vec<T>) -> Shared<T> {
        entries.into_iter().collect()
    }
}

impl<T> std::ops::Index<usize> for Shared<T> {
    type Output = T;
    fn index(&self, index: usize) -> &T {
        &self.0[index]
    }
}

impl<T: Clone + PartialEq> PartialEq<Vec<T>> for Shared<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl<'a, T> IntoIterator for &'a Shared<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, Rc<T>>, fn(&'a Rc<T>) -> &'a T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|e| &**e)
    }
}

impl<T: Clone> IntoIterator for Shared<T> {
    type Item = T;
    type IntoIter = std::iter::Map<std::vec::IntoIter<Rc<T>>, fn(Rc<T>) -> T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0
            .into_iter()
            .map(|e| Rc::try_unwrap(e).unwrap_or_else(|shared| (*shared).clone()))
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|r| &**r))
    }
}

impl<'de, T: Clone + Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Shared<T>, D::Error> {
        Vec::<T>::deserialize(deserializer).map(Shared::from)
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
