//! Value types: durations, amounts of money, calendar months and the first day of a week.
//!
//! They are the plain quantities every other part of the core speaks in (minutes typed and shown,
//! money in minor units, the month records are stored by). They sit together, below everything
//! else: a unit depends on no other module of the crate.

pub mod duration;
pub mod money;
pub mod month;
pub mod week;

pub use month::Month;
