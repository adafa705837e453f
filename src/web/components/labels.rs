//! Display names for workloads, parameters and executors, in the reader's language.

use crate::i18n::controls::{ExecutorName, ParamName, WorkloadName};
use crate::i18n::Texts;
use crate::link::Lang;

/// A workload's name.
pub fn workload(id: &str, lang: Lang) -> String {
    WorkloadName::of(id).get(lang)
}

/// A parameter's label.
pub fn param(name: &str, lang: Lang) -> String {
    ParamName::of(name).get(lang)
}

/// An executor's name.
pub fn executor(tag: &str, lang: Lang) -> String {
    ExecutorName::of(tag).get(lang)
}
