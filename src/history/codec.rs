//! The history's storage format: one entry per line, each line `key=value&…` with the share
//! link's escaping (`link::query`), so no entry can break another and a line that fails to read
//! is dropped alone. A small hand-written format instead of JSON keeps serde out of the wasm.
//!
//! `v=1&id=3&at=1763761234567.5&w=primes&x=pool&t=4&end=completed&ans=216816&sum=…&ms=812.3&
//! sp=1.9&tasks=64&spans=310&lanes=5&lp=4&iso=1&ua=Chrome%20156&cfg=v%3D1%26w%3Dprimes…`

use super::{Entry, Environment, Outcome, MAX_ENTRIES, MAX_TEXT};
use crate::executor::Executor;
use crate::i18n::answers::Said;
use crate::link::query::{escape, split};
use crate::pool_state::MAX_THREADS;

/// The format's version, first on every line.
pub const VERSION: &str = "1";

/// What a stored history held: the entries that read, and how many lines did not.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decoded {
    pub entries: Vec<Entry>,
    pub dropped: usize,
    /// Runs that started before this (ms since the epoch) were removed on purpose: cleared,
    /// or off the end of the list. A line of its own, `v=1&since=…`, first (see `sync`).
    pub since: f64,
}

/// Writes `entries` one per line, oldest first.
pub fn encode(entries: &[Entry]) -> String {
    entries
        .iter()
        .map(encode_entry)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes one entry as a line.
pub fn encode_entry(e: &Entry) -> String {
    let mut pairs: Vec<(&str, String)> = vec![
        ("v", VERSION.into()),
        ("id", e.id.to_string()),
        ("at", e.at_ms.to_string()),
        ("w", e.workload.clone()),
        ("x", e.executor.tag().into()),
        ("t", e.threads.to_string()),
        ("end", e.outcome.tag().into()),
    ];
    if let Outcome::Failed(why) = &e.outcome {
        pairs.push(("why", why.clone()));
    }
    pairs.extend([
        ("ans", e.answer.to_string()),
        ("sum", e.summary.clone()),
        ("ms", e.wall_ms.to_string()),
    ]);
    if let Some(say) = e.said.as_ref().and_then(Said::encode) {
        pairs.push(("say", say));
    }
    if let Some(sp) = e.speedup {
        pairs.push(("sp", sp.to_string()));
    }
    pairs.extend([
        ("tasks", e.tasks.to_string()),
        ("spans", e.spans.to_string()),
        ("lanes", e.lanes.to_string()),
    ]);
    if let Some(lp) = e.env.logical_processors {
        pairs.push(("lp", lp.to_string()));
    }
    if let Some(iso) = e.env.isolated {
        pairs.push(("iso", if iso { "1" } else { "0" }.into()));
    }
    pairs.push(("ua", e.env.browser.clone()));
    pairs.push(("cfg", e.config.clone()));
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", escape(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Writes what a tab stores: the removal mark `since` (if any), then `entries`.
pub fn encode_stored(entries: &[Entry], since: f64) -> String {
    let entries = encode(entries);
    match (since > 0.0, entries.is_empty()) {
        (false, _) => entries,
        (true, true) => format!("v={VERSION}&since={since}"),
        (true, false) => format!("v={VERSION}&since={since}\n{entries}"),
    }
}

/// Reads a stored history. Never fails: a line that does not read as an entry (unknown version,
/// a missing or absurd field, a repeated id) is dropped and counted; blank lines are not
/// entries. Only the newest [`MAX_ENTRIES`] good entries are kept.
pub fn decode(text: &str) -> Decoded {
    let mut out = Decoded::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(since) = decode_since(line) {
            out.since = out.since.max(since);
            continue;
        }
        match decode_entry(line) {
            Some(e) if !out.entries.iter().any(|o| o.id == e.id) => out.entries.push(e),
            _ => out.dropped += 1,
        }
    }
    if out.entries.len() > MAX_ENTRIES {
        let excess = out.entries.len() - MAX_ENTRIES;
        out.entries.drain(..excess);
    }
    out
}

/// Reads a removal-mark line (`v=1&since=…`, and nothing else).
fn decode_since(line: &str) -> Option<f64> {
    match split(line).as_slice() {
        [v, since] if v.key == "v" && v.value == VERSION && since.key == "since" => since
            .value
            .parse::<f64>()
            .ok()
            .filter(|t| t.is_finite() && *t >= 0.0),
        _ => None,
    }
}

/// Reads one line, or None if any part of it is missing or out of bounds.
pub fn decode_entry(line: &str) -> Option<Entry> {
    let pairs = split(line);
    let get = |key: &str| {
        pairs
            .iter()
            .find(|p| p.key == key)
            .map(|p| p.value.as_str())
    };
    let text = |key: &str| {
        get(key)
            .filter(|v| v.chars().count() <= MAX_TEXT + 1)
            .map(str::to_owned)
    };
    let number = |key: &str| get(key)?.parse::<f64>().ok().filter(|v| v.is_finite());
    if get("v")? != VERSION {
        return None;
    }
    let outcome = match get("end")? {
        "completed" => Outcome::Completed,
        "cancelled" => Outcome::Cancelled,
        "failed" => Outcome::Failed(text("why").unwrap_or_default()),
        _ => return None,
    };
    let workload = get("w")?;
    let workload_ok = (1..=40).contains(&workload.len())
        && workload
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    let config = get("cfg")?;
    if !workload_ok || config.is_empty() || config.len() > crate::link::MAX_LEN {
        return None;
    }
    let optional = |key: &str| {
        get(key)
            .map(|_| number(key))
            .map_or(Some(None), |v| v.map(Some))
    };
    Some(Entry {
        id: get("id")?.parse().ok()?,
        at_ms: number("at")?,
        config: config.to_owned(),
        workload: workload.to_owned(),
        executor: Executor::from_tag(get("x")?)?,
        threads: get("t")?
            .parse()
            .ok()
            .filter(|t| (1..=MAX_THREADS).contains(t))?,
        outcome,
        answer: get("ans")?.parse().ok()?,
        summary: text("sum")?,
        // Optional, and never a reason to drop the entry: the summary stands in.
        said: get("say")
            .filter(|s| s.chars().count() <= MAX_TEXT)
            .and_then(Said::decode),
        wall_ms: number("ms").filter(|ms| *ms >= 0.0)?,
        speedup: optional("sp")?.filter(|s| *s > 0.0),
        tasks: get("tasks")?.parse().ok()?,
        spans: get("spans")?.parse().ok()?,
        lanes: get("lanes")?.parse().ok()?,
        env: Environment {
            logical_processors: match get("lp") {
                None => None,
                Some(lp) => Some(lp.parse().ok().filter(|&n: &usize| n >= 1)?),
            },
            isolated: match get("iso") {
                None => None,
                Some("1") => Some(true),
                Some("0") => Some(false),
                Some(_) => return None,
            },
            browser: text("ua")?,
        },
    })
}
