//! Restoring from a backup file: choose a file, see what it would change and which records are
//! set aside for breaking a rule (#17), then restore (the current state is kept as a snapshot
//! first).

use crate::platform::{self, lock};
use crate::store::Msg;
use crate::views::common::use_store;
use std::rc::Rc;
use tend_core::exchange::{plan_restore, read_backup, BackupError, SetAside, MAX_IMPORT_BYTES};
use tend_core::lock::LockHeader;
use tend_core::storage::Cipher;
use tend_core::Journal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Where the restore flow stands.
#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    NeedPassphrase {
        bytes: Rc<Vec<u8>>,
        header: LockHeader,
    },
    Ready {
        journal: Journal,
        summary: String,
        restored: String,
        changes: bool,
        set_aside: Vec<SetAside>,
    },
    Problem(String),
}

fn examine(bytes: Rc<Vec<u8>>, cipher: Option<&dyn Cipher>, current: &Journal) -> Stage {
    match read_backup(&bytes, cipher) {
        Ok((_, journal)) => {
            let plan = plan_restore(current, &journal);
            if let Some(why) = plan.refused {
                return Stage::Problem(why);
            }
            Stage::Ready {
                summary: plan.describe(),
                restored: plan.preview.describe(),
                changes: !plan.is_noop(),
                journal: plan.records,
                set_aside: plan.set_aside,
            }
        }
        Err(BackupError::Locked(header)) => Stage::NeedPassphrase { bytes, header },
        Err(e) => Stage::Problem(e.to_string()),
    }
}

/// The restore controls of "Your data".
#[function_component(RestoreControls)]
pub fn restore_controls() -> Html {
    let store = use_store();
    let stage = use_state(|| Stage::Idle);
    let file_ref = use_node_ref();
    let pass_ref = use_node_ref();
    let Some(store) = store else {
        return html! {};
    };

    let on_file = {
        let (stage, store) = (stage.clone(), store.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (stage, store) = (stage.clone(), store.clone());
            platform::read_chosen_file(&input, MAX_IMPORT_BYTES, move |read| {
                stage.set(match read {
                    Ok(bytes) => examine(Rc::new(bytes), None, &store.doc().payload),
                    Err(0) => Stage::Problem("The file could not be read.".into()),
                    Err(bytes) => Stage::Problem(BackupError::TooLarge { bytes }.to_string()),
                });
            });
            input.set_value("");
        })
    };
    let on_passphrase = {
        let (stage, store, pass_ref) = (stage.clone(), store.clone(), pass_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Stage::NeedPassphrase { bytes, header } = (*stage).clone() else {
                return;
            };
            let passphrase = pass_ref
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            stage.set(match lock::unlock(&passphrase, &header) {
                Ok(key) => examine(bytes, Some(&lock::Sealer(key)), &store.doc().payload),
                Err(problem) => Stage::Problem(problem.to_string()),
            });
        })
    };
    let on_restore = {
        let (stage, store) = (stage.clone(), store.clone());
        Callback::from(move |_: MouseEvent| {
            if let Stage::Ready {
                journal, restored, ..
            } = (*stage).clone()
            {
                store.dispatch(Msg::Import {
                    journal,
                    done: format!("Restored from the backup: {restored} The state before was kept as a snapshot."),
                });
                stage.set(Stage::Idle);
            }
        })
    };
    let on_cancel = {
        let stage = stage.clone();
        Callback::from(move |_: MouseEvent| stage.set(Stage::Idle))
    };

    html! {
        <div class="restore" data-testid="restore">
            <h3>{"Restore from a backup"}</h3>
            <div class="field">
                <label for="restore-file">{"Backup file"}</label>
                <input id="restore-file" type="file" accept=".json,application/json"
                    ref={file_ref} onchange={on_file} disabled={store.read_only()} />
            </div>
            { match &*stage {
                Stage::Idle => html! {},
                Stage::Problem(message) => html! {
                    <p class="field-error" role="alert" data-testid="restore-message">{message.clone()}</p>
                },
                Stage::NeedPassphrase { .. } => html! {
                    <form class="lock-form" onsubmit={on_passphrase}>
                        <p role="status" data-testid="restore-message">{"This backup is locked with a passphrase."}</p>
                        <div class="field">
                            <label for="restore-passphrase">{"Backup passphrase"}</label>
                            <input id="restore-passphrase" type="password" autocomplete="current-password" ref={pass_ref} />
                        </div>
                        <button type="submit">{"Open the backup"}</button>
                    </form>
                },
                Stage::Ready { summary, changes, set_aside, .. } => html! {
                    <div role="status" data-testid="restore-preview">
                        <p>{format!("This backup holds {summary}")}</p>
                        if !set_aside.is_empty() {
                            <ul data-testid="restore-set-aside">
                                { for set_aside.iter().map(|s| html! {
                                    <li>{format!("{}: {}", s.record, s.reason)}</li>
                                }) }
                            </ul>
                        }
                        <button type="button" class="primary" onclick={on_restore} disabled={!changes}>
                            { if *changes { "Restore" } else { "Nothing to restore" } }
                        </button>
                        <button type="button" class="quiet" onclick={on_cancel}>{"Cancel"}</button>
                    </div>
                },
            } }
        </div>
    }
}
