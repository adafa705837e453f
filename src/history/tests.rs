//! The history model: storage format (round trip, corruption, caps), actions, comparison,
//! exports.
use super::codec::{decode, decode_entry, encode, encode_entry};
use super::compare::compare;
use super::export::{csv_text, history_csv, history_json, spans_csv, spans_json, RunInfo};
use super::*;
use crate::engine::{Answer, Lane, RunOutput, Span, SpanKind, TaskOutcome};
use crate::i18n::answers::AnswerText;
use proptest::prelude::*;

pub(super) fn entry(id: u64) -> Entry {
    Entry {
        id,
        at_ms: 1_763_761_800_123.5,
        config: "v=1&w=primes&n=3000000&tasks=64&list=0&x=main,pool&t=4&view=timeline&lang=en"
            .into(),
        workload: "primes".into(),
        executor: Executor::Pool,
        threads: 4,
        outcome: Outcome::Completed,
        answer: 216_816,
        summary: "216816 primes below 3000000".into(),
        said: Some(Said::new(AnswerText::Primes, &[&216_816, &3_000_000])),
        wall_ms: 812.25,
        speedup: Some(1.875),
        tasks: 64,
        spans: 310,
        lanes: 5,
        env: Environment {
            logical_processors: Some(4),
            isolated: Some(true),
            browser: "Chrome 156".into(),
        },
    }
}

fn output(end: RunEnd) -> RunOutput {
    RunOutput {
        answer: Answer {
            value: 42,
            summary: "forty-two, \"quoted\"".into(),
            ..Answer::default()
        },
        end,
        wall_ms: 12.5,
        spans: vec![
            Span {
                lane: Lane::Main,
                task: 0,
                kind: SpanKind::Compute,
                start_ms: 1000.0,
                end_ms: 1004.25,
            },
            Span {
                lane: Lane::Worker(1),
                task: 1,
                kind: SpanKind::Io,
                start_ms: 1001.5,
                end_ms: 1012.5,
            },
        ],
        completion_order: vec![0, 1],
        outcomes: vec![TaskOutcome::Done(40), TaskOutcome::Done(2)],
    }
}

#[test]
fn an_entry_round_trips_through_its_line() {
    let mut e = entry(7);
    e.outcome =
        Outcome::Failed("injected error: a task raised, \"twice\"\nand & more = 100%".into());
    e.summary = "并发 & <b>".into();
    e.speedup = None;
    e.env.logical_processors = None;
    e.env.isolated = None;
    let line = encode_entry(&e);
    assert!(!line.contains('\n'), "one line per entry: {line}");
    assert_eq!(decode_entry(&line), Some(e));
    assert_eq!(decode_entry(&encode_entry(&entry(1))), Some(entry(1)));
}

#[test]
fn the_answer_reads_in_the_readers_language_and_older_lines_keep_their_summary() {
    let e = entry(1);
    assert_eq!(e.answer_in(Lang::Zh), "3000000 以下有 216816 个质数");
    assert_eq!(e.answer_in(Lang::En), "216816 primes below 3000000");
    // A line from before answers had templates, and one whose template this build does not
    // know: the entry still reads, in the English it kept.
    let line = encode_entry(&e);
    assert!(line.contains("&say=Primes%7C216816%7C3000000"), "{line}");
    for (old, said) in [
        (line.replace("&say=Primes%7C216816%7C3000000", ""), false),
        (line.replace("say=Primes", "say=Renamed"), false),
        (line.clone(), true),
    ] {
        let back = decode_entry(&old).expect("the entry reads");
        assert_eq!(back.said.is_some(), said, "{old}");
        let zh = if said {
            "3000000 以下有 216816 个质数"
        } else {
            "216816 primes below 3000000"
        };
        assert_eq!(back.answer_in(Lang::Zh), zh);
    }
}

#[test]
fn a_corrupted_line_is_dropped_alone() {
    let good = [entry(1), entry(2), entry(3)];
    let mut lines: Vec<String> = good.iter().map(encode_entry).collect();
    lines.insert(1, "this is not an entry".into());
    lines.insert(3, lines[2].replace("ms=812.25", "ms=NaN"));
    lines.push(lines[0].replace("t=4", "t=0"));
    lines.push(lines[0].replace("v=1", "v=99"));
    lines.push(lines[0][..lines[0].len() / 2].to_owned());
    lines.push("\u{0}\u{fffd}%%%&&&==".into());
    lines.push(String::new());
    let decoded = decode(&lines.join("\n"));
    assert_eq!(decoded.entries, good.to_vec());
    assert_eq!(decoded.dropped, 6);
}

#[test]
fn repeated_ids_keep_the_first() {
    let mut second = entry(1);
    second.answer = 5;
    let decoded = decode(&encode(&[entry(1), second]));
    assert_eq!(decoded.entries, vec![entry(1)]);
    assert_eq!(decoded.dropped, 1);
}

#[test]
fn storage_keeps_only_the_newest_entries() {
    let many: Vec<Entry> = (1..=MAX_ENTRIES as u64 + 10).map(entry).collect();
    let decoded = decode(&encode(&many));
    assert_eq!(decoded.entries.len(), MAX_ENTRIES);
    assert_eq!(decoded.entries[0].id, 11);
    // A full history is small next to the browser's ~5 MB per site.
    assert!(encode(&decoded.entries).len() < 150_000);
}

#[test]
fn an_unknown_executor_or_odd_workload_id_is_not_read() {
    let line = encode_entry(&entry(1));
    assert_eq!(decode_entry(&line.replace("x=pool", "x=gpu")), None);
    assert_eq!(
        decode_entry(&line.replace("w=primes", "w=%3Cscript%3E")),
        None
    );
    assert_eq!(
        decode_entry(&line.replace("end=completed", "end=maybe")),
        None
    );
    assert_eq!(decode_entry(&line.replace("iso=1", "iso=yes")), None);
}

proptest! {
    #[test]
    fn any_text_reads_without_panicking(text in ".{0,400}") {
        let decoded = decode(&text);
        prop_assert!(decoded.entries.len() + decoded.dropped <= text.lines().count());
    }

    #[test]
    fn any_entry_round_trips(
        id in 1u64..u64::MAX,
        at in -1e13f64..1e13,
        summary in ".{0,40}",
        why in ".{0,40}",
        browser in ".{0,40}",
        answer in any::<i128>(),
        wall in 0f64..1e9,
        threads in 1usize..=32,
        failed in any::<bool>(),
    ) {
        let mut e = entry(id);
        e.at_ms = at;
        e.summary = summary.trim().to_owned();
        e.env.browser = browser.trim().to_owned();
        e.answer = answer;
        e.wall_ms = wall;
        e.threads = threads;
        if failed {
            e.outcome = Outcome::Failed(why);
        }
        let stored = encode(&[entry(id.wrapping_add(1).max(1)), e.clone()]);
        let decoded = decode(&stored);
        prop_assert_eq!(decoded.dropped, usize::from(id.wrapping_add(1).max(1) == id));
        prop_assert_eq!(decoded.entries.last(), Some(&e));
    }
}

pub(super) fn opened(entries: Vec<Entry>, dropped: usize) -> History {
    History::default().apply(HistoryAction::Opened {
        stored: Ok(Decoded {
            entries,
            dropped,
            since: 0.0,
        }),
        browser: "Chrome 156".into(),
    })
}

#[test]
fn opening_reports_dropped_entries_and_keeps_the_rest() {
    let h = opened(vec![entry(1), entry(2)], 3);
    assert_eq!(h.entries.len(), 2);
    assert_eq!(h.notices, vec![Notice::Corrupted { dropped: 3 }]);
    assert_eq!(opened(vec![entry(1)], 0).notices, vec![]);
}

#[test]
fn unreadable_storage_is_a_notice_and_runs_are_still_kept() {
    let mut h = History::default().apply(HistoryAction::Opened {
        stored: Err(StorageProblem::Unavailable("SecurityError: denied".into())),
        browser: "Firefox 130".into(),
    });
    assert_eq!(h.notices[0].tag(), "unavailable");
    h.push(entry(0));
    assert_eq!(h.entries.len(), 1);
    assert_eq!(h.entries[0].env.browser, "Firefox 130");
}

#[test]
fn saving_into_full_storage_says_how_much_was_kept() {
    let mut h = opened(vec![], 0);
    for _ in 0..4 {
        h.push(entry(0));
    }
    let ids: Vec<u64> = h.entries.iter().map(|e| e.id).collect();
    assert_eq!(ids, [1, 2, 3, 4]);
    let h = h.apply(HistoryAction::Saved(Ok(2)));
    assert_eq!(h.notices, vec![Notice::Full { kept: 2 }]);
    let h = h.apply(HistoryAction::Saved(Err(StorageProblem::Full)));
    assert_eq!(h.notices, vec![Notice::Full { kept: 0 }]);
    // A later save that fits clears it.
    let h = h.apply(HistoryAction::Saved(Ok(4)));
    assert_eq!(h.notices, vec![]);
}

#[test]
fn the_history_is_capped_and_ids_keep_increasing() {
    let mut h = opened(vec![entry(5)], 0);
    for _ in 0..MAX_ENTRIES + 3 {
        h.push(entry(0));
    }
    assert_eq!(h.entries.len(), MAX_ENTRIES);
    assert!(h.entries.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(h.entries.last().unwrap().id, 5 + MAX_ENTRIES as u64 + 3);
}

#[test]
fn picking_keeps_the_last_two_and_clear_empties_everything() {
    let h = opened(vec![entry(1), entry(2), entry(3)], 1);
    let h = h
        .apply(HistoryAction::TogglePick(1))
        .apply(HistoryAction::TogglePick(99))
        .apply(HistoryAction::TogglePick(2))
        .apply(HistoryAction::TogglePick(3));
    assert_eq!(h.picked, vec![2, 3]);
    assert_eq!(h.pair().map(|(a, b)| (a.id, b.id)), Some((2, 3)));
    let h = h.apply(HistoryAction::TogglePick(2));
    assert_eq!(h.pair(), None);
    let revision = h.revision;
    let h = h.apply(HistoryAction::Clear { at_ms: 5.0 });
    assert!(h.entries.is_empty() && h.picked.is_empty() && h.notices.is_empty());
    assert_eq!(
        h.since, 5.0,
        "runs that started before the clear stay removed"
    );
    assert!(h.revision > revision, "a cleared history is saved");
}

#[test]
fn comparing_two_runs() {
    let a = entry(1);
    let mut b = entry(2);
    b.executor = Executor::Main;
    b.threads = 1;
    b.wall_ms = 1624.5;
    b.config = a
        .config
        .replace("tasks=64", "tasks=8")
        .replace("t=4", "t=2");
    b.env.browser = "Firefox 130".into();
    let c = compare(&a, &b);
    assert_eq!(c.ratio, Some(2.0));
    assert_eq!(c.same_answer, Some(true));
    let names: Vec<&str> = c.differences.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["executor", "threads", "tasks", "browser"]);
    assert_eq!(
        (c.differences[2].a.as_str(), c.differences[2].b.as_str()),
        ("64", "8")
    );

    b.outcome = Outcome::Cancelled;
    assert_eq!(compare(&a, &b).same_answer, None);
    assert_eq!(compare(&a, &a).differences, vec![]);
}

#[test]
fn csv_fields_are_escaped() {
    assert_eq!(csv_text("plain"), "plain");
    assert_eq!(csv_text("a,b"), "\"a,b\"");
    assert_eq!(csv_text("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_text("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_text("=cmd()"), "'=cmd()");
    assert_eq!(csv_text("-1+2,x"), "\"'-1+2,x\"");
}

#[test]
fn history_csv_has_a_header_and_one_row_per_entry() {
    let mut e = entry(2);
    e.summary = "a, \"b\"".into();
    let csv = history_csv(&[entry(1), e]);
    let rows: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(rows.len(), 4, "header, two rows, and the final line end");
    assert!(rows[0].starts_with("id,started_utc,workload,executor,threads,outcome"));
    assert!(rows[1].starts_with("1,2025-11-21T21:50:00.123Z,primes,pool,4,completed,,216816,"));
    assert!(rows[2].contains(",\"a, \"\"b\"\"\",812.25,1.875,64,310,5,4,true,Chrome 156,"));
    assert_eq!(rows[3], "");
}

#[test]
fn history_json_escapes_text() {
    let mut e = entry(1);
    e.outcome = Outcome::Failed("line\n\"quoted\"".into());
    let json = history_json(&[e, entry(2)]);
    assert!(json.starts_with("[{\"id\":1,\"started_utc\":\"2025-11-21T21:50:00.123Z\""));
    assert!(json.contains(r#""failure":"line\n\"quoted\"""#));
    assert!(json.contains(r#""failure":null"#));
    assert!(json.contains(r#""speedup":1.875"#));
    assert_eq!(history_json(&[]), "[]\n");
}

#[test]
fn spans_export_counts_from_the_first_span() {
    let out = output(RunEnd::Failed("boom, \"bad\"".into()));
    let csv = spans_csv(Executor::Gil, &out);
    assert_eq!(
        csv,
        "executor,task,lane,kind,start_ms,end_ms,duration_ms\r\n\
         gil,0,main,compute,0,4.25,4.25\r\n\
         gil,1,worker-1,io,1.5,12.5,11\r\n"
    );
    let info = RunInfo {
        workload: "primes",
        executor: Executor::Gil,
        threads: 2,
        config: "v=1&w=primes",
    };
    let json = spans_json(&info, &out);
    assert!(json.contains(r#""outcome":"failed","failure":"boom, \"bad\"""#));
    assert!(json.contains(r#""summary":"forty-two, \"quoted\"""#));
    assert!(json.contains(r#""completion_order":[0,1]"#));
    assert!(json.contains(r#""origin_epoch_ms":1000"#));
    assert!(json.contains(
        "{\"task\":1,\"lane\":\"worker-1\",\"kind\":\"io\",\"start_ms\":1.5,\"end_ms\":12.5}"
    ));
    let empty = RunOutput {
        spans: vec![],
        ..out
    };
    assert!(spans_json(&info, &empty).contains(r#""origin_epoch_ms":null"#));
}

#[test]
fn an_entry_from_a_run() {
    let facts = RunFacts {
        at_ms: 5.0,
        config: "v=1&w=primes".into(),
        workload: "primes",
        executor: Executor::Pool,
        threads: 3,
        speedup: Some(2.0),
        logical_processors: Some(8),
        isolated: Some(true),
    };
    let e = Entry::new(facts, &output(RunEnd::Cancelled));
    assert_eq!(
        (e.outcome, e.answer, e.tasks, e.spans, e.lanes),
        (Outcome::Cancelled, 42, 2, 2, 2)
    );
}

#[test]
fn browser_names() {
    let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7000.1 Safari/537.36";
    assert_eq!(browser_name(chrome), "Chrome 156");
    assert_eq!(
        browser_name(&chrome.replace("Chrome/", "HeadlessChrome/")),
        "Chrome (headless) 156"
    );
    assert_eq!(browser_name(&format!("{chrome} Edg/140.0.1")), "Edge 140");
    assert_eq!(
        browser_name("Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"),
        "Firefox 130"
    );
    assert_eq!(
        browser_name("Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"),
        "Safari 18"
    );
    assert_eq!(browser_name("  curl/8 "), "curl/8");
    assert_eq!(browser_name(&"x".repeat(500)).chars().count(), MAX_TEXT + 1);
}
