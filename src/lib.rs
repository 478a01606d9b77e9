//! Tend's browser shell: a thin Yew layer over `tend-core`.
//!
//! The shell owns no rules of its own. Views dispatch actions into one store, the core applies
//! them, and [`platform`] is the only module that touches browser storage, the clock and
//! downloads. It is a library so the component tests in `tests/` can mount the same [`App`].

pub mod app;
pub mod parts;
pub mod platform;
pub mod route;
pub mod store;
pub mod sync;
pub mod undo;
pub mod views;

pub use app::App;
