//! One stable sort shared by every list the app orders.
//!
//! The standard library's stable sort is generic over the element and the comparison, so each
//! `sort_by` call site with its own closure compiles a separate copy of the whole sort (about
//! 3 KB of wasm each). [`sort_stable_by`] sorts positions through one non-generic function that
//! takes the comparison as a trait object, then moves the items into that order: the same result
//! as `sort_by` (equal items keep their order), with the sort itself compiled once.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their current order, like `sort_by`.
pub fn sort_stable_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let list: &[T] = items;
        stable_order(list.len(), &mut |a, b| match (list.get(a), list.get(b)) {
            (Some(x), Some(y)) => compare(x, y),
            _ => Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// The positions `0..len` in stably sorted order under `compare` (which compares positions).
#[inline(never)]
pub fn stable_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_items_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_stable_by(&mut items, |x, y| x.0.cmp(&y.0));
        assert_eq!(
            items,
            vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]
        );
    }

    #[test]
    fn an_empty_list_stays_empty() {
        let mut items: Vec<String> = Vec::new();
        sort_stable_by(&mut items, |a, b| a.cmp(b));
        assert!(items.is_empty());
    }

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(items in prop::collection::vec((0u8..6, any::<u16>()), 0..60)) {
            let mut expected = items.clone();
            expected.sort_by_key(|b| std::cmp::Reverse(b.0));
            let mut got = items;
            sort_stable_by(&mut got, |a, b| b.0.cmp(&a.0));
            prop_assert_eq!(got, expected);
        }
    }
}
