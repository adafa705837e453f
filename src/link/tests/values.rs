//! The decoder's rules for each field's value: executors, numbers, faults, tags, lessons.

use super::{notices, read};
use crate::link::*;
use crate::pool_state::MAX_THREADS;
use crate::workload::{bank, primes};

#[test]
fn executors_are_filtered_ordered_and_deduplicated() {
    let d = read("x=pool,gpu,MAIN,,pool");
    assert_eq!(d.config.executors, vec![Executor::Main, Executor::Pool]);
    assert_eq!(
        d.notices,
        vec![
            Notice::UnknownExecutor("gpu".into()),
            Notice::Duplicate("pool".into())
        ]
    );
    let d = read("x=gpu,tpu");
    assert_eq!(d.config.executors, LinkConfig::default().executors);
    assert_eq!(d.notices.len(), 2);
    assert_eq!(
        notices("x=,,"),
        vec![Notice::BadValue {
            field: "x",
            value: ",,".into()
        }]
    );
    assert_eq!(read("x").config.executors, LinkConfig::default().executors);
}

#[test]
fn numbers_are_clamped_to_their_bounds() {
    let clamped = |field, from: &str, to| Notice::Clamped {
        field,
        from: from.into(),
        to,
    };
    let d = read("n=5&tasks=99999999999999999999999999999");
    assert_eq!(d.config.values.get(&primes::LIMIT), primes::LIMIT.min);
    assert_eq!(d.config.values.get(&primes::TASKS), primes::TASKS.max);
    assert_eq!(
        d.notices,
        vec![
            clamped("n", "5", 10),
            clamped("tasks", "99999999999999999999999999999", 10_000)
        ]
    );
    assert_eq!(read("n=-3000").config.values.get(&primes::LIMIT), 10);
    assert_eq!(read("t=0").config.threads, Some(1));
    assert_eq!(read("t=-1").notices, vec![clamped("t", "-1", 1)]);
    assert_eq!(read("t=4096").config.threads, Some(MAX_THREADS));
    assert_eq!(read("n=3,000,000").notices, vec![], "separators are fine");
}

#[test]
fn non_numbers_keep_the_default() {
    let d = read("w=bank&rounds=1e6&tasks=%3Cscript%3E&t=auto&lock=1");
    assert_eq!(d.config.values.get(&bank::ROUNDS), bank::ROUNDS.default);
    assert_eq!(d.config.values.get(&bank::LOCK), 1);
    assert_eq!(d.config.threads, None);
    assert_eq!(
        d.notices,
        vec![
            Notice::NotANumber { field: "rounds" },
            Notice::NotANumber { field: "tasks" },
            Notice::NotANumber { field: "t" },
        ]
    );
}

#[test]
fn faults() {
    let fault = |link| read(link).config.fault;
    assert_eq!(fault("fault=error:3"), Fault::Error(3));
    assert_eq!(fault("fault=PANIC:0"), Fault::Panic(0));
    assert_eq!(fault("fault=error"), Fault::Error(1));
    assert_eq!(fault("fault=none"), Fault::None);
    assert_eq!(
        notices("fault=boom:1"),
        vec![Notice::BadValue {
            field: "fault",
            value: "boom:1".into()
        }]
    );
    assert_eq!(notices("fault=none:2").len(), 1);
    assert_eq!(fault("fault=error:x"), Fault::Error(1));
    assert_eq!(
        notices("fault=error:x"),
        vec![Notice::NotANumber { field: "fault" }]
    );
    assert_eq!(fault("fault=panic:4294967296"), Fault::Panic(10_000));
}

#[test]
fn views_languages_and_lessons() {
    let d = read("view=Charts&lang=en&lesson=gil-1");
    assert_eq!((d.config.view, d.config.lang), (View::Charts, Lang::En));
    assert_eq!(d.config.lesson.as_deref(), Some("gil-1"));
    assert_eq!(
        notices("view=3d&lang=fr&lesson="),
        vec![
            Notice::BadValue {
                field: "view",
                value: "3d".into()
            },
            Notice::BadValue {
                field: "lang",
                value: "fr".into()
            },
            Notice::BadLesson,
        ]
    );
}

#[test]
fn the_bank_scene_mode() {
    use crate::bank_scene::Mode;
    assert_eq!(
        read("scene=Sync-Polling").config.scene,
        Some(Mode::SyncPolling)
    );
    assert_eq!(read("w=pi").config.scene, None);
    let d = read("scene=sometimes");
    assert_eq!(d.config.scene, None);
    assert_eq!(
        d.notices,
        vec![Notice::BadValue {
            field: "scene",
            value: "sometimes".into()
        }]
    );
}
