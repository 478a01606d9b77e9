//! Which section of the app is showing, kept in the address's `#fragment` so that the browser's
//! back button, bookmarks and a reload all return to the same section.

/// A section of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Log work and see the day and the week at a glance.
    Today,
    /// The caseload register and the weighted caseload against capacity.
    Caseload,
    /// Organisations and contracts, with hours and earnings by month.
    Organisations,
    /// Breaks, days off and vacations.
    SelfCare,
    /// The weekly pulse, ProQOL 5 and imported self-checks, with past results.
    Checks,
    /// The compassion-fatigue risk index by week, what made it up, what-if and insights.
    Risk,
    /// Supervision minimums, licensure hours and continuing education.
    Requirements,
    /// A chosen period's numbers laid out to print or save as PDF.
    Report,
    /// Your data: storage, backups, restore, lock.
    Data,
}

impl View {
    /// Every section, in the order the navigation lists them.
    pub const ALL: [View; 9] = [
        View::Today,
        View::Caseload,
        View::Organisations,
        View::SelfCare,
        View::Checks,
        View::Risk,
        View::Requirements,
        View::Report,
        View::Data,
    ];

    /// The fragment naming the section, without `#`.
    pub fn slug(self) -> &'static str {
        match self {
            View::Today => "today",
            View::Caseload => "caseload",
            View::Organisations => "organisations",
            View::SelfCare => "self-care",
            View::Checks => "checks",
            View::Risk => "risk",
            View::Requirements => "requirements",
            View::Report => "report",
            View::Data => "data",
        }
    }

    /// The section's name in the navigation.
    pub fn label(self) -> &'static str {
        match self {
            View::Today => "Today",
            View::Caseload => "Caseload",
            View::Organisations => "Organisations",
            View::SelfCare => "Self-care",
            View::Checks => "Self-checks",
            View::Risk => "Risk trend",
            View::Requirements => "Requirements",
            View::Report => "Report",
            View::Data => "Your data",
        }
    }

    /// The section a fragment names; anything else is Today.
    pub fn from_hash(hash: &str) -> View {
        let slug = hash.trim_start_matches('#');
        View::ALL
            .into_iter()
            .find(|v| v.slug() == slug)
            .unwrap_or(View::Today)
    }
}
