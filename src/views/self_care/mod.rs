//! The Self-care section: breaks and time off, the targets, the break plan, and the plan's
//! reminder notices (which `app.rs` shows above every section).

mod break_form;
mod break_plan;
mod reminders;
mod targets_form;
mod view;

pub use reminders::Reminders;
pub use targets_form::TargetsForm;
pub use view::SelfCareView;
