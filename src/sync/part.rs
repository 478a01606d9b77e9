//! Sync's working code (the session's steps and the merge, the WebDAV requests, reading and
//! saving its state, carried files) is a part of its own, fetched when Tend opens on a device
//! where sync is set up, or when "Your data" is opened, so a first visit and every device that
//! does not sync download none of it (issue 21; `crate::parts`). Until it is here the store can
//! only learn that sync is not set up, or why the part could not be fetched.

use super::{driver, SyncMsg};
use crate::parts::{fetch_part, split_point, Missing};
use crate::store::{AppState, Store};
use std::cell::Cell;

/// What the part does, once it has arrived.
#[derive(Clone, Copy)]
pub struct Steps {
    /// Runs one sync message against the app state.
    pub reduce: fn(&mut AppState, SyncMsg),
    /// Reads the stored set-up, once the data is unlocked (or not locked).
    pub load: fn(&Store),
    /// Carries out the step the session is at.
    pub act: fn(&Store),
    /// Saves sync's state.
    pub save: fn(&Store),
    /// Writes the times of this tab's noted changes.
    pub note: fn(&Store),
}

split_point!(
    sync,
    sync_part,
    Steps,
    Steps {
        reduce: super::reduce,
        load: driver::load,
        act: driver::act,
        save: driver::save,
        note: driver::note,
    }
);

thread_local! {
    /// The part's steps, once fetched.
    static STEPS: Cell<Option<Steps>> = const { Cell::new(None) };
}

/// The part's steps, if it has arrived.
pub fn steps() -> Option<Steps> {
    STEPS.with(Cell::get)
}

/// Fetches the part (once) and hands back its steps.
pub async fn ensure() -> Result<Steps, Missing> {
    if let Some(steps) = steps() {
        return Ok(steps);
    }
    let steps = fetch_part!(sync_part)?;
    STEPS.with(|s| s.set(Some(steps)));
    Ok(steps)
}

/// Runs a sync message: through the part once it is here. Before, the only messages are that
/// nothing is set up or that the part could not be fetched, which need none of its code.
pub fn reduce(app: &mut AppState, msg: SyncMsg) {
    match (steps(), msg) {
        (Some(steps), msg) => (steps.reduce)(app, msg),
        (None, SyncMsg::Loaded(Ok(None))) => app.sync.loaded = true,
        (None, SyncMsg::Loaded(Err(why))) => {
            app.sync.loaded = true;
            app.sync.problem = Some(why);
        }
        (None, _) => {}
    }
}
