//! The Caseload section: the case register, weighted caseload against capacity, and the case form.

mod case_form;
mod view;

pub use view::CaseloadView;
