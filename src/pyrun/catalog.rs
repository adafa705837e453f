//! Which snippets run in the page and which show CPython's recorded output.
//!
//! Browser Python (Pyodide) has one thread: `threading.Thread(...).start()` and the thread pool
//! raise `RuntimeError: can't start new thread`, and processes cannot start at all. A snippet
//! that starts neither runs live; one that does is shown with the output CPython printed for
//! it (`recorded.txt`), and can still be run to see where browser Python stops.

use super::recorded::{self, Recorded};
use crate::lessons::Lesson;

/// How the page offers a snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Runs in the page as written (asyncio, plain Python).
    Live,
    /// Starts threads or processes: the recorded output is what it means; a run in the page
    /// shows what browser Python does with it (the asyncio parts run, the rest fails).
    Recorded,
}

/// Names whose use starts a thread or a process.
const NEEDS_THREADS: [&str; 6] = [
    "import threading",
    "from threading",
    "multiprocessing",
    "ThreadPoolExecutor",
    "ProcessPoolExecutor",
    "os.fork",
];

/// How `snippet` is offered: recorded if its code (comments aside) names a thread or process
/// API.
pub fn kind(snippet: &str) -> Kind {
    let code: String = snippet
        .lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    if NEEDS_THREADS.iter().any(|name| code.contains(name)) {
        Kind::Recorded
    } else {
        Kind::Live
    }
}

/// Whether the snippet starts threads (where a free-threaded CPython would differ).
pub fn uses_threads(snippet: &str) -> bool {
    snippet.contains("threading") || snippet.contains("ThreadPoolExecutor")
}

/// Whether the snippet also uses asyncio (so part of it runs in the page).
pub fn uses_asyncio(snippet: &str) -> bool {
    snippet.contains("import asyncio")
}

/// The part of a recorded snippet that runs in the browser (its asyncio part, `live.py`): an
/// excerpt of the snippet, line for line.
pub fn live_part(lesson: &Lesson) -> Option<&'static str> {
    let live = lesson.source.live;
    (!live.trim().is_empty()).then_some(live)
}

/// The lesson's recording, if it has one that reads.
pub fn recording(lesson: &Lesson) -> Option<Recorded> {
    recorded::parse(lesson.source.recorded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_and_process_snippets_are_recorded_and_have_a_recording() {
        let mut live = Vec::new();
        for lesson in crate::lessons::all() {
            let k = kind(lesson.source.snippet);
            assert_eq!(
                k == Kind::Recorded,
                recording(&lesson).is_some(),
                "{}: a recorded snippet needs recorded.txt, a live one has none",
                lesson.id()
            );
            if k == Kind::Live {
                live.push(lesson.number);
            }
        }
        assert_eq!(live, vec![3, 13, 16]);
    }

    #[test]
    fn live_parts_are_excerpts_of_recorded_snippets_that_run_here() {
        let mut with_part = Vec::new();
        for lesson in crate::lessons::all() {
            let Some(part) = live_part(&lesson) else {
                continue;
            };
            with_part.push(lesson.number);
            assert_eq!(
                kind(lesson.source.snippet),
                Kind::Recorded,
                "{}",
                lesson.id()
            );
            assert_eq!(
                kind(part),
                Kind::Live,
                "{}: the part starts no thread",
                lesson.id()
            );
            assert!(uses_asyncio(part), "{}", lesson.id());
            // Every line of code (its first comment aside) is the snippet's own.
            for line in part.lines().skip(1).filter(|l| !l.trim().is_empty()) {
                assert!(
                    lesson.source.snippet.lines().any(|s| s == line),
                    "{}: `{line}` is not in the snippet",
                    lesson.id()
                );
            }
        }
        assert_eq!(with_part, vec![1, 5, 14]);
    }

    #[test]
    fn comments_do_not_count() {
        assert_eq!(
            kind("# unlike threading.Thread, ...\nprint(1)\n"),
            Kind::Live
        );
        assert_eq!(kind("from threading import Thread\n"), Kind::Recorded);
        assert!(uses_asyncio("import asyncio\n"));
    }
}
