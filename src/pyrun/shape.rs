//! The snippet honesty check: what each lesson's snippet must print in CPython for the lesson's
//! claim to hold (the GIL snippet's two threads about as slow as one after the other, five
//! asyncio sleeps in about a second, …). `check-snippets` (src/bin) runs every snippet with the
//! machine's `python3` and applies [`check`]; the tests below also hold every committed
//! recording to it, and show each check failing on output that contradicts its lesson.
//!
//! Bounds are generous and meaningful (five 1 s sleeps gathered take < 2.5 s where one after
//! the other would take ≥ 5 s), so a busy machine does not fail them.

/// Smaller sizes for the check's run, as exact text replacements in the snippet (each must
/// match once, so a changed snippet fails loudly instead of running at full size). The shape
/// does not depend on these sizes; the page shows the snippets as written.
pub const SMALLER: &[(u32, &[(&str, &str)])] = &[
    (2, &[("N = 600_000", "N = 100_000")]),
    (6, &[("WORK = 300_000", "WORK = 30_000")]),
    (7, &[("N = 20_000_000", "N = 4_000_000")]),
    (8, &[("[1_000_000] * 16", "[100_000] * 16")]),
    (16, &[("N = 20_000_000", "N = 2_000_000")]),
];

/// The snippet as the check runs it: with [`SMALLER`]'s replacements for `lesson`.
pub fn for_check(lesson: u32, snippet: &str) -> Result<String, String> {
    let mut code = snippet.to_owned();
    for (n, swaps) in SMALLER {
        if *n != lesson {
            continue;
        }
        for (from, to) in *swaps {
            if code.matches(from).count() != 1 {
                return Err(format!(
                    "lesson {lesson}: `{from}` is not in the snippet once"
                ));
            }
            code = code.replace(from, to);
        }
    }
    Ok(code)
}

/// The first number (digits, `.`, `_`) after `marker` in `text`.
fn after(text: &str, marker: &str) -> Result<f64, String> {
    let at = text
        .find(marker)
        .ok_or_else(|| format!("no `{marker}` in the output"))?;
    let rest = text[at + marker.len()..].trim_start();
    let digits: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '_')
        .filter(|c| *c != '_')
        .collect();
    digits
        .trim_end_matches('.')
        .parse()
        .map_err(|_| format!("no number after `{marker}`"))
}

fn expect(ok: bool, what: &str) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(what.to_owned())
    }
}

/// Checks `output` (stdout and stderr, line by line) of lesson `lesson`'s snippet.
pub fn check(lesson: u32, output: &str) -> Result<(), String> {
    let has = |s: &str| output.contains(s);
    let count = |s: &str| output.matches(s).count();
    expect(!has("Traceback"), "the snippet raised")?;
    match lesson {
        1 => {
            let turns = output
                .split("one thread: ")
                .nth(1)
                .and_then(|r| r.split_whitespace().next())
                .unwrap_or("");
            expect(
                turns.contains("AB") && turns.contains("BA") && turns.len() >= 4,
                "the two coroutines did not take turns",
            )?;
            after(output, "two processes:").map(|_| ())
        }
        2 => {
            let (serial, parallel) = (after(output, "serial")?, after(output, "parallel")?);
            expect(serial > 0.0 && parallel > 0.0, "no times")?;
            expect(has(" primes below "), "no prime count")
        }
        3 => {
            let (sync, async_) = (after(output, "sync total")?, after(output, "async total")?);
            expect(sync >= 2.5, "the sync waits did not add up (≥ 2.5 s)")?;
            expect(async_ < 1.5, "the async waits did not overlap (< 1.5 s)")?;
            let order: Vec<&str> = output
                .lines()
                .filter_map(|l| l.strip_prefix("async: called back with "))
                .collect();
            expect(
                order == ["reply 2", "reply 4", "reply 3", "reply 1", "reply 0"],
                "the callbacks did not come shortest wait first",
            )
        }
        4 => {
            expect(count("  got reply") == 2, "two blocking results")?;
            expect(count("not yet, doing something else") >= 2, "polling")?;
            let lines: Vec<&str> = output.lines().collect();
            let called = lines
                .iter()
                .position(|l| l.contains("called back with reply"));
            let busy_after = called.map_or(0, |i| {
                lines[i..]
                    .iter()
                    .filter(|l| l.contains("busy with something else"))
                    .count()
            });
            expect(
                called.is_some() && busy_after >= 1,
                "the callback did not arrive while other work went on",
            )
        }
        5 => {
            let items = |kind: &str| {
                output
                    .lines()
                    .find(|l| l.starts_with(kind))
                    .map(|l| after(l, "list has"))
                    .unwrap_or(Err(format!("no {kind} line")))
            };
            expect(
                items("Process:")? == 0.0,
                "a child process changed the parent's list",
            )?;
            expect(items("Thread:")? == 20.0, "threads did not share the list")?;
            expect(
                items("coroutine:")? == 40.0,
                "coroutines did not share the list",
            )
        }
        6 => {
            let cpus = after(output, "logical processors:")?;
            expect(cpus >= 1.0, "no processor count")?;
            expect(after(output, "1 workers:")? > 0.0, "no one-worker time")?;
            expect(has("speedup 1.00x"), "the baseline's speedup is not 1.00x")
        }
        7 => {
            let serial = after(output, "one after the other:")?;
            let threads = after(output, "on two threads:")?;
            let sleeps = after(output, "on 8 threads:")?;
            if has("GIL enabled: True") {
                expect(
                    threads > 0.7 * serial,
                    "two CPU-bound threads were much faster than one after the other under the GIL",
                )?;
            }
            expect(
                sleeps < 1.2,
                "eight 0.3 s sleeps on threads did not overlap (< 1.2 s)",
            )
        }
        8 => {
            let row = |workers: &str| {
                output
                    .lines()
                    .find(|l| l.trim_start().starts_with(workers))
                    .ok_or(format!("no {workers} row"))
            };
            let one = after(row("1 workers:")?, "IO-bound")?;
            let sixteen = after(row("16 workers:")?, "IO-bound")?;
            expect(
                one >= 2.3,
                "sixteen 0.15 s waits on one thread took < 2.3 s",
            )?;
            expect(
                sixteen < 1.0,
                "sixteen waits on 16 threads did not overlap (< 1 s)",
            )
        }
        9 => {
            expect(has("first wait: 1 done, 4 pending"), "FIRST_COMPLETED")?;
            expect(has("as_completed: [16, 9, 4, 1, 0]"), "as_completed order")?;
            expect(has("map:          [0, 1, 4, 9, 16]"), "map order")?;
            expect(count("callback:") == 5, "five callbacks")?;
            expect(
                count("(sum 2666466670000)") == 2,
                "both chunk sizes, same sum",
            )
        }
        10 => {
            expect(has("sum of i * i for i < 100: 328350"), "the queue's sum")?;
            expect(
                has("the parent still sees: ['from the parent']"),
                "the copied list",
            )
        }
        11 => {
            expect(has("lock=False: balance"), "the unlocked run")?;
            expect(
                has("lock=True: balance 0 (should be 0)"),
                "the locked run lost updates",
            )
        }
        12 => {
            expect(count(" done") == 4, "four workers done")?;
            expect(has("(daemon heartbeat)"), "the daemon's heartbeat")?;
            expect(
                after(output, "took")? < 1.2,
                "four 0.5 s waits did not overlap (< 1.2 s)",
            )
        }
        13 => {
            let gathered = after(output, "[0, 1, 2, 3, 4] in")?;
            expect(
                gathered < 2.5,
                "five 1 s sleeps gathered took ≥ 2.5 s (one after the other: ≥ 5 s)",
            )?;
            expect(has("FIRST_COMPLETED: 1 done, 4 pending"), "FIRST_COMPLETED")?;
            expect(
                has("after timeout=0.3: 1 done, 3 still running"),
                "the timeout",
            )?;
            expect(count("callback:") == 5, "five callbacks")?;
            expect(
                after(output, "with one blocking task:")? >= 1.8,
                "the blocking call did not delay the others (≥ 1.8 s)",
            )
        }
        14 => {
            expect(has("timed out: 0 done, 2 still running"), "wait's timeout")?;
            expect(
                has("cancel() on a running future: False"),
                "cancel() too late",
            )?;
            expect(count("stopped after") == 2, "both tasks stopped")?;
            expect(
                has("asyncio: cancelled at its await"),
                "cancelled at the await",
            )?;
            expect(has("asyncio: wait_for timed out"), "wait_for's timeout")
        }
        15 => {
            expect(has("200/200 tasks"), "the bar reached 200/200")?;
            expect(has("33860 primes below 400000"), "the prime count")
        }
        16 => {
            let python = after(output, "pure Python loop")?;
            let c = after(output, "C loop via sum()")?;
            expect(c < python, "the C loop was not faster than the Python loop")
        }
        _ => Err(format!("no shape check for lesson {lesson}")),
    }
}

/// Checks the output of lesson `lesson`'s live part (`live.py`, see `catalog::live_part`).
pub fn check_live(lesson: u32, output: &str) -> Result<(), String> {
    expect(!output.contains("Traceback"), "the live part raised")?;
    match lesson {
        // The same lines as the whole snippet's asyncio part.
        1 => check(1, &format!("{output}parallel, two processes: 0 s\n")),
        5 => expect(
            output.contains("coroutine:") && after(output, "list has")? == 20.0,
            "coroutines did not share the list",
        ),
        14 => {
            expect(
                output.contains("asyncio: cancelled at its await"),
                "cancelled at the await",
            )?;
            expect(
                output.contains("asyncio: wait_for timed out"),
                "wait_for's timeout",
            )
        }
        _ => Err(format!("no live part for lesson {lesson}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pyrun::{catalog, recorded};

    #[test]
    fn every_recording_has_its_lessons_shape() {
        for lesson in crate::lessons::all() {
            if let Some(rec) = catalog::recording(&lesson) {
                check(lesson.number, &recorded::text(&rec))
                    .unwrap_or_else(|e| panic!("{}: {e}", lesson.id()));
            }
        }
    }

    #[test]
    fn every_lesson_has_a_check_and_its_replacements_apply() {
        for lesson in crate::lessons::all() {
            assert_ne!(
                check(lesson.number, ""),
                Ok(()),
                "{}: a check that passes on no output",
                lesson.id()
            );
            let code = for_check(lesson.number, lesson.source.snippet).unwrap();
            let changed = SMALLER.iter().any(|(n, _)| *n == lesson.number);
            assert_eq!(code != lesson.source.snippet, changed, "{}", lesson.id());
        }
        assert!(for_check(7, "N = 1\n").is_err());
    }

    #[test]
    fn live_part_checks() {
        assert_eq!(
            check_live(1, "concurrent, one thread: ABABABAB in 0.1 s\n"),
            Ok(())
        );
        assert!(check_live(1, "concurrent, one thread: AAAABBBB in 0.1 s\n").is_err());
        assert_eq!(
            check_live(5, "coroutine: 0.01 ms each, list has 20 items\n"),
            Ok(())
        );
        assert!(check_live(5, "coroutine: 0.01 ms each, list has 0 items\n").is_err());
        assert!(check_live(14, "").is_err());
        assert!(check_live(7, "").is_err());
    }

    #[test]
    fn the_checks_fail_on_output_that_contradicts_the_lesson() {
        let gil_free = "GIL enabled: True, switch interval 5 ms\ntwo counters, one after the other: 2.00 s\ntwo counters on two threads:       1.00 s\neight 0.3 s sleeps on 8 threads:   0.30 s\n";
        assert!(check(7, gil_free).is_err());
        let gil = gil_free.replace("threads:       1.00 s", "threads:       2.10 s");
        assert_eq!(check(7, &gil), Ok(()));
        // Free-threaded CPython may run the two counters in parallel: only the sleeps count.
        assert_eq!(check(7, &gil_free.replace("True", "False")), Ok(()));
        let serial_sleeps = gil.replace("8 threads:   0.30 s", "8 threads:   2.40 s");
        assert!(check(7, &serial_sleeps).is_err());

        let asyncio = "[0, 1, 2, 3, 4] in 1.0 s\n  callback: 4\nFIRST_COMPLETED: 1 done, 4 pending\n  callback: 3\nafter timeout=0.3: 1 done, 3 still running\n  callback: 2\n  callback: 1\n  callback: 0\nwith one blocking task: 2.0 s\n";
        assert_eq!(check(13, asyncio), Ok(()));
        assert!(check(13, &asyncio.replace("in 1.0 s", "in 5.0 s")).is_err());
        assert!(check(13, &asyncio.replace("task: 2.0 s", "task: 1.0 s")).is_err());
        assert!(check(
            13,
            &format!("{asyncio}Traceback (most recent call last):\n")
        )
        .is_err());
        assert!(check(
            1,
            "concurrent, one thread: AAAABBBB in 0.2 s\nparallel, two processes: 0.1 s\n"
        )
        .is_err());
    }
}
