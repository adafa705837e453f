//! The visible window of a timeline's time axis: zoom (around a point) and pan, always inside
//! the run. Pure; the component maps wheel, buttons and keys onto it.

/// The narrowest window: 10 µs, or a thousandth of the run if that is wider.
pub const MIN_WINDOW_MS: f64 = 0.01;

/// `[start_ms, end_ms]` of a run lasting `total_ms` (ms since the run's start).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub total_ms: f64,
    pub start_ms: f64,
    pub end_ms: f64,
}

impl Viewport {
    /// The whole run.
    pub fn new(total_ms: f64) -> Viewport {
        let total_ms = if total_ms.is_finite() {
            total_ms.max(0.0)
        } else {
            0.0
        };
        Viewport {
            total_ms,
            start_ms: 0.0,
            end_ms: total_ms,
        }
    }

    pub fn width(&self) -> f64 {
        self.end_ms - self.start_ms
    }

    pub fn is_zoomed(&self) -> bool {
        self.width() < self.total_ms
    }

    fn min_width(&self) -> f64 {
        MIN_WINDOW_MS
            .max(self.total_ms / 1_000.0)
            .min(self.total_ms)
    }

    /// Zooms in by `factor` (> 1 in, < 1 out) keeping `anchor_ms` where it is on screen.
    pub fn zoom(&mut self, factor: f64, anchor_ms: f64) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let anchor = if anchor_ms.is_finite() {
            anchor_ms.clamp(self.start_ms, self.end_ms)
        } else {
            (self.start_ms + self.end_ms) / 2.0
        };
        let old = self.width();
        let width = (old / factor).clamp(self.min_width(), self.total_ms);
        let at = if old > 0.0 {
            (anchor - self.start_ms) / old
        } else {
            0.5
        };
        self.place(anchor - at * width, width);
    }

    /// Shifts the window by `delta_ms`, stopping at the run's ends.
    pub fn pan(&mut self, delta_ms: f64) {
        if delta_ms.is_finite() {
            self.place(self.start_ms + delta_ms, self.width());
        }
    }

    /// A drag of the drawing by `dx_px` (rightwards > 0) on a plot `plot_px` wide: the bars
    /// follow the pointer, so dragging right shows earlier times.
    pub fn drag(&mut self, dx_px: f64, plot_px: f64) {
        if plot_px > 0.0 && dx_px.is_finite() {
            self.pan(-dx_px * self.width() / plot_px);
        }
    }

    /// A mouse-wheel turn of `delta_y` (negative: away from the reader, zoom in) at `anchor_ms`:
    /// each 100 units (one notch of a common wheel) zooms by 1.25×, a trackpad's small steps
    /// zoom smoothly, and one event never zooms by more than 4×.
    pub fn wheel(&mut self, delta_y: f64, anchor_ms: f64) {
        if delta_y.is_finite() && delta_y != 0.0 {
            let factor = 1.25f64.powf(-delta_y / 100.0).clamp(0.25, 4.0);
            self.zoom(factor, anchor_ms);
        }
    }

    /// Back to the whole run.
    pub fn reset(&mut self) {
        *self = Viewport::new(self.total_ms);
    }

    /// The run grew or changed: keep the window where possible (the whole run stays whole).
    pub fn set_total(&mut self, total_ms: f64) {
        let whole = !self.is_zoomed();
        let next = Viewport::new(total_ms);
        if whole {
            *self = next;
        } else {
            let width = self.width().min(next.total_ms);
            self.total_ms = next.total_ms;
            self.place(self.start_ms, width);
        }
    }

    fn place(&mut self, start: f64, width: f64) {
        let start = start.clamp(0.0, (self.total_ms - width).max(0.0));
        self.start_ms = start;
        self.end_ms = (start + width).min(self.total_ms);
    }
}

/// The shortest time axis of a run in progress: its first drawing comes after about this long,
/// and before any span has arrived the axis still reads as time.
pub const LIVE_MIN_MS: f64 = 500.0;

/// The time axis of a run in progress: the smallest 1, 2 or 5 × 10ᵏ ms that holds
/// `elapsed_ms`, at least [`LIVE_MIN_MS`]. It changes a few times per tenfold of the run's
/// length, so between changes the bars already drawn keep their places and a redraw only adds
/// the new ones (on a machine whose cores all run the workers, every redrawn bar is time taken
/// from them).
pub fn live_total_ms(elapsed_ms: f64) -> f64 {
    if !(elapsed_ms.is_finite() && elapsed_ms > LIVE_MIN_MS) {
        return LIVE_MIN_MS;
    }
    let base = 10f64.powf(elapsed_ms.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * base)
        .find(|&t| t >= elapsed_ms)
        .unwrap_or(10.0 * base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_axis_grows_in_1_2_5_steps() {
        let cases = [
            (0.0, 500.0),
            (-3.0, 500.0),
            (f64::NAN, 500.0),
            (f64::INFINITY, 500.0),
            (0.3, 500.0),
            (180.0, 500.0),
            (500.0, 500.0),
            (500.1, 1_000.0),
            (999.9999, 1_000.0),
            (1_000.0, 1_000.0),
            (1_400.0, 2_000.0),
            (4_100.0, 5_000.0),
            (5_000.1, 10_000.0),
        ];
        for (elapsed, axis) in cases {
            assert_eq!(live_total_ms(elapsed), axis, "{elapsed}");
        }
        // Between two steps the axis holds still: 25 redraws of a 2.5 s run see 4 axes.
        let axes: std::collections::BTreeSet<u64> = (1..=25)
            .map(|i| live_total_ms(i as f64 * 100.0) as u64)
            .collect();
        assert_eq!(
            axes.into_iter().collect::<Vec<_>>(),
            [500, 1_000, 2_000, 5_000]
        );
        assert_eq!(live_total_ms(12_345.0), 20_000.0);
    }

    #[test]
    fn zoom_keeps_the_anchor_in_place() {
        let mut v = Viewport::new(1_000.0);
        assert!(!v.is_zoomed());
        v.zoom(2.0, 250.0);
        assert_eq!((v.start_ms, v.end_ms), (125.0, 625.0));
        assert!(v.is_zoomed());
        v.zoom(0.5, 250.0);
        assert_eq!((v.start_ms, v.end_ms), (0.0, 1_000.0));
    }

    #[test]
    fn the_wheel_zooms_around_the_pointer_and_a_drag_moves_the_bars_with_it() {
        let mut v = Viewport::new(1_000.0);
        // One notch away from the reader: 1.25× in, 750 ms stays where it was on screen.
        v.wheel(-100.0, 750.0);
        assert!((v.width() - 800.0).abs() < 1e-9);
        assert!(((750.0 - v.start_ms) / v.width() - 0.75).abs() < 1e-9);
        // One notch back: the whole run again.
        v.wheel(100.0, 750.0);
        assert_eq!((v.start_ms, v.end_ms), (0.0, 1_000.0));
        // A flick is capped at 4×; nonsense changes nothing.
        v.wheel(-100_000.0, 0.0);
        assert!((v.width() - 250.0).abs() < 1e-9);
        let before = v;
        v.wheel(f64::NAN, 0.0);
        v.wheel(0.0, 0.0);
        v.drag(f64::INFINITY, 800.0);
        v.drag(10.0, 0.0);
        assert_eq!(v, before);
        // 250 ms across 800 px: dragging 320 px left shows 100 ms later.
        v.drag(-320.0, 800.0);
        assert!((v.start_ms - 100.0).abs() < 1e-9, "{v:?}");
        // Dragging right past the start stops there.
        v.drag(10_000.0, 800.0);
        assert_eq!(v.start_ms, 0.0);
    }

    #[test]
    fn zoom_and_pan_stay_inside_the_run() {
        let mut v = Viewport::new(1_000.0);
        v.zoom(4.0, 990.0);
        assert!(v.end_ms <= 1_000.0 && v.start_ms >= 0.0);
        assert!((v.width() - 250.0).abs() < 1e-9);
        v.pan(10_000.0);
        assert_eq!((v.start_ms, v.end_ms), (750.0, 1_000.0));
        v.pan(-10_000.0);
        assert_eq!((v.start_ms, v.end_ms), (0.0, 250.0));
        v.zoom(0.001, 0.0);
        assert_eq!(
            (v.start_ms, v.end_ms),
            (0.0, 1_000.0),
            "zoom out stops at the run"
        );
        v.zoom(1e12, 500.0);
        assert!(
            (v.width() - 1.0).abs() < 1e-9,
            "a thousandth of the run at most: {v:?}"
        );
        v.pan(f64::NAN);
        v.zoom(f64::NAN, 0.0);
        v.zoom(-2.0, 0.0);
        assert!((v.width() - 1.0).abs() < 1e-9);
        v.reset();
        assert!(!v.is_zoomed());
    }

    #[test]
    fn tiny_and_empty_runs() {
        let mut v = Viewport::new(0.005);
        v.zoom(100.0, 0.0);
        assert_eq!(
            (v.start_ms, v.end_ms),
            (0.0, 0.005),
            "cannot zoom below 10 µs"
        );
        let mut e = Viewport::new(f64::NAN);
        e.zoom(2.0, 1.0);
        e.pan(3.0);
        assert_eq!((e.start_ms, e.end_ms, e.total_ms), (0.0, 0.0, 0.0));
    }

    #[test]
    fn a_growing_run_keeps_the_window() {
        let mut v = Viewport::new(100.0);
        v.set_total(200.0);
        assert_eq!((v.start_ms, v.end_ms), (0.0, 200.0), "whole stays whole");
        v.zoom(4.0, 100.0);
        let before = (v.start_ms, v.end_ms);
        v.set_total(400.0);
        assert_eq!((v.start_ms, v.end_ms), before);
        v.set_total(10.0);
        assert!(v.end_ms <= 10.0 && v.start_ms >= 0.0);
    }
}

/// The time axis for the window `v` drawn across `x_range`: the scale maps the window onto the
/// pixels, ticks are the round times inside it (µs/ms/s labels follow `step_ms`).
pub fn window_axis(v: &Viewport, x_range: (f64, f64), target_ticks: usize) -> super::Axis {
    use crate::chart::scale::{nice_step, LinearScale};
    let (lo, hi) = (v.start_ms, v.end_ms.max(v.start_ms + 1e-9));
    let step = nice_step(hi - lo, target_ticks.max(1));
    let first = (lo / step).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    let ticks = (first..=last.max(first))
        .map(|i| i as f64 * step)
        .filter(|t| *t <= hi + step * 1e-9)
        .collect();
    super::Axis {
        scale: LinearScale::new((lo, hi), x_range),
        ticks,
        step_ms: step,
        end_ms: v.total_ms,
    }
}

#[cfg(test)]
mod axis_tests {
    use super::*;
    use crate::chart::format_duration_ms;

    #[test]
    fn zoomed_ticks_stay_in_the_window_and_read_in_finer_units() {
        let mut v = Viewport::new(5_000.0);
        let whole = window_axis(&v, (100.0, 900.0), 8);
        assert_eq!(whole.step_ms, 1_000.0);
        assert_eq!(
            whole.ticks,
            vec![0.0, 1_000.0, 2_000.0, 3_000.0, 4_000.0, 5_000.0]
        );
        assert_eq!(format_duration_ms(whole.ticks[2], whole.step_ms), "2 s");
        v.zoom(1_000.0, 2_500.0);
        let near = window_axis(&v, (100.0, 900.0), 8);
        assert!(near.ticks.len() >= 3);
        assert!(near
            .ticks
            .iter()
            .all(|&t| t >= v.start_ms - 1e-9 && t <= v.end_ms + 1e-9));
        assert_eq!(near.scale.map(v.start_ms), 100.0);
        assert_eq!(near.scale.map(v.end_ms), 900.0);
        assert!(format_duration_ms(near.ticks[1], near.step_ms).ends_with("ms"));
        v.zoom(1e9, 2_500.0);
        let tiny = window_axis(&Viewport::new(0.2), (0.0, 100.0), 4);
        assert!(format_duration_ms(tiny.ticks[1], tiny.step_ms).ends_with("µs"));
    }
}
