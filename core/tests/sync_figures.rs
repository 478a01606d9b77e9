//! The sync benchmark's figures, natively: bytes uploaded and downloaded by a sync after one new
//! entry on five years of history against four weeks (at most 1.5 times, a few KB), the first
//! full sync of five years, and the time to merge five years. Run with `--nocapture` to see them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sync_server;

use chrono::NaiveDate;
use std::time::Instant;
use sync_server::*;
use tend_core::bench::{generate, Profile};
use tend_core::{Action, EntryId, WorkEntry, WorkKind};

struct Figures {
    first_up: usize,
    first_down: usize,
    first_merge_ms: u128,
    one_up: usize,
    one_down: usize,
}

fn measure(profile: Profile) -> Figures {
    let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let key = group_key();
    let mut laptop = Device::new("laptop", &key);
    laptop.journal = generate(profile, today).journal;
    let mut phone = Device::new("phone", &key);
    let mut server = Server::default();
    laptop.sync(&mut server, START_MS).unwrap();
    let first_up = server.up;
    let started = Instant::now();
    phone.sync(&mut server, START_MS + 60_000).unwrap();
    let first_merge_ms = started.elapsed().as_millis();
    let first_down = server.down;
    assert_eq!(phone.journal.entries.len(), laptop.journal.entries.len());

    let entry = WorkEntry::new(
        EntryId("one-more".into()),
        today,
        50,
        WorkKind::DirectSession,
    );
    laptop.journal = laptop.journal.apply(&Action::AddEntry(entry)).unwrap();
    let (up, down) = (server.up, server.down);
    laptop.sync(&mut server, START_MS + 120_000).unwrap();
    phone.sync(&mut server, START_MS + 180_000).unwrap();
    assert_eq!(phone.journal, laptop.journal);
    Figures {
        first_up,
        first_down,
        first_merge_ms,
        one_up: server.up - up,
        one_down: server.down - down,
    }
}

#[test]
fn one_entry_costs_the_same_on_five_years_as_on_four_weeks() {
    let weeks = measure(Profile::Light);
    let years = measure(Profile::Heavy);
    for (name, f) in [("four weeks", &weeks), ("five years", &years)] {
        println!(
            "{name}: first sync {} B up, {} B down, merged in {} ms; after one entry {} B up, {} B down",
            f.first_up, f.first_down, f.first_merge_ms, f.one_up, f.one_down
        );
    }
    let ratio = |a: usize, b: usize| a as f64 / b as f64;
    assert!(ratio(years.one_up, weeks.one_up) <= 1.5);
    assert!(ratio(years.one_down, weeks.one_down) <= 1.5);
    assert!(years.one_up < 4_000 && years.one_down < 4_000);
}
