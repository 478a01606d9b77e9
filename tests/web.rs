//! Component tests in a real browser (headless Chromium through wasm-bindgen-test).
//!
//! Each test mounts the whole app on a fresh element, drives it the way a person would (typing,
//! submitting), and checks what the page shows and what reached localStorage.

use std::time::Duration;
use tend::platform::{self, SaveError, DOCUMENT_KEY, QUARANTINE_PREFIX};
use tend_core::{Action, Document, EntryId, WorkEntry, WorkKind, SCHEMA_VERSION};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlFormElement, HtmlInputElement, HtmlSelectElement, Storage};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Mounts a fresh app and waits for its first render.
async fn mount() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<tend::App>::with_root(root.clone()).render();
    settle().await;
    root
}

async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn fire(target: &Element, name: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(name, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

async fn log(root: &Element, duration: &str, kind: WorkKind) {
    let input: HtmlInputElement = find(root, "#entry-duration").dyn_into().unwrap();
    input.set_value(duration);
    fire(&input, "input");
    let select: HtmlSelectElement = find(root, "#entry-kind").dyn_into().unwrap();
    select.set_value(kind.slug());
    fire(&select, "change");
    settle().await;
    let form: HtmlFormElement = find(root, "form").dyn_into().unwrap();
    form.request_submit().unwrap();
    settle().await;
}

fn stored() -> Option<Document> {
    storage()
        .get_item(DOCUMENT_KEY)
        .unwrap()
        .map(|t| Document::decode(&t).unwrap())
}

fn clear() {
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn logging_two_entries_shows_them_and_saves_them() {
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
    let table = text(&root, "[data-testid=week-table]");
    assert!(table.contains("2 h 5 min"), "{table}");
    let chart = find(&root, "[data-testid=week-chart] svg").outer_html();
    assert!(
        chart.contains("fill=\"#0072B2\""),
        "a direct-session bar is drawn"
    );
    assert!(
        chart.contains("fill=\"#E69F00\""),
        "a documentation bar is drawn"
    );

    let doc = stored().expect("the document was saved");
    assert_eq!(doc.revision, 2);
    let minutes: Vec<u32> = doc.payload.entries.iter().map(|e| e.minutes).collect();
    assert_eq!(minutes, vec![50, 75]);
    assert_eq!(doc.payload.entries[0].date, platform::today());
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
    assert!(stored().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn deleting_an_entry_removes_it_from_storage() {
    clear();
    let root = mount().await;
    log(&root, "30", WorkKind::Travel).await;
    assert_eq!(stored().unwrap().payload.entries.len(), 1);
    let delete: web_sys::HtmlElement = find(&root, "[data-testid=day-entries] button")
        .dyn_into()
        .unwrap();
    delete.click();
    settle().await;
    assert!(stored().unwrap().payload.entries.is_empty());
    assert!(text(&root, "[data-testid=form-status]").contains("Deleted 30 min travel"));
    root.remove();
}

#[wasm_bindgen_test]
async fn data_from_a_newer_tend_opens_read_only_and_is_not_rewritten() {
    clear();
    let newer = format!(
        r#"{{"schema":{},"revision":7,"payload":{{"future":true}}}}"#,
        SCHEMA_VERSION + 1
    );
    storage().set_item(DOCUMENT_KEY, &newer).unwrap();
    let root = mount().await;
    assert!(text(&root, "[data-testid=storage-banner]").contains("newer version of Tend"));
    log(&root, "50", WorkKind::DirectSession).await;
    assert_eq!(storage().get_item(DOCUMENT_KEY).unwrap(), Some(newer));
    root.remove();
}

#[wasm_bindgen_test]
async fn corrupted_data_is_kept_aside_and_named() {
    clear();
    storage()
        .set_item(DOCUMENT_KEY, "{\"schema\":1,\"payload\":{\"entr")
        .unwrap();
    let root = mount().await;
    assert!(text(&root, "[data-testid=load-banner]").contains("could not open its saved data"));
    let kept: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        storage().get_item(&kept[0]).unwrap().as_deref(),
        Some("{\"schema\":1,\"payload\":{\"entr")
    );
    log(&root, "20", WorkKind::Admin).await;
    assert_eq!(
        stored().unwrap().payload.entries.len(),
        1,
        "new entries save again"
    );
    root.remove();
}

fn sample_doc() -> Document {
    let entry = WorkEntry {
        id: EntryId("x".into()),
        date: platform::today(),
        minutes: 45,
        kind: WorkKind::Supervision,
    };
    Document::new("test")
        .apply(&Action::AddEntry(entry), "test")
        .unwrap()
}

#[wasm_bindgen_test]
fn a_full_store_is_reported_not_panicked() {
    clear();
    // Fill localStorage with ever smaller strings until not even one more character fits.
    let (mut size, mut i) = (512 * 1024, 0);
    while size > 0 {
        while storage()
            .set_item(&format!("f{i}"), &"x".repeat(size))
            .is_ok()
        {
            i += 1;
            assert!(i < 10_000, "localStorage never filled up");
        }
        size /= 2;
    }
    assert_eq!(platform::save(&sample_doc(), 0), Err(SaveError::Full));
    clear();
    assert_eq!(platform::save(&sample_doc(), 0), Ok(()));
    clear();
}

#[wasm_bindgen_test]
fn a_save_based_on_stale_data_is_refused() {
    clear();
    let doc = sample_doc();
    platform::save(&doc, 0).unwrap();
    let other_tab = doc
        .apply(&Action::RemoveEntry(EntryId("x".into())), "test")
        .unwrap();
    platform::save(&other_tab, 1).unwrap();
    // This tab still believes revision 1 is the latest and tries to write its own revision 2.
    let this_tab = doc
        .apply(
            &Action::AddEntry(WorkEntry {
                id: EntryId("y".into()),
                date: platform::today(),
                minutes: 10,
                kind: WorkKind::Admin,
            }),
            "test",
        )
        .unwrap();
    assert_eq!(
        platform::save(&this_tab, 1),
        Err(SaveError::Stale { stored: 2 })
    );
    assert_eq!(
        stored().unwrap(),
        other_tab,
        "the other tab's data survives"
    );
    clear();
}
