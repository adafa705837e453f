//! Tests of the link codec: its rules one by one (`format`, `rules`, `values`), the fuzz tests
//! and their corpus (`fuzz`), and the validity check they all share.

mod format;
mod fuzz;
mod rules;
mod values;

use super::fields::{self, FAULT_TASK};
use super::notice::{MAX_CHARS, MAX_NOTICES};
use super::*;
use crate::pool_state::MAX_THREADS;

/// Asserts that a decoded configuration is within every bound, and its notices are plain,
/// short copies of link text.
pub(super) fn assert_valid(decoded: &Decoded) {
    let c = &decoded.config;
    assert_eq!(workload::by_id(c.workload.id), Some(c.workload));
    for p in c.workload.params {
        assert!((p.min..=p.max).contains(&c.values.get(p)), "{}", p.name);
    }
    if let Some(t) = c.threads {
        assert!((1..=MAX_THREADS).contains(&t), "threads {t}");
    }
    assert!(!c.executors.is_empty());
    assert!(
        c.executors.windows(2).all(|w| w[0] < w[1]),
        "executors in order, each once: {:?}",
        c.executors
    );
    if let Fault::Error(task) | Fault::Panic(task) = c.fault {
        assert!(u64::from(task) <= FAULT_TASK.max);
    }
    if let Some(lesson) = &c.lesson {
        assert!(fields::is_lesson_id(lesson), "{lesson:?}");
    }
    assert!(decoded.notices.len() <= MAX_NOTICES + 1);
    for notice in &decoded.notices {
        let text = match notice {
            Notice::UnknownField(s)
            | Notice::Duplicate(s)
            | Notice::UnknownWorkload(s)
            | Notice::UnknownExecutor(s)
            | Notice::Clamped { from: s, .. }
            | Notice::BadValue { value: s, .. } => s.as_str(),
            _ => "",
        };
        assert!(text.chars().count() <= MAX_CHARS, "{notice:?}");
    }
    // What was decoded is a valid configuration: it writes a link that reads back cleanly.
    let again = decode(&encode(c));
    assert_eq!(&again.config, c);
    assert_eq!(again.notices, vec![]);
}

pub(super) fn read(link: &str) -> Decoded {
    let decoded = decode(link);
    assert_valid(&decoded);
    decoded
}

pub(super) fn notices(link: &str) -> Vec<Notice> {
    read(link).notices
}
