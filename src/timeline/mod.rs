//! The run timeline's model: which row each span goes on and where its bar sits, from a run's
//! spans alone. `web::components::timeline` draws it.

pub mod frame_meter;
pub mod layout;
pub mod legend;
pub mod replay;
pub mod thin;
pub mod viewport;

pub use layout::{lane_label, layout, origin_ms, time_axis, Axis, Bar, Geometry, Layout, Row};

#[cfg(test)]
mod tests {
    //! The layout's properties, through its public API.
    use super::*;
    use crate::chart::LinearScale;
    use crate::engine::testing::span;
    use crate::engine::{Lane, Span, SpanKind};

    fn lcg(seed: &mut u64) -> f64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 11) as f64 / (1u64 << 53) as f64
    }

    fn lay(spans: &[Span], geo: &Geometry) -> Layout {
        layout(spans, &time_axis(spans, (100.0, 900.0), 8).scale, geo)
    }

    fn assert_rows_do_not_overlap(l: &Layout) {
        for row in &l.rows {
            for w in row.bars.windows(2) {
                assert!(
                    w[0].end_ms <= w[1].start_ms,
                    "{:?} overlaps {:?}",
                    w[0],
                    w[1]
                );
                assert!(
                    w[0].x + w[0].width <= w[1].x + 1e-9,
                    "{:?} {:?}",
                    w[0],
                    w[1]
                );
            }
        }
    }

    fn overlap(a: &Span, b: &Span) -> bool {
        a.start_ms < b.end_ms && b.start_ms < a.end_ms
    }

    /// The most spans of `lane` (and of kinds `pick`) that overlap one another: for each span,
    /// those started no later that overlap it form a clique, and the largest such is the most.
    fn depth(spans: &[Span], lane: Lane, pick: impl Fn(&Span) -> bool) -> usize {
        let mine: Vec<&Span> = spans.iter().filter(|s| s.lane == lane && pick(s)).collect();
        mine.iter()
            .enumerate()
            .map(|(i, s)| {
                let others = mine
                    .iter()
                    .enumerate()
                    .filter(|(j, o)| *j != i && o.start_ms <= s.start_ms && overlap(o, s));
                1 + others.count()
            })
            .max()
            .unwrap_or(0)
    }

    /// Rows a lane should get: one when nothing overlaps, else running spans' rows then waits'.
    fn expected_rows(spans: &[Span], lane: Lane) -> usize {
        if depth(spans, lane, |_| true) <= 1 {
            return 1;
        }
        let idle = |s: &Span| matches!(s.kind, SpanKind::Io | SpanKind::Wait);
        depth(spans, lane, |s| !idle(s)) + depth(spans, lane, idle)
    }

    #[test]
    fn no_two_bars_in_a_row_overlap_and_rows_are_few() {
        let mut seed = 42;
        let kinds = [
            SpanKind::Compute,
            SpanKind::Io,
            SpanKind::Wait,
            SpanKind::Locked,
        ];
        for _ in 0..300 {
            let n = (lcg(&mut seed) * 120.0) as usize;
            let spans: Vec<Span> = (0..n)
                .map(|i| {
                    let r = lcg(&mut seed);
                    let lane = if r < 0.4 {
                        Lane::Main
                    } else {
                        Lane::Worker((r * 5.0) as u16)
                    };
                    let start = (lcg(&mut seed) * 100.0).round();
                    let len = if lcg(&mut seed) < 0.1 {
                        0.0
                    } else {
                        (lcg(&mut seed) * 20.0).round()
                    };
                    span(
                        lane,
                        i as u32,
                        kinds[i % 4],
                        1000.0 + start,
                        1000.0 + start + len,
                    )
                })
                .collect();
            let l = lay(&spans, &Geometry::default());
            assert_rows_do_not_overlap(&l);
            assert_eq!(l.bars, n);
            assert_eq!(l.spans, n);
            assert_eq!(l.merge_px, None);
            for lane in l.rows.iter().map(|r| r.lane) {
                let rows = l.rows.iter().filter(|r| r.lane == lane).count();
                assert_eq!(rows, expected_rows(&spans, lane), "{lane:?}");
            }
            let mut tasks: Vec<u32> = l
                .rows
                .iter()
                .flat_map(|r| r.bars.iter().map(|b| b.task))
                .collect();
            tasks.sort();
            assert_eq!(
                tasks,
                (0..n as u32).collect::<Vec<_>>(),
                "each span drawn once"
            );
        }
    }

    #[test]
    fn main_lane_first_then_workers_by_index() {
        let spans = [
            span(Lane::Worker(3), 0, SpanKind::Compute, 5.0, 9.0),
            span(Lane::Worker(1), 1, SpanKind::Compute, 6.0, 8.0),
            span(Lane::Worker(10), 2, SpanKind::Locked, 6.0, 7.0),
            span(Lane::Worker(2), 3, SpanKind::Wait, 7.0, 8.0),
        ];
        let l = lay(&spans, &Geometry::default());
        let labels: Vec<&str> = l.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "主线程 · main",
                "worker 1",
                "worker 2",
                "worker 3",
                "worker 10"
            ]
        );
        assert!(
            l.rows[0].bars.is_empty(),
            "the main thread did nothing in a pool run"
        );
        assert_eq!(l.lanes, 5);
        let geo = Geometry {
            always_main: false,
            ..Geometry::default()
        };
        assert_eq!(lay(&spans, &geo).rows[0].lane, Lane::Worker(1));
    }

    #[test]
    fn empty_input() {
        let l = lay(&[], &Geometry::default());
        assert_eq!((l.rows.len(), l.lanes, l.bars, l.spans), (1, 1, 0, 0));
        assert_eq!(l.rows[0].lane, Lane::Main);
        assert_eq!(l.height, 18.0);
        let geo = Geometry {
            always_main: false,
            ..Geometry::default()
        };
        let l = lay(&[], &geo);
        assert!(l.rows.is_empty());
        assert_eq!(l.height, 0.0);
        let axis = time_axis(&[], (0.0, 100.0), 5);
        assert_eq!((axis.ticks[0], axis.end_ms), (0.0, 0.0));
        assert!(axis.ticks.len() >= 2);
    }

    #[test]
    fn cooperative_waits_get_sub_rows_and_bars_sit_on_the_scale() {
        // Two tasks compute in turn on the main thread while their IO waits overlap.
        let spans = [
            span(Lane::Main, 0, SpanKind::Compute, 500.0, 510.0),
            span(Lane::Main, 0, SpanKind::Io, 510.0, 560.0),
            span(Lane::Main, 1, SpanKind::Compute, 510.0, 520.0),
            span(Lane::Main, 1, SpanKind::Io, 520.0, 570.0),
            span(Lane::Main, 0, SpanKind::Compute, 560.0, 570.0),
            span(Lane::Main, 1, SpanKind::Compute, 570.0, 580.0),
        ];
        let time = LinearScale::new((0.0, 100.0), (100.0, 900.0));
        let geo = Geometry {
            top: 30.0,
            ..Geometry::default()
        };
        let l = layout(&spans, &time, &geo);
        assert_eq!(l.rows.len(), 3);
        assert!(l.rows.iter().all(|r| r.lane == Lane::Main));
        assert_eq!(l.rows.iter().map(|r| r.sub).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(
            l.rows.iter().map(|r| r.y).collect::<Vec<_>>(),
            [30.0, 52.0, 74.0]
        );
        assert_rows_do_not_overlap(&l);
        let first = l.rows[0].bars[0];
        assert_eq!(
            (first.x, first.width, first.y, first.height),
            (100.0, 80.0, 30.0, 18.0)
        );
        assert_eq!((first.start_ms, first.end_ms), (0.0, 10.0));
        assert_eq!(l.height, 3.0 * 22.0 - 4.0);
        let axis = time_axis(&spans, (100.0, 900.0), 8);
        assert_eq!(axis.ticks.first(), Some(&0.0));
        assert_eq!(axis.ticks.last(), Some(&80.0));
        assert_eq!((axis.step_ms, axis.end_ms), (10.0, 80.0));
    }

    #[test]
    fn non_finite_and_backwards_spans_do_not_break_it() {
        let spans = [
            span(Lane::Worker(0), 0, SpanKind::Compute, f64::NAN, 3.0),
            span(Lane::Worker(0), 1, SpanKind::Compute, 2.0, f64::INFINITY),
            span(Lane::Worker(0), 2, SpanKind::Copy, 5.0, 4.0),
            span(Lane::Worker(0), 3, SpanKind::Compute, 1.0, 6.0),
        ];
        let l = lay(&spans, &Geometry::default());
        assert_eq!((l.spans, l.bars), (2, 2));
        assert!(l
            .rows
            .iter()
            .flat_map(|r| &r.bars)
            .all(|b| b.x.is_finite() && b.width >= 0.0));
    }

    #[test]
    fn a_hundred_thousand_spans_merge_below_the_cap() {
        let started = std::time::Instant::now();
        let mut seed = 9;
        let kinds = [SpanKind::Compute, SpanKind::Io, SpanKind::Locked];
        let mut spans = Vec::new();
        for w in 0..8u16 {
            let mut t = 0.0;
            for i in 0..12_500u32 {
                let len = 0.01 + lcg(&mut seed) * 0.05;
                let gap = if lcg(&mut seed) < 0.01 { 20.0 } else { 0.0 };
                let kind = kinds[(i as usize / 500) % 3];
                spans.push(span(Lane::Worker(w), i, kind, t + gap, t + gap + len));
                t += gap + len;
            }
        }
        let geo = Geometry::default();
        let l = lay(&spans, &geo);
        let px = l.merge_px.expect("merged");
        assert!(px >= geo.min_bar_px);
        assert!(l.bars <= geo.max_bars, "{} bars at {px} px", l.bars);
        assert!(l.bars > 1000, "still shows the shape: {} bars", l.bars);
        assert_eq!(l.spans, 100_000);
        assert_eq!(
            l.rows.len(),
            9,
            "back-to-back spans an ulp apart share a row"
        );
        let represented: u32 = l.rows.iter().flat_map(|r| &r.bars).map(|b| b.spans).sum();
        assert_eq!(represented, 100_000);
        assert_rows_do_not_overlap(&l);
        let kinds_left: Vec<SpanKind> = l.rows[1].bars.iter().map(|b| b.kind).collect();
        for k in kinds {
            assert!(kinds_left.contains(&k), "{k:?} survives merging");
        }
        assert!(
            started.elapsed().as_secs_f64() < 5.0,
            "{:?}",
            started.elapsed()
        );
    }
}
