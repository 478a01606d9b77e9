//! One sort for everything the import puts in order. Each element type sorted with the standard
//! library's sort gets its own copy of that sort (several KB of wasm each); here every list is
//! ordered through one list of integer keys instead. Ties keep their original order, so the
//! result never depends on the sort.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// A time as a sortable number: seconds since 1970.
pub fn seconds(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp()
}

/// A date as a sortable number: days since the first day of year 1.
pub fn days(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// `items` ordered by `key`; equal keys stay in their original order.
pub fn by_key<T>(items: Vec<T>, key: impl Fn(&T) -> (i64, i64)) -> Vec<T> {
    let mut keys: Vec<(i64, i64, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (a, b) = key(item);
            (a, b, i)
        })
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    keys.iter()
        .filter_map(|(_, _, i)| slots.get_mut(*i).and_then(Option::take))
        .collect()
}
