//! The merge step of a sync session, on the store's side: the local changes are stamped with
//! the times this tab and the others noted for them (`SyncSide::edits`, the stored notes), the
//! fetched files are merged, the merged journal is taken and this device's next file is
//! written. It lives apart from the other reducer steps because it is the one that touches the
//! journal and the noted times, and so that `mod.rs` stays short.

use super::{delete_or_finish, set_state, Fresh, Step};
use crate::store::AppState;
use std::rc::Rc;
use tend_core::sync::{outgoing, receive, sending, Fetched};
use tend_core::Action;

/// Stamps local changes, merges the fetched files, takes the merged journal and moves on to
/// the upload. Nothing changes if the merge is refused or the journal cannot take it.
pub(super) fn merge(app: &mut AppState, files: &[Fetched], fresh: &Fresh) {
    let Some(synced) = app.sync.synced.clone() else {
        return;
    };
    if app.read_only() {
        app.sync
            .fail("This tab is read-only; reload it to sync.".into(), false);
        return;
    }
    let current = app.doc().payload.clone();
    let mut state = synced.state.clone();
    state.edits.merge(&app.sync.edits);
    state.edits.merge(&fresh.edits);
    let got = match receive(
        &state,
        &synced.replica,
        &current,
        &synced.key,
        files,
        fresh.now,
    ) {
        Ok(got) => got,
        Err(e) => return app.sync.fail(e.to_string(), false),
    };
    if got.journal != current {
        let replaced = app.ledger.apply(
            Action::ReplaceAll(got.journal.clone()),
            crate::platform::BUILD,
            None,
        );
        if let Err(e) = replaced {
            return app
                .sync
                .fail(format!("The merged records were refused: {e}"), false);
        }
    }
    if let Some(words) = got.summary.describe() {
        app.notice(format!("Synced: {words}."), false);
    }
    Rc::make_mut(&mut app.sync.edits).forget(&state.edits);
    app.sync.stamped = Rc::new(state.edits);
    let next = outgoing(
        &got.state,
        &got.replica,
        &synced.key,
        &fresh.name,
        fresh.nonce,
    );
    let mut state = got.state;
    if let Ok(Some(upload)) = &next {
        sending(&mut state, upload);
    }
    set_state(app, &synced, state, Some(got.replica));
    match next {
        Ok(Some(upload)) => app.sync.go(Step::Upload(Rc::new(upload))),
        Ok(None) => delete_or_finish(app),
        Err(e) => app.sync.fail(e.to_string(), false),
    }
}
