//! The journal's dated records (work entries and breaks), each shared rather than owned, so that
//! a new journal made by an action costs one pointer copy per record instead of a deep copy of
//! every record's text.
//!
//! The reducer never changes a journal in place: every action makes a new one, and the app keeps
//! the old one until the next render. With five years of history (about 14,000 entries and 2,700
//! breaks) a deep copy per action cost more than the whole rest of logging an entry; sharing each
//! record makes it a few hundred microseconds. A list reads like a `Vec` (iteration yields plain
//! references) and is stored exactly as one.
//!
//! A list also keeps, once asked, an index of its records by date ([`Shared::dated`]), so a view
//! of one day or one week reads only those records instead of every record of the history. The
//! index is private and every change to the list goes through a method here, which updates it
//! (adding a record) or drops it to be rebuilt on the next question (anything else), so it can
//! never describe another list.

use crate::entry::WorkEntry;
use crate::tracking::BreakEntry;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::OnceCell;
use std::rc::Rc;

/// A record with a date: an entry's day, or the first day of a break.
pub trait Dated {
    /// The day the record is filed under.
    fn date(&self) -> NaiveDate;
}

impl Dated for WorkEntry {
    fn date(&self) -> NaiveDate {
        self.date
    }
}

impl Dated for BreakEntry {
    fn date(&self) -> NaiveDate {
        self.date
    }
}

/// Each record's date and place in the list, sorted (so by date, then in logged order).
type DateIndex = Rc<Vec<(NaiveDate, u32)>>;

/// Records in the order they were logged, each shared between the journals that hold it.
#[derive(Clone)]
pub struct Shared<T> {
    items: Vec<Rc<T>>,
    by_date: OnceCell<DateIndex>,
}

/// Work entries in the order they were logged.
pub type Entries = Shared<WorkEntry>;

/// Breaks and time off in the order they were logged.
pub type Breaks = Shared<BreakEntry>;

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        self.items == other.items
    }
}

impl<T: Eq> Eq for Shared<T> {}

impl<T: std::fmt::Debug> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.items.iter()).finish()
    }
}

impl<T> Shared<T> {
    fn of(items: Vec<Rc<T>>) -> Shared<T> {
        Shared {
            items,
            by_date: OnceCell::new(),
        }
    }

    /// The list for changing in a way that may move records: the date index is dropped.
    fn changing(&mut self) -> &mut Vec<Rc<T>> {
        self.by_date.take();
        &mut self.items
    }
}

impl<T: Dated> Shared<T> {
    fn index(&self) -> &[(NaiveDate, u32)] {
        self.by_date.get_or_init(|| {
            let mut index: Vec<(NaiveDate, u32)> = self
                .items
                .iter()
                .enumerate()
                .map(|(place, record)| (record.date(), place_number(place)))
                .collect();
            index.sort_unstable();
            Rc::new(index)
        })
    }

    /// The records dated from `first` to `last` inclusive, by date and in logged order within a
    /// day. Reads only those records (after the index is built once for this list).
    pub fn dated(&self, first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = &T> {
        self.dated_places(first, last).map(|(_, record)| record)
    }

    /// [`Shared::dated`], each record with its place in the list.
    pub fn dated_places(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> impl Iterator<Item = (usize, &T)> {
        let index = self.index();
        let from = index.partition_point(|(d, _)| *d < first);
        let to = index.partition_point(|(d, _)| *d <= last).max(from);
        index
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .filter_map(|(_, place)| {
                let place = *place as usize;
                self.items.get(place).map(|record| (place, &**record))
            })
    }

    /// Adds an entry at the end (and to the date index, if there is one).
    pub fn push(&mut self, entry: T) {
        if let Some(index) = self.by_date.get_mut() {
            let key = (entry.date(), place_number(self.items.len()));
            let at = index.partition_point(|k| *k < key);
            Rc::make_mut(index).insert(at, key);
        }
        self.items.push(Rc::new(entry));
    }

    /// The earliest date of any record.
    pub fn earliest(&self) -> Option<NaiveDate> {
        self.index().first().map(|(d, _)| *d)
    }
}

/// A place in the list as the index keeps it (a list in browser storage is far below 2^32).
fn place_number(place: usize) -> u32 {
    u32::try_from(place).unwrap_or(u32::MAX)
}

impl<T> Default for Shared<T> {
    fn default() -> Shared<T> {
        Shared::of(Vec::new())
    }
}

impl<T: Clone> Shared<T> {
    /// An empty list.
    pub fn new() -> Shared<T> {
        Shared::of(Vec::new())
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator + Clone {
        self.items.iter().map(|e| &**e)
    }

    /// Each entry for changing; an entry shared with another journal is copied first.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.changing().iter_mut().map(Rc::make_mut)
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The first entry logged.
    pub fn first(&self) -> Option<&T> {
        self.items.first().map(|e| &**e)
    }

    /// The entry at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.items.get(index).map(|e| &**e)
    }

    /// The last entry, for changing (copied first if shared).
    pub fn last_mut(&mut self) -> Option<&mut T> {
        self.changing().last_mut().map(Rc::make_mut)
    }

    /// The shared entries themselves, for code that keeps them shared (merging, say).
    pub fn shared(&self) -> &[Rc<T>] {
        &self.items
    }

    /// The entries as an owned list, copying only those still shared.
    pub fn into_vec(self) -> Vec<T> {
        self.into_iter().collect()
    }

    /// Takes out the record at `index` (which must be in range, as for a `Vec`).
    pub fn remove(&mut self, index: usize) -> T {
        let taken = self.changing().remove(index);
        Rc::try_unwrap(taken).unwrap_or_else(|shared| (*shared).clone())
    }

    /// Keeps the entries `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        self.changing().retain(|e| keep(e));
    }

    /// Sorts the entries, keeping equal ones in order.
    pub fn sort_by(&mut self, mut order: impl FnMut(&T, &T) -> std::cmp::Ordering) {
        self.changing().sort_by(|a, b| order(a, b));
    }

    /// The entries as an owned list.
    pub fn to_vec(&self) -> Vec<T> {
        self.iter().cloned().collect()
    }
}

impl<T: Clone> Extend<T> for Shared<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, entries: I) {
        self.changing().extend(entries.into_iter().map(Rc::new));
    }
}

impl<T: Clone> FromIterator<T> for Shared<T> {
    fn from_iter<I: IntoIterator<Item = T>>(entries: I) -> Shared<T> {
        Shared::of(entries.into_iter().map(Rc::new).collect())
    }
}

impl<T> From<Vec<Rc<T>>> for Shared<T> {
    fn from(entries: Vec<Rc<T>>) -> Shared<T> {
        Shared::of(entries)
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
        &self.items[index]
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
        self.items.iter().map(|e| &**e)
    }
}

impl<T: Clone> IntoIterator for Shared<T> {
    type Item = T;
    type IntoIter = std::iter::Map<std::vec::IntoIter<Rc<T>>, fn(Rc<T>) -> T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items
            .into_iter()
            .map(|e| Rc::try_unwrap(e).unwrap_or_else(|shared| (*shared).clone()))
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.items.iter().map(|r| &**r))
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
        assert!(Rc::ptr_eq(&first.items[0], &second.items[0]));
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
