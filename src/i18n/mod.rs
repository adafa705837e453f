//! UI text in 中文 and English: typed keys, one table per area of the page.
//!
//! Each area (a component or a group of them) declares its keys with [`texts!`], which makes an
//! enum, its table (Chinese, English) and its list of keys. The page asks for text through
//! [`Texts::get`] in the reader's [`Lang`]. A key whose Chinese is missing (`None`) falls back to
//! the English *visibly* (marked `[EN]`), and `tests::every_key_has_both_languages` fails on it.
//! Templates may hold `{0}`, `{1}`, … filled by [`Texts::fill`].

pub mod answers;
pub mod bank_scene;
pub mod controls;
pub mod interleave;
pub mod lang_compare;
pub mod lesson_nav;
pub mod procs;
pub mod steps;

use crate::link::Lang;

pub mod history;
pub mod insights;
pub mod pool_status;
pub mod pyapi;
pub mod python;
pub mod results;
pub mod visuals;
pub mod welcome;

/// A table of UI texts: an enum of keys with Chinese and English for each.
pub trait Texts: Copy + 'static {
    /// Every key, for the completeness test.
    const ALL: &'static [Self];
    /// The key's Chinese (None = not yet translated) and English text.
    fn pair(self) -> (Option<&'static str>, &'static str);

    /// The text in `lang`. In [`Lang::Both`] the notes stand side by side, and the page's own
    /// labels stay in one language, Chinese (doubled labels made every button twice as long).
    fn get(self, lang: Lang) -> String {
        let (zh, en) = self.pair();
        let zh = zh.map_or_else(|| format!("[EN] {en}"), str::to_string);
        match lang {
            Lang::Zh | Lang::Both => zh,
            Lang::En => en.to_string(),
        }
    }

    /// The text in `lang` with `{0}`, `{1}`, … replaced by `args` (in each language).
    fn fill(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        let mut text = self.get(lang);
        for (i, arg) in args.iter().enumerate() {
            text = text.replace(&format!("{{{i}}}"), &arg.to_string());
        }
        text
    }
}

/// Declares a table of texts:
/// `texts! { pub enum Ui { Run => ("运行", "Run"), Later => (None, "Not yet") } }`.
/// Chinese may be a string literal or `None`.
#[macro_export]
macro_rules! texts {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($key:ident => ($zh:tt, $en:expr)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name { $($key),+ }

        impl $crate::i18n::Texts for $name {
            const ALL: &'static [Self] = &[$($name::$key),+];
            fn pair(self) -> (Option<&'static str>, &'static str) {
                match self {
                    $($name::$key => ($crate::texts!(@zh $zh), $en)),+
                }
            }
        }
    };
    (@zh None) => { None };
    (@zh $zh:expr) => { Some($zh) };
}

/// A table's name and its keys' (Chinese, English) pairs.
#[cfg(test)]
type Table = (&'static str, Vec<(Option<&'static str>, &'static str)>);

/// Every table of the page, for the completeness test.
#[cfg(test)]
fn all_tables() -> Vec<Table> {
    fn table<T: Texts>(name: &'static str) -> Table {
        (name, T::ALL.iter().map(|k| k.pair()).collect())
    }
    vec![
        // One line per table of the page.
        table::<controls::Ui>("controls"),
        table::<controls::LinkNoticeText>("link notices"),
        table::<controls::WorkloadName>("workload names"),
        table::<controls::ParamName>("parameter names"),
        table::<controls::ExecutorName>("executor names"),
        table::<lang_compare::CompareText>("language comparison"),
        table::<procs::ProcsText>("procs"),
        table::<bank_scene::SceneText>("bank scene"),
        table::<lesson_nav::NavText>("lesson nav"),
        table::<history::HistoryText>("history"),
        table::<pool_status::PoolText>("pool status"),
        table::<pyapi::ApiText>("python api"),
        table::<python::PyText>("python runner"),
        table::<visuals::VisualsText>("visuals"),
        table::<results::RunText>("runs"),
        table::<results::SweepText>("thread sweep"),
        table::<insights::InsightText>("insights"),
        table::<welcome::WelcomeText>("welcome"),
        table::<steps::StepText>("steps"),
        table::<interleave::IlText>("interleave"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::texts! {
        pub enum Sample {
            Run => ("运行", "Run"),
            Threads => ("{0} 个线程", "{0} threads"),
        }
    }

    crate::texts! {
        enum Untranslated { Later => (None, "Not yet") }
    }

    #[test]
    fn every_key_has_both_languages() {
        let mut missing = Vec::new();
        for (name, pairs) in all_tables() {
            for (zh, en) in pairs {
                if zh.is_none_or(|z| z.trim().is_empty()) || en.trim().is_empty() {
                    missing.push(format!("{name}: {zh:?} / {en:?}"));
                }
            }
        }
        assert!(missing.is_empty(), "untranslated UI text: {missing:#?}");
    }

    #[test]
    fn each_language_and_both() {
        assert_eq!(Sample::Run.get(Lang::Zh), "运行");
        assert_eq!(Sample::Run.get(Lang::En), "Run");
        assert_eq!(Sample::Run.get(Lang::Both), "运行");
    }

    #[test]
    fn templates_are_filled_in_every_language() {
        assert_eq!(Sample::Threads.fill(Lang::Both, &[&4]), "4 个线程");
        assert_eq!(Sample::Threads.fill(Lang::En, &[&4]), "4 threads");
    }

    #[test]
    fn a_missing_translation_falls_back_visibly() {
        assert_eq!(Untranslated::Later.get(Lang::Zh), "[EN] Not yet");
        assert_eq!(Untranslated::Later.get(Lang::En), "Not yet");
    }
}
