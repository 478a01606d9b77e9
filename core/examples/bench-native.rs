//! Times the core's share of logging one entry with the heavy and light benchmark histories,
//! natively: a profile of where the browser's time goes, without the browser.
//!
//! `cargo run --release -p tend-core --features bench --example bench-native`

use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::time::Instant;
use tend_core::bench::{generate, Profile};
use tend_core::selectors::hours::week_hours;
use tend_core::storage::{plan_save, touched_months, SaveRequest};
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
        let dirty: BTreeSet<_> = touched_months(&doc.payload, &action).into_iter().collect();
        time("plan_save of one month", 20, || {
            plan_save(SaveRequest::new(None, &doc, &dirty, 0))
        });
    }
}
