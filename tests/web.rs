//! Component tests in a real browser (headless Chromium through wasm-bindgen-test).
//!
//! Each test mounts the whole app on a fresh element against real localStorage, drives it the way
//! a person would (typing, submitting, clicking) and checks what the page shows and what was
//! stored. Faults are made by writing bad data straight into storage or by filling it up.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use std::collections::BTreeSet;
use tend::platform::{self, SaveError};
use tend_core::storage::{self, KeyValue, Ledger, INDEX_KEY, LEGACY_KEY, QUARANTINE_PREFIX};
use tend_core::{Action, Document, EntryId, Month, WorkEntry, WorkKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement};

mod common;

use common::{find, fire, local, mount, settle, show, text, Local};

wasm_bindgen_test_configure!(run_in_browser);

/// What a fresh start would read from storage now.
fn stored() -> storage::Loaded {
    storage::load(&Local, "test", None)
}

async fn set_date(root: &Element, date: &str) {
    let input: HtmlInputElement = find(root, "#entry-date").dyn_into().unwrap();
    input.set_value(date);
    fire(&input, "change");
    settle().await;
}

async fn log(root: &Element, duration: &str, kind: WorkKind) {
    let input: HtmlInputElement = find(root, "#entry-duration").dyn_into().unwrap();
    input.set_value(duration);
    fire(&input, "input");
    let select: HtmlSelectElement = find(root, "#entry-kind").dyn_into().unwrap();
    select.set_value(kind.slug());
    fire(&select, "change");
    settle().await;
    // The log form (on first run the welcome holds the targets form before it).
    let form: HtmlFormElement = find(root, "form[aria-describedby=form-status]")
        .dyn_into()
        .unwrap();
    form.request_submit().unwrap();
    settle().await;
}

async fn click_button(root: &Element, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button {label}"));
    button.click();
    settle().await;
}

fn clear() {
    local().clear().unwrap();
}

fn entry(id: &str, date: &str, minutes: u32) -> WorkEntry {
    WorkEntry::new(
        EntryId(id.into()),
        date.parse().unwrap(),
        minutes,
        WorkKind::Supervision,
    )
}

#[wasm_bindgen_test]
async fn logging_two_entries_shows_them_and_saves_them_in_a_monthly_chunk() {
    clear();
    let root = mount().await;
    assert!(text(&root, "[data-testid=day-empty]").contains("Nothing logged"));

    log(&root, "50", WorkKind::DirectSession).await;
    log(&root, "1:15", WorkKind::Documentation).await;

    assert!(text(&root, "[data-testid=form-status]").contains("Logged 1 h 15 min of documentation"));
    let listed = text(&root, "[data-testid=day-entries]");
    assert!(
        listed.contains("50 min") && listed.contains("Direct session"),
        "{listed}"
    );
    assert!(
        listed.contains("1 h 15 min") && listed.contains("Documentation"),
        "{listed}"
    );
    assert_eq!(text(&root, "[data-testid=week-total]"), "2 h 5 min logged");
    let chart = find(&root, "[data-testid=week-chart] svg").outer_html();
    assert!(
        chart.contains("fill=\"#0072B2\""),
        "a direct-session bar is drawn"
    );
    assert!(
        chart.contains("fill=\"#E69F00\""),
        "a documentation bar is drawn"
    );

    let loaded = stored();
    assert_eq!(loaded.doc.revision, 2);
    let minutes: Vec<u32> = loaded
        .doc
        .payload
        .entries
        .iter()
        .map(|e| e.minutes)
        .collect();
    assert_eq!(minutes, vec![50, 75]);
    assert_eq!(loaded.doc.payload.entries[0].date, platform::today());
    let index = loaded.index.unwrap();
    assert_eq!(index.chunks.len(), 1);
    assert!(index.chunks.contains_key(&Month::of(platform::today())));
    show("data").await;
    assert!(text(&root, "[data-testid=data-view]").contains("Tend uses"));
    show("today").await;
    root.remove();
}

#[wasm_bindgen_test]
async fn an_unreadable_duration_is_explained_and_nothing_is_saved() {
    clear();
    let root = mount().await;
    log(&root, "soon", WorkKind::Admin).await;
    assert!(text(&root, "[data-testid=duration-error]").contains("\u{201c}soon\u{201d}"));
    assert_eq!(
        find(&root, "#entry-duration")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(local().get_item(INDEX_KEY).unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn deleting_an_entry_removes_it_from_storage() {
    clear();
    let root = mount().await;
    log(&root, "30", WorkKind::Travel).await;
    assert_eq!(stored().doc.payload.entries.len(), 1);
    let delete: HtmlElement = find(&root, "[data-testid=day-entries] button")
        .dyn_into()
        .unwrap();
    delete.click();
    settle().await;
    assert!(stored().doc.payload.entries.is_empty());
    assert!(text(&root, "[data-testid=form-status]").contains("Deleted 30 min travel"));
    root.remove();
}

#[wasm_bindgen_test]
async fn data_from_a_newer_tend_opens_read_only_and_is_not_rewritten() {
    clear();
    let newer = r#"{"schema":99,"revision":7,"chunks":{"2026-11":{"whatever":true}}}"#;
    local().set_item(INDEX_KEY, newer).unwrap();
    let root = mount().await;
    assert!(text(&root, "[data-testid=storage-banner]").contains("newer version of Tend"));
    log(&root, "50", WorkKind::DirectSession).await;
    assert!(text(&root, "[data-testid=form-status]").contains("read-only"));
    assert_eq!(local().get_item(INDEX_KEY).unwrap().as_deref(), Some(newer));
    assert_eq!(local().length().unwrap(), 1, "nothing else was written");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_damaged_month_is_kept_aside_named_and_the_rest_loads() {
    clear();
    let root = mount().await;
    set_date(&root, "2026-10-05").await;
    log(&root, "40", WorkKind::Admin).await;
    set_date(&root, "2026-11-05").await;
    log(&root, "55", WorkKind::DirectSession).await;
    root.remove();
    let index = stored().index.unwrap();
    let october = index.chunks[&"2026-10".parse().unwrap()].key.clone();
    let damaged = local()
        .get_item(&october)
        .unwrap()
        .unwrap()
        // The entry's row is [id, 5, 40, 4, ...]: its length becomes negative.
        .replace(",5,40,", ",5,-4,");
    assert!(damaged.contains(",5,-4,"), "{damaged}");
    local().set_item(&october, &damaged).unwrap();

    let root = mount().await;
    let banner = text(&root, "[data-testid=load-banner]");
    assert!(banner.contains("October 2026"), "{banner}");
    let kept: Vec<String> = Local
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        local().get_item(&kept[0]).unwrap(),
        Some(damaged),
        "kept aside word for word"
    );
    // November still loads, and new entries save again.
    set_date(&root, "2026-11-05").await;
    assert!(text(&root, "[data-testid=day-entries]").contains("55 min"));
    log(&root, "20", WorkKind::Admin).await;
    let after = stored();
    assert!(after.unreadable.is_empty());
    assert_eq!(after.doc.payload.entries.len(), 2);
    assert!(
        local().get_item(&kept[0]).unwrap().is_some(),
        "the quarantined text survives saving"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn schema_two_data_is_rewritten_compact_with_the_old_state_kept() {
    clear();
    let dump: std::collections::BTreeMap<String, String> =
        serde_json::from_str(include_str!("../core/tests/fixtures/schema-2.json")).unwrap();
    for (key, value) in &dump {
        local().set_item(key, value).unwrap();
    }
    let before = stored();
    assert_eq!(before.index.as_ref().map(|i| i.schema), Some(2));
    let root = mount().await;
    let after = stored();
    let index = after.index.clone().unwrap();
    assert_eq!(
        index.schema,
        tend_core::SCHEMA_VERSION,
        "the first start rewrote it"
    );
    assert!(after.unreadable.is_empty());
    let ids = |l: &storage::Loaded| {
        let mut v: Vec<_> = l
            .doc
            .payload
            .entries
            .iter()
            .map(|e| e.id.0.clone())
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&after), ids(&before));
    assert_eq!(after.doc.payload.breaks, before.doc.payload.breaks);
    for reference in index.chunks.values() {
        let text = local().get_item(&reference.key).unwrap().unwrap();
        assert!(
            text.contains("\"rows\"") && !text.contains("\"entries\""),
            "{text}"
        );
    }
    let kept = index.snapshots.iter().find(|s| s.schema == 2).unwrap();
    let old = storage::load_snapshot(&Local, &index, kept, None).unwrap();
    assert_eq!(old.entries.len(), before.doc.payload.entries.len());
    root.remove();
}

#[wasm_bindgen_test]
async fn schema_one_data_is_migrated_with_a_restorable_copy_from_before() {
    clear();
    let v1 = r#"{"schema":1,"revision":2,"written_by":"tend 0.1.0","payload":{"entries":[
        {"id":"a","date":"2026-10-30","minutes":50,"kind":"direct_session"},
        {"id":"b","date":"2026-11-02","minutes":25,"kind":"admin"}]}}"#;
    local().set_item(LEGACY_KEY, v1).unwrap();
    let root = mount().await;
    let loaded = stored();
    assert_eq!(loaded.migrated_from, None, "the first start wrote schema 2");
    assert_eq!(loaded.doc.payload.entries.len(), 2);
    assert_eq!(local().get_item(LEGACY_KEY).unwrap().as_deref(), Some(v1));
    show("data").await;
    assert!(text(&root, "[data-testid=snapshots]").contains("before the update"));
    show("today").await;

    set_date(&root, "2026-11-02").await;
    log(&root, "10", WorkKind::Travel).await;
    assert_eq!(stored().doc.payload.entries.len(), 3);
    show("data").await;
    click_button(&root, "Restore").await;
    assert!(text(&root, "[data-testid=data-status]").contains("Restored"));
    show("today").await;
    let restored = stored();
    let ids: BTreeSet<String> = restored
        .doc
        .payload
        .entries
        .iter()
        .map(|e| e.id.0.clone())
        .collect();
    assert_eq!(ids, ["a", "b"].map(String::from).into());
    // Before the update, the first rolling one (taken on the next save), and the state from just
    // before restoring, so the restore itself can be undone.
    let index = restored.index.unwrap();
    assert_eq!(index.snapshots.len(), 3);
    let undo = index.snapshots.last().unwrap();
    let undo_journal = storage::load_snapshot(&Local, &index, undo, None).unwrap();
    assert_eq!(undo_journal.entries.len(), 3);
    root.remove();
}

/// A tab that has logged one entry and not saved it yet.
fn one_entry_tab() -> Ledger {
    let mut tab = Ledger::new(Document::new("test"));
    tab.apply(Action::AddEntry(entry("x", "2026-11-23", 45)), "test", None)
        .unwrap();
    tab
}

fn logged(tab: &Ledger, id: &str, date: &str, minutes: u32) -> Ledger {
    let mut tab = tab.clone();
    tab.apply(Action::AddEntry(entry(id, date, minutes)), "test", None)
        .unwrap();
    tab
}

#[wasm_bindgen_test]
fn a_full_store_is_reported_and_leaves_nothing_half_written() {
    clear();
    // Fill localStorage with ever smaller strings until not even one more character fits.
    let (mut size, mut i) = (512 * 1024, 0);
    while size > 0 {
        while local()
            .set_item(&format!("f{i}"), &"x".repeat(size))
            .is_ok()
        {
            i += 1;
            assert!(i < 10_000, "localStorage never filled up");
        }
        size /= 2;
    }
    let keys_before = local().length().unwrap();
    let tab = one_entry_tab();
    assert!(matches!(platform::save(&tab, None), Err(SaveError::Full)));
    assert_eq!(
        local().length().unwrap(),
        keys_before,
        "no chunk was left behind"
    );
    clear();
    assert!(platform::save(&tab, None).is_ok());
    clear();
}

#[wasm_bindgen_test]
fn a_save_based_on_a_stale_revision_is_refused() {
    clear();
    let mut first = one_entry_tab();
    let (done, _) = platform::save(&first, None).unwrap();
    first.saved(&done);
    // Another tab saves on top of what was saved...
    let other = logged(&first, "y", "2026-11-24", 10);
    platform::save(&other, None).unwrap();
    // ...while this tab, still on the first save, tries to write its own change.
    let mine = logged(&first, "z", "2026-11-25", 20);
    let refused = platform::save(&mine, None);
    assert!(matches!(refused, Err(SaveError::Stale)));
    let ids: Vec<String> = stored()
        .doc
        .payload
        .entries
        .iter()
        .map(|e| e.id.0.clone())
        .collect();
    assert_eq!(ids, vec!["x", "y"], "the other tab's data survives");
    // A fresh tab with nothing loaded may not write over existing data either.
    let fresh = logged(&Ledger::new(Document::new("test")), "z", "2026-11-25", 20);
    assert!(matches!(
        platform::save(&fresh, None),
        Err(SaveError::Stale)
    ));
    clear();
}
