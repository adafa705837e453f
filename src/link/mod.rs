//! Share links: the whole demo configuration in a URL fragment, and back.
//!
//! Modelled on Excalidraw's links: one explicit table of what a link may carry
//! ([`fields::FIELDS`]); decoding overlays what the link holds onto the defaults, clamps every
//! value, reads a version tag and migrates old versions ([`migrate`]); the parser has no side
//! effects and reports what it dropped ([`Notice`]). A link looks like
//! `v=1&w=primes&n=3000000&tasks=64&list=0&x=main,pool&t=4&view=timeline&lang=zh`.

mod decode;
mod encode;
pub mod fields;
pub mod lang;
pub mod migrate;
pub mod notice;
pub mod query;
pub mod view;

#[cfg(test)]
mod tests;

pub use decode::decode;
pub use encode::encode;
pub use lang::Lang;
pub use notice::Notice;
pub use view::View;

use crate::engine::fault::Fault;
use crate::executor::Executor;
use crate::param::Values;
use crate::workload::{self, WorkloadDef};

/// The longest link (in bytes, after the `#`) that is read at all. Links the app writes are a
/// few hundred bytes, plus the lesson's edited Python if any (`py=`, at most
/// [`crate::pyrun::code::MAX_BYTES`], each byte at most 3 when escaped); anything longer is not
/// one of them, and is rejected without being read.
pub const MAX_LEN: usize = 2_048 + 3 * crate::pyrun::code::MAX_BYTES;

/// Everything a link sets up: which demo, its sizes, where it runs, and how the page shows it.
#[derive(Debug, Clone)]
pub struct LinkConfig {
    /// The lesson to open, an id of the form `[a-z0-9-]{1,40}`.
    pub lesson: Option<String>,
    /// The lesson's step, by key (same form as a lesson id).
    pub step: Option<String>,
    pub workload: &'static WorkloadDef,
    /// The workload's parameter values (read through their bounds).
    pub values: Values,
    /// The executors to run on: non-empty, each once, in [`Executor::ALL`] order.
    pub executors: Vec<Executor>,
    /// Threads for pool runs (1..=`MAX_THREADS`); `None`: the machine's default.
    pub threads: Option<usize>,
    pub fault: Fault,
    pub view: View,
    pub lang: Lang,
    /// The bank scene, opened in this mode.
    pub scene: Option<crate::bank_scene::Mode>,
    /// The Python API call the demo shows over its runs (`api=`).
    pub api: crate::pyapi::ApiCall,
    /// The simulated GIL's switch interval, µs (`si=`, within [`fields::SWITCH_US`]).
    pub switch_us: u64,
    /// The interleaving stepper's scenario and schedule (`il=`, see `interleave::decode`).
    pub interleave: Option<String>,
    /// The lesson's snippet as the learner edited it (`py=`, cleaned by `pyrun::code::clean`;
    /// only with a lesson). It never runs until the learner presses Run.
    pub code: Option<String>,
}

impl Default for LinkConfig {
    fn default() -> Self {
        LinkConfig {
            lesson: None,
            step: None,
            workload: &workload::primes::DEF,
            values: Values::default(),
            executors: vec![Executor::Main, Executor::Pool],
            threads: None,
            fault: Fault::None,
            view: View::default(),
            lang: Lang::default(),
            scene: None,
            api: crate::pyapi::ApiCall::None,
            switch_us: fields::SWITCH_US.default,
            interleave: None,
            code: None,
        }
    }
}

/// Two configurations are equal when they set up the same demo: `values` are compared through
/// the workload's parameters (a value left at its default equals the default written out, and
/// values of other workloads' parameters do not matter).
impl PartialEq for LinkConfig {
    fn eq(&self, other: &Self) -> bool {
        self.lesson == other.lesson
            && self.step == other.step
            && self.workload == other.workload
            && self
                .workload
                .params
                .iter()
                .all(|p| self.values.get(p) == other.values.get(p))
            && self.executors == other.executors
            && self.threads == other.threads
            && self.fault == other.fault
            && self.view == other.view
            && self.lang == other.lang
            && self.scene == other.scene
            && self.api == other.api
            && self.switch_us == other.switch_us
            && self.interleave == other.interleave
            && self.code == other.code
    }
}

impl Eq for LinkConfig {}

/// What [`decode`] made of a link: a valid configuration, and what it did not take as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub config: LinkConfig,
    pub notices: Vec<Notice>,
}
