//! Pieces no one section owns: what the app shows around or instead of every section, and what
//! several sections share.

mod backup;
mod banner;
mod chart_figure;
mod fields;
mod file_problems;
mod folded;
mod notice_line;
mod page_tools;
mod sections_nav;
mod store_hook;
mod unlock;

pub use backup::backup_button;
pub use banner::StorageBanner;
pub use chart_figure::{ChartDraw, ChartFigure};
pub(crate) use fields::{use_initial_value, value_of};
pub use file_problems::file_problems;
pub use folded::Folded;
pub use notice_line::notice_line;
pub use page_tools::{use_theme, Later, SkipLink, ThemeChoice, UndoBar};
pub use sections_nav::SectionsNav;
pub use store_hook::use_store;
pub use unlock::UnlockScreen;
