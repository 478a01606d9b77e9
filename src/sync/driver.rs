//! The driver: carries out the step the store's sync side is at (list, fetch, upload) with the
//! WebDAV client and reports each answer back; reads and saves the sync state; and starts a
//! sync when Tend opens, a few seconds after each change, when the network comes back and every
//! few minutes while open.

use super::{Fresh, Step, SyncMsg, Synced};
use crate::platform::{self, lock::random_bytes, lock::KeyHandle, webdav};
use crate::store::{Msg, Store};
use std::cell::RefCell;
use std::rc::Rc;
use tend_core::storage::SyncChunks;
use tend_core::sync::{ServerSettings, SyncKey};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How long after a change Tend syncs, and how often it syncs while open.
const AFTER_CHANGE_MS: i32 = 4_000;
const EVERY_MS: i32 = 5 * 60 * 1000;

/// Why sync did not start when its part of the app could not be fetched.
const UNFETCHED: &str = "Sync could not start: its part of Tend has not been downloaded to this device yet, and the server did not answer. It starts again the next time Tend opens with a connection.";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Fresh time and randomness for a reducer step (a zero nonce if the browser gave none: the
/// core then refuses to seal, and the sync fails with a message), with the times of local
/// changes every tab has noted.
fn fresh(key: Option<&KeyHandle>) -> Fresh {
    Fresh {
        now: u64::try_from(platform::now_ms()).unwrap_or(0),
        name: hex(&random_bytes::<12>().unwrap_or([0; 12])),
        nonce: random_bytes().unwrap_or([0; 24]),
        edits: Rc::new(platform::load_edits(key)),
    }
}

/// This device's default name, from the browser's user agent alone ("Firefox on Mac").
pub fn default_device_name() -> String {
    let agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    tend_core::sync::default_name(&agent)
}

/// A new random device id.
pub fn new_device_id() -> String {
    hex(&random_bytes::<9>().unwrap_or([0; 9]))
}

fn send(store: &Store, msg: SyncMsg) {
    store.dispatch(Msg::Sync(msg));
}

/// Reads the sync state once the data is unlocked (or not locked).
pub fn load(store: &Store) {
    let found = platform::load_sync(store.key.as_ref()).and_then(|found| {
        found
            .map(|stored| {
                let key = stored
                    .state
                    .key
                    .as_ref()
                    .and_then(SyncKey::from_stored)
                    .ok_or(
                        "This device's copy of the sync key is damaged; leave sync and join again.",
                    )?;
                Ok((
                    Synced {
                        state: stored.state,
                        replica: Rc::new(stored.replica),
                        key: Rc::new(key),
                    },
                    stored.chunks,
                ))
            })
            .transpose()
    });
    match found {
        Ok(Some((synced, chunks))) => {
            CHUNKS.with(|c| *c.borrow_mut() = chunks);
            send(store, SyncMsg::Loaded(Ok(Some(Rc::new(synced)))));
        }
        Ok(None) => send(store, SyncMsg::Loaded(Ok(None))),
        Err(why) => send(store, SyncMsg::Loaded(Err(why))),
    }
}

thread_local! {
    /// Where the stored replica's chunks are: the driver's own bookkeeping between saves.
    static CHUNKS: RefCell<SyncChunks> = RefCell::new(SyncChunks::default());
}

/// Saves sync's state (changed chunks only, unless the lock changed).
pub fn save(store: &Store) {
    let Some(synced) = store.sync.synced.clone() else {
        return;
    };
    let before = CHUNKS.with(|c| c.borrow().clone());
    match platform::save_sync(
        store.key.as_ref(),
        &before,
        &synced.state,
        &synced.replica,
        store.sync.rewrite,
    ) {
        Ok(after) => {
            CHUNKS.with(|c| *c.borrow_mut() = after);
            // The stamps are stored: the times they were made from may go. A failure only
            // leaves times a later sync finds nothing to stamp with.
            let _ = platform::forget_edits(store.key.as_ref(), &store.sync.stamped);
            if store.sync.rewrite {
                let _ = platform::reseal_edits(store.key.as_ref());
            }
        }
        // Another tab synced meanwhile: take what it stored (the next sync repeats anything
        // this tab's state had that it lacks; merging twice changes nothing).
        Err(tend_core::storage::SaveError::Stale) => load(store),
        Err(e) => send(store, SyncMsg::SaveFailed(e.message())),
    }
}

/// Forgets the stored set-up (leaving sync): the keys and this tab's note of its chunks.
pub fn forget_stored() {
    platform::remove_sync();
    CHUNKS.with(|c| *c.borrow_mut() = SyncChunks::default());
}

fn server_of(store: &Store) -> Option<ServerSettings> {
    store.sync.synced.as_ref()?.state.server.clone()
}

/// Carries out the current step.
pub fn act(store: &Store) {
    let Some(server) = server_of(store) else {
        return;
    };
    let store = store.clone();
    let key = store.key.clone();
    match store.sync.step.clone() {
        Step::Idle => {}
        Step::List => spawn_local(async move {
            let listing = webdav::list(&server).await;
            send(&store, SyncMsg::Listed(listing, fresh(key.as_ref())));
        }),
        Step::Fetch(names) => spawn_local(async move {
            let mut files = Vec::new();
            for name in names.iter() {
                match webdav::get(&server, name).await {
                    Ok(file) => files.push(file),
                    Err(e) => return send(&store, SyncMsg::Fetched(Err(e), fresh(key.as_ref()))),
                }
            }
            send(&store, SyncMsg::Fetched(Ok(files), fresh(key.as_ref())));
        }),
        Step::Upload(upload) => spawn_local(async move {
            let done = webdav::put_new(&server, &upload.name, &upload.text).await;
            send(&store, SyncMsg::Uploaded(done));
        }),
        Step::Delete(names) => spawn_local(async move {
            let mut done = Vec::new();
            for name in names.iter() {
                if let Err(e) = webdav::delete(&server, name).await {
                    return send(&store, SyncMsg::Deleted(done, Err(e)));
                }
                done.push(name.clone());
            }
            send(&store, SyncMsg::Deleted(done, Ok(())));
        }),
    }
}

/// Writes the times of this tab's changes, added to what is stored. A failure (storage full) is
/// not shown: the change is then stamped with the sync's time.
pub fn note(store: &Store) {
    let _ = platform::note_edits(store.key.as_ref(), &store.sync.edits);
}

/// A listener for the window's `online` event; dropping it stops listening.
struct Online(Closure<dyn FnMut()>);

impl Drop for Online {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ =
                w.remove_event_listener_with_callback("online", self.0.as_ref().unchecked_ref());
        }
    }
}

/// When Tend opens: fetches sync's part and reads the set-up, where there is one.
fn open(store: Store) {
    if !platform::sync_stored() {
        return send(&store, SyncMsg::Loaded(Ok(None)));
    }
    spawn_local(async move {
        match super::part::ensure().await {
            Ok(steps) => (steps.load)(&store),
            Err(_) => send(&store, SyncMsg::Loaded(Err(UNFETCHED.into()))),
        }
    });
}

/// Runs sync for the app: call once, from the root component.
#[hook]
pub fn use_sync(store: &Store) {
    {
        let store = store.clone();
        let ready = !store.locked_out() && !store.sync.loaded;
        use_effect_with(ready, move |ready| {
            if *ready {
                open(store);
            }
        });
    }
    {
        let store = store.clone();
        use_effect_with(store.sync.serial, move |_| {
            if let Some(steps) = super::part::steps() {
                (steps.act)(&store);
            }
        });
    }
    {
        let store = store.clone();
        use_effect_with(
            store.sync.save_serial,
            move |serial| match super::part::steps() {
                Some(steps) if *serial > 0 => (steps.save)(&store),
                _ => {}
            },
        );
    }
    {
        // The times of this tab's changes, added to what is stored as each is noted.
        let store = store.clone();
        use_effect_with(
            store.sync.edits_serial,
            move |serial| match super::part::steps() {
                Some(steps) if *serial > 0 => (steps.note)(&store),
                _ => {}
            },
        );
    }
    let set_up = store.sync.synced.is_some();
    {
        // Every few minutes, and whenever the network comes back.
        let dispatcher = store.dispatcher();
        use_effect_with(set_up, move |set_up| {
            let mut held = None;
            if *set_up {
                let tick = dispatcher.clone();
                let timer = platform::every(EVERY_MS, move || {
                    tick.dispatch(Msg::Sync(SyncMsg::Start));
                });
                let back = Closure::<dyn FnMut()>::new(move || {
                    dispatcher.dispatch(Msg::Sync(SyncMsg::Start));
                });
                let online = web_sys::window().and_then(|w| {
                    w.add_event_listener_with_callback("online", back.as_ref().unchecked_ref())
                        .ok()
                        .map(|()| Online(back))
                });
                held = Some((timer, online));
            }
            move || drop(held)
        });
    }
    {
        // A few seconds after each change.
        let dispatcher = store.dispatcher();
        let pending = use_mut_ref(|| None);
        let revision = store.doc().revision;
        use_effect_with((revision, set_up), move |(_, set_up)| {
            if *set_up {
                *pending.borrow_mut() = platform::after(AFTER_CHANGE_MS, move || {
                    dispatcher.dispatch(Msg::Sync(SyncMsg::Start));
                });
            }
        });
    }
}
