//! The link format's versions, and the migrations that bring an old link to the current one.
//!
//! A link says which version wrote it (`v=1`); a link without `v` is taken as the oldest
//! version. Decoding reads the version, runs every migration from it to [`CURRENT`], then reads
//! the result as a current link. A link from a newer app is read as current, and reported.
//!
//! Version 0 (the first, unversioned links) spelled `workload=`, `threads=` and
//! `exec=main+pool`; version 1 spells them `w=`, `t=` and `x=main,pool`. Keys already spelled
//! the new way pass through, so a hand-written link without `v` still works.

use super::notice::{Notice, Notices};
use super::query::Pair;

/// The version [`super::encode`] writes.
pub const CURRENT: u32 = 1;

/// The version of a link without `v`.
pub const OLDEST: u32 = 0;

/// Keys that older versions used and the current one does not.
pub const OLD_KEYS: [&str; 3] = ["workload", "threads", "exec"];

/// `MIGRATIONS[i]` turns a version-`i` link into a version-`i + 1` one.
const MIGRATIONS: [fn(Vec<Pair>) -> Vec<Pair>; CURRENT as usize] = [v0_to_v1];

/// The version a link was written in: its last `v`. Missing or not a number: [`OLDEST`];
/// newer than this app: [`CURRENT`], reported.
pub fn version(pairs: &[Pair], notices: &mut Notices) -> u32 {
    let Some(pair) = pairs.iter().rev().find(|p| p.key == "v") else {
        return OLDEST;
    };
    let text = pair.value.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        notices.push(Notice::NotANumber { field: "v" });
        return OLDEST;
    }
    // More digits than u32 holds is still just "newer".
    let version = text.parse::<u32>().unwrap_or(u32::MAX);
    if version > CURRENT {
        notices.push(Notice::NewerVersion(version));
        return CURRENT;
    }
    version
}

/// Brings pairs written in `version` to the current version.
pub fn upgrade(version: u32, mut pairs: Vec<Pair>) -> Vec<Pair> {
    for migrate in MIGRATIONS.iter().skip(version as usize) {
        pairs = migrate(pairs);
    }
    pairs
}

fn v0_to_v1(mut pairs: Vec<Pair>) -> Vec<Pair> {
    for pair in &mut pairs {
        match pair.key.as_str() {
            "workload" => pair.key = "w".into(),
            "threads" => pair.key = "t".into(),
            "exec" => {
                pair.key = "x".into();
                pair.value = pair.value.replace('+', ",");
            }
            _ => {}
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::query::split;

    fn version_of(fragment: &str) -> (u32, Vec<Notice>) {
        let mut notices = Notices::default();
        let v = version(&split(fragment), &mut notices);
        (v, notices.finish())
    }

    #[test]
    fn reads_the_version_tag() {
        assert_eq!(version_of("w=pi"), (OLDEST, vec![]));
        assert_eq!(version_of("v=0"), (0, vec![]));
        assert_eq!(version_of("v=1&w=pi"), (1, vec![]));
        assert_eq!(version_of("v=0&v=1"), (1, vec![]), "the last one wins");
        assert_eq!(version_of("v=7"), (CURRENT, vec![Notice::NewerVersion(7)]));
        assert_eq!(
            version_of("v=99999999999999"),
            (CURRENT, vec![Notice::NewerVersion(u32::MAX)])
        );
        for bad in ["v=", "v=-1", "v=one", "v=1.5"] {
            assert_eq!(
                version_of(bad),
                (OLDEST, vec![Notice::NotANumber { field: "v" }]),
                "{bad}"
            );
        }
    }

    #[test]
    fn v0_keys_are_renamed_and_exec_separators_changed() {
        let old = split("workload=pi&threads=3&exec=main+pool&samples=5000");
        assert_eq!(upgrade(0, old), split("w=pi&t=3&x=main,pool&samples=5000"));
    }

    #[test]
    fn current_links_are_left_alone() {
        let link = split("workload=pi&exec=a+b");
        assert_eq!(upgrade(CURRENT, link.clone()), link);
    }
}
