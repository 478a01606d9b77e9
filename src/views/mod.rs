//! The views, one folder per section of the app (as `route.rs` names them), plus `common/` for
//! what the app shows around every section or several sections share. Each view reads the store
//! from context and dispatches messages to it.

mod caseload;
mod checks;
mod common;
mod data;
mod organisations;
mod parts;
mod report;
mod requirements;
pub mod risk;
mod self_care;
mod today;

pub use caseload::CaseloadView;
pub use checks::{ChecksView, DueCard};
pub use common::{
    use_theme, ChartFigure, Later, SectionsNav, SkipLink, StorageBanner, ThemeChoice, UndoBar,
    UnlockScreen,
};
pub use data::DataView;
pub use organisations::OrganisationsView;
pub use parts::Section;
pub use report::ReportView;
pub use requirements::RequirementsView;
pub use risk::RiskView;
pub use self_care::{Reminders, SelfCareView};
pub use today::{DayList, EntryForm, GlanceCard, QuickLog, WeekView, Welcome};
