//! Times the core's share of logging one entry with the heavy and light benchmark histories,
//! natively: a profile of where the browser's time goes, without the browser.
//!
//! `cargo run --release -p tend-core --features bench --example bench-native`

use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::time::Instant;
use tend_core::bench::{generate, Profile};
use tend_core::risk::{latest_risk, signals_for_week};
use tend_core::selectors::glance::glance;
use tend_core::selectors::hours::week_hours;
use tend_core::selectors::recent::recent_combos;
use tend_core::selectors::week::week_start;
use tend_core::storage::{plan_save, touched_months, SaveRequest};
use tend_core::tracking::plan::BreakPlan;
use tend_core::{Action, Document, EntryId, WorkEntry, WorkKind};

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) {
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!("  {label:<40} {ms:8.3} ms");
}

fn main() {
    let Some(day) = NaiveDate::from_ymd_opt(2026, 11, 20) else {
        return;
    };
    for profile in [Profile::Light, Profile::Heavy] {
        println!("{profile:?}");
        let mut doc = Document::new("bench");
        doc.payload = generate(profile, day).journal;
        let action = Action::AddEntry(WorkEntry {
            id: EntryId("new".into()),
            ..WorkEntry::new(EntryId("new".into()), day, 15, WorkKind::Admin)
        });
        time("clone the document", 20, || doc.clone());
        time("apply AddEntry", 20, || doc.apply(&action, "bench"));
        time("touched_months", 20, || {
            touched_months(&doc.payload, &action)
        });
        time("week_hours", 20, || week_hours(&doc.payload, day));
        time("entries_on (day list)", 20, || {
            doc.payload.entries_on(day).count()
        });
        time("has_demo", 20, || doc.payload.has_demo());
        let now = day.and_hms_opt(12, 0, 0).unwrap_or_default();
        time("glance (Today's figures)", 20, || {
            glance(&doc.payload, &BreakPlan::default(), now, week_start(day))
        });
        time("latest_risk (Today's band)", 20, || {
            latest_risk(&doc.payload, day, &|m| signals_for_week(&doc.payload, m))
        });
        let from = day
            .checked_sub_days(chrono::Days::new(7 * 16))
            .unwrap_or(day);
        time("  weeks_hours 16", 20, || {
            tend_core::selectors::hours::weeks_hours(&doc.payload, from, day)
        });
        time("  caseload_by_week 16", 20, || {
            tend_core::selectors::caseload::caseload_by_week(&doc.payload, from, day)
        });
        time("  breaks_per_working_day 16", 20, || {
            tend_core::selectors::rest::breaks_per_working_day(&doc.payload, from, day)
        });
        time("  days_since_full_day_off", 20, || {
            tend_core::selectors::rest::days_since_full_day_off(&doc.payload, day)
        });
        time("  vacation_clock", 20, || {
            tend_core::selectors::rest::vacation_clock(&doc.payload, day)
        });
        time("  signals_for_week", 20, || {
            signals_for_week(&doc.payload, from)
        });
        time("  first_record", 20, || {
            tend_core::risk::history::first_record(&doc.payload)
        });
        time("recent_combos (one-tap log)", 20, || {
            recent_combos(&doc.payload, day)
        });
        let dirty: BTreeSet<_> = touched_months(&doc.payload, &action).into_iter().collect();
        time("plan_save of one month", 20, || {
            plan_save(SaveRequest::new(None, &doc, &dirty, 0))
        });
    }
}
