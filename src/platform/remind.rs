//! Break reminders: the local time, a repeating timer and the Notification API.
//!
//! Notification permission is asked only when the clinician presses a button, and every function
//! reports what happened (unsupported, refused, shown) so the caller can fall back to an in-app
//! notice. None of them panics.

use chrono::{NaiveDate, NaiveDateTime};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The browser's local date and time, to the second.
pub fn local_now() -> NaiveDateTime {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .and_then(|d| d.and_hms_opt(now.get_hours(), now.get_minutes(), now.get_seconds()))
    .unwrap_or_default()
}

/// What the browser allows for notifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotifyPermission {
    /// This browser has no Notification API (or it is blocked in this context).
    Unsupported,
    /// Not asked yet.
    Ask,
    /// Allowed.
    Granted,
    /// Refused; only the clinician can change it, in the browser's site settings.
    Denied,
}

fn has_notifications() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w, &JsValue::from_str("Notification")).unwrap_or(false))
        .unwrap_or(false)
}

/// The current permission.
pub fn notify_permission() -> NotifyPermission {
    if !has_notifications() {
        return NotifyPermission::Unsupported;
    }
    match web_sys::Notification::permission() {
        web_sys::NotificationPermission::Granted => NotifyPermission::Granted,
        web_sys::NotificationPermission::Denied => NotifyPermission::Denied,
        _ => NotifyPermission::Ask,
    }
}

/// Asks for permission (call only from a user action) and reports the answer.
pub fn request_notify_permission(answer: impl FnOnce(NotifyPermission) + 'static) {
    if !has_notifications() {
        answer(NotifyPermission::Unsupported);
        return;
    }
    match web_sys::Notification::request_permission() {
        Ok(promise) => wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            answer(notify_permission());
        }),
        Err(_) => answer(NotifyPermission::Unsupported),
    }
}

/// Shows a system notification. Returns false if it could not be shown.
pub fn notify(title: &str, body: &str) -> bool {
    if notify_permission() != NotifyPermission::Granted {
        return false;
    }
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    options.set_tag("tend-break");
    web_sys::Notification::new_with_options(title, &options).is_ok()
}

/// A repeating timer; it stops when dropped.
pub struct Every {
    handle: i32,
    _tick: Closure<dyn FnMut()>,
}

impl Drop for Every {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_interval_with_handle(self.handle);
        }
    }
}

/// Calls `tick` every `ms` milliseconds until the returned handle is dropped; `None` if the
/// browser refused to start the timer.
pub fn every(ms: i32, tick: impl FnMut() + 'static) -> Option<Every> {
    let tick = Closure::<dyn FnMut()>::new(tick);
    let handle = web_sys::window()?
        .set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), ms)
        .ok()?;
    Some(Every {
        handle,
        _tick: tick,
    })
}
