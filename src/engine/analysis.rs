//! What a run's spans say about its shape: how many tasks really ran at once.

use super::{Span, SpanKind};

/// The most spans of the given kinds that were in progress at the same instant (a sweep over
/// start and end points; a span ending exactly when another starts does not overlap it).
pub fn max_overlap(spans: &[Span], kinds: &[SpanKind]) -> usize {
    let mut events: Vec<(f64, i32)> = spans
        .iter()
        .filter(|s| kinds.contains(&s.kind) && s.end_ms > s.start_ms)
        .flat_map(|s| [(s.start_ms, 1), (s.end_ms, -1)])
        .collect();
    // Ends before starts at the same instant.
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut now, mut most) = (0i32, 0i32);
    for (_, delta) in events {
        now += delta;
        most = most.max(now);
    }
    most as usize
}

/// Spans that run workload code (with or without a lock held).
pub const WORKING: [SpanKind; 2] = [SpanKind::Compute, SpanKind::Locked];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::{run_gil, run_pool};
    use crate::engine::Lane;
    use crate::param::Values;
    use crate::workload::{counter, io};

    fn span(start_ms: f64, end_ms: f64, kind: SpanKind) -> Span {
        Span {
            lane: Lane::Main,
            task: 0,
            kind,
            start_ms,
            end_ms,
        }
    }

    #[test]
    fn counts_simultaneous_spans() {
        let spans = [
            span(0.0, 10.0, SpanKind::Compute),
            span(5.0, 15.0, SpanKind::Compute),
            span(10.0, 20.0, SpanKind::Compute),
            span(0.0, 30.0, SpanKind::Io),
        ];
        assert_eq!(max_overlap(&spans, &[SpanKind::Compute]), 2);
        assert_eq!(max_overlap(&spans, &[SpanKind::Io]), 1);
        assert_eq!(max_overlap(&spans, &[SpanKind::Compute, SpanKind::Io]), 3);
        assert_eq!(max_overlap(&[], &WORKING), 0);
    }

    #[test]
    fn under_the_gil_no_two_tasks_compute_at_once() {
        let values = Values::default()
            .with(&counter::N, 20_000_000)
            .with(&counter::TASKS, 2);
        let gil = run_gil((counter::DEF.plan)(&values), 2);
        assert_eq!(gil.answer.value, 40_000_000);
        assert_eq!(max_overlap(&gil.spans, &WORKING), 1);
        // The lock changed hands: both tasks held it more than once (5 ms switch interval).
        let turns = gil
            .spans
            .iter()
            .filter(|s| s.kind == SpanKind::Locked)
            .count();
        assert!(turns > 2, "{turns} turns");
        let free = run_pool((counter::DEF.plan)(&values), 2);
        assert_eq!(free.answer.value, 40_000_000);
        assert_eq!(
            max_overlap(&free.spans, &WORKING),
            2,
            "without the GIL both count at once"
        );
    }

    #[test]
    fn under_the_gil_io_waits_still_overlap() {
        let values = Values::default()
            .with(&io::TASKS, 2)
            .with(&io::WAIT_MS, 1_000)
            .with(&io::SPEED, 1_000);
        let out = run_gil((io::DEF.plan)(&values), 2);
        assert_eq!(
            max_overlap(&out.spans, &[SpanKind::Io]),
            2,
            "both waits at once"
        );
    }

    /// Each lane's spans follow each other: none ends before it starts or starts before the
    /// lane's previous span ended.
    fn assert_lanes_in_order(spans: &[Span]) {
        let mut by_lane: std::collections::BTreeMap<_, Vec<&Span>> = Default::default();
        for s in spans {
            assert!(s.end_ms >= s.start_ms, "{s:?}");
            by_lane.entry(s.lane).or_default().push(s);
        }
        for (lane, mut spans) in by_lane {
            spans.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
            for pair in spans.windows(2) {
                assert!(pair[1].start_ms >= pair[0].end_ms, "{lane:?}: {pair:?}");
            }
        }
    }

    #[test]
    fn under_the_gil_no_two_hold_it_at_once_whatever_the_workers_clocks_say() {
        use crate::engine::testing::{run_gil_skewed, SkewedClock};
        // Each pool thread's clock off by milliseconds (far more than a hand-over takes), as
        // workers' time origins can be; a short switch interval makes hundreds of hand-overs.
        let skews: [&[f64]; 4] = [&[2.5, -2.5], &[-4.0, 3.0, 0.5], &[0.0, 7.0], &[-7.0, 0.0]];
        // A pool of its own, a thread per lane and one for the caller (`install` runs it on
        // the pool, where it waits for the run): on rayon's global pool, shared with the other
        // tests, the lanes may run one after another and never hand the lock over.
        let own = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        // Ten steps per task: lanes that start together hand the lock over mid-task.
        let values = Values::default()
            .with(&counter::N, 10_000_000)
            .with(&counter::TASKS, 3);
        let mut contended = 0;
        for run in 0..200 {
            let clock = SkewedClock {
                offsets_ms: skews[run % skews.len()].into(),
            };
            let out = own.install(|| run_gil_skewed((counter::DEF.plan)(&values), 3, 0.05, clock));
            assert_eq!(out.answer.value, 30_000_000);
            assert_eq!(max_overlap(&out.spans, &WORKING), 1, "run {run}");
            assert_lanes_in_order(&out.spans);
            // More holds than tasks: the lock changed hands while tasks were under way, which
            // is when skewed clocks would show two holders.
            let holds = out
                .spans
                .iter()
                .filter(|s| s.kind == SpanKind::Locked)
                .count();
            contended += usize::from(holds > 3);
        }
        // That the scenario was exercised (the property above holds by construction either way).
        assert!(
            contended >= 100,
            "{contended} of 200 runs handed the lock over mid-task"
        );
    }
}
