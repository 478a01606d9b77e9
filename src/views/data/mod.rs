//! The "Your data" section: storage and backups, restore, calendar import, the lock, CSV tables,
//! the break plan as a calendar file, sync between devices (through a server or by file), and what Tend keeps aside.

mod import;
mod kept_aside;
mod lock_settings;
mod plan_export;
mod restore;
mod sync_devices;
mod sync_file;
mod sync_settings;
mod tables;
mod view;

pub use view::DataView;
