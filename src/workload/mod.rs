//! The playground's workloads: the study notes' seven experiments as pure task plans.
//!
//! Each workload is a [`WorkloadDef`]: named, bounded parameters and a function that turns
//! parameter values into a [`Plan`] of resumable tasks. The same plan runs on every executor,
//! and each module's tests check that they agree.

use crate::engine::Plan;
use crate::param::{Param, Values};

pub mod bank;
pub mod convoy;
pub mod counter;
pub mod io;
mod opaque;
pub use opaque::opaque;
pub mod pi;
pub mod primes;
pub mod queue;
pub mod shared_list;
pub mod squares;

/// One workload: what the learner can set, and how to build its tasks.
pub struct WorkloadDef {
    /// Stable machine name (links, tests, CSS): `primes`, `counter`, …
    pub id: &'static str,
    /// The parameters the learner can set, in display order. Names are unique per workload.
    pub params: &'static [Param],
    /// Fresh tasks for one run.
    pub plan: fn(&Values) -> Plan,
    /// Rough single-thread time in ms on a typical laptop, before the page has measured this
    /// machine; used to refuse long synchronous main-thread runs unless confirmed.
    pub estimate_ms: fn(&Values) -> f64,
    /// Whether every executor must produce the same `Answer::value` (false where the lesson is
    /// that it does not: the bank without a lock).
    pub deterministic: fn(&Values) -> bool,
}

impl std::fmt::Debug for WorkloadDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkloadDef")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl PartialEq for WorkloadDef {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// Every workload, in the order the notes introduce them.
pub static ALL: [&WorkloadDef; 9] = [
    &counter::DEF,
    &primes::DEF,
    &squares::DEF,
    &pi::DEF,
    &io::DEF,
    &bank::DEF,
    &queue::DEF,
    &shared_list::DEF,
    &convoy::DEF,
];

pub fn by_id(id: &str) -> Option<&'static WorkloadDef> {
    ALL.iter().copied().find(|w| w.id == id)
}

/// Always true: for `WorkloadDef::deterministic` of workloads whose answer never varies.
pub fn always(_: &Values) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_param_names_are_unique_and_defaults_in_bounds() {
        let mut ids: Vec<_> = ALL.iter().map(|w| w.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
        for w in ALL {
            let mut names: Vec<_> = w.params.iter().map(|p| p.name).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), w.params.len(), "{}", w.id);
            for p in w.params {
                assert!(
                    p.min <= p.default && p.default <= p.max,
                    "{}.{}",
                    w.id,
                    p.name
                );
            }
            assert_eq!(by_id(w.id), Some(w));
        }
        assert_eq!(by_id("nope"), None);
    }

    #[test]
    fn default_plans_have_tasks_and_estimates() {
        for w in ALL {
            let v = Values::default();
            assert!(!(w.plan)(&v).tasks.is_empty(), "{}", w.id);
            let est = (w.estimate_ms)(&v);
            assert!(est.is_finite() && est > 0.0, "{}: {est}", w.id);
        }
    }
}
