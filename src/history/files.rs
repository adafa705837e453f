//! Which file each export button of the history panel downloads: its name, type and text,
//! made from the kept runs and the runs on screen. Pure: the panel hands the file to the
//! browser.

use std::collections::BTreeMap;

use super::export::{self, RunInfo};
use super::Entry;
use crate::app_state::RunRecord;
use crate::executor::Executor;

/// What the export buttons download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    HistoryCsv,
    HistoryJson,
    SpansCsv,
    SpansJson,
}

/// What the exports are made from: the kept runs and the runs on screen.
#[derive(Clone)]
pub struct Source {
    pub entries: Vec<Entry>,
    pub results: BTreeMap<Executor, RunRecord>,
    pub workload: &'static str,
    /// The page's configuration (its link), written into the spans' JSON.
    pub config: String,
}

/// A file to download.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

/// The file for `what`; None when there is nothing to export (the spans of the latest run
/// once its result has left the screen: changing the configuration clears it).
pub fn file(src: &Source, what: Export) -> Option<File> {
    let entries = &src.entries;
    let latest = entries.last().and_then(|e| src.results.get(&e.executor));
    let spans_name = |r: &RunRecord, ext: &str| {
        format!(
            "concurrency-playground-spans-{}-{}.{ext}",
            src.workload,
            r.executor.tag()
        )
    };
    let (name, mime, text) = match what {
        Export::HistoryCsv => (
            "concurrency-playground-history.csv".into(),
            "text/csv",
            export::history_csv(entries),
        ),
        Export::HistoryJson => (
            "concurrency-playground-history.json".into(),
            "application/json",
            export::history_json(entries),
        ),
        Export::SpansCsv => {
            let r = latest?;
            (
                spans_name(r, "csv"),
                "text/csv",
                export::spans_csv(r.executor, &r.output),
            )
        }
        Export::SpansJson => {
            let r = latest?;
            let info = RunInfo {
                workload: src.workload,
                executor: r.executor,
                threads: r.threads,
                config: &src.config,
            };
            (
                spans_name(r, "json"),
                "application/json",
                export::spans_json(&info, &r.output),
            )
        }
    };
    Some(File { name, mime, text })
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::engine::testing::{run_pool, run_sequential};
    use crate::param::Values;
    use crate::workload::primes;

    fn record(executor: Executor, threads: usize) -> RunRecord {
        let mut v = Values::default();
        v.set(&primes::LIMIT, 10_000).set(&primes::TASKS, 4);
        let plan = (primes::DEF.plan)(&v);
        let output = match executor {
            Executor::Main => run_sequential(plan),
            _ => run_pool(plan, threads),
        };
        RunRecord {
            executor,
            threads,
            output: Rc::new(output),
            frames: None,
            frame_stamps: Rc::new(Vec::new()),
            switch_ms: None,
        }
    }

    fn source(latest: Executor, on_screen: &[Executor]) -> Source {
        let mut main = super::super::tests::entry(1);
        main.executor = Executor::Main;
        let mut last = super::super::tests::entry(2);
        last.executor = latest;
        Source {
            entries: vec![main, last],
            results: on_screen
                .iter()
                .map(|&e| (e, record(e, if e == Executor::Main { 1 } else { 2 })))
                .collect(),
            workload: "primes",
            config: "v=1&w=primes&n=10000&tasks=4".into(),
        }
    }

    #[test]
    fn the_history_exports_every_kept_run() {
        let src = source(Executor::Pool, &[]);
        let csv = file(&src, Export::HistoryCsv).unwrap();
        assert_eq!(csv.name, "concurrency-playground-history.csv");
        assert_eq!(csv.mime, "text/csv");
        assert_eq!(csv.text, export::history_csv(&src.entries));
        assert_eq!(csv.text.lines().count(), 3, "a header and two runs");
        let json = file(&src, Export::HistoryJson).unwrap();
        assert_eq!(json.name, "concurrency-playground-history.json");
        assert_eq!(json.mime, "application/json");
        assert_eq!(json.text, export::history_json(&src.entries));
    }

    #[test]
    fn the_spans_are_the_latest_runs_while_its_result_is_on_screen() {
        // The latest kept run is the pool's; the main thread's result on screen is older.
        let src = source(Executor::Pool, &[Executor::Main, Executor::Pool]);
        let csv = file(&src, Export::SpansCsv).unwrap();
        assert_eq!(csv.name, "concurrency-playground-spans-primes-pool.csv");
        let pool = &src.results[&Executor::Pool];
        assert_eq!(csv.text, export::spans_csv(Executor::Pool, &pool.output));
        let json = file(&src, Export::SpansJson).unwrap();
        assert_eq!(json.name, "concurrency-playground-spans-primes-pool.json");
        assert!(
            json.text.contains("v=1&w=primes&n=10000&tasks=4"),
            "{}",
            json.text
        );
        // Its result gone from the screen: no spans to export, though an older result is there.
        let gone = source(Executor::Pool, &[Executor::Main]);
        assert_eq!(file(&gone, Export::SpansCsv), None);
        assert_eq!(file(&gone, Export::SpansJson), None);
        assert!(file(&gone, Export::HistoryCsv).is_some());
    }
}
