//! Device names: what the clinician calls each device ("Laptop"), so the Sync card lists
//! "Laptop, last synced …" rather than a random id.
//!
//! A name travels inside the sealed body of the device's files, never in the clear header, so
//! the server learns nothing from it. A name is short, trimmed, its runs of spaces made one, and
//! holds no control characters; one read from a file that is not is left out (the file still
//! opens). The default comes from the browser's user agent only ("Firefox on Mac"), which the
//! page already has: nothing else about the device is read.

use super::clock::DeviceId;
use super::state::SyncState;
use std::fmt;

/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// The name when the user agent says nothing useful.
pub const PLAIN_NAME: &str = "This device";

/// Why a name was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameError {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`MAX_NAME_CHARS`].
    TooLong(usize),
    /// It holds a control character (a line break, a tab, an escape).
    Control,
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::Empty => f.write_str("Give this device a name, such as Laptop or Phone."),
            NameError::TooLong(n) => write!(
                f,
                "A device name can be at most {MAX_NAME_CHARS} characters; this one has {n}."
            ),
            NameError::Control => f.write_str(
                "A device name cannot hold line breaks, tabs or other control characters.",
            ),
        }
    }
}

impl std::error::Error for NameError {}

/// The name as kept: trimmed, each run of spaces one space; or why it is refused.
pub fn device_name(text: &str) -> Result<String, NameError> {
    if text.chars().any(|c| c.is_control()) {
        return Err(NameError::Control);
    }
    let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars = name.chars().count();
    if chars == 0 {
        return Err(NameError::Empty);
    }
    if chars > MAX_NAME_CHARS {
        return Err(NameError::TooLong(chars));
    }
    Ok(name)
}

/// A default name from the browser's user agent: "Firefox on Mac", "Chrome on Android", or
/// [`PLAIN_NAME`] when it names neither a browser nor a system Tend knows.
pub fn default_name(user_agent: &str) -> String {
    let has = |s: &str| user_agent.contains(s);
    let browser = if has("Edg/") || has("EdgA/") || has("EdgiOS/") {
        Some("Edge")
    } else if has("OPR/") {
        Some("Opera")
    } else if has("Firefox/") || has("FxiOS/") {
        Some("Firefox")
    } else if has("Chrome/") || has("CriOS/") || has("Chromium/") {
        Some("Chrome")
    } else if has("Safari/") {
        Some("Safari")
    } else {
        None
    };
    let system = if has("iPhone") {
        Some("iPhone")
    } else if has("iPad") {
        Some("iPad")
    } else if has("Android") {
        Some("Android")
    } else if has("Windows") {
        Some("Windows")
    } else if has("CrOS") {
        Some("ChromeOS")
    } else if has("Macintosh") || has("Mac OS X") {
        Some("Mac")
    } else if has("Linux") {
        Some("Linux")
    } else {
        None
    };
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} on {s}"),
        (Some(one), None) | (None, Some(one)) => one.to_string(),
        (None, None) => PLAIN_NAME.to_string(),
    }
}

/// Keeps each device's name from the newest of its files that carried one, no older than the
/// newest file merged before (`prior`); files without a name, from builds before names, leave
/// the name known as it was.
pub(crate) fn take_names(
    state: &mut SyncState,
    prior: &SyncState,
    mut names: Vec<(DeviceId, u64, Option<String>)>,
) {
    names.sort_by_key(|(_, seq, _)| *seq);
    for (device, seq, name) in names {
        let newest = prior.devices.get(&device).map_or(0, |d| d.seq);
        if let (Some(name), true) = (name, seq >= newest) {
            state.devices.entry(device).or_default().name = Some(name);
        }
    }
}
