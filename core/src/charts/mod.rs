//! Charts beyond the week view, each drawn as an SVG string with plotters so the same picture is
//! shown on screen, described for screen readers and saved as a file.

mod bars;
pub mod breaks;
pub mod caseload;
pub mod org_months;
pub mod risk;
pub mod svg;
pub mod trend;
pub mod weeks;
