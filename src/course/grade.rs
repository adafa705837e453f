//! A step's measured figure, the band it falls in, the learner's guess graded against it, and
//! the numbers its caption quotes — all from the runs the page holds.

use std::collections::BTreeMap;

use crate::app_state::RunRecord;
use crate::engine::analysis::{max_overlap, WORKING};
use crate::engine::RunEnd;
use crate::executor::Executor;
use crate::lessons::steps::Measure;

/// A finished, completed run of `tag`.
fn run<'a>(results: &'a BTreeMap<Executor, RunRecord>, tag: &str) -> Option<&'a RunRecord> {
    let r = results.get(&Executor::from_tag(tag)?)?;
    (r.output.end == RunEnd::Completed).then_some(r)
}

/// The measured value, once the runs it reads are in.
pub fn measure(m: &Measure, results: &BTreeMap<Executor, RunRecord>) -> Option<f64> {
    match m {
        Measure::Ratio(a, b) => {
            let (a, b) = (run(results, a)?, run(results, b)?);
            (b.output.wall_ms > 0.0).then(|| a.output.wall_ms / b.output.wall_ms)
        }
        Measure::Peak(a) => Some(max_overlap(&run(results, a)?.output.spans, &WORKING) as f64),
        Measure::Lost(a) => run(results, a)?.output.answer.figure("lost_updates"),
        Measure::Dropped(a) => Some(run(results, a)?.frames?.dropped as f64),
    }
}

/// The choice (0-based) a value falls in: the number of cut points at or below it.
pub fn band(value: f64, cuts: &[f64]) -> usize {
    cuts.iter().filter(|&&c| value >= c).count()
}

/// How a guess fared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Graded {
    /// The measured value (None for a question answered without a run).
    pub value: Option<f64>,
    /// The choice the measurement (or the answer key) makes right.
    pub right: usize,
    /// The learner's choice; None when they skipped.
    pub chosen: Option<usize>,
}

impl Graded {
    pub fn correct(&self) -> bool {
        self.chosen == Some(self.right)
    }
}

/// A ratio as the captions write it: 0.52, 1.04, 12.3.
pub fn ratio_text(r: f64) -> String {
    if r >= 10.0 {
        format!("{r:.1}")
    } else {
        format!("{r:.2}")
    }
}

/// Milliseconds as the captions write them: 0.42, 8.3, 412.
pub fn ms_text(ms: f64) -> String {
    if ms >= 100.0 {
        format!("{ms:.0}")
    } else if ms >= 1.0 {
        format!("{ms:.1}")
    } else {
        format!("{ms:.2}")
    }
}

/// The numbers a caption may quote, by placeholder name.
pub fn figures(
    results: &BTreeMap<Executor, RunRecord>,
    measure: Option<&Measure>,
    logical_processors: Option<usize>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (executor, r) in results {
        if r.output.end == RunEnd::Completed {
            let name = format!("{}_ms", executor.tag().replace('-', "_"));
            out.insert(name, ms_text(r.output.wall_ms));
        }
        if executor.needs_pool() {
            out.insert("threads".into(), r.threads.to_string());
        }
        // The bank's lost updates, the pool's run last (the main thread cannot lose any).
        if let Some(lost) = r.output.answer.figure("lost_updates") {
            out.insert("lost".into(), format!("{lost:.0}"));
        }
    }
    if let Some(n) = logical_processors {
        out.insert("cores".into(), n.to_string());
    }
    if let Some(m) = measure {
        if let Some(v) = self::measure(m, results) {
            let text = match m {
                Measure::Ratio(..) => ratio_text(v),
                _ => format!("{v:.0}"),
            };
            out.insert(m.placeholder().into(), text);
        }
    }
    out
}

/// Every placeholder a caption may use.
pub const PLACEHOLDERS: [&str; 12] = [
    "main_ms",
    "async_ms",
    "pool_ms",
    "gil_ms",
    "procs_ms",
    "procs_fresh_ms",
    "threads",
    "cores",
    "ratio",
    "peak",
    "lost",
    "dropped",
];
