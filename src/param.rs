//! Named numeric parameters with a default and hard bounds.
//!
//! Every number a learner (or a hand-edited link) can set goes through [`Param::clamp`], so no
//! workload ever sees a size outside the range it was designed and tested for.

/// A bounded integer parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// Stable machine name (used in links and tests).
    pub name: &'static str,
    pub default: u64,
    pub min: u64,
    pub max: u64,
}

/// What [`Param::parse`] made of a piece of user text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsed {
    /// The text was a number within bounds.
    Exact(u64),
    /// The text was a number outside the bounds; it was clamped to this value.
    Clamped(u64),
    /// The text was not a number; the default is used.
    Invalid(u64),
}

impl Parsed {
    /// The value to use, whatever happened to the text.
    pub fn value(self) -> u64 {
        match self {
            Parsed::Exact(v) | Parsed::Clamped(v) | Parsed::Invalid(v) => v,
        }
    }
}

impl Param {
    /// The next value above (`up`) or below `value` on the 1-2-5 ladder (1, 2, 5, 10, 20, …),
    /// within the bounds: what a stepper's + and − choose, so a phone needs no typing.
    pub fn nudge(&self, value: u64, up: bool) -> u64 {
        let ladder = (0..20u32)
            .flat_map(|e| [1u64, 2, 5].map(|m| m.saturating_mul(10u64.saturating_pow(e))))
            .chain([self.min, self.max]);
        let next = if up {
            ladder.filter(|&v| v > value).min()
        } else {
            ladder.filter(|&v| v < value).max()
        };
        self.clamp(next.unwrap_or(value))
    }

    /// Brings `value` within `[min, max]`.
    pub fn clamp(&self, value: u64) -> u64 {
        value.clamp(self.min, self.max)
    }

    /// Parses user text: digits with optional `_`, `,` or spaces as separators
    /// (so `3,000,000` and `3_000_000` both work). Negative numbers clamp to `min`.
    pub fn parse(&self, text: &str) -> Parsed {
        let trimmed = text.trim();
        let negative = trimmed.starts_with('-');
        let digits: String = trimmed
            .trim_start_matches('-')
            .chars()
            .filter(|c| !matches!(c, '_' | ',' | ' '))
            .collect();
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Parsed::Invalid(self.default);
        }
        if negative {
            return Parsed::Clamped(self.min);
        }
        // More digits than u64 holds is still just "too big".
        let value = digits.parse::<u64>().unwrap_or(u64::MAX);
        let clamped = self.clamp(value);
        if clamped == value {
            Parsed::Exact(value)
        } else {
            Parsed::Clamped(clamped)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Param = Param {
        name: "n",
        default: 50,
        min: 10,
        max: 100,
    };

    #[test]
    fn parses_plain_and_separated_numbers() {
        assert_eq!(P.parse("42"), Parsed::Exact(42));
        assert_eq!(P.parse(" 1_0 "), Parsed::Exact(10));
        assert_eq!(P.parse("1,00"), Parsed::Exact(100));
    }

    #[test]
    fn clamps_out_of_range_numbers() {
        assert_eq!(P.parse("5"), Parsed::Clamped(10));
        assert_eq!(P.parse("101"), Parsed::Clamped(100));
        assert_eq!(P.parse("-7"), Parsed::Clamped(10));
        assert_eq!(P.parse("99999999999999999999999999"), Parsed::Clamped(100));
    }

    #[test]
    fn rejects_non_numbers_with_the_default() {
        for text in ["", "abc", "1e6", "12x", "-", "<b>1</b>"] {
            assert_eq!(P.parse(text), Parsed::Invalid(50), "{text:?}");
        }
    }

    #[test]
    fn value_is_always_within_bounds() {
        for text in ["0", "10", "55", "100", "1000", "junk", "-1"] {
            let v = P.parse(text).value();
            assert!((P.min..=P.max).contains(&v), "{text:?} -> {v}");
        }
    }

    #[test]
    fn steppers_walk_the_one_two_five_ladder_within_bounds() {
        let p = Param {
            name: "n",
            default: 3_000_000,
            min: 10,
            max: 30_000_000,
        };
        assert_eq!(p.nudge(3_000_000, true), 5_000_000);
        assert_eq!(p.nudge(3_000_000, false), 2_000_000);
        assert_eq!(p.nudge(5_000_000, true), 10_000_000);
        assert_eq!(p.nudge(20_000_000, true), 30_000_000, "the bound is a stop");
        assert_eq!(p.nudge(30_000_000, true), 30_000_000);
        assert_eq!(p.nudge(20, false), 10);
        assert_eq!(p.nudge(10, false), 10);
        let flag = Param {
            name: "list",
            default: 0,
            min: 0,
            max: 1,
        };
        assert_eq!((flag.nudge(0, true), flag.nudge(1, false)), (1, 0));
    }
}

/// A workload's parameter values by name; anything missing reads as its default, and every
/// read is clamped, so a `Values` can come from anywhere (a form, a link) and still be safe.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Values(std::collections::BTreeMap<&'static str, u64>);

impl Values {
    pub fn get(&self, param: &Param) -> u64 {
        self.0
            .get(param.name)
            .map_or(param.default, |&v| param.clamp(v))
    }

    /// Sets a value (clamped to the parameter's bounds).
    pub fn set(&mut self, param: &Param, value: u64) -> &mut Self {
        self.0.insert(param.name, param.clamp(value));
        self
    }

    /// Builder form of [`Values::set`].
    pub fn with(mut self, param: &Param, value: u64) -> Self {
        self.set(param, value);
        self
    }
}
