//! The one table of what a link may carry, and the bounds of the values that are not a
//! workload's own parameters.
//!
//! Anything not in [`FIELDS`] and not a parameter of the link's workload is ignored (and
//! reported). Adding a field means a row here, a line in `decode` and one in `encode`; changing
//! what a key means needs a new version and a migration (see `migrate`).

use crate::param::Param;
use crate::pool_state::MAX_THREADS;

/// What a key of the link sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The link format's version (see `migrate`).
    Version,
    /// The lesson the link opens.
    Lesson,
    /// The lesson's step.
    Step,
    /// The workload, by [`crate::workload::WorkloadDef::id`].
    Workload,
    /// The executors to compare.
    Executors,
    /// The pool run's thread count.
    Threads,
    /// The injected fault.
    Fault,
    /// The results view.
    View,
    /// The page's language.
    Lang,
    /// The bank scene's mode (lessons 03 and 04).
    Scene,
    /// The Python API call shown over the runs.
    Api,
    /// The simulated GIL's switch interval.
    Switch,
    /// The interleaving stepper's scenario and schedule.
    Interleave,
    /// The lesson's edited Python.
    Code,
}

/// One row of the table: a key and what it maps to.
#[derive(Debug, Clone, Copy)]
pub struct FieldDef {
    pub key: &'static str,
    pub field: Field,
    /// The value's form, for people reading links and this table.
    pub form: &'static str,
}

/// Every key a link may carry, besides the selected workload's parameters, which appear under
/// their own [`Param::name`] (`n=3000000&tasks=64`), each a number clamped to its bounds.
pub const FIELDS: [FieldDef; 14] = [
    FieldDef {
        key: "v",
        field: Field::Version,
        form: "link format version; missing means 0, the oldest",
    },
    FieldDef {
        key: "lesson",
        field: Field::Lesson,
        form: "lesson id, [a-z0-9-]{1,40}; optional",
    },
    FieldDef {
        key: "step",
        field: Field::Step,
        form: "the lesson's step key, [a-z0-9-]{1,40}; optional (the first step)",
    },
    FieldDef {
        key: "w",
        field: Field::Workload,
        form: "workload id: counter, primes, squares, pi, io, bank, queue, shared_list, convoy",
    },
    FieldDef {
        key: "x",
        field: Field::Executors,
        form: "executor tags joined by commas: main,async,pool,gil,procs,procs-fresh",
    },
    FieldDef {
        key: "t",
        field: Field::Threads,
        form: "pool threads, 1..=MAX_THREADS; missing means the machine's default",
    },
    FieldDef {
        key: "fault",
        field: Field::Fault,
        form: "none, error:<task> or panic:<task>; missing means none",
    },
    FieldDef {
        key: "view",
        field: Field::View,
        form: "timeline or charts",
    },
    FieldDef {
        key: "lang",
        field: Field::Lang,
        form: "zh, en or both",
    },
    FieldDef {
        key: "scene",
        field: Field::Scene,
        form: "sync-blocking, sync-polling, async-blocking or async-callback; optional",
    },
    FieldDef {
        key: "api",
        field: Field::Api,
        form: "map, wait:<all|first|error>:<timeout ms>:<cancel 0|1>, event:<ms>, join:<ms>, daemon:<ms>, block:<ms>; missing means none",
    },
    FieldDef {
        key: "si",
        field: Field::Switch,
        form: "the GIL's switch interval in µs, 100..=20000; missing means 5000 (CPython's 5 ms)",
    },
    FieldDef {
        key: "il",
        field: Field::Interleave,
        form: "<scenario>:<thread digits>, a schedule the scenario can take, at most 64 steps; optional",
    },
    FieldDef {
        key: "py",
        field: Field::Code,
        form: "the lesson's edited Python, percent-escaped, at most 4,000 bytes and 200 lines, no control characters but tab and newline; only with lesson=; optional",
    },
];

/// The row for `key`, if the table has one.
pub fn lookup(key: &str) -> Option<Field> {
    FIELDS.iter().find(|f| f.key == key).map(|f| f.field)
}

/// Bounds of `t`. Its default is unused: a missing or invalid `t` means "no choice".
pub const THREADS: Param = Param {
    name: "t",
    default: 1,
    min: 1,
    max: MAX_THREADS as u64,
};

/// Bounds of `si`, the simulated GIL's switch interval in microseconds (0.1 ms to 20 ms;
/// CPython's `sys.setswitchinterval` default is 5 ms).
pub const SWITCH_US: Param = Param {
    name: "si",
    default: 5_000,
    min: 100,
    max: 20_000,
};

/// Bounds of the task a fault hits. A target past the plan's last task changes nothing
/// (`engine::fault::inject`), so the bound only keeps the number small; the default is the
/// task the page's fault picker targets.
pub const FAULT_TASK: Param = Param {
    name: "fault",
    default: 1,
    min: 0,
    max: 10_000,
};

/// The most characters in a lesson id.
pub const LESSON_MAX: usize = 40;

/// Whether `id` is a well-formed lesson id: `[a-z0-9-]{1,40}`.
pub fn is_lesson_id(id: &str) -> bool {
    (1..=LESSON_MAX).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::migrate;
    use crate::workload::ALL;

    #[test]
    fn keys_are_unique_and_no_parameter_shadows_a_field() {
        for (i, f) in FIELDS.iter().enumerate() {
            assert!(FIELDS[..i].iter().all(|g| g.key != f.key), "{}", f.key);
            assert_eq!(lookup(f.key), Some(f.field));
        }
        for w in ALL {
            for p in w.params {
                assert_eq!(lookup(p.name), None, "{}.{} is a link field", w.id, p.name);
                assert!(
                    !migrate::OLD_KEYS.contains(&p.name),
                    "{}.{} is an old link key",
                    w.id,
                    p.name
                );
            }
        }
    }

    #[test]
    fn lesson_ids() {
        assert!(is_lesson_id("gil-1"));
        assert!(is_lesson_id(&"a".repeat(40)));
        for bad in ["", "Gil", "a b", "a_b", "<script>", "并发", &"a".repeat(41)] {
            assert!(!is_lesson_id(bad), "{bad:?}");
        }
    }
}
