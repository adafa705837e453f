//! The page's first state and the effects that keep the browser in step with it.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::app_state::{Action, AppState, PyAction};
use crate::history::HistoryAction;
use crate::link;
use crate::web::{address, boot, browser, history_store, prefs, python_store};

/// The state a page opens in: the link in the address bar (which never starts a run), or the
/// language chosen last time; the kept runs; how isolation went so far.
pub fn first_state() -> AppState {
    let fragment = address::fragment();
    let state = AppState::default();
    let state = if fragment.is_empty() {
        // No link: the language chosen last time, else the browser's.
        let lang = prefs::stored_lang().unwrap_or_else(prefs::browser_lang);
        state.apply(Action::SetLang(lang))
    } else {
        state.apply(Action::OpenLink(link::decode(&fragment)))
    };
    state
        .apply(Action::History(HistoryAction::Opened {
            stored: history_store::load(),
            browser: crate::history::browser_name(&browser::user_agent()),
        }))
        .apply(Action::Isolation(browser::isolation()))
        // The learner's edits to the snippets (a link's code stays on top).
        .apply(Action::Python(PyAction::Loaded(python_store::load())))
}

/// What the browser tells the page once it is up: a link edited by hand, isolation gained
/// or lost, another tab's runs; and the start-up (the browser's facts, the pool).
#[hook]
pub fn use_page_events(dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let on_link = dispatch.clone();
        address::on_hash_change(move |fragment| {
            on_link.dispatch(Action::OpenLink(link::decode(&fragment)));
        });
        let on_isolation = dispatch.clone();
        browser::on_isolation_change(move || {
            on_isolation.dispatch(Action::Isolation(browser::isolation()))
        });
        // Another tab's runs join this tab's history instead of being written over.
        let on_history = dispatch.clone();
        history_store::on_other_tab_change(move |stored| {
            on_history.dispatch(Action::History(HistoryAction::Synced(stored)))
        });
        spawn_local(boot::boot(dispatch));
    });
}

/// Keeps the browser in step with the state: every change of the history saved (a failure
/// becomes a notice, never an error), the page's language on `<html>`, and the address bar
/// holding the link to what is on screen (returned, for the share box and the history).
#[hook]
pub fn use_kept_in_step(state: &UseReducerHandle<AppState>) -> String {
    {
        let dispatch = state.dispatcher();
        let entries = state.history.entries.clone();
        let since = state.history.since;
        use_effect_with(state.history.revision, move |_| {
            let saved = history_store::save(&entries, since);
            dispatch.dispatch(Action::History(HistoryAction::Saved(saved)));
        });
    }
    use_effect_with(state.lang, |lang| browser::show_lang(*lang));
    use_effect_with(state.edits.clone(), python_store::save);
    let fragment = state.link_fragment();
    use_effect_with(fragment.clone(), |fragment| {
        address::replace_fragment(fragment)
    });
    fragment
}
