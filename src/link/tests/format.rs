//! The link format: what `encode` writes, round trips, and versions.

use super::{notices, read};
use crate::link::*;
use crate::workload::{io, pi, primes, ALL};

#[test]
fn reads_the_documented_example() {
    let d = read("v=1&w=primes&n=3000000&tasks=64&x=main,pool&t=4&view=timeline&lang=zh");
    assert_eq!(d.notices, vec![]);
    let expected = LinkConfig {
        values: Values::default().with(&primes::LIMIT, 3_000_000),
        threads: Some(4),
        lang: Lang::Zh,
        ..LinkConfig::default()
    };
    assert_eq!(d.config, expected);
}

#[test]
fn writes_every_field_in_table_order() {
    assert_eq!(
        encode(&LinkConfig::default()),
        "v=1&w=primes&n=3000000&tasks=64&list=0&x=main,pool&view=timeline&lang=both"
    );
    let config = LinkConfig {
        lesson: Some("gil-2".into()),
        step: Some("two-counters".into()),
        workload: &pi::DEF,
        values: Values::default().with(&pi::SAMPLES, 5_000),
        executors: vec![Executor::Async, Executor::Pool],
        threads: Some(8),
        fault: Fault::Panic(0),
        view: View::Charts,
        lang: Lang::En,
        scene: Some(crate::bank_scene::Mode::SyncPolling),
        api: crate::pyapi::ApiCall::None,
        switch_us: 2_000,
        interleave: Some("lost-update:010".into()),
        code: Some("print(1 & 2)\n".into()),
    };
    let link = encode(&config);
    assert_eq!(
        link,
        "v=1&lesson=gil-2&step=two-counters&w=pi&samples=5000&tasks=8&seed=42&x=async,pool&t=8\
         &fault=panic:0&view=charts&lang=en&scene=sync-polling&si=2000&il=lost-update:010\
         &py=print%281%20%26%202%29%0A"
    );
    assert_eq!(
        read(&link),
        Decoded {
            config,
            notices: vec![]
        }
    );
}

#[test]
fn every_workload_round_trips_at_its_bounds() {
    for w in ALL {
        for pick in [
            |p: &crate::param::Param| p.min,
            |p: &crate::param::Param| p.max,
        ] {
            let values = w
                .params
                .iter()
                .fold(Values::default(), |v, p| v.with(p, pick(p)));
            let config = LinkConfig {
                workload: w,
                values,
                ..LinkConfig::default()
            };
            assert_eq!(
                read(&encode(&config)),
                Decoded {
                    config,
                    notices: vec![]
                }
            );
        }
    }
}
#[test]
fn version_0_links_are_migrated() {
    let expected = LinkConfig {
        workload: &pi::DEF,
        values: Values::default().with(&pi::SAMPLES, 5_000),
        threads: Some(3),
        executors: vec![Executor::Async, Executor::Pool],
        ..LinkConfig::default()
    };
    for link in [
        "v=0&workload=pi&samples=5000&threads=3&exec=pool+async",
        "workload=pi&samples=5000&threads=3&exec=async+pool",
        "w=pi&samples=5000&t=3&x=async,pool",
    ] {
        assert_eq!(
            read(link),
            Decoded {
                config: expected.clone(),
                notices: vec![]
            }
        );
    }
    // Version 1 no longer knows the old keys.
    assert_eq!(
        notices("v=1&workload=pi"),
        vec![Notice::UnknownField("workload".into())]
    );
}

#[test]
fn newer_versions_are_read_as_far_as_understood() {
    let d = read("v=2&w=io&hologram=on&t=2");
    assert_eq!(d.config.workload, &io::DEF);
    assert_eq!(d.config.threads, Some(2));
    assert_eq!(
        d.notices,
        vec![
            Notice::NewerVersion(2),
            Notice::UnknownField("hologram".into())
        ]
    );
}
