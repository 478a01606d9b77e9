//! Split points: functions whose code, and all the code only they reach, a release build moves
//! out of the main module into a part fetched the first time one of them is called
//! (scripts/split.mjs, issue 21). Sections use them (`views/parts.rs`) and so does sync
//! (`sync/part.rs`). In debug builds and tests a split point is a plain function.

/// A part could not be fetched or started (offline before the service worker kept it, or the
/// server failed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Missing;

#[cfg(all(target_family = "wasm", not(debug_assertions)))]
impl From<wasm_split_helpers::SplitLoaderError> for Missing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Missing
    }
}

/// `split_point!(part, name, Type, value)` declares `fn name() -> Result<Type, Missing>` handing
/// back `value`, as the split point of `part`.
macro_rules! split_point {
    ($part:ident, $name:ident, $ty:ty, $value:expr) => {
        #[cfg_attr(
            all(target_family = "wasm", not(debug_assertions)),
            wasm_split_helpers::wasm_split($part, fallible)
        )]
        fn $name() -> Result<$ty, $crate::parts::Missing> {
            Ok($value)
        }
    };
}

/// `fetch_part!(name)` calls a split point from async code: it fetches the part first in a
/// release build, and is a plain call otherwise.
macro_rules! fetch_part {
    ($name:ident) => {{
        #[cfg(all(target_family = "wasm", not(debug_assertions)))]
        let got = $name().await;
        #[cfg(not(all(target_family = "wasm", not(debug_assertions))))]
        let got = $name();
        got
    }};
}

pub(crate) use {fetch_part, split_point};
