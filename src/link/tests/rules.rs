//! The decoder's rules for the link as a whole: empty, unknown, repeated, too long, hostile.

use super::{notices, read};
use crate::link::notice::{MAX_CHARS, MAX_NOTICES};
use crate::link::*;
use crate::workload::{io, pi, primes};

#[test]
fn an_empty_link_is_the_defaults() {
    for link in ["", "#", "&&&", "&", "#&&"] {
        assert_eq!(
            read(link),
            Decoded {
                config: LinkConfig::default(),
                notices: vec![]
            }
        );
    }
    assert_eq!(read("#&&w=pi&&&").config.workload, &pi::DEF);
}

#[test]
fn unknown_fields_are_ignored_and_reported() {
    let d = read("w=pi&color=red&n=5&W=io");
    assert_eq!(d.config.workload, &pi::DEF);
    assert_eq!(
        d.config.values,
        Values::default(),
        "n is not a parameter of pi"
    );
    assert_eq!(
        d.notices,
        vec![
            Notice::UnknownField("color".into()),
            Notice::UnknownField("n".into()),
            Notice::UnknownField("W".into()),
        ]
    );
}

#[test]
fn an_unknown_workload_falls_back_with_its_sizes_dropped() {
    let d = read("w=nope&n=50&x=pool");
    assert_eq!(d.config.workload, &primes::DEF);
    assert_eq!(d.config.values.get(&primes::LIMIT), primes::LIMIT.default);
    assert_eq!(
        d.config.executors,
        vec![Executor::Pool],
        "other fields still apply"
    );
    assert_eq!(
        d.notices,
        vec![
            Notice::UnknownWorkload("nope".into()),
            Notice::UnknownField("n".into())
        ]
    );
    assert_eq!(
        read("w=PI&samples=1000").notices,
        vec![],
        "ids are case-insensitive"
    );
}

#[test]
fn duplicated_keys_last_one_wins() {
    let d = read("w=pi&w=io&wait_ms=10&w=io&wait_ms=20");
    assert_eq!(d.config.workload, &io::DEF);
    assert_eq!(d.config.values.get(&io::WAIT_MS), 20);
    assert_eq!(
        d.notices,
        vec![
            Notice::Duplicate("w".into()),
            Notice::Duplicate("wait_ms".into())
        ]
    );
}

#[test]
fn links_past_the_cap_are_not_read() {
    let junk = "x=pool&".repeat(100 * 1024 / 7);
    let d = read(&junk);
    assert_eq!(d.config, LinkConfig::default());
    assert_eq!(d.notices, vec![Notice::TooLong { len: junk.len() }]);
    let at_cap = format!("w=pi&{}", "&".repeat(MAX_LEN - 5));
    assert_eq!(at_cap.len(), MAX_LEN);
    assert_eq!(read(&at_cap).config.workload, &pi::DEF);
    let d = read(&format!("#{at_cap}&"));
    assert_eq!(d.notices, vec![Notice::TooLong { len: MAX_LEN + 1 }]);
}

#[test]
fn hostile_text_is_kept_as_plain_clipped_text() {
    let d = read("w=%3Cscript%3Ealert(1)%3C/script%3E&lesson=<b>x</b>");
    assert_eq!(
        d.notices,
        vec![
            Notice::UnknownWorkload("<script>alert(1)</script>".into()),
            Notice::BadLesson
        ]
    );
    assert_eq!(d.config.lesson, None);
    let long_key = "k".repeat(500);
    assert_eq!(
        notices(&format!("{long_key}=1")),
        vec![Notice::UnknownField("k".repeat(MAX_CHARS))]
    );
}

#[test]
fn invalid_escapes_and_invalid_utf8_are_harmless() {
    assert_eq!(
        notices("w=%ff%fe"),
        vec![Notice::UnknownWorkload("\u{fffd}\u{fffd}".into())]
    );
    assert_eq!(notices("n=%e5%b9"), vec![Notice::NotANumber { field: "n" }]);
    assert_eq!(notices("n=100%"), vec![Notice::NotANumber { field: "n" }]);
    assert_eq!(read("%77=pi").config.workload, &pi::DEF, "escaped keys");
}

#[test]
fn pairs_without_a_key_are_reported() {
    assert_eq!(
        notices("=5&=&w=pi"),
        vec![
            Notice::UnknownField("=5".into()),
            Notice::UnknownField("=".into())
        ]
    );
}

#[test]
fn notices_are_capped() {
    let link: String = (0..100).map(|i| format!("k{i}=1&")).collect();
    let n = notices(&link);
    assert_eq!(n.len(), MAX_NOTICES + 1);
    assert_eq!(n.last(), Some(&Notice::Omitted(100 - MAX_NOTICES)));
}
