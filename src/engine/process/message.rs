//! What crosses between the page and a process-like worker, as plain strings and numbers: the
//! browser copies them by structured clone, the way `multiprocessing` pickles a function's name
//! and its arguments. Nothing here refers to memory: the two sides share none.

use crate::engine::fault::Fault;
use crate::engine::{Lane, Span, SpanKind, TaskOutcome};
use crate::param::Values;
use crate::pyapi::ApiCall;
use crate::workload::{self, WorkloadDef};

/// Enough to rebuild a run's tasks in another memory: the run, the workload by name, its
/// parameter values, the injected fault, and the Python API call that acts on the tasks with
/// the run's start on the shared clock (an `Event` set, a daemon program's end, a `wait`
/// timeout happen at the same moment in every memory). Input data such as a list travels
/// beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct JobSpec {
    /// Distinguishes runs, so a worker rebuilds its tasks once per run and keeps them between
    /// batches (a worker process keeps its state between the tasks it is given).
    pub run: u32,
    pub workload: &'static WorkloadDef,
    pub values: Values,
    pub fault: Fault,
    pub api: ApiCall,
    /// When the run started, ms on the shared clock (`timeOrigin + now()`, the same in every
    /// worker): deadlines of `api` count from here.
    pub start_ms: f64,
}

impl JobSpec {
    /// A run of `workload` with `values` and `fault`, no API call, started at time 0.
    pub fn new(workload: &'static WorkloadDef, values: Values, fault: Fault) -> Self {
        JobSpec {
            run: 0,
            workload,
            values,
            fault,
            api: ApiCall::None,
            start_ms: 0.0,
        }
    }

    /// When the program stops the run, if at a known moment (ms on the shared clock): a
    /// daemon program's end, a `wait` timeout with cancel. Page and workers alike read it here.
    pub fn stop_at(&self) -> Option<f64> {
        crate::pyapi::lens::cancel_after_ms(self.api).map(|ms| self.start_ms + ms)
    }

    /// `run=3&w=primes&fault=error:1&api=event:500&t0=1700000000123.25&p.n=100000&p.tasks=8`.
    pub fn encode(&self) -> String {
        let fault = match self.fault {
            Fault::None => "none".to_string(),
            Fault::Error(i) => format!("error:{i}"),
            Fault::Panic(i) => format!("panic:{i}"),
        };
        let mut out = format!(
            "run={}&w={}&fault={fault}&api={}&t0={}",
            self.run,
            self.workload.id,
            self.api.encode(),
            self.start_ms
        );
        for p in self.workload.params {
            out.push_str(&format!("&p.{}={}", p.name, self.values.get(p)));
        }
        out
    }

    /// The inverse of [`JobSpec::encode`]; values are clamped like any others.
    pub fn decode(text: &str) -> Result<JobSpec, String> {
        let mut run = None;
        let mut def = None;
        let mut fault = Fault::None;
        let mut api = ApiCall::None;
        let mut start_ms = 0.0;
        let mut params = Vec::new();
        for pair in text.split('&') {
            let (key, value) = pair.split_once('=').ok_or("a job field without '='")?;
            match key {
                "run" => run = value.parse().ok(),
                "w" => def = workload::by_id(value),
                "fault" => fault = decode_fault(value)?,
                "api" => api = ApiCall::decode(value).map_err(|_| "an unreadable API call")?,
                "t0" => {
                    start_ms = value
                        .parse::<f64>()
                        .ok()
                        .filter(|t| t.is_finite())
                        .ok_or("the start time is not a number")?
                }
                _ => {
                    let name = key.strip_prefix("p.").ok_or("an unknown job field")?;
                    let value: u64 = value.parse().map_err(|_| "a parameter is not a number")?;
                    params.push((name, value));
                }
            }
        }
        let workload = def.ok_or("the job names no known workload")?;
        let mut values = Values::default();
        for (name, value) in params {
            let param = workload
                .params
                .iter()
                .find(|p| p.name == name)
                .ok_or("the job sets a parameter its workload does not have")?;
            values.set(param, value);
        }
        Ok(JobSpec {
            run: run.ok_or("the job has no run number")?,
            workload,
            values,
            fault,
            api,
            start_ms,
        })
    }
}

fn decode_fault(text: &str) -> Result<Fault, String> {
    let task = |t: &str| {
        t.parse::<u32>()
            .map_err(|_| "a fault without a task".to_string())
    };
    match text.split_once(':') {
        None if text == "none" => Ok(Fault::None),
        Some(("error", t)) => Ok(Fault::Error(task(t)?)),
        Some(("panic", t)) => Ok(Fault::Panic(task(t)?)),
        _ => Err(format!("an unknown fault {text:?}")),
    }
}

/// Tasks' outcomes, one per line: `id D value`, `id F message` or `id C`.
pub fn encode_outcomes(outcomes: &[(u32, TaskOutcome)]) -> String {
    outcomes
        .iter()
        .map(|(id, o)| match o {
            TaskOutcome::Done(v) => format!("{id} D {v}"),
            // One line per outcome: a message's own line breaks become spaces.
            TaskOutcome::Failed(e) => format!("{id} F {}", e.replace(['\n', '\r'], " ")),
            TaskOutcome::Cancelled => format!("{id} C"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn decode_outcomes(text: &str) -> Result<Vec<(u32, TaskOutcome)>, String> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|line| {
            let mut parts = line.splitn(3, ' ');
            let id = parts
                .next()
                .and_then(|t| t.parse().ok())
                .ok_or("an outcome without a task")?;
            let outcome = match (parts.next(), parts.next()) {
                (Some("D"), Some(v)) => {
                    TaskOutcome::Done(v.parse().map_err(|_| "a result is not a number")?)
                }
                (Some("F"), e) => TaskOutcome::Failed(e.unwrap_or_default().to_string()),
                (Some("C"), None) => TaskOutcome::Cancelled,
                _ => return Err(format!("an unreadable outcome {line:?}")),
            };
            Ok((id, outcome))
        })
        .collect()
}

/// Spans as numbers, four per span: task, kind (its index in [`SpanKind::ALL`]), start, end.
/// The lane is not sent: a worker does not know which lane the page shows it on.
pub fn encode_spans(spans: &[Span]) -> Vec<f64> {
    spans
        .iter()
        .flat_map(|s| {
            let kind = SpanKind::ALL.iter().position(|&k| k == s.kind).unwrap_or(0);
            [s.task as f64, kind as f64, s.start_ms, s.end_ms]
        })
        .collect()
}

/// The inverse of [`encode_spans`], on `lane`; malformed entries are skipped.
pub fn decode_spans(numbers: &[f64], lane: Lane) -> Vec<Span> {
    numbers
        .chunks_exact(4)
        .filter_map(|c| {
            let kind = *SpanKind::ALL.get(c[1] as usize)?;
            (c[0] >= 0.0 && c[2].is_finite() && c[3].is_finite()).then_some(Span {
                lane,
                task: c[0] as u32,
                kind,
                start_ms: c[2],
                end_ms: c[3],
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workload::{primes, shared_list};

    #[test]
    fn specs_round_trip() {
        for fault in [Fault::None, Fault::Error(3), Fault::Panic(0)] {
            let values = Values::default()
                .with(&primes::LIMIT, 12_345)
                .with(&primes::TASKS, 7);
            let spec = JobSpec {
                run: 42,
                api: ApiCall::Exit {
                    daemon: true,
                    main_ms: 250,
                },
                start_ms: 1_763_700_000_123.456_7,
                ..JobSpec::new(&primes::DEF, values, fault)
            };
            let text = spec.encode();
            let back = JobSpec::decode(&text).unwrap();
            assert_eq!(back.run, 42);
            assert_eq!(back.workload, &primes::DEF);
            assert_eq!(back.fault, fault);
            assert_eq!(back.api, spec.api);
            assert_eq!(
                back.start_ms, spec.start_ms,
                "the start time survives exactly"
            );
            for p in primes::DEF.params {
                assert_eq!(back.values.get(p), spec.values.get(p), "{}", p.name);
            }
            assert_eq!(back.encode(), text);
        }
    }

    #[test]
    fn bad_specs_are_errors_and_values_clamped() {
        for bad in [
            "",
            "run=1",
            "run=1&w=nope",
            "w=primes",
            "run=1&w=primes&p.zz=1",
            "run=1&w=primes&p.n=x",
            "run=1&w=primes&fault=boom:1",
            "run=1&w=primes&x=1",
            "run=1&w=primes&api=launch",
            "run=1&w=primes&t0=soon",
            "run=1&w=primes&t0=inf",
        ] {
            assert!(JobSpec::decode(bad).is_err(), "{bad:?}");
        }
        let spec = JobSpec::decode("run=1&w=shared_list&p.length=99999999999").unwrap();
        assert_eq!(spec.values.get(&shared_list::LENGTH), 4_000_000);
    }

    #[test]
    fn outcomes_round_trip() {
        let outcomes = vec![
            (
                0,
                TaskOutcome::Done(-170_141_183_460_469_231_731_687_303_715_884_105_728),
            ),
            (7, TaskOutcome::Failed("panicked: a\nb c".into())),
            (9, TaskOutcome::Cancelled),
            (3, TaskOutcome::Failed(String::new())),
        ];
        let back = decode_outcomes(&encode_outcomes(&outcomes)).unwrap();
        assert_eq!(back[0], outcomes[0]);
        assert_eq!(back[1], (7, TaskOutcome::Failed("panicked: a b c".into())));
        assert_eq!(back[2..], outcomes[2..]);
        assert!(decode_outcomes("x D 1").is_err());
        assert!(decode_outcomes("1 D z").is_err());
        assert!(decode_outcomes("1 Q").is_err());
    }

    #[test]
    fn spans_round_trip_onto_the_page_lane() {
        let spans = vec![
            Span {
                lane: Lane::Worker(0),
                task: 3,
                kind: SpanKind::Copy,
                start_ms: 1.5,
                end_ms: 2.0,
            },
            Span {
                lane: Lane::Worker(0),
                task: 4,
                kind: SpanKind::Io,
                start_ms: 2.0,
                end_ms: 9.0,
            },
        ];
        let back = decode_spans(&encode_spans(&spans), Lane::Worker(5));
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].lane, Lane::Worker(5));
        assert_eq!((back[1].task, back[1].kind), (4, SpanKind::Io));
        assert!(decode_spans(&[1.0, 99.0, 0.0, 1.0, 2.0], Lane::Main).is_empty());
    }
}
