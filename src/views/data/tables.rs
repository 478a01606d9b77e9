//! Every table as CSV for a spreadsheet: work entries, breaks, cases and organisations, each a
//! download button in "Your data". The core writes the tables; this only names and saves them.

use crate::platform;
use crate::store::Msg;
use crate::views::common::use_store;
use tend_core::exchange::{breaks_csv, cases_csv, entries_csv, organisations_csv};
use tend_core::Journal;
use yew::prelude::*;

type Table = fn(&Journal) -> Result<String, String>;

/// The tables: button label, file name stem and writer.
const TABLES: [(&str, &str, Table); 4] = [
    ("Download work entries (CSV)", "work-entries", entries_csv),
    ("Download breaks and days off (CSV)", "breaks", breaks_csv),
    ("Download cases (CSV)", "cases", cases_csv),
    (
        "Download organisations (CSV)",
        "organisations",
        organisations_csv,
    ),
];

/// One download button per table.
#[function_component(CsvButtons)]
pub fn csv_buttons() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    html! {
        <div class="csv-buttons" data-testid="csv-buttons">
            <h3>{"Tables for a spreadsheet"}</h3>
            <p class="hint">{"Comma-separated (CSV) with a header row and dates as YYYY-MM-DD."}</p>
            { for TABLES.iter().map(|&(label, stem, write)| {
                let store = store.clone();
                let onclick = Callback::from(move |_: MouseEvent| match write(&store.doc().payload) {
                    Ok(text) => {
                        let stamp = platform::today().format("%Y-%m-%d");
                        if !platform::download(&format!("tend-{stem}-{stamp}.csv"), "text/csv", &text) {
                            store.dispatch(Msg::Problem("The browser refused the download.".into()));
                        }
                    }
                    Err(why) => store.dispatch(Msg::Problem(format!("The CSV could not be made ({why})."))),
                });
                html! { <button type="button" {onclick}>{label}</button> }
            }) }
        </div>
    }
}
