//! One Python runner on the page, as a state machine without I/O: the learner asks, the worker
//! loads, runs and prints, the learner stops. `web::python` performs (starts the worker, posts
//! the code, sets the interrupt, ends the worker) and feeds back what happened as [`Event`]s.

use super::output::{Line, Stream};

/// How long Stop waits for the interrupt to work before the worker is ended (code inside an
/// `await`, or in C code that never checks for interrupts, does not see it).
pub const STOP_GRACE_MS: f64 = 500.0;
/// The most output lines kept for one run; later ones are counted.
pub const MAX_LINES: usize = 2_000;

/// What the runner is doing.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Nothing asked yet.
    Idle,
    /// Python is loading (the first Run, or after the worker was ended).
    Loading,
    Running,
    /// Stop was pressed: the interrupt is set, the worker may be ended.
    Stopping,
    Finished(Outcome),
    /// Python could not load (the message says why).
    LoadFailed(String),
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The code ran to its end.
    Completed,
    /// It raised (the traceback is in `error`).
    Raised,
    /// Stop's interrupt ended it (`KeyboardInterrupt`).
    Interrupted,
    /// It did not stop in time: the worker was ended and a fresh one started.
    Ended,
}

/// The Python the worker loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// `3.14.2`.
    pub version: String,
    /// Whether the browser has WebAssembly stack switching (`asyncio.run` works).
    pub stack_switching: bool,
    /// Whether `time.sleep` blocks on `Atomics.wait` (shared memory available) rather than a
    /// busy wait, and Stop can interrupt.
    pub shared_memory: bool,
}

/// What happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Run pressed at `now_ms` (page clock); `loaded`: the worker is ready.
    Asked {
        now_ms: f64,
        loaded: bool,
    },
    /// The worker loaded Python.
    Ready(Loaded),
    /// The code was posted; these lines were changed to await directly (see `adapt`).
    Started {
        adapted: Vec<usize>,
    },
    /// A line of output of run `run`, `t_ms` after it started, seen by the page at `now_ms`.
    Out {
        run: u32,
        t_ms: f64,
        stream: Stream,
        text: String,
        now_ms: f64,
    },
    /// Run `run` ended after `t_ms`; `error`: the traceback if it raised.
    Done {
        run: u32,
        t_ms: f64,
        error: Option<String>,
    },
    /// Stop pressed.
    StopAsked,
    /// The worker was ended because run `run` did not stop within [`STOP_GRACE_MS`].
    Ended {
        run: u32,
    },
    LoadFailed(String),
}

/// The runner's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub phase: Phase,
    /// The current run's number (1 for the first).
    pub run: u32,
    pub lines: Vec<Line>,
    /// Lines past [`MAX_LINES`], not kept.
    pub omitted: usize,
    /// The traceback of a run that raised.
    pub error: Option<String>,
    /// Lines run as `await` instead of `asyncio.run` (no stack switching here).
    pub adapted: Vec<usize>,
    pub loaded: Option<Loaded>,
    /// When Run was pressed (page clock, ms).
    pub asked_ms: Option<f64>,
    /// Run pressed → first output line, ms.
    pub first_output_ms: Option<f64>,
    /// Whether this run had to load Python first.
    pub cold: bool,
    /// The run's time as the worker measured it, ms.
    pub elapsed_ms: Option<f64>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            phase: Phase::Idle,
            run: 0,
            lines: Vec::new(),
            omitted: 0,
            error: None,
            adapted: Vec::new(),
            loaded: None,
            asked_ms: None,
            first_output_ms: None,
            cold: false,
            elapsed_ms: None,
        }
    }
}

impl Session {
    /// Whether a run is loading, running or stopping (Run is not offered then).
    pub fn busy(&self) -> bool {
        matches!(
            self.phase,
            Phase::Loading | Phase::Running | Phase::Stopping
        )
    }

    pub fn apply(mut self, event: Event) -> Self {
        match event {
            Event::Asked { now_ms, loaded } => {
                if self.busy() {
                    return self;
                }
                self.run += 1;
                self.lines.clear();
                self.omitted = 0;
                self.error = None;
                self.adapted.clear();
                self.asked_ms = Some(now_ms);
                self.first_output_ms = None;
                self.elapsed_ms = None;
                self.cold = !loaded;
                self.phase = if loaded {
                    Phase::Running
                } else {
                    Phase::Loading
                };
            }
            Event::Ready(loaded) => {
                self.loaded = Some(loaded);
                if self.phase == Phase::Loading {
                    self.phase = Phase::Running;
                }
            }
            Event::Started { adapted } => self.adapted = adapted,
            Event::Out {
                run,
                t_ms,
                stream,
                text,
                now_ms,
            } if run == self.run && self.busy() => {
                if self.first_output_ms.is_none() {
                    self.first_output_ms = self.asked_ms.map(|a| (now_ms - a).max(0.0));
                }
                if self.lines.len() < MAX_LINES {
                    self.lines.push(Line::new(t_ms, stream, &text));
                } else {
                    self.omitted += 1;
                }
            }
            Event::Out { .. } => {}
            Event::Done { run, t_ms, error } if run == self.run && self.busy() => {
                let interrupted = error
                    .as_deref()
                    .is_some_and(|e| e.contains("KeyboardInterrupt"));
                let outcome = match (&error, interrupted, &self.phase) {
                    (None, _, _) => Outcome::Completed,
                    (Some(_), true, Phase::Stopping) => Outcome::Interrupted,
                    (Some(_), _, _) => Outcome::Raised,
                };
                self.error = error;
                self.elapsed_ms = Some(t_ms);
                self.phase = Phase::Finished(outcome);
            }
            Event::Done { .. } => {}
            Event::StopAsked => {
                if matches!(self.phase, Phase::Running | Phase::Loading) {
                    self.phase = Phase::Stopping;
                }
            }
            Event::Ended { run } if run == self.run && self.phase == Phase::Stopping => {
                self.phase = Phase::Finished(Outcome::Ended);
                // A fresh worker is loading: the next run waits for it.
                self.loaded = None;
            }
            Event::Ended { .. } => self.loaded = None,
            Event::LoadFailed(why) => {
                self.loaded = None;
                self.phase = Phase::LoadFailed(why);
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded() -> Loaded {
        Loaded {
            version: "3.14.2".into(),
            stack_switching: true,
            shared_memory: true,
        }
    }

    fn out(run: u32, t_ms: f64, now_ms: f64) -> Event {
        Event::Out {
            run,
            t_ms,
            stream: Stream::Out,
            text: format!("line at {t_ms}"),
            now_ms,
        }
    }

    #[test]
    fn a_cold_run_loads_prints_and_completes() {
        let s = Session::default()
            .apply(Event::Asked {
                now_ms: 1_000.0,
                loaded: false,
            })
            .apply(Event::Ready(loaded()));
        assert_eq!(s.phase, Phase::Running);
        assert!(s.cold);
        let s = s
            .apply(out(1, 5.0, 3_500.0))
            .apply(out(1, 1_005.0, 4_500.0))
            .apply(Event::Done {
                run: 1,
                t_ms: 1_010.0,
                error: None,
            });
        assert_eq!(s.phase, Phase::Finished(Outcome::Completed));
        assert_eq!(s.first_output_ms, Some(2_500.0));
        assert_eq!(s.lines.len(), 2);
        assert_eq!(s.elapsed_ms, Some(1_010.0));
    }

    #[test]
    fn a_warm_run_clears_the_last_and_ignores_its_late_lines() {
        let s = Session::default()
            .apply(Event::Ready(loaded()))
            .apply(Event::Asked {
                now_ms: 0.0,
                loaded: true,
            })
            .apply(out(1, 1.0, 1.0))
            .apply(Event::Done {
                run: 1,
                t_ms: 2.0,
                error: Some("Traceback…\nNameError: x".into()),
            });
        assert_eq!(s.phase, Phase::Finished(Outcome::Raised));
        let s = s
            .apply(Event::Asked {
                now_ms: 10.0,
                loaded: true,
            })
            .apply(out(1, 3.0, 11.0));
        assert_eq!((s.run, s.lines.len(), s.error.clone()), (2, 0, None));
        assert!(!s.cold);
        // Asking again while it runs changes nothing.
        let again = s.clone().apply(Event::Asked {
            now_ms: 12.0,
            loaded: true,
        });
        assert_eq!(again, s);
    }

    #[test]
    fn stop_interrupts_or_ends_the_worker() {
        let running = Session::default().apply(Event::Asked {
            now_ms: 0.0,
            loaded: true,
        });
        let interrupted = running.clone().apply(Event::StopAsked).apply(Event::Done {
            run: 1,
            t_ms: 80.0,
            error: Some("KeyboardInterrupt".into()),
        });
        assert_eq!(interrupted.phase, Phase::Finished(Outcome::Interrupted));
        let ended = running
            .clone()
            .apply(Event::StopAsked)
            .apply(Event::Ended { run: 1 });
        assert_eq!(ended.phase, Phase::Finished(Outcome::Ended));
        assert_eq!(ended.loaded, None);
        // A KeyboardInterrupt nobody asked for is the code's own raise.
        let raised = running.apply(Event::Done {
            run: 1,
            t_ms: 1.0,
            error: Some("KeyboardInterrupt".into()),
        });
        assert_eq!(raised.phase, Phase::Finished(Outcome::Raised));
    }

    #[test]
    fn output_is_capped() {
        let mut s = Session::default().apply(Event::Asked {
            now_ms: 0.0,
            loaded: true,
        });
        for i in 0..MAX_LINES + 7 {
            s = s.apply(out(1, i as f64, i as f64));
        }
        assert_eq!((s.lines.len(), s.omitted), (MAX_LINES, 7));
    }

    #[test]
    fn a_failed_load_says_why() {
        let s = Session::default()
            .apply(Event::Asked {
                now_ms: 0.0,
                loaded: false,
            })
            .apply(Event::LoadFailed("404".into()));
        assert_eq!(s.phase, Phase::LoadFailed("404".into()));
        assert!(!s.busy());
    }
}
