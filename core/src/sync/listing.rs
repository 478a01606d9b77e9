//! Reading a WebDAV folder listing (the XML a `PROPFIND` with `Depth: 1` answers) into the
//! files the session planner needs: each file's name and ETag.
//!
//! Servers differ in namespace prefixes (`D:`, `d:`, `ns0:` or none), whitespace and quoting, so
//! this reads tags by their local name and ignores everything else; the folder itself and any
//! sub-folder (an `href` ending in `/`) are left out. Pure text handling, so it is tested
//! natively on answers from Apache's `mod_dav`, Nextcloud and rclone.

use super::session::Listed;

/// The local name of a tag (`D:getetag` → `getetag`), and whether it closes.
fn tag_name(tag: &str) -> (&str, bool) {
    let closing = tag.starts_with('/');
    let tag = tag.trim_start_matches('/');
    let end = tag
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(tag.len());
    let name = &tag[..end];
    let local = name.rsplit(':').next().unwrap_or(name);
    (local, closing)
}

/// Undoes XML's five entities and percent-encoding of plain bytes.
fn unescape(text: &str) -> String {
    let text = text
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The files in a `PROPFIND` answer: the last part of each `href` that is not a folder, with
/// its ETag (empty if the server gave none).
pub fn parse_listing(xml: &str) -> Vec<Listed> {
    let mut found = Vec::new();
    let mut href: Option<String> = None;
    let mut etag = String::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else { break };
        let tag = &after[..close];
        let text_after = &after[close + 1..];
        let text = &text_after[..text_after.find('<').unwrap_or(text_after.len())];
        let (name, closing) = tag_name(tag);
        match (name, closing) {
            ("response", false) => {
                href = None;
                etag.clear();
            }
            ("href", false) => href = Some(unescape(text.trim())),
            ("getetag", false) if !tag.ends_with('/') => etag = unescape(text.trim()),
            ("response", true) => {
                if let Some(h) = href.take() {
                    if !h.ends_with('/') {
                        let file = h.rsplit('/').next().unwrap_or("").to_string();
                        if !file.is_empty() {
                            found.push(Listed {
                                name: file,
                                etag: etag.clone(),
                            });
                        }
                    }
                }
            }
            _ => {}
        }
        rest = text_after;
    }
    found
}
