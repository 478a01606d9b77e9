//! The clock, record ids, file downloads, storage events and the persistent-storage request.

use chrono::NaiveDate;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

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

/// Milliseconds since 1970.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A moment shown in the browser's locale and time zone, such as `23/11/2026, 14:05:09`.
pub fn local_time_label(ms: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    String::from(date.to_locale_string("default", &JsValue::UNDEFINED))
}

/// A new record id: the time in milliseconds and 32 random bits, in hex.
pub fn new_id() -> String {
    let millis = js_sys::Date::now() as u64;
    let noise = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{millis:x}-{noise:08x}")
}

/// Offers `text` to the clinician as a file download. Returns false if the browser refused.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .is_ok_and(|blob| download_blob(file_name, &blob).is_ok())
}

fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Revoking at once can cancel the download in some browsers; free the blob a minute on.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}

/// Renders an SVG image to a PNG at `scale` times its size, on a white background, entirely in
/// the browser, and offers it as a download. Calls `done` with whether it worked.
pub fn download_svg_as_png(
    svg: &str,
    (width, height): (u32, u32),
    scale: u32,
    file_name: &str,
    done: impl FnOnce(bool) + 'static,
) {
    let attempt = || -> Result<(web_sys::HtmlImageElement, String), JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(svg));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("image/svg+xml");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let image = web_sys::HtmlImageElement::new()?;
        Ok((image, url))
    };
    let Ok((image, url)) = attempt() else {
        done(false);
        return;
    };
    let file_name = file_name.to_string();
    let loaded = image.clone();
    let source = url.clone();
    let on_load = Closure::once_into_js(move || {
        let draw = || -> Result<web_sys::HtmlCanvasElement, JsValue> {
            let document = web_sys::window()
                .and_then(|w| w.document())
                .ok_or_else(|| JsValue::from_str("no document"))?;
            let canvas: web_sys::HtmlCanvasElement =
                document.create_element("canvas")?.dyn_into()?;
            canvas.set_width(width * scale);
            canvas.set_height(height * scale);
            let context: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or_else(|| JsValue::from_str("no 2d context"))?
                .dyn_into()?;
            context.set_fill_style_str("#ffffff");
            context.fill_rect(
                0.0,
                0.0,
                f64::from(width * scale),
                f64::from(height * scale),
            );
            context.draw_image_with_html_image_element_and_dw_and_dh(
                &loaded,
                0.0,
                0.0,
                f64::from(width * scale),
                f64::from(height * scale),
            )?;
            Ok(canvas)
        };
        let _ = web_sys::Url::revoke_object_url(&source);
        let Ok(canvas) = draw() else {
            done(false);
            return;
        };
        let on_blob = Closure::once_into_js(move |blob: JsValue| {
            let saved = blob
                .dyn_into::<web_sys::Blob>()
                .is_ok_and(|blob| download_blob(&file_name, &blob).is_ok());
            done(saved);
        });
        // If the browser refuses, the callback never runs and no file appears.
        let _ = canvas.to_blob(on_blob.unchecked_ref());
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
}

/// A `storage` event subscription; dropping it unsubscribes.
pub struct StorageListener {
    callback: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl Drop for StorageListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "storage",
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Calls `changed` with the key whenever another tab changes Tend's storage (`None` when the
/// whole store was cleared).
pub fn on_storage_change(
    mut changed: impl FnMut(Option<String>) + 'static,
) -> Option<StorageListener> {
    let window = web_sys::window()?;
    let callback =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
            changed(e.key());
        });
    window
        .add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(StorageListener { callback })
}

/// Asks the browser to keep Tend's data from automatic clearing; calls `answer` with whether it
/// agreed, or `None` where the browser has no such request.
pub fn request_persistence(answer: impl FnOnce(Option<bool>) + 'static) {
    let manager = web_sys::window().map(|w| w.navigator().storage());
    let Some(promise) = manager.and_then(|m| m.persist().ok()) else {
        answer(None);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(promise).await;
        answer(result.ok().and_then(|v| v.as_bool()));
    });
}

/// Reads the first file chosen in a file input, up to `limit` bytes, and calls `done` with its
/// bytes, or with `Err(size)` when it is larger than the limit (it is then not read at all), or
/// `Err(0)` when nothing could be read.
pub fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    limit: usize,
    done: impl FnOnce(Result<Vec<u8>, usize>) + 'static,
) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        done(Err(0));
        return;
    };
    let size = file.size() as usize;
    if size > limit {
        done(Err(size));
        return;
    }
    let promise = file.array_buffer();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(buffer) => done(Ok(js_sys::Uint8Array::new(&buffer).to_vec())),
            Err(_) => done(Err(0)),
        }
    });
}

/// The address's `#fragment`, or an empty string.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// A `hashchange` subscription; dropping it unsubscribes.
pub struct HashListener {
    callback: Closure<dyn FnMut()>,
}

impl Drop for HashListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "hashchange",
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Calls `changed` with the new fragment whenever it changes.
pub fn on_hash_change(mut changed: impl FnMut(String) + 'static) -> Option<HashListener> {
    let window = web_sys::window()?;
    let callback = Closure::<dyn FnMut()>::new(move || changed(current_hash()));
    window
        .add_event_listener_with_callback("hashchange", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(HashListener { callback })
}

/// Minutes east of UTC of the browser's clock at noon on `date` (60 for UTC+1), so a calendar
/// range is read with the offset in force then rather than today's.
pub fn utc_offset_minutes(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    let noon = js_sys::Date::new_with_year_month_day_hr(
        date.year() as u32,
        date.month0() as i32,
        date.day() as i32,
        12,
    );
    let offset = -noon.get_timezone_offset();
    if offset.is_finite() {
        offset as i32
    } else {
        0
    }
}

/// Opens the browser's print dialog (where "Save as PDF" lives). Returns false if it refused.
pub fn print() -> bool {
    web_sys::window().is_some_and(|w| w.print().is_ok())
}
