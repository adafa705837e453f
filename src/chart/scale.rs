//! The one linear scale every chart uses, and "nice" axis ticks (steps of 1, 2 or 5 × 10ⁿ).
//! Tick labels for durations live in [`super::ticks`].

/// Maps a data interval (`domain`) onto a pixel interval (`range`) linearly; either may run
/// backwards (a y axis usually does).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        LinearScale { domain, range }
    }

    /// The pixel for data value `v`. Values outside the domain extrapolate; an empty domain
    /// maps everything to the start of the range.
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The data value at pixel `px` (the inverse of [`map`](Self::map)); an empty range maps
    /// everything to the start of the domain.
    pub fn invert(&self, px: f64) -> f64 {
        LinearScale::new(self.range, self.domain).map(px)
    }
}

/// A tick step as mantissa (1, 2 or 5) × 10^exponent, kept apart so tick values are computed
/// exactly (`3 × 0.1` is `0.30000000000000004`, `3 / 10` is `0.3`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Step {
    mantissa: f64,
    exponent: i32,
}

impl Step {
    /// The smallest 1-2-5 step that cuts `span` into at most `count` intervals.
    fn for_span(span: f64, count: usize) -> Step {
        let raw = span / count.max(1) as f64;
        if !(raw.is_finite() && raw > 0.0) {
            return Step {
                mantissa: 1.0,
                exponent: 0,
            };
        }
        let exponent = raw.log10().floor() as i32;
        let m = raw / 10f64.powi(exponent);
        let (mantissa, exponent) = match m {
            m if m <= 1.0 + 1e-9 => (1.0, exponent),
            m if m <= 2.0 + 1e-9 => (2.0, exponent),
            m if m <= 5.0 + 1e-9 => (5.0, exponent),
            _ => (1.0, exponent + 1),
        };
        Step { mantissa, exponent }
    }

    /// `i` steps from zero.
    fn times(self, i: f64) -> f64 {
        let n = i * self.mantissa;
        if self.exponent >= 0 {
            n * 10f64.powi(self.exponent)
        } else {
            n / 10f64.powi(-self.exponent)
        }
    }

    fn value(self) -> f64 {
        self.times(1.0)
    }
}

/// The 1-2-5 step [`nice_ticks`] uses for an interval of length `span` and `target_count`
/// intervals (1 for an empty or non-finite span).
pub fn nice_step(span: f64, target_count: usize) -> f64 {
    Step::for_span(span, target_count).value()
}

/// Round tick values, evenly spaced by a 1-2-5 step, that cover `[lo, hi]`: the first is ≤ `lo`,
/// the last ≥ `hi`, so a chart can use the first and last as its domain. About `target_count`
/// intervals (never more than `target_count + 2`).
///
/// Always at least two finite ticks: the bounds may come in either order; an empty interval is
/// widened around its value; a non-finite bound is replaced by the other (or by 0).
pub fn nice_ticks(lo: f64, hi: f64, target_count: usize) -> Vec<f64> {
    const LIMIT: f64 = 1e300;
    let fix = |v: f64, other: f64| {
        let v = if v.is_finite() {
            v
        } else if other.is_finite() {
            other
        } else {
            0.0
        };
        v.clamp(-LIMIT, LIMIT)
    };
    let (a, b) = (fix(lo, hi), fix(hi, lo));
    let (mut lo, mut hi) = if a <= b { (a, b) } else { (b, a) };
    if lo == hi {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() / 2.0 };
        (lo, hi) = if lo >= 0.0 && lo - pad < 0.0 {
            (0.0, lo + pad)
        } else {
            (lo - pad, hi + pad)
        };
    }
    let step = Step::for_span(hi - lo, target_count);
    let s = step.value();
    let first = (lo / s + 1e-9).floor();
    let last = (hi / s - 1e-9).ceil().max(first + 1.0);
    if last - first > target_count.max(1) as f64 + 2.0 {
        // Only when precision runs out (huge values, tiny spans): fall back to the bounds.
        return vec![lo, hi];
    }
    let mut ticks: Vec<f64> = (0..=(last - first) as usize)
        .map(|i| step.times(first + i as f64))
        .collect();
    ticks.dedup();
    if ticks.len() < 2 || ticks[0] > lo || ticks[ticks.len() - 1] < hi {
        return vec![lo, hi];
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no extra crates): 64-bit LCG, top bits as a float in [0, 1).
    pub(crate) fn lcg(seed: &mut u64) -> f64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 11) as f64 / (1u64 << 53) as f64
    }

    fn is_125(step: f64) -> bool {
        let m = step / 10f64.powf(step.log10().floor());
        [1.0, 2.0, 5.0, 10.0].iter().any(|n| (m - n).abs() < 1e-6)
    }

    #[test]
    fn map_and_invert_round_trip() {
        let x = LinearScale::new((0.0, 200.0), (100.0, 900.0));
        assert_eq!(x.map(0.0), 100.0);
        assert_eq!(x.map(100.0), 500.0);
        assert_eq!(x.map(200.0), 900.0);
        assert_eq!(x.invert(500.0), 100.0);
        let y = LinearScale::new((0.0, 8.0), (300.0, 0.0));
        assert_eq!(y.map(2.0), 225.0);
        for v in [-3.0, 0.5, 7.25, 12.0] {
            assert!((y.invert(y.map(v)) - v).abs() < 1e-12);
        }
    }

    #[test]
    fn empty_domain_or_range_does_not_divide_by_zero() {
        let s = LinearScale::new((5.0, 5.0), (10.0, 90.0));
        assert_eq!(s.map(5.0), 10.0);
        assert_eq!(s.map(7.0), 10.0);
        let s = LinearScale::new((0.0, 1.0), (40.0, 40.0));
        assert_eq!(s.invert(40.0), 0.0);
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(
            nice_ticks(0.0, 93.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(nice_ticks(0.3, 0.7, 4), vec![0.3, 0.4, 0.5, 0.6, 0.7]);
        assert_eq!(
            nice_ticks(-7.0, 12.0, 4),
            vec![-10.0, -5.0, 0.0, 5.0, 10.0, 15.0]
        );
        assert_eq!(nice_step(1234.0, 5), 500.0);
    }

    #[test]
    fn ticks_cover_any_range_with_125_steps() {
        let mut seed = 7;
        for _ in 0..5_000 {
            let mag = 10f64.powf(lcg(&mut seed) * 16.0 - 8.0);
            let lo = (lcg(&mut seed) - 0.5) * mag * 3.0;
            let hi = lo + lcg(&mut seed) * mag + 1e-12;
            let target = 1 + (lcg(&mut seed) * 12.0) as usize;
            let t = nice_ticks(lo, hi, target);
            assert!(
                t.len() >= 2 && t.len() <= target + 3,
                "{lo} {hi} {target}: {t:?}"
            );
            assert!(t[0] <= lo && *t.last().unwrap() >= hi, "{lo} {hi}: {t:?}");
            let step = t[1] - t[0];
            assert!(is_125(step), "{step} from {t:?}");
            for w in t.windows(2) {
                assert!(((w[1] - w[0]) - step).abs() <= step * 1e-6, "{t:?}");
            }
        }
    }

    #[test]
    fn degenerate_input_still_gives_two_ticks() {
        assert_eq!(nice_ticks(0.0, 0.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        let t = nice_ticks(5.0, 5.0, 5);
        assert!(t[0] <= 5.0 && *t.last().unwrap() >= 5.0 && t.len() >= 2);
        assert_eq!(nice_ticks(10.0, 0.0, 5), nice_ticks(0.0, 10.0, 5));
        assert_eq!(nice_ticks(0.0, 10.0, 0), vec![0.0, 10.0]);
        for (lo, hi) in [
            (f64::NAN, f64::NAN),
            (f64::NAN, 3.0),
            (0.0, f64::INFINITY),
            (f64::NEG_INFINITY, f64::INFINITY),
            (-f64::MAX, f64::MAX),
            (1e17, 1e17 + 16.0),
            (1e-320, 2e-320),
        ] {
            let t = nice_ticks(lo, hi, 5);
            assert!(t.len() >= 2, "{lo} {hi}: {t:?}");
            assert!(t.iter().all(|v| v.is_finite()), "{lo} {hi}: {t:?}");
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{lo} {hi}: {t:?}");
        }
    }
}
