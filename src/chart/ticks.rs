//! Labels for durations: on an axis (the unit and decimals follow the tick step, so every label
//! on one axis reads alike) and on their own (about three significant digits).

/// A duration label for an axis whose ticks are `step_ms` apart: microseconds for steps below
/// half a millisecond ("250 µs"), milliseconds up to half a second ("12 ms", "2.5 ms"), seconds
/// above ("1.5 s"); no more decimals than the step needs. A missing or non-positive step falls
/// back to [`format_duration`].
pub fn format_duration_ms(ms: f64, step_ms: f64) -> String {
    if !ms.is_finite() {
        return "–".into();
    }
    if !(step_ms.is_finite() && step_ms > 0.0) {
        return format_duration(ms);
    }
    // Half a unit, not one: a 0.5 ms step reads better as "2.5 ms" than "2500 µs".
    let (unit, per_unit) = match step_ms {
        s if s < 0.5 => ("µs", 1e-3),
        s if s < 500.0 => ("ms", 1.0),
        _ => ("s", 1e3),
    };
    let decimals = decimals_for(step_ms / per_unit);
    format!("{} {unit}", fixed(ms / per_unit, decimals))
}

/// A duration on its own (a tooltip, a result): the unit follows its size, with about three
/// significant digits and no trailing zeros ("850 µs", "2.5 ms", "12.3 ms", "1.25 s").
pub fn format_duration(ms: f64) -> String {
    if !ms.is_finite() {
        return "–".into();
    }
    let (unit, per_unit) = match ms.abs() {
        a if a > 0.0 && a < 1.0 => ("µs", 1e-3),
        a if a < 1e3 => ("ms", 1.0),
        _ => ("s", 1e3),
    };
    let v = ms / per_unit;
    let decimals = match v.abs() {
        a if a >= 99.95 => 0,
        a if a >= 9.995 => 1,
        _ => 2,
    };
    let text = fixed(v, decimals);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    format!("{text} {unit}")
}

/// The fewest decimals (up to 6) that write `step` without rounding it.
fn decimals_for(step: f64) -> usize {
    (0..=6)
        .find(|&d| {
            let x = step * 10f64.powi(d as i32);
            (x - x.round()).abs() < 1e-9 * x.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// `v` with `decimals` places; zero (or what rounds to it) as plain "0", never "-0".
fn fixed(v: f64, decimals: usize) -> String {
    let text = format!("{v:.decimals$}");
    if text
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        return "0".into();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::scale::nice_ticks;

    #[test]
    fn axis_labels_follow_the_step() {
        assert_eq!(format_duration_ms(0.25, 0.05), "250 µs");
        assert_eq!(format_duration_ms(0.0, 0.05), "0 µs");
        assert_eq!(format_duration_ms(12.0, 2.0), "12 ms");
        assert_eq!(format_duration_ms(2.5, 0.5), "2.5 ms");
        assert_eq!(format_duration_ms(1500.0, 500.0), "1.5 s");
        assert_eq!(format_duration_ms(3000.0, 1000.0), "3 s");
        assert_eq!(format_duration_ms(0.0035, 0.0005), "3.5 µs");
        assert_eq!(format_duration_ms(120.0, 20.0), "120 ms");
        assert_eq!(format_duration_ms(60_000.0, 10_000.0), "60 s");
    }

    #[test]
    fn labels_of_one_axis_share_unit_and_decimals() {
        let ticks = nice_ticks(0.0, 0.7, 5);
        let step = ticks[1] - ticks[0];
        let labels: Vec<String> = ticks.iter().map(|&t| format_duration_ms(t, step)).collect();
        assert_eq!(labels, ["0 µs", "200 µs", "400 µs", "600 µs", "800 µs"]);
        let ticks = nice_ticks(0.0, 3.2, 8);
        let step = ticks[1] - ticks[0];
        let labels: Vec<String> = ticks.iter().map(|&t| format_duration_ms(t, step)).collect();
        assert_eq!(
            labels,
            ["0 ms", "0.5 ms", "1.0 ms", "1.5 ms", "2.0 ms", "2.5 ms", "3.0 ms", "3.5 ms"]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        assert_eq!(format_duration_ms(f64::NAN, 1.0), "–");
        assert_eq!(format_duration_ms(2.5, 0.0), "2.5 ms");
        assert_eq!(format_duration_ms(2.5, f64::NAN), "2.5 ms");
        assert_eq!(format_duration_ms(-0.0001, 1.0), "0 ms");
        assert_eq!(format_duration_ms(1.0 / 3.0, 1.0 / 3.0), "333.333333 µs");
    }

    #[test]
    fn standalone_durations_keep_three_digits() {
        assert_eq!(format_duration(0.85), "850 µs");
        assert_eq!(format_duration(2.5), "2.5 ms");
        assert_eq!(format_duration(12.34), "12.3 ms");
        assert_eq!(format_duration(1250.0), "1.25 s");
        assert_eq!(format_duration(0.0), "0 ms");
        assert_eq!(format_duration(0.0001234), "0.12 µs");
        assert_eq!(format_duration(f64::INFINITY), "–");
    }
}
