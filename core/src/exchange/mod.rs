//! Files that leave or enter Tend: backups, restores, CSV tables (the licensure log among them)
//! and the break plan as a calendar.
//!
//! A clinician takes their records to a new laptop, to supervision or to a spreadsheet. Everything
//! here is pure: the shell hands in the file's text and the time, and gets back text to download
//! or a checked set of records with a preview of what restoring them would change.

mod backup;
mod checks_csv;
mod csv_export;
mod csv_write;
mod ics_text;
mod ics_zone;
mod licensure_log;
mod plan_ics;

pub use crate::journal::restore::{merge, preview, Preview};
pub use crate::journal::restore_plan::{plan_restore, RestorePlan, SetAside};
pub use backup::{
    export_backup, read_backup, BackupError, BackupFile, BACKUP_FORMAT, BACKUP_VERSION,
    MAX_IMPORT_BYTES,
};
pub use checks_csv::checks_csv;
pub use csv_export::{
    breaks_csv, cases_csv, entries_csv, organisations_csv, BREAKS_HEADER, CASES_HEADER,
    ENTRIES_HEADER, ORGANISATIONS_HEADER,
};
pub use csv_write::BOM;
pub use ics_text::{escape_text, MAX_LINE_OCTETS};
pub use ics_zone::{OffsetChange, ZoneDescription, FALLBACK_TZID, MAX_CHANGES};
pub use licensure_log::{
    hours_2, licensure_csv, period_log, week_reason, PeriodLog, LICENSURE_HEADER,
};
pub use plan_ics::{break_uid, plan_ics, PlanExport, CALENDAR_NAME, PRODID};
