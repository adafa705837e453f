//! The learner's preferences kept in the browser (`localStorage`), and the browser's language.
//! Storage may be disabled or full: every call here fails quietly and the app works on.

use crate::link::Lang;

const LANG_KEY: &str = "concurrency-playground.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language the learner chose last time, if any.
pub fn stored_lang() -> Option<Lang> {
    Lang::from_tag(&storage()?.get_item(LANG_KEY).ok().flatten()?)
}

pub fn store_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.tag());
    }
}

/// 中文 for a browser whose first language is Chinese, English otherwise.
pub fn browser_lang() -> Lang {
    let language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if language.starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}
