//! What every trace must keep, asserted on each one the tests read back; and the run records
//! the cases write.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use super::json::{parse, Json};
use crate::app_state::RunRecord;
use crate::engine::{Answer, RunEnd, RunOutput, Span};
use crate::executor::Executor;

pub(super) fn record(executor: Executor, spans: Vec<Span>) -> RunRecord {
    output_record(
        executor,
        RunOutput {
            answer: Answer::default(),
            end: RunEnd::Completed,
            wall_ms: 0.0,
            spans,
            completion_order: Vec::new(),
            outcomes: Vec::new(),
        },
    )
}

pub(super) fn output_record(executor: Executor, output: RunOutput) -> RunRecord {
    RunRecord {
        switch_ms: None,
        executor,
        threads: 2,
        output: Rc::new(output),
        frames: None,
        frame_stamps: Rc::new(Vec::new()),
    }
}

/// What a trace holds, checked for the rules every trace must keep.
pub(super) struct Checked {
    /// Thread names by tid.
    pub(super) threads: BTreeMap<u64, String>,
    /// Complete slices: (tid, name, ts, dur, event).
    pub(super) slices: Vec<(u64, String, f64, f64, Json)>,
    /// The counter's (ts, value), in file order.
    pub(super) counter: Vec<(f64, f64)>,
    pub(super) process: String,
}

impl Checked {
    pub(super) fn thread_names(&self) -> Vec<&str> {
        self.threads.values().map(String::as_str).collect()
    }
    pub(super) fn slices_on(&self, thread: &str) -> Vec<&(u64, String, f64, f64, Json)> {
        let tid = self
            .threads
            .iter()
            .find(|(_, n)| *n == thread)
            .map(|(t, _)| *t);
        self.slices.iter().filter(|s| Some(s.0) == tid).collect()
    }
}

/// Parses `text` and asserts the trace's invariants: the envelope, pid 1, finite
/// non-negative times, a name for every thread a slice is on, no two slices of one thread
/// overlapping, counter values integers from 0 to `lanes`.
pub(super) fn check(text: &str, lanes: usize) -> Checked {
    let json = parse(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"));
    assert_eq!(json.str("displayTimeUnit"), Some("ms"));
    let Some(Json::Arr(events)) = json.get("traceEvents") else {
        panic!("no traceEvents")
    };
    let mut threads = BTreeMap::new();
    let mut slices = Vec::new();
    let mut counter = Vec::new();
    let mut process = None;
    for e in events {
        assert_eq!(e.num("pid"), Some(1.0), "{e:?}");
        let tid = e.num("tid").expect("a tid");
        assert!(tid >= 0.0 && tid.fract() == 0.0, "{e:?}");
        let name = e.str("name").expect("a name").to_string();
        for key in ["ts", "dur"] {
            if let Some(t) = e.num(key) {
                assert!(t.is_finite() && t >= 0.0, "{key} of {e:?}");
                let ns = t * 1e3;
                assert!(
                    (ns - ns.round()).abs() < 1e-6,
                    "{key} finer than 0.001 µs: {e:?}"
                );
            }
        }
        let arg = |k: &str| e.get("args").and_then(|a| a.str(k)).map(str::to_string);
        match e.str("ph").expect("a phase") {
            "M" if name == "process_name" => process = arg("name"),
            "M" if name == "thread_name" => {
                let before = threads.insert(tid as u64, arg("name").expect("args.name"));
                assert!(before.is_none(), "tid {tid} named twice");
            }
            "X" => {
                let (ts, dur) = (e.num("ts").unwrap(), e.num("dur").unwrap());
                assert!(dur > 0.0, "{e:?}");
                assert!(e.str("cat").is_some(), "{e:?}");
                let task = e.get("args").and_then(|a| a.num("task"));
                assert!(task.is_some_and(|t| t >= 0.0 && t.fract() == 0.0), "{e:?}");
                slices.push((tid as u64, name, ts, dur, e.clone()));
            }
            "C" => {
                assert_eq!(name, "threads computing");
                let n = e
                    .get("args")
                    .and_then(|a| a.num("computing"))
                    .expect("computing");
                assert!(n >= 0.0 && n.fract() == 0.0, "{e:?}");
                assert!(
                    n as usize <= lanes,
                    "{n} threads computing on {lanes} lanes"
                );
                counter.push((e.num("ts").unwrap(), n));
            }
            ph => panic!("unexpected phase {ph}: {e:?}"),
        }
    }
    let mut per_tid: BTreeMap<u64, Vec<(f64, f64)>> = BTreeMap::new();
    for (tid, _, ts, dur, _) in &slices {
        assert!(threads.contains_key(tid), "tid {tid} has no thread_name");
        per_tid.entry(*tid).or_default().push((*ts, ts + dur));
    }
    for (tid, mut spans) in per_tid {
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        for w in spans.windows(2) {
            assert!(
                w[0].1 <= w[1].0 + 1e-9,
                "tid {tid}: {:?} overlaps {:?}",
                w[0],
                w[1]
            );
        }
    }
    assert_eq!(
        counter.first().map(|c| c.0),
        Some(0.0),
        "the counter starts at ts 0"
    );
    assert!(counter.windows(2).all(|w| w[0].0 < w[1].0), "{counter:?}");
    assert!(
        counter.windows(2).all(|w| w[0].1 != w[1].1),
        "only changes: {counter:?}"
    );
    Checked {
        threads,
        slices,
        counter,
        process: process.expect("a process_name"),
    }
}

pub(super) fn lanes_of(record: &RunRecord) -> usize {
    record
        .output
        .spans
        .iter()
        .map(|s| s.lane)
        .collect::<BTreeSet<_>>()
        .len()
}
