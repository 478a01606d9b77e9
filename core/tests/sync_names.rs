//! Device names: a name is kept trimmed and short, refused in words when empty, too long or
//! holding control characters; the default comes from the user agent alone; a name travels
//! sealed in the body (never in the clear header), reaches the other devices, follows a rename,
//! and a file without a name (an older build's) or with a bad one still opens.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sync_server;

use proptest::prelude::*;
use sync_server::*;
use tend_core::sync::names::{MAX_NAME_CHARS, PLAIN_NAME};
use tend_core::sync::{
    default_name, device_name, open_named, write_file, write_named, DeviceId, FileHeader,
    NameError, Replica, SyncKey,
};

const MINUTE: u64 = 60_000;

#[test]
fn a_name_is_trimmed_or_refused_in_words() {
    assert_eq!(device_name("  Work   laptop ").unwrap(), "Work laptop");
    assert_eq!(device_name("Téléphone 📱").unwrap(), "Téléphone 📱");
    let longest = "é".repeat(MAX_NAME_CHARS);
    assert_eq!(device_name(&longest).unwrap(), longest);
    let cases = [
        ("   ", NameError::Empty),
        ("Lap\ntop", NameError::Control),
        ("Lap\u{1b}[31mtop", NameError::Control),
        ("Tab\there", NameError::Control),
        (
            &*"x".repeat(MAX_NAME_CHARS + 1),
            NameError::TooLong(MAX_NAME_CHARS + 1),
        ),
    ];
    for (text, why) in cases {
        let err = device_name(text).unwrap_err();
        assert_eq!(err, why, "{text:?}");
        assert!(err.to_string().ends_with('.'), "{err}");
    }
}

#[test]
fn the_default_name_comes_from_the_user_agent() {
    let cases = [
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0",
            "Firefox on Mac",
        ),
        (
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) \
             Chrome/126.0.0.0 Mobile Safari/537.36",
            "Chrome on Android",
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 \
             (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Safari on iPhone",
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) \
             Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
            "Edge on Windows",
        ),
        (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
             HeadlessChrome/131.0.0.0 Safari/537.36",
            "Chrome on Linux",
        ),
        ("", PLAIN_NAME),
        ("curl/8.5.0", PLAIN_NAME),
    ];
    for (agent, name) in cases {
        assert_eq!(default_name(agent), name, "{agent}");
    }
}

proptest! {
    /// Whatever is typed, a kept name is short, trimmed, free of control characters, and kept
    /// again unchanged; every default name is a valid one.
    #[test]
    fn kept_names_are_clean(text in "\\PC{0,50}|[ a-z\\t\\n]{0,50}", agent in "\\PC{0,80}") {
        if let Ok(name) = device_name(&text) {
            prop_assert!(name.chars().count() <= MAX_NAME_CHARS);
            prop_assert!(!name.chars().any(char::is_control));
            prop_assert_eq!(name.trim(), name.as_str());
            prop_assert!(!name.contains("  "));
            prop_assert_eq!(device_name(&name).unwrap(), name);
        }
        let default = default_name(&agent);
        prop_assert_eq!(device_name(&default).unwrap(), default);
    }
}

/// The laptop's name reaches the phone sealed, and a rename reaches it with the next sync even
/// when nothing else changed.
#[test]
fn a_name_travels_sealed_and_follows_a_rename() {
    let key = group_key();
    let mut laptop = Device::new("laptop", &key);
    let mut phone = Device::new("phone", &key);
    laptop.state.name = Some("Laptop".into());
    phone.state.name = Some("Phone".into());
    let mut server = Server::default();
    laptop.sync(&mut server, START_MS).unwrap();
    phone.sync(&mut server, START_MS + MINUTE).unwrap();
    for (_, text) in server.files.values() {
        let head = text.split('\n').next().unwrap();
        assert!(
            !head.contains("Laptop") && !head.contains("Phone"),
            "{head}"
        );
    }
    let laptop_id = DeviceId("laptop".into());
    assert_eq!(
        phone.state.devices[&laptop_id].name.as_deref(),
        Some("Laptop")
    );
    laptop.sync(&mut server, START_MS + 2 * MINUTE).unwrap();
    assert_eq!(
        laptop.state.devices[&DeviceId("phone".into())]
            .name
            .as_deref(),
        Some("Phone")
    );
    let files = server.files.len();
    laptop.sync(&mut server, START_MS + 3 * MINUTE).unwrap();
    assert_eq!(server.files.len(), files, "nothing new, nothing uploaded");
    laptop.state.name = Some("Work laptop".into());
    laptop.sync(&mut server, START_MS + 4 * MINUTE).unwrap();
    assert_eq!(server.files.len(), files + 1, "the rename is uploaded");
    phone.sync(&mut server, START_MS + 5 * MINUTE).unwrap();
    assert_eq!(
        phone.state.devices[&laptop_id].name.as_deref(),
        Some("Work laptop")
    );
    assert_eq!(phone.journal, laptop.journal);
}

fn header(key: &SyncKey) -> FileHeader {
    let device = DeviceId("laptop".into());
    FileHeader {
        format: "tend-sync".into(),
        version: 1,
        lock: key.header.clone(),
        device: device.clone(),
        seq: 1,
        clock: tend_core::sync::Stamp {
            millis: START_MS,
            counter: 0,
            device,
        },
        since: None,
    }
}

/// A file without a name (as builds before names wrote) opens with none, and one whose name is
/// not a valid one opens with the name left out.
#[test]
fn files_without_a_name_or_with_a_bad_one_still_open() {
    let key = SyncKey::from_stored(&group_key()).unwrap();
    let head = header(&key);
    let body = Replica::default();
    let older = write_file(&key, &head, &body, [1; 24]).unwrap();
    let (_, opened, name) = open_named(&key, &older).unwrap();
    assert_eq!((opened, name), (body.clone(), None));
    let bad = write_named(&key, &head, &body, Some("Lap\ntop"), [2; 24]).unwrap();
    assert_eq!(open_named(&key, &bad).unwrap().2, None);
    let good = write_named(&key, &head, &body, Some("Laptop"), [3; 24]).unwrap();
    assert_eq!(
        open_named(&key, &good).unwrap().2.as_deref(),
        Some("Laptop")
    );
    assert!(!good.split('\n').next().unwrap().contains("Laptop"));
}
