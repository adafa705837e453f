//! Amdahl's law, S(n) = 1 / (s + (1 − s) / n), fitted to measured speedups: the serial
//! fraction `s` that best explains them, and the curve it predicts.

/// The speedup Amdahl's law predicts on `threads` threads for serial fraction `serial`.
pub fn speedup(serial: f64, threads: f64) -> f64 {
    1.0 / (serial + (1.0 - serial) / threads)
}

/// The serial fraction that best fits some measurements.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AmdahlFit {
    /// In [0, 1]: 0 is perfectly parallel, 1 gains nothing from threads.
    pub serial_fraction: f64,
    /// Root-mean-square difference between measured and predicted speedups.
    pub rmse: f64,
    /// Measurements used (those with finite, positive values and at least one thread).
    pub points: usize,
}

impl AmdahlFit {
    pub fn speedup(&self, threads: f64) -> f64 {
        speedup(self.serial_fraction, threads)
    }

    /// The speedup no number of threads can exceed, 1 / s (`None` when s is 0: unbounded).
    pub fn ceiling(&self) -> Option<f64> {
        (self.serial_fraction > 0.0).then(|| 1.0 / self.serial_fraction)
    }

    /// `samples` points (threads, speedup) from 1 to `max_threads` threads, evenly spaced,
    /// for drawing the fitted curve.
    pub fn curve(&self, max_threads: f64, samples: usize) -> Vec<(f64, f64)> {
        let max = if max_threads.is_finite() {
            max_threads.max(1.0)
        } else {
            1.0
        };
        let samples = samples.max(2);
        (0..samples)
            .map(|i| {
                let n = 1.0 + (max - 1.0) * i as f64 / (samples - 1) as f64;
                (n, self.speedup(n))
            })
            .collect()
    }
}

/// Fits Amdahl's law to measured `(threads, speedup)` points by least squares on the speedups
/// (what the chart shows), over s ∈ [0, 1]. Points with a non-finite or non-positive value or
/// fewer than one thread are ignored. `None` when no usable point has more than one thread:
/// one thread says nothing about the serial fraction.
pub fn fit(points: &[(f64, f64)]) -> Option<AmdahlFit> {
    let usable: Vec<(f64, f64)> = points
        .iter()
        .copied()
        .filter(|&(n, y)| n.is_finite() && n >= 1.0 && y.is_finite() && y > 0.0)
        .collect();
    if !usable.iter().any(|&(n, _)| n > 1.0) {
        return None;
    }
    let sse = |s: f64| -> f64 {
        usable
            .iter()
            .map(|&(n, y)| (speedup(s, n) - y).powi(2))
            .sum()
    };
    // A coarse grid finds the right valley (the error need not be unimodal over all of
    // [0, 1]); golden-section search then refines within one grid cell either side.
    const GRID: usize = 200;
    let best = (0..=GRID)
        .map(|i| i as f64 / GRID as f64)
        .min_by(|a, b| sse(*a).total_cmp(&sse(*b)))
        .unwrap_or(0.0);
    let cell = 1.0 / GRID as f64;
    let (mut a, mut b) = ((best - cell).max(0.0), (best + cell).min(1.0));
    let ratio = (5f64.sqrt() - 1.0) / 2.0;
    let mut c = b - ratio * (b - a);
    let mut d = a + ratio * (b - a);
    for _ in 0..60 {
        if sse(c) < sse(d) {
            b = d;
        } else {
            a = c;
        }
        c = b - ratio * (b - a);
        d = a + ratio * (b - a);
    }
    let s = [best, (a + b) / 2.0]
        .into_iter()
        .min_by(|x, y| sse(*x).total_cmp(&sse(*y)))
        .unwrap_or(best);
    Some(AmdahlFit {
        serial_fraction: s,
        rmse: (sse(s) / usable.len() as f64).sqrt(),
        points: usable.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(s: f64, threads: &[f64]) -> Vec<(f64, f64)> {
        threads.iter().map(|&n| (n, speedup(s, n))).collect()
    }

    #[test]
    fn the_law_itself() {
        assert_eq!(speedup(0.0, 8.0), 8.0);
        assert_eq!(speedup(1.0, 8.0), 1.0);
        assert!((speedup(0.1, 4.0) - 1.0 / 0.325).abs() < 1e-12);
        assert_eq!(speedup(0.5, 1.0), 1.0);
    }

    #[test]
    fn exact_data_gives_back_its_serial_fraction() {
        let threads = [1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0];
        for s in [0.0, 0.1, 0.037, 0.25, 0.5, 0.9, 1.0] {
            let f = fit(&exact(s, &threads)).unwrap();
            assert!((f.serial_fraction - s).abs() < 1e-3, "{s}: {f:?}");
            assert!(f.rmse < 1e-3, "{s}: {f:?}");
            assert_eq!(f.points, threads.len());
        }
        let f = fit(&exact(0.1, &[2.0])).unwrap();
        assert!(
            (f.serial_fraction - 0.1).abs() < 1e-3,
            "one point is enough: {f:?}"
        );
    }

    #[test]
    fn noisy_data_gives_a_reasonable_fit() {
        // ±5% deterministic noise around s = 0.2.
        let noise = [1.03, 0.96, 1.05, 0.98, 1.01, 0.95, 1.04, 0.99];
        let points: Vec<(f64, f64)> = (1..=8)
            .zip(noise)
            .map(|(n, k)| (n as f64, speedup(0.2, n as f64) * k))
            .collect();
        let f = fit(&points).unwrap();
        assert!((f.serial_fraction - 0.2).abs() < 0.03, "{f:?}");
        assert!(f.rmse > 0.0 && f.rmse < 0.2, "{f:?}");
    }

    #[test]
    fn superlinear_and_slowdowns_clamp_to_the_bounds() {
        let f = fit(&[(2.0, 2.5), (4.0, 5.0)]).unwrap();
        assert_eq!(f.serial_fraction, 0.0);
        assert_eq!(f.ceiling(), None);
        let f = fit(&[(2.0, 0.7), (4.0, 0.5)]).unwrap();
        assert_eq!(f.serial_fraction, 1.0);
        assert_eq!(f.ceiling(), Some(1.0));
    }

    #[test]
    fn degenerate_input_does_not_panic() {
        assert_eq!(fit(&[]), None);
        assert_eq!(fit(&[(1.0, 1.0)]), None, "one thread says nothing");
        assert_eq!(
            fit(&[(f64::NAN, 2.0), (4.0, f64::INFINITY), (0.0, 1.0)]),
            None
        );
        assert_eq!(fit(&[(-3.0, 2.0), (4.0, -1.0), (4.0, 0.0)]), None);
        let f = fit(&[(f64::NAN, 1.0), (4.0, speedup(0.1, 4.0))]).unwrap();
        assert_eq!(f.points, 1);
        assert!((f.serial_fraction - 0.1).abs() < 1e-3);
    }

    #[test]
    fn curve_spans_one_to_max_threads() {
        let f = AmdahlFit {
            serial_fraction: 0.1,
            rmse: 0.0,
            points: 0,
        };
        let c = f.curve(16.0, 16);
        assert_eq!(c.len(), 16);
        assert_eq!(c[0], (1.0, 1.0));
        assert_eq!(c[15].0, 16.0);
        assert!((c[15].1 - 6.4).abs() < 1e-9);
        assert!(c.windows(2).all(|w| w[0].1 < w[1].1));
        assert_eq!(f.curve(f64::NAN, 0).len(), 2);
        assert!(f.curve(0.5, 3).iter().all(|&(n, y)| n == 1.0 && y == 1.0));
        assert_eq!(f.ceiling(), Some(10.0));
    }
}
