//! The one door to the browser: storage, the clock, ids and downloads.
//!
//! Everything here is fallible in a browser (storage may be disabled, full or shared with another
//! tab; a window may be missing in a worker), so every function returns a value describing what
//! happened and none of them panics. `gloo-storage`'s `LocalStorage::raw()` throws when storage is
//! disabled, so this module talks to `web_sys::Storage` directly.

use chrono::NaiveDate;
use tend_core::{DecodeError, Document};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The key holding Tend's stored document.
pub const DOCUMENT_KEY: &str = "tend.document";
/// Prefix of keys holding stored text that could not be read, kept aside rather than deleted.
pub const QUARANTINE_PREFIX: &str = "tend.quarantine.";
/// The build written into every stored document.
pub const BUILD: &str = concat!("tend ", env!("CARGO_PKG_VERSION"));

/// Where the clinician's data is being kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Saved in this browser's storage after every change.
    Saved,
    /// Kept only in this tab because the browser would not let Tend save; the message says why.
    MemoryOnly(String),
    /// Nothing is written (stored data belongs to a newer Tend, or another tab saved newer
    /// data); the message says why.
    ReadOnly(String),
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    Full,
    /// Storage is disabled or failed, with the browser's reason.
    Unavailable(String),
    /// Another tab saved newer data since this tab loaded.
    Stale { stored: u64 },
}

impl SaveError {
    /// The sentence shown to the clinician.
    pub fn message(&self) -> String {
        match self {
            SaveError::Full => "This browser's storage for Tend is full, so your latest changes \
                are kept in this tab only. Download a copy now so nothing is lost."
                .into(),
            SaveError::Unavailable(why) => format!(
                "This browser is not letting Tend save ({why}). Your entries are kept in this tab \
                 only until it closes; download a copy to keep them."
            ),
            SaveError::Stale { .. } => "Tend is open in another tab, which saved newer data. \
                This tab's last change was not saved over it; reload to see the latest."
                .into(),
        }
    }
}

/// What [`load`] found.
pub struct Loaded {
    /// The document to start from.
    pub doc: Document,
    /// Whether changes will be saved.
    pub persistence: Persistence,
    /// A problem with the stored data worth telling the clinician about, if any.
    pub problem: Option<String>,
    /// Unreadable stored text that was set aside, so it can be offered for download.
    pub quarantined: Option<String>,
}

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("storage is switched off".into()),
        Err(e) => Err(describe(&e)),
    }
}

fn describe(error: &JsValue) -> String {
    if let Some(ex) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", ex.name(), ex.message());
    }
    error.as_string().unwrap_or_else(|| "unknown error".into())
}

fn is_quota_error(error: &JsValue) -> bool {
    error.dyn_ref::<web_sys::DomException>().is_some_and(|ex| {
        matches!(
            ex.name().as_str(),
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
        ) || matches!(ex.code(), 22 | 1014)
    })
}

fn write(storage: &web_sys::Storage, key: &str, text: &str) -> Result<(), SaveError> {
    storage.set_item(key, text).map_err(|e| {
        if is_quota_error(&e) {
            SaveError::Full
        } else {
            SaveError::Unavailable(describe(&e))
        }
    })
}

/// Reads the stored document, never failing: problems become a notice and a safe fallback.
pub fn load() -> Loaded {
    let fresh = |persistence, problem| Loaded {
        doc: Document::new(BUILD),
        persistence,
        problem,
        quarantined: None,
    };
    let memory_only = |why: String| SaveError::Unavailable(why).message();
    let storage = match storage() {
        Ok(s) => s,
        Err(why) => return fresh(Persistence::MemoryOnly(memory_only(why)), None),
    };
    let text = match storage.get_item(DOCUMENT_KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return fresh(Persistence::Saved, None),
        Err(e) => return fresh(Persistence::MemoryOnly(memory_only(describe(&e))), None),
    };
    match Document::decode(&text) {
        Ok(doc) => Loaded {
            doc,
            persistence: Persistence::Saved,
            problem: None,
            quarantined: None,
        },
        Err(err @ DecodeError::Newer { .. }) => {
            let message = format!(
                "{}. To protect it, this tab will not change anything: reload the page to get \
                 the newest Tend.",
                capitalise(&err.to_string())
            );
            fresh(Persistence::ReadOnly(message), None)
        }
        Err(err) => quarantine(&storage, text, &err),
    }
}

/// Moves unreadable stored text aside under a quarantine key and starts afresh. If even that
/// write fails, the original is left where it was and nothing is saved over it.
fn quarantine(storage: &web_sys::Storage, text: String, err: &DecodeError) -> Loaded {
    let key = format!("{QUARANTINE_PREFIX}{}", js_sys::Date::now() as u64);
    let (persistence, problem) = match write(storage, &key, &text) {
        Ok(()) => (
            Persistence::Saved,
            format!(
                "Tend could not open its saved data: {err}. The unreadable text was kept aside, \
                 not deleted, and you can download it here. New entries start afresh."
            ),
        ),
        Err(_) => (
            Persistence::ReadOnly(
                "Tend will not save over data it could not read; download it first.".into(),
            ),
            format!(
                "Tend could not open its saved data: {err}. It has left that data untouched; \
                 you can download it here."
            ),
        ),
    };
    Loaded {
        doc: Document::new(BUILD),
        persistence,
        problem: Some(problem),
        quarantined: Some(text),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Saves the document unless storage holds a newer revision written by another tab.
/// `based_on` is the revision this tab last loaded or saved.
pub fn save(doc: &Document, based_on: u64) -> Result<(), SaveError> {
    let storage = storage().map_err(SaveError::Unavailable)?;
    if let Ok(Some(text)) = storage.get_item(DOCUMENT_KEY) {
        if let Ok(stored) = Document::decode(&text) {
            if stored.revision != based_on && stored != *doc {
                return Err(SaveError::Stale {
                    stored: stored.revision,
                });
            }
        }
    }
    write(&storage, DOCUMENT_KEY, &doc.encode())
}

/// Today's date in the browser's time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// A new record id: the time in milliseconds and 32 random bits, in hex.
pub fn new_id() -> String {
    let millis = js_sys::Date::now() as u64;
    let noise = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{millis:x}-{noise:08x}")
}

/// Offers `text` to the clinician as a file download. Returns false if the browser refused.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let attempt = || -> Result<(), JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        // Revoking at once can cancel the download in some browsers; free the blob a minute on.
        let revoke = Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        web_sys::window()
            .ok_or_else(|| JsValue::from_str("no window"))?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.unchecked_ref(),
                60_000,
            )?;
        Ok(())
    };
    attempt().is_ok()
}
