//! The charts, each drawn as an SVG string with plotters so the same picture is shown on screen,
//! described for screen readers and saved as a file.
//!
//! Charts only draw: every figure they show comes from [`crate::selectors`] (or the risk model's
//! weeks), so a chart and the table beside it never disagree. [`frame`], [`layout`] (how a chart
//! fits the width it is shown at) and [`svg`] are shared by every chart, `bars` by the bar charts; each other file is one chart.

mod bars;
pub mod breaks;
pub mod caseload;
pub mod frame;
pub mod hours_over_years;
pub mod layout;
pub mod org_months;
pub mod report_weeks;
pub mod risk;
pub mod svg;
pub mod week_days;
