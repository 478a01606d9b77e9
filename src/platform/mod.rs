//! The one door to the browser: storage, the clock, ids, downloads, storage events, the page's
//! theme and focus, timers, and the locale's dates and numbers.
//!
//! Everything here is fallible in a browser (storage may be disabled, full or shared with another
//! tab), so every function returns a value describing what happened and none of them panics.
//! `gloo-storage`'s `LocalStorage::raw()` throws when storage is disabled, so the storage half
//! talks to `web_sys::Storage` directly.

mod browser;
pub mod locale;
pub mod lock;
mod page;
mod remind;
mod storage;
pub mod webdav;
mod zone;

pub use browser::{
    current_hash, download, download_svg_as_png, local_time_label, new_id, now_ms, on_hash_change,
    on_storage_change, print, read_chosen_file, request_persistence, today, utc_offset_minutes,
    HashListener, StorageListener,
};
pub use page::{
    after, after_first_paint, app_root, apply_theme, element_size, focus_id, focus_is_lost,
    focus_within, on_resize, remove_shell, ResizeListener, Timeout,
};
pub use remind::{
    every, local_now, notify, notify_permission, request_notify_permission, Every, NotifyPermission,
};
pub use storage::{
    forget_edits, kept_text, load, load_edits, load_settings, load_snapshot, load_sync, note_edits,
    remove_kept, remove_sync, reseal_edits, save, save_settings, save_sync, sync_stored, usage,
    Boot, SaveError,
};
pub use zone::describe_zone;

/// The build written into every stored index.
pub const BUILD: &str = concat!("tend ", env!("CARGO_PKG_VERSION"));
