//! The Organisations section: organisations and contracts, hours and earnings by month, and the
//! organisation form.

mod org_form;
mod view;

pub use view::OrganisationsView;
