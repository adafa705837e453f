//! Fuzzing the decoder: random text, mutated valid links and random valid configurations,
//! 10,000 cases in all with fixed seeds, plus the corpus of interesting links kept as a
//! regression test.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::RngSeed;

use super::assert_valid;
use crate::link::*;
use crate::param::Param;
use crate::pool_state::MAX_THREADS;
use crate::workload::ALL;

/// Hostile and edge-case links met while writing and fuzzing the decoder.
const CORPUS: &[&str] = &[
    "",
    "#",
    "&&&&&&&&",
    "=",
    "==",
    "=&=&=",
    "&=x&",
    "v",
    "v=",
    "v=-1",
    "v=0",
    "v=4294967296",
    "v=1&v=0&v=9",
    "w",
    "w=",
    "w=%00",
    "w=primes%00",
    "w=%E5%B9%B6%E5%8F%91",
    "w=%ff%fe%fd",
    "w=%",
    "w=%%",
    "w=%2",
    "w=primes&n=%2",
    "n=18446744073709551616",
    "n=-18446744073709551616",
    "n=--5",
    "n=1_000_000_000_000_000_000_000",
    "n=,,,",
    "n=_",
    "n= ",
    "n=0x10",
    "n=１２３",
    "tasks=0",
    "t=0&t=33&t=-0",
    "t=NaN",
    "t=%2D1",
    "x=,",
    "x=main,main,main,main",
    "x=%20pool%20",
    "x=gpu",
    "exec=main+pool&v=1",
    "exec=+++",
    "workload=bank&lock=2&threads=999",
    "fault=error:-1",
    "fault=panic:99999999999999999999",
    "fault=:",
    "fault=error:1:2",
    "fault=none:",
    "lesson=a&lesson=<img src=x onerror=alert(1)>",
    "lesson=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "lesson=%E2%80%AE",
    "view=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "lang=zh&lang=en&lang=both&lang=",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "w=io&seed=4294967296&cpu=-0&random=2",
    "w=queue&producers=0&consumers=9&items=10001",
    "#v=1&w=pi&samples=1&tasks=1025&seed=-1&x=pool&t=1",
    "\u{0}\u{1}\u{7f}=\n\r\t",
    "%26=%3D&%3D=%26",
];

/// The exact notices for some of the corpus.
fn expected() -> Vec<(&'static str, Vec<Notice>)> {
    let clamped = |field, from: &str, to| Notice::Clamped {
        field,
        from: from.into(),
        to,
    };
    vec![
        ("==", vec![Notice::UnknownField("==".into())]),
        ("v=-1", vec![Notice::NotANumber { field: "v" }]),
        (
            "v=1&v=0&v=9",
            vec![Notice::NewerVersion(9), Notice::Duplicate("v".into())],
        ),
        (
            "exec=main+pool&v=1",
            vec![Notice::UnknownField("exec".into())],
        ),
        (
            "workload=bank&lock=2&threads=999",
            vec![clamped("lock", "2", 1), clamped("t", "999", 32)],
        ),
        (
            "lesson=a&lesson=<img src=x onerror=alert(1)>",
            vec![Notice::Duplicate("lesson".into()), Notice::BadLesson],
        ),
        ("fault=error:-1", vec![clamped("fault", "-1", 0)]),
        ("n=１２３", vec![Notice::NotANumber { field: "n" }]),
        (
            "w=%E5%B9%B6%E5%8F%91",
            vec![Notice::UnknownWorkload("并发".into())],
        ),
    ]
}

#[test]
fn corpus_decodes_within_bounds() {
    for link in CORPUS {
        assert_valid(&decode(link));
    }
    for (link, notices) in expected() {
        assert!(CORPUS.contains(&link), "{link}");
        assert_eq!(decode(link).notices, notices, "{link}");
    }
}

/// Fixed seeds, so that every run (and CI) checks the same cases and a failure reproduces
/// without a regressions file: a case worth keeping goes into [`CORPUS`] by hand.
fn cases(cases: u32, seed: u64) -> ProptestConfig {
    ProptestConfig {
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

/// A value of `param`, often at an edge.
fn value(param: &Param) -> BoxedStrategy<u64> {
    prop_oneof![
        Just(param.min),
        Just(param.max),
        Just(param.default),
        param.min..=param.max,
    ]
    .boxed()
}

fn fault() -> impl Strategy<Value = Fault> {
    let task = 0..=fields::FAULT_TASK.max as u32;
    prop_oneof![
        Just(Fault::None),
        task.clone().prop_map(Fault::Error),
        task.prop_map(Fault::Panic),
    ]
}

/// Any valid configuration.
fn config() -> impl Strategy<Value = LinkConfig> {
    select(ALL.to_vec()).prop_flat_map(|w| {
        let values: Vec<_> = w.params.iter().map(value).collect();
        (
            Just(w),
            values,
            proptest::option::of("[a-z0-9-]{1,40}"),
            1..(1u8 << Executor::ALL.len()),
            proptest::option::of(1..=MAX_THREADS),
            fault(),
            select(View::ALL.to_vec()),
            select(Lang::ALL.to_vec()),
            proptest::option::of(select(crate::bank_scene::Mode::ALL.to_vec())),
            crate::link::fields::SWITCH_US.min..=crate::link::fields::SWITCH_US.max,
        )
            .prop_map(
                |(w, values, lesson, mask, threads, fault, view, lang, scene, switch_us)| {
                    LinkConfig {
                        step: lesson.as_ref().map(|_| "a-step".to_string()),
                        lesson,
                        workload: w,
                        values: w
                            .params
                            .iter()
                            .zip(values)
                            .fold(Values::default(), |v, (p, n)| v.with(p, n)),
                        executors: (0..Executor::ALL.len())
                            .filter(|i| mask & (1 << i) != 0)
                            .map(|i| Executor::ALL[i])
                            .collect(),
                        threads,
                        fault,
                        view,
                        lang,
                        scene,
                        api: crate::pyapi::ApiCall::None,
                        switch_us,
                        interleave: None,
                        code: None,
                    }
                },
            )
    })
}

/// A character a mutation inserts: mostly the link's own syntax.
fn link_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => select("=&%,:#+- _0123456789abcdefvwxtnAF".chars().collect::<Vec<_>>()),
        1 => any::<char>(),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Insert(Index, char),
    Delete(Index),
    Replace(Index, char),
    DuplicatePair(Index, Index),
    DropPair(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), link_char()).prop_map(|(i, c)| Mutation::Insert(i, c)),
        any::<Index>().prop_map(Mutation::Delete),
        (any::<Index>(), link_char()).prop_map(|(i, c)| Mutation::Replace(i, c)),
        (any::<Index>(), any::<Index>()).prop_map(|(i, j)| Mutation::DuplicatePair(i, j)),
        any::<Index>().prop_map(Mutation::DropPair),
    ]
}

fn mutate(link: &str, mutation: &Mutation) -> String {
    let mut chars: Vec<char> = link.chars().collect();
    let mut pairs: Vec<&str> = link.split('&').collect();
    match mutation {
        Mutation::Insert(i, c) => chars.insert(i.index(chars.len() + 1), *c),
        Mutation::Delete(i) if !chars.is_empty() => {
            chars.remove(i.index(chars.len()));
        }
        Mutation::Replace(i, c) if !chars.is_empty() => {
            let at = i.index(chars.len());
            chars[at] = *c;
        }
        Mutation::DuplicatePair(i, j) => {
            let pair = pairs[i.index(pairs.len())];
            pairs.insert(j.index(pairs.len() + 1), pair);
            return pairs.join("&");
        }
        Mutation::DropPair(i) => {
            pairs.remove(i.index(pairs.len()));
            return pairs.join("&");
        }
        Mutation::Delete(_) | Mutation::Replace(..) => {}
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(cases(3_000, 1))]
    /// (a) Any text at all, and link-like text around the length cap.
    #[test]
    fn any_text_decodes_within_bounds(text in prop_oneof![
        8 => vec(any::<char>(), 0..300).prop_map(String::from_iter),
        1 => (vec(link_char(), 1..40), 1_900..2_200usize)
            .prop_map(|(unit, len)| unit.into_iter().cycle().take(len).collect()),
    ]) {
        assert_valid(&decode(&text));
    }
}

proptest! {
    #![proptest_config(cases(1_000, 2))]
    /// (a) Text made of the link's own syntax.
    #[test]
    fn link_like_text_decodes_within_bounds(
        text in "([a-z_]{0,8}(=[a-z0-9%:,+-]{0,12})?&{0,2}){0,12}",
    ) {
        assert_valid(&decode(&text));
    }
}

proptest! {
    #![proptest_config(cases(4_000, 3))]
    /// (b) Valid links (and the corpus), mutated.
    #[test]
    fn mutated_links_decode_within_bounds(
        base in prop_oneof![
            3 => config().prop_map(|c| encode(&c)),
            1 => select(CORPUS).prop_map(str::to_owned),
        ],
        mutations in vec(mutation(), 1..6),
    ) {
        let link = mutations.iter().fold(base, |link, m| mutate(&link, m));
        assert_valid(&decode(&link));
    }
}

proptest! {
    #![proptest_config(cases(2_000, 4))]
    /// (c) Every valid configuration survives a round trip, silently.
    #[test]
    fn valid_configs_round_trip(config in config()) {
        let link = encode(&config);
        prop_assert!(link.len() <= MAX_LEN, "{}", link.len());
        let decoded = decode(&link);
        prop_assert_eq!(&decoded.config, &config);
        prop_assert_eq!(decoded.notices, vec![]);
    }
}
