//! The wall chart on known runs: the speed note, bars to scale with their parts in order (starting before overhead), and the phone layout.

use super::*;

fn run(tag: &'static str, wall_ms: f64, compute_ms: f64) -> Run {
    Run {
        tag,
        label: tag.to_owned(),
        wall_ms,
        breakdown: Breakdown {
            wall_ms,
            lanes: 1,
            compute_ms,
            wait_ms: 0.0,
            copy_ms: 0.0,
            start_ms: 0.0,
            overhead_ms: wall_ms - compute_ms,
        },
        summary: "664,579 primes below 10,000,000".to_owned(),
        is_main: tag == "main",
    }
}

#[test]
fn a_slower_pool_is_called_slower_never_a_fraction_faster() {
    let main = Some(100.0);
    let slow = run("pool", 196.0, 150.0);
    assert_eq!(
        versus_main(Lang::Zh, main, &slow).unwrap(),
        "比主线程慢 1.96×"
    );
    assert_eq!(
        versus_main(Lang::En, main, &slow).unwrap(),
        "1.96× slower than the main thread"
    );
    let fast = run("pool", 51.0, 50.0);
    assert_eq!(
        versus_main(Lang::Zh, main, &fast).unwrap(),
        "比主线程快 1.96×"
    );
    let even = run("pool", 100.2, 99.0);
    assert_eq!(
        versus_main(Lang::En, main, &even).unwrap(),
        "as fast as the main thread"
    );
}

#[test]
fn no_comparison_for_the_main_thread_itself_or_without_it() {
    let main = run("main", 100.0, 100.0);
    assert_eq!(versus_main(Lang::En, Some(100.0), &main), None);
    assert_eq!(versus_main(Lang::En, None, &run("pool", 50.0, 50.0)), None);
    assert_eq!(
        versus_main(Lang::En, Some(100.0), &run("pool", 0.0, 0.0)),
        None
    );
}

#[test]
fn bars_are_drawn_to_scale_and_their_parts_follow_each_other() {
    for layout in [Layout::Wide, Layout::Narrow] {
        let c = chart(
            &[run("main", 400.0, 400.0), run("pool", 200.0, 180.0)],
            Lang::En,
            layout,
        );
        let [main, pool] = &c.rows[..] else { panic!() };
        let end = |r: &Row| r.segments.last().map(|s| s.x + s.width).unwrap();
        let start = main.segments[0].x;
        // The pool's bar is half the main thread's.
        let ratio = (end(pool) - start) / (end(main) - start);
        assert!((ratio - 0.5).abs() < 1e-9, "{layout:?}: {ratio}");
        for pair in pool.segments.windows(2) {
            assert!((pair[0].x + pair[0].width - pair[1].x).abs() < 1e-9);
        }
        assert_eq!(
            pool.segments.len(),
            2,
            "compute and overhead; empty parts are left out"
        );
        // Everything fits the chart's width, and rows do not overlap.
        for r in &c.rows {
            assert!(end(r) <= c.width);
            assert!(r.notes.iter().all(|n| n.y < c.height));
        }
        assert!(main.notes.last().unwrap().y < pool.label.y.min(pool.bar_y));
        // Tick labels are centred on their ticks: the first ("0 s") needs room to its left.
        assert!(c.ticks[0].x >= 12.0, "{layout:?}");
        assert!(c.ticks.iter().all(|t| t.x <= c.width - 12.0));
    }
}

#[test]
fn a_fresh_process_runs_start_up_is_a_part_of_its_bar_before_the_overhead() {
    let mut fresh = run("procs-fresh", 100.0, 20.0);
    fresh.breakdown.start_ms = 70.0;
    fresh.breakdown.overhead_ms = 10.0;
    let c = chart(&[fresh], Lang::En, Layout::Wide);
    let parts: Vec<(Part, f64)> = c.rows[0].segments.iter().map(|s| (s.part, s.ms)).collect();
    assert_eq!(
        parts,
        [
            (Part::Compute, 20.0),
            (Part::Start, 70.0),
            (Part::Overhead, 10.0)
        ]
    );
}

#[test]
fn a_phone_gets_the_name_above_the_bar_and_the_note_on_two_lines() {
    let runs = [run("main", 400.0, 400.0), run("pool", 800.0, 700.0)];
    let narrow = chart(&runs, Lang::Zh, Layout::Narrow);
    assert_eq!(narrow.width, 380.0);
    let pool = &narrow.rows[1];
    assert_eq!(pool.label_anchor, "start");
    assert!(pool.label.y < pool.bar_y);
    let notes: Vec<&str> = pool.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        notes,
        [
            "800 ms · 比主线程慢 2.00×",
            "664,579 primes below 10,000,000"
        ]
    );
    let wide = chart(&runs, Lang::En, Layout::Wide);
    assert_eq!(wide.rows[1].label_anchor, "end");
    assert_eq!(
        wide.rows[1].notes[0].text,
        "800 ms · 664,579 primes below 10,000,000 · 2.00× slower than the main thread"
    );
    assert_eq!(Layout::for_width(390.0), Layout::Narrow);
    assert_eq!(Layout::for_width(1280.0), Layout::Wide);
    assert_eq!(Layout::for_width(0.0), Layout::Wide, "unknown: wide");
}
