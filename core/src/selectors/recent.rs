//! Selector: the clinician's recent combinations of case, organisation, kind, length and flags,
//! offered on Today as one-tap entries so a usual session is logged in two taps.
//!
//! Definition: every entry dated in the [`RECENT_DAYS`] days up to and including `today` gives a
//! combination (its organisation, case, kind, minutes, trauma and pro-bono flags; the date, start
//! time and id are left out). Combinations are ordered by how many entries had them, then by the
//! latest of those entries (later date first, then the one added later), and at most
//! [`MAX_COMBOS`] are kept. A combination naming an organisation or case that is no longer in the
//! journal, or a case closed on `today`, is left out, since logging it would be refused.

use crate::entry::{WorkEntry, WorkKind};
use crate::journal::Journal;
use crate::tracking::{CaseId, OrgId};
use chrono::{Days, NaiveDate};

/// How many days back, today included, the combinations are learned from.
pub const RECENT_DAYS: u64 = 14;

/// The most combinations offered.
pub const MAX_COMBOS: usize = 6;

/// What a recent entry was, without its day, start or id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Combo {
    /// The organisation the entry named.
    pub organisation: Option<OrgId>,
    /// The case it was for.
    pub case: Option<CaseId>,
    /// Its kind.
    pub kind: WorkKind,
    /// Its length in minutes.
    pub minutes: u32,
    /// Trauma content.
    pub trauma: bool,
    /// Pro bono.
    pub pro_bono: bool,
}

impl Combo {
    /// The combination an entry had.
    pub fn of(entry: &WorkEntry) -> Combo {
        Combo {
            organisation: entry.organisation.clone(),
            case: entry.case.clone(),
            kind: entry.kind,
            minutes: entry.minutes,
            trauma: entry.trauma,
            pro_bono: entry.pro_bono,
        }
    }
}

/// A combination with how often and how lately it was logged.
struct Seen {
    combo: Combo,
    count: u32,
    /// The latest entry's date and its place in the journal (later added, later place).
    latest: (NaiveDate, usize),
}

/// The clinician's recent combinations as of `today`, most used first (see the module's text).
pub fn recent_combos(journal: &Journal, today: NaiveDate) -> Vec<Combo> {
    let first = today
        .checked_sub_days(Days::new(RECENT_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    let mut seen: Vec<Seen> = Vec::new();
    for (place, entry) in journal.entries.dated_places(first, today) {
        let combo = Combo::of(entry);
        match seen.iter_mut().find(|s| s.combo == combo) {
            Some(s) => {
                s.count += 1;
                s.latest = s.latest.max((entry.date, place));
            }
            None => seen.push(Seen {
                combo,
                count: 1,
                latest: (entry.date, place),
            }),
        }
    }
    seen.retain(|s| still_there(journal, &s.combo, today));
    seen.sort_by(|a, b| b.count.cmp(&a.count).then(b.latest.cmp(&a.latest)));
    seen.into_iter().take(MAX_COMBOS).map(|s| s.combo).collect()
}

/// True if the combination's organisation and case are in the journal and the case is open.
fn still_there(journal: &Journal, combo: &Combo, today: NaiveDate) -> bool {
    let org = combo
        .organisation
        .as_ref()
        .is_none_or(|id| journal.organisations.iter().any(|o| &o.id == id));
    let case = combo.case.as_ref().is_none_or(|id| {
        journal
            .cases
            .iter()
            .any(|c| &c.id == id && c.is_open_on(today))
    });
    org && case
}
