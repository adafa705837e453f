//! Where a run's spans, progress and completion order go while it runs. Shared by every lane;
//! the page reads it without ever blocking (`try_*` only), so the main thread never waits on
//! a lock held by a worker.

use crate::engine::lock;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Mutex;

use super::Span;

/// A run's shared log. Workers append in batches (see [`LaneLog`]); the page polls.
#[derive(Debug)]
pub struct Recorder {
    /// When false, spans are dropped at the source: the benchmark measures recording's cost
    /// by running the same work both ways.
    pub enabled: bool,
    spans: Mutex<Vec<Span>>,
    completion_order: Mutex<Vec<u32>>,
    done: AtomicU32,
    total: u32,
    cancel: AtomicBool,
}

impl Recorder {
    pub fn new(total_tasks: usize, enabled: bool) -> Self {
        Self {
            enabled,
            spans: Mutex::new(Vec::new()),
            completion_order: Mutex::new(Vec::new()),
            done: AtomicU32::new(0),
            total: total_tasks as u32,
            cancel: AtomicBool::new(false),
        }
    }

    /// Asks every lane to stop at its next check.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// (tasks finished, tasks in the run).
    pub fn progress(&self) -> (u32, u32) {
        (self.done.load(Ordering::Relaxed), self.total)
    }

    pub(crate) fn push_spans(&self, batch: &mut Vec<Span>) {
        if batch.is_empty() {
            return;
        }
        lock(&self.spans).append(batch);
    }

    pub(crate) fn task_finished(&self, task: u32) {
        lock(&self.completion_order).push(task);
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Spans from index `from` on, if the log is free right now (never waits).
    pub fn try_spans_since(&self, from: usize) -> Option<Vec<Span>> {
        let spans = self.spans.try_lock().ok()?;
        Some(spans.get(from..).map(<[Span]>::to_vec).unwrap_or_default())
    }

    /// Takes everything recorded; call once the run is over.
    pub fn take(&self) -> (Vec<Span>, Vec<u32>) {
        let mut spans = std::mem::take(&mut *lock(&self.spans));
        spans.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
        (spans, std::mem::take(&mut *lock(&self.completion_order)))
    }
}

/// One lane's view of the current span: it closes a span whenever the task's state changes
/// and hands spans to the [`Recorder`] in batches, so recording costs a clock read per state
/// change and a lock per batch, not per span.
pub struct LaneLog<'a> {
    recorder: &'a Recorder,
    batch: Vec<Span>,
    last_flush_ms: f64,
}

/// How often a lane hands its spans over while running (the page sees them this late at most).
const FLUSH_EVERY_MS: f64 = 30.0;

impl<'a> LaneLog<'a> {
    pub fn new(recorder: &'a Recorder, now_ms: f64) -> Self {
        Self {
            recorder,
            batch: Vec::new(),
            last_flush_ms: now_ms,
        }
    }

    /// Records `span` (if recording is on and it has a duration).
    pub fn record(&mut self, span: Span) {
        if !self.recorder.enabled || span.end_ms <= span.start_ms {
            return;
        }
        self.batch.push(span);
        if span.end_ms - self.last_flush_ms >= FLUSH_EVERY_MS {
            self.flush(span.end_ms);
        }
    }

    pub fn flush(&mut self, now_ms: f64) {
        self.recorder.push_spans(&mut self.batch);
        self.last_flush_ms = now_ms;
    }
}

impl Drop for LaneLog<'_> {
    fn drop(&mut self) {
        self.recorder.push_spans(&mut self.batch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Lane, SpanKind};

    fn span(start_ms: f64, end_ms: f64) -> Span {
        Span {
            lane: Lane::Worker(0),
            task: 0,
            kind: SpanKind::Compute,
            start_ms,
            end_ms,
        }
    }

    #[test]
    fn batches_reach_the_recorder_by_time_and_on_drop() {
        let rec = Recorder::new(1, true);
        {
            let mut log = LaneLog::new(&rec, 0.0);
            log.record(span(0.0, 1.0));
            assert_eq!(
                rec.try_spans_since(0).unwrap().len(),
                0,
                "held back until the next flush"
            );
            log.record(span(1.0, 40.0));
            assert_eq!(
                rec.try_spans_since(0).unwrap().len(),
                2,
                "flushed after 30 ms"
            );
            log.record(span(40.0, 41.0));
        }
        assert_eq!(rec.try_spans_since(2).unwrap().len(), 1, "the rest on drop");
    }

    #[test]
    fn disabled_or_empty_spans_are_dropped() {
        let rec = Recorder::new(1, false);
        LaneLog::new(&rec, 0.0).record(span(0.0, 5.0));
        assert!(rec.take().0.is_empty());
        let rec = Recorder::new(1, true);
        LaneLog::new(&rec, 0.0).record(span(5.0, 5.0));
        assert!(rec.take().0.is_empty());
    }

    #[test]
    fn progress_and_order() {
        let rec = Recorder::new(3, true);
        rec.task_finished(2);
        rec.task_finished(0);
        assert_eq!(rec.progress(), (2, 3));
        assert_eq!(rec.take().1, vec![2, 0]);
        assert!(!rec.cancelled());
        rec.cancel();
        assert!(rec.cancelled());
    }
}
