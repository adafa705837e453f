//! Comparing two kept runs: which was faster and by how much, whether they agree, and what
//! differed between them (configuration and environment), so a timing is never compared blind.

use super::{Entry, Outcome};
use crate::link::query::split;

/// Link keys that do not change what runs: left out of the differences.
const PRESENTATION: [&str; 4] = ["v", "lang", "view", "lesson"];

/// One thing that differs between the two runs: its name (a link key such as `n` or `tasks`,
/// or `executor`, `threads`, `outcome`, `logical_processors`, `browser`, `isolated`) and
/// both values as text (empty when a run has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub name: String,
    pub a: String,
    pub b: String,
}

/// What two entries say side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// `b`'s wall time ÷ `a`'s: above 1, `a` was that many times faster.
    pub ratio: Option<f64>,
    /// Whether both completed with the same answer (None: not both completed, or different
    /// workloads, so answers say nothing about each other).
    pub same_answer: Option<bool>,
    pub differences: Vec<Difference>,
}

pub fn compare(a: &Entry, b: &Entry) -> Comparison {
    let ratio = (a.wall_ms > 0.0 && b.wall_ms > 0.0).then(|| b.wall_ms / a.wall_ms);
    let both_completed = a.outcome == Outcome::Completed && b.outcome == Outcome::Completed;
    let same_answer = (both_completed && a.workload == b.workload).then_some(a.answer == b.answer);
    let mut differences = Vec::new();
    let mut differ = |name: &str, x: String, y: String| {
        if x != y {
            differences.push(Difference {
                name: name.to_owned(),
                a: x,
                b: y,
            });
        }
    };
    differ("executor", a.executor.tag().into(), b.executor.tag().into());
    differ("threads", a.threads.to_string(), b.threads.to_string());
    differ("outcome", a.outcome.tag().into(), b.outcome.tag().into());
    // The configuration, key by key, in the order the first link writes them.
    let (pa, pb) = (split(&a.config), split(&b.config));
    let value = |pairs: &[crate::link::query::Pair], key: &str| {
        pairs
            .iter()
            .find(|p| p.key == key)
            .map(|p| p.value.clone())
            .unwrap_or_default()
    };
    let mut keys: Vec<&str> = Vec::new();
    for p in pa.iter().chain(pb.iter()) {
        // `t` is the threads, compared above from what the run used.
        if !PRESENTATION.contains(&p.key.as_str()) && p.key != "t" && !keys.contains(&&*p.key) {
            keys.push(&p.key);
        }
    }
    for key in keys {
        differ(key, value(&pa, key), value(&pb, key));
    }
    let opt = |v: Option<usize>| v.map_or_else(String::new, |n| n.to_string());
    differ(
        "logical_processors",
        opt(a.env.logical_processors),
        opt(b.env.logical_processors),
    );
    differ("browser", a.env.browser.clone(), b.env.browser.clone());
    let iso = |v: Option<bool>| v.map_or_else(String::new, |b| b.to_string());
    differ("isolated", iso(a.env.isolated), iso(b.env.isolated));
    Comparison {
        ratio,
        same_answer,
        differences,
    }
}
