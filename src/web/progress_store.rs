//! The learner's progress (`crate::progress`) in `localStorage`. Storage may be disabled, full
//! or hold anything: loading never fails (the core decides what the text means) and saving
//! reports failure so the page can say the progress is kept for this visit only.

use crate::progress::{Loaded, Progress};

const KEY: &str = "concurrency-playground.progress";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What is stored, read through the core's tolerant decoder.
pub fn load() -> Loaded {
    match storage().and_then(|s| s.get_item(KEY).ok().flatten()) {
        Some(text) => Progress::decode(&text),
        None => Loaded::Nothing,
    }
}

/// Stores `progress` (an empty record removes the key); false when the browser refused.
pub fn save(progress: &Progress) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    if progress.is_empty() {
        storage.remove_item(KEY).is_ok()
    } else {
        storage.set_item(KEY, &progress.encode()).is_ok()
    }
}

use std::rc::Rc;

use yew::prelude::*;

use crate::progress::{ProgressAction, ProgressState};

impl Reducible for ProgressState {
    type Action = ProgressAction;

    fn reduce(self: Rc<Self>, action: ProgressAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

/// The progress record, loaded once, kept in step with the page (`lesson` opened, each new
/// finished run counted as a demo of it) and saved on every change.
#[hook]
pub fn use_progress(lesson: Option<String>, finished_runs: u32) -> UseReducerHandle<ProgressState> {
    let state = use_reducer(|| {
        let loaded = load();
        if loaded == Loaded::Corrupt {
            // Clear it now, so the notice is shown once rather than at every visit.
            save(&Progress::default());
        }
        ProgressState::default().apply(ProgressAction::Loaded(loaded))
    });
    {
        let dispatch = state.dispatcher();
        use_effect_with(lesson.clone(), move |lesson| {
            if let Some(id) = lesson {
                dispatch.dispatch(ProgressAction::Opened(id.clone()));
            }
        });
    }
    {
        let dispatch = state.dispatcher();
        use_effect_with(finished_runs, move |&n| {
            if let (true, Some(id)) = (n > 0, lesson) {
                dispatch.dispatch(ProgressAction::Ran(id));
            }
        });
    }
    // What storage holds, so that only changes are written (and a browser that cannot store
    // is told once it matters, not at every start).
    let saved = use_mut_ref(|| state.progress.encode());
    {
        let dispatch = state.dispatcher();
        let saved = saved.clone();
        use_effect_with(state.progress.clone(), move |progress| {
            let text = progress.encode();
            if *saved.borrow() != text {
                if save(progress) {
                    *saved.borrow_mut() = text;
                } else {
                    dispatch.dispatch(ProgressAction::SaveFailed);
                }
            }
        });
    }
    state
}
