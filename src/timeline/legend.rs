//! Which kinds of span the timeline's legend names: the five a run of any executor can show,
//! and a worker's start-up only where a run shown started one (a learner reading about a
//! thread pool should not wonder where the processes are).

use crate::engine::{Span, SpanKind};

/// The legend's kinds, in [`SpanKind::ALL`]'s order, for runs with these spans.
pub fn legend_kinds<'a>(spans: impl IntoIterator<Item = &'a Span>) -> Vec<SpanKind> {
    let started = spans.into_iter().any(|s| s.kind == SpanKind::Start);
    SpanKind::ALL
        .into_iter()
        .filter(|&k| k != SpanKind::Start || started)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Lane;

    fn span(kind: SpanKind) -> Span {
        Span {
            lane: Lane::Worker(0),
            task: 0,
            kind,
            start_ms: 0.0,
            end_ms: 1.0,
        }
    }

    #[test]
    fn start_up_is_named_only_where_a_worker_started() {
        let pool = [span(SpanKind::Compute), span(SpanKind::Copy)];
        let kinds = legend_kinds(&pool);
        assert_eq!(kinds.len(), 5);
        assert!(!kinds.contains(&SpanKind::Start));
        let procs = [span(SpanKind::Start), span(SpanKind::Compute)];
        assert_eq!(legend_kinds(&procs), SpanKind::ALL.to_vec());
        assert_eq!(
            legend_kinds(&[]).len(),
            5,
            "an empty run still explains the colours"
        );
    }
}
