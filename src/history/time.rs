//! Epoch milliseconds as an ISO 8601 UTC time (`2026-11-21T21:50:00.123Z`), for exports: the
//! core has no calendar library, and this is all it needs.

/// The UTC date and time of `ms` since the Unix epoch; an empty string if `ms` is not a time
/// this can write (not finite, before year 0 or after 9999).
pub fn iso_utc(ms: f64) -> String {
    // 253402300800000 ms is 10000-01-01T00:00:00Z.
    if !ms.is_finite() || !(-62_167_219_200_000.0..253_402_300_800_000.0).contains(&ms) {
        return String::new();
    }
    let total = ms.floor() as i64;
    let (days, ms_of_day) = (total.div_euclid(86_400_000), total.rem_euclid(86_400_000));
    let (y, m, d) = civil_from_days(days);
    let secs = ms_of_day / 1000;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        ms_of_day % 1000
    )
}

/// Year, month, day of the `days`-th day after 1970-01-01 in the proleptic Gregorian calendar
/// (Howard Hinnant's `civil_from_days`: eras of 400 years, years starting in March).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        assert_eq!(iso_utc(0.0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_utc(951_782_400_000.0), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso_utc(1_763_761_800_123.9), "2025-11-21T21:50:00.123Z");
        assert_eq!(iso_utc(-1.0), "1969-12-31T23:59:59.999Z");
        assert_eq!(iso_utc(253_402_300_799_999.0), "9999-12-31T23:59:59.999Z");
    }

    #[test]
    fn impossible_times_are_empty() {
        for ms in [
            f64::NAN,
            f64::INFINITY,
            1e300,
            -1e300,
            253_402_300_800_000.0,
        ] {
            assert_eq!(iso_utc(ms), "");
        }
    }

    #[test]
    fn every_day_follows_the_one_before() {
        // Walk 1,000 years of days: the date always moves forward by exactly one day.
        let mut last = civil_from_days(-200_000);
        for days in -199_999..200_000 {
            let (y, m, d) = civil_from_days(days);
            let next_day = (y, m, d) == (last.0, last.1, last.2 + 1);
            let next_month =
                d == 1 && ((y, m) == (last.0, last.1 + 1) || (y, m) == (last.0 + 1, 1));
            assert!(next_day || next_month, "{last:?} → {:?}", (y, m, d));
            last = (y, m, d);
        }
    }
}
