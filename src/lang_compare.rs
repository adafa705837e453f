//! Lesson 16's comparison: one kernel (primes below N) in WebAssembly and in plain JavaScript
//! on the main thread, beside the native figures the project's benchmark measured.
//!
//! The native figures come from `cargo run --release --bin bench -- --save
//! www/native-figures.txt` (run by `scripts/bench.sh`) and are built into the page, so they
//! say which machine and day they are from; the browser figures are measured on the reader's
//! machine when they press Run.

/// Native timings of `primes::count_serial` / `count_parallel` as the benchmark saved them.
#[derive(Debug, Clone, PartialEq)]
pub struct NativeFigures {
    /// Primes below `n`.
    pub n: u64,
    pub serial_ms: f64,
    pub parallel_ms: f64,
    pub threads: u32,
    /// When and where they were measured (free text from the benchmark, e.g. a date).
    pub measured: String,
}

/// The figures saved with the source, if the file is well formed.
pub fn saved() -> Option<NativeFigures> {
    parse(include_str!("../www/native-figures.txt")).ok()
}

/// Reads `key=value` lines (`#` comments allowed); all of `n`, `serial_ms`, `parallel_ms`,
/// `threads` are required and must be positive.
pub fn parse(text: &str) -> Result<NativeFigures, String> {
    let mut fig = NativeFigures {
        n: 0,
        serial_ms: 0.0,
        parallel_ms: 0.0,
        threads: 0,
        measured: String::new(),
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .ok_or(format!("not key=value: {line}"))?;
        let bad = || format!("bad value for {key}: {value}");
        match key.trim() {
            "n" => fig.n = value.trim().parse().map_err(|_| bad())?,
            "serial_ms" => fig.serial_ms = value.trim().parse().map_err(|_| bad())?,
            "parallel_ms" => fig.parallel_ms = value.trim().parse().map_err(|_| bad())?,
            "threads" => fig.threads = value.trim().parse().map_err(|_| bad())?,
            "measured" => fig.measured = value.trim().to_string(),
            _ => {} // newer benchmarks may save more
        }
    }
    let positive = |x: f64| x.is_finite() && x > 0.0;
    if fig.n == 0 || fig.threads == 0 || !positive(fig.serial_ms) || !positive(fig.parallel_ms) {
        return Err("missing or non-positive figures".into());
    }
    Ok(fig)
}

impl NativeFigures {
    /// The text [`parse`] reads.
    pub fn to_text(&self) -> String {
        format!(
            "# Native primes kernel (src/bin/bench.rs); rewritten by scripts/bench.sh.\n\
             n={}\nserial_ms={:.3}\nparallel_ms={:.3}\nthreads={}\nmeasured={}\n",
            self.n, self.serial_ms, self.parallel_ms, self.threads, self.measured
        )
    }
}

/// One bar of the comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row {
    Wasm,
    Js,
    NativeSerial,
    NativeParallel,
}

/// The measured rows, with each time's ratio to the WebAssembly time (1 = as fast).
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub n: u64,
    pub rows: Vec<(Row, f64)>,
}

impl Comparison {
    /// Builds the rows; native rows only when they are for the same `n`.
    pub fn new(n: u64, wasm_ms: f64, js_ms: f64, native: Option<&NativeFigures>) -> Self {
        let mut rows = vec![(Row::Wasm, wasm_ms), (Row::Js, js_ms)];
        if let Some(f) = native.filter(|f| f.n == n) {
            rows.push((Row::NativeSerial, f.serial_ms));
            rows.push((Row::NativeParallel, f.parallel_ms));
        }
        Self { n, rows }
    }

    /// `ms` of `row` ÷ the WebAssembly time.
    pub fn relative(&self, row: Row) -> Option<f64> {
        let wasm = self.ms(Row::Wasm)?;
        let ms = self.ms(row)?;
        (wasm > 0.0).then(|| ms / wasm)
    }

    pub fn ms(&self, row: Row) -> Option<f64> {
        self.rows.iter().find(|(r, _)| *r == row).map(|&(_, ms)| ms)
    }

    /// The longest time, for a shared bar scale.
    pub fn max_ms(&self) -> f64 {
        self.rows.iter().map(|&(_, ms)| ms).fold(0.0, f64::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_saved_figures_parse() {
        let fig = saved().expect("www/native-figures.txt is well formed");
        assert!(fig.n > 0 && fig.serial_ms > fig.parallel_ms * 0.5);
    }

    #[test]
    fn round_trip() {
        let fig = NativeFigures {
            n: 5_000_000,
            serial_ms: 368.7,
            parallel_ms: 190.25,
            threads: 2,
            measured: "2026-11-21, 2 logical processors".into(),
        };
        assert_eq!(parse(&fig.to_text()), Ok(fig));
    }

    #[test]
    fn broken_files_are_refused() {
        assert!(parse("").is_err());
        assert!(parse("n=5\nserial_ms=abc\nparallel_ms=1\nthreads=1").is_err());
        assert!(parse("n=5\nserial_ms=-1\nparallel_ms=1\nthreads=1").is_err());
        assert!(parse("n=5 serial_ms=1").is_err());
        assert!(parse("n=5\nserial_ms=2\nparallel_ms=1\nthreads=2\nextra=ok").is_ok());
    }

    #[test]
    fn ratios_are_to_the_wasm_time_and_native_needs_the_same_n() {
        let fig = parse("n=100\nserial_ms=8\nparallel_ms=4\nthreads=2").unwrap();
        let c = Comparison::new(100, 10.0, 25.0, Some(&fig));
        assert_eq!(c.relative(Row::Js), Some(2.5));
        assert_eq!(c.relative(Row::NativeSerial), Some(0.8));
        assert_eq!(c.max_ms(), 25.0);
        let other = Comparison::new(200, 10.0, 25.0, Some(&fig));
        assert_eq!(other.ms(Row::NativeSerial), None);
    }
}
