//! The WebDAV client sync talks to the clinician's own storage with, over `fetch`: list a folder
//! (`PROPFIND`, depth 1), get a file, put a new file (`If-None-Match: *`, so nothing is ever
//! overwritten), make the folder, delete a file. Thin on purpose: reading the listing and every
//! decision about what to fetch or write are the core's (`tend_core::sync`).
//!
//! Requests carry Basic auth in a header and no cookies, are never cached by the browser, and
//! every failure becomes a [`DavError`] in words. A failed request that a `no-cors` request to
//! the same address then reaches was refused by the server's CORS policy rather than the network.

use js_sys::{Promise, Uint8Array};
use std::fmt;
use tend_core::sync::{parse_listing, Fetched, Listed, ServerSettings};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Headers, Request, RequestCache, RequestCredentials, RequestInit, RequestMode, Response,
};

/// Why a request to the sync server failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DavError {
    /// No answer: offline, a wrong address, or the server is down.
    Unreachable,
    /// The server answered, but its CORS policy does not admit this page's origin.
    Cors(String),
    /// 401 or 403: the user name or app password is wrong.
    Unauthorized,
    /// 404 or 409: the folder does not exist.
    NoFolder,
    /// 507: the server has no space left.
    Full,
    /// A file to create was already there (412).
    Exists,
    /// Any other status.
    Status(u16),
    /// The browser refused to make the request (a malformed address, say).
    Browser(String),
}

impl fmt::Display for DavError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DavError::Unreachable => f.write_str(
                "The sync server cannot be reached: this device may be offline, the server may \
                 be down, or the address may be wrong. Your changes wait here and go with the \
                 next sync.",
            ),
            DavError::Cors(origin) => write!(
                f,
                "The server answered but refuses this page's origin ({origin}). Allow it in the \
                 server's CORS settings (origin {origin}; methods GET, PUT, DELETE, PROPFIND, \
                 MKCOL, OPTIONS; headers Authorization, If-Match, If-None-Match, Depth, \
                 Content-Type; expose ETag); docs/sync.md shows how for Nextcloud and rclone."
            ),
            DavError::Unauthorized => f.write_str(
                "The server refused the user name or app password (401). Check both; many \
                 servers want an app password made for Tend rather than your login password.",
            ),
            DavError::NoFolder => f.write_str(
                "There is no such folder on the server (404). Check the address, or create the \
                 folder first.",
            ),
            DavError::Full => f.write_str(
                "The server has no space left (507). Free some space there; your changes wait \
                 here meanwhile.",
            ),
            DavError::Exists => f.write_str("A file with that name is already on the server."),
            DavError::Status(code) => write!(f, "The server answered with status {code}."),
            DavError::Browser(why) => write!(f, "The browser refused the request ({why})."),
        }
    }
}

fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown".into())
}

fn basic_auth(server: &ServerSettings) -> Option<String> {
    let pair = format!("{}:{}", server.user, server.password);
    let bytes = Uint8Array::from(pair.as_bytes());
    // btoa takes Latin-1 text, so encode the UTF-8 bytes one character per byte.
    let latin: String = bytes.to_vec().into_iter().map(char::from).collect();
    web_sys::window()?
        .btoa(&latin)
        .ok()
        .map(|b| format!("Basic {b}"))
}

/// The folder's address with `name` appended (or the folder itself for an empty name).
fn address(server: &ServerSettings, name: &str) -> String {
    let base = server.url.trim_end_matches('/');
    if name.is_empty() {
        format!("{base}/")
    } else {
        format!("{base}/{name}")
    }
}

async fn send(
    server: &ServerSettings,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<Response, DavError> {
    let window = web_sys::window().ok_or(DavError::Browser("no window".into()))?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    let head = Headers::new().map_err(|e| DavError::Browser(describe(&e)))?;
    if let Some(auth) = basic_auth(server) {
        let _ = head.set("Authorization", &auth);
    }
    for (name, value) in headers {
        let _ = head.set(name, value);
    }
    init.set_headers(&head);
    if let Some(text) = body {
        init.set_body(&JsValue::from_str(text));
    }
    let request =
        Request::new_with_str_and_init(url, &init).map_err(|e| DavError::Browser(describe(&e)))?;
    match JsFuture::from(window.fetch_with_request(&request)).await {
        Ok(value) => value
            .dyn_into::<Response>()
            .map_err(|_| DavError::Browser("not a response".into())),
        Err(_) => Err(unreachable_or_cors(url).await),
    }
}

/// After a failed request: a `no-cors` request that gets any answer means the server is there
/// and refused the origin; one that fails too means it cannot be reached.
async fn unreachable_or_cors(url: &str) -> DavError {
    let Some(window) = web_sys::window() else {
        return DavError::Unreachable;
    };
    let init = RequestInit::new();
    init.set_mode(RequestMode::NoCors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    let promise: Promise = window.fetch_with_str_and_init(url, &init);
    match JsFuture::from(promise).await {
        Ok(_) => DavError::Cors(window.location().origin().unwrap_or_default()),
        Err(_) => DavError::Unreachable,
    }
}

fn check(response: &Response) -> Result<(), DavError> {
    match response.status() {
        200..=299 => Ok(()),
        401 | 403 => Err(DavError::Unauthorized),
        404 | 409 => Err(DavError::NoFolder),
        412 => Err(DavError::Exists),
        507 => Err(DavError::Full),
        other => Err(DavError::Status(other)),
    }
}

async fn text_of(response: &Response) -> Result<String, DavError> {
    let promise = response
        .text()
        .map_err(|e| DavError::Browser(describe(&e)))?;
    let value = JsFuture::from(promise)
        .await
        .map_err(|_| DavError::Unreachable)?;
    Ok(value.as_string().unwrap_or_default())
}

fn etag(response: &Response) -> String {
    response
        .headers()
        .get("ETag")
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// The files in the sync folder.
pub async fn list(server: &ServerSettings) -> Result<Vec<Listed>, DavError> {
    let body = "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><prop><getetag/><resourcetype/>\
                </prop></propfind>";
    let url = address(server, "");
    let headers = [("Depth", "1"), ("Content-Type", "application/xml")];
    let response = send(server, "PROPFIND", &url, &headers, Some(body)).await?;
    check(&response)?;
    Ok(parse_listing(&text_of(&response).await?))
}

/// Fetches one file.
pub async fn get(server: &ServerSettings, name: &str) -> Result<Fetched, DavError> {
    let response = send(server, "GET", &address(server, name), &[], None).await?;
    check(&response)?;
    Ok(Fetched {
        name: name.into(),
        etag: etag(&response),
        text: text_of(&response).await?,
    })
}

/// Creates a new file, refusing to overwrite one; returns its ETag (empty if none was given).
pub async fn put_new(server: &ServerSettings, name: &str, text: &str) -> Result<String, DavError> {
    let headers = [("If-None-Match", "*"), ("Content-Type", "text/plain")];
    let response = send(server, "PUT", &address(server, name), &headers, Some(text)).await?;
    check(&response)?;
    Ok(etag(&response))
}

/// Deletes one file; a file already gone counts as deleted.
pub async fn delete(server: &ServerSettings, name: &str) -> Result<(), DavError> {
    let response = send(server, "DELETE", &address(server, name), &[], None).await?;
    match check(&response) {
        Err(DavError::NoFolder) => Ok(()),
        other => other,
    }
}

/// Creates the sync folder; one already there counts as made.
pub async fn make_folder(server: &ServerSettings) -> Result<(), DavError> {
    let response = send(server, "MKCOL", &address(server, ""), &[], None).await?;
    match response.status() {
        405 => Ok(()),
        _ => check(&response),
    }
}
