//! Component tests of the Self-checks section in headless Chromium: the answer form lists every
//! problem by item number and keeps what was typed, a complete set is scored and stored in the
//! month's chunk, and the due card on Today follows.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may unwrap (clippy.toml)

use tend::platform;
use tend_core::storage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlFormElement, HtmlInputElement};

mod common;

use common::{find, fire, local, mount, settle, show, text, Local};

wasm_bindgen_test_configure!(run_in_browser);

/// Types into ProQOL item `n`'s number box.
fn type_item(root: &Element, n: u32, value: &str) {
    let input: HtmlInputElement = find(root, &format!("#proqol-5-item-{n}"))
        .dyn_into()
        .unwrap();
    input.set_value(value);
    fire(&input, "input");
}

async fn submit(root: &Element, form: &str) {
    let form: HtmlFormElement = find(root, &format!("[data-testid=form-{form}]"))
        .dyn_into()
        .unwrap();
    form.request_submit().unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn proqol_entry_lists_problems_by_item_then_scores_and_stores_the_answers() {
    local().clear().unwrap();
    let root = mount().await;
    assert!(text(&root, "[data-testid=due-card]").contains("ProQOL 5 (not taken yet)"));
    show("checks").await;

    // Everything "sometimes" (3) except: item 2 left empty, item 5 typed as 7, item 9 as 0.
    for n in 1..=30 {
        let value = match n {
            2 => "",
            5 => "7",
            9 => "0",
            _ => "3",
        };
        type_item(&root, n, value);
    }
    settle().await;
    submit(&root, "proqol-5").await;
    let problems = text(&root, "[data-testid=problems-proqol-5]");
    assert!(
        problems.contains("Item 2 still needs an answer."),
        "{problems}"
    );
    assert!(
        problems.contains("Item 5: \u{201c}7\u{201d} is not an answer"),
        "{problems}"
    );
    assert!(
        problems.contains("Item 9: \u{201c}0\u{201d} is not an answer; answers go from 1 to 5."),
        "{problems}"
    );
    assert!(storage::load(&Local, "test", None)
        .doc
        .payload
        .checks
        .is_empty());
    let kept: HtmlInputElement = find(&root, "#proqol-5-item-30").dyn_into().unwrap();
    assert_eq!(kept.value(), "3", "what was typed is kept after an error");

    // Item 1 is reverse-scored for burnout: answered 1 it counts 5, so burnout is 27 + 5 = 32.
    for (n, value) in [(1, "1"), (2, "3"), (5, "3"), (9, "3")] {
        type_item(&root, n, value);
    }
    settle().await;
    submit(&root, "proqol-5").await;
    let saved = text(&root, "[data-testid=saved-proqol-5]");
    assert!(
        saved.contains("Compassion satisfaction 30 of 50 (moderate), Burnout 32 of 50 (moderate), Secondary traumatic stress 30 of 50 (moderate)"),
        "{saved}"
    );
    let cleared: HtmlInputElement = find(&root, "#proqol-5-item-30").dyn_into().unwrap();
    assert_eq!(cleared.value(), "", "the form is emptied for next time");

    let loaded = storage::load(&Local, "test", None);
    let checks = &loaded.doc.payload.checks;
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].instrument, "proqol-5");
    assert_eq!(checks[0].date, platform::today());
    assert_eq!(checks[0].answers[0], 1);
    let month = tend_core::Month::of(platform::today());
    let key = &loaded.index.unwrap().chunks[&month].key;
    assert!(local()
        .get_item(key)
        .unwrap()
        .unwrap()
        .contains("\"checks\""));

    show("today").await;
    let due = text(&root, "[data-testid=due-card]");
    assert!(
        due.contains("Weekly pulse") && !due.contains("ProQOL"),
        "{due}"
    );
    root.remove();
}
