//! Every lesson's steps, held to `STEPS.md`: the parser on small texts first, then the content.

use std::collections::BTreeSet;

use super::steps::*;
use crate::course::{self, grade::PLACEHOLDERS, Step};
use crate::executor::Executor;
use crate::lessons;
use crate::link;

#[test]
fn a_plan_reads_its_settings() {
    let plans = parse_plan(
        "# comment\n[two-counters]\nrun = v=1&w=counter&x=main,gil\nfigure = timeline\n\
         measure = ratio gil main\nbands = 0.7 1.4\nexpect = 2\n\n[check]\nanswer = 3\n",
    )
    .unwrap();
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[0].figure, Figure::Timeline);
    assert_eq!(
        plans[0].measure,
        Some(Measure::Ratio("gil".into(), "main".into()))
    );
    assert_eq!(plans[0].bands, vec![0.7, 1.4]);
    assert_eq!((plans[0].expect, plans[1].answer), (Some(1), Some(2)));
    assert_eq!(plans[1].run, None);
}

#[test]
fn a_plan_refuses_what_it_cannot_read() {
    for bad in [
        "run = x",                   // before any step
        "[Bad Key]",                 // key form
        "[a]\nfigure = pie",         // unknown figure
        "[a]\nbands = 2 1",          // not ascending
        "[a]\nexpect = 0",           // choices are 1-based
        "[a]\nmeasure = speed main", // unknown measure
        "[a]\ncolour = red",         // unknown setting
        "[a]\nno equals sign",       // not a setting
    ] {
        assert!(parse_plan(bad).is_err(), "{bad:?} should not parse");
    }
}

#[test]
fn a_text_reads_note_question_choices_and_captions() {
    let texts = parse_text(
        "## [a] Title\n\nThe note,\ntwo lines.\n\n? Which?\n- one\n- two\n\n> It was {ratio}.\n>! Not here: {ratio}.\n\
         ## [b] Second\nNote.\n",
    )
    .unwrap();
    assert_eq!(texts.len(), 2);
    let a = &texts[0];
    assert_eq!((a.key.as_str(), a.title.as_str()), ("a", "Title"));
    assert_eq!(a.body, "The note,\ntwo lines.");
    assert_eq!(a.question.as_deref(), Some("Which?"));
    assert_eq!(a.choices, vec!["one", "two"]);
    assert_eq!(a.caption.as_deref(), Some("It was {ratio}."));
    assert_eq!(a.differs.as_deref(), Some("Not here: {ratio}."));
    assert_eq!(texts[1].body, "Note.");
    assert!(parse_text("text first\n## [a] T\n").is_err());
    assert!(parse_text("## [a] T\n? Q\n- x\nmore note after the question\n").is_err());
}

#[test]
fn stripping_keeps_all_but_the_notes() {
    let md = "## [a] Title\nA long note.\n- a list in the note\n\n? Q\n- one\n- two\n> caption\n";
    let stripped = parse_text(&strip_bodies(md)).unwrap();
    let full = parse_text(md).unwrap();
    assert_eq!(stripped[0].body, "");
    assert_eq!(stripped[0].choices, full[0].choices);
    assert_eq!(stripped[0].caption, full[0].caption);
}

#[test]
fn placeholders_are_found_and_filled() {
    let text = "took {pool_ms} ms, {ratio}× and {unknown}; a { brace";
    assert_eq!(
        placeholders(text),
        ["pool_ms", "ratio", "unknown"].map(String::from).into()
    );
    let filled = fill(text, |n| (n != "unknown").then(|| format!("<{n}>")));
    assert_eq!(
        filled,
        "took <pool_ms> ms, <ratio>× and {unknown}; a { brace"
    );
}

/// The full texts from disk (the page's copy has no note bodies).
fn full_texts(id: &str, lang: &str) -> Result<Vec<Text>, String> {
    let path = format!(
        "{}/src/lessons/content/{id}/steps.{lang}.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let md = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    parse_text(&md).map_err(|e| format!("{path}: {e}"))
}

fn english_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn han_chars(text: &str) -> usize {
    text.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count()
}

/// Everything one step must hold; each problem named.
fn problems(id: &str, step: &Step, en: &Text, zh: &Text) -> Vec<String> {
    let mut out = Vec::new();
    let mut bad = |what: String| out.push(format!("{id} [{}]: {what}", step.key()));
    let plan = &step.plan;
    if let Some(run) = &plan.run {
        let decoded = link::decode(run);
        if !decoded.notices.is_empty() {
            bad(format!("run link: {:?}", decoded.notices));
        }
        if run.contains("lang=") || run.contains("lesson=") || run.contains("step=") {
            bad("run carries lang=, lesson= or step=".into());
        }
        let tags: Vec<&str> = decoded.config.executors.iter().map(|e| e.tag()).collect();
        if let Some(m) = &plan.measure {
            for e in m.executors() {
                if Executor::from_tag(e).is_none() || !tags.contains(&e) {
                    bad(format!("measure reads {e}, not in the run's x= {tags:?}"));
                }
            }
        }
        match plan.action {
            Action::Chunks if decoded.config.workload.id != "squares" => {
                bad("chunks needs w=squares".into())
            }
            Action::Scene if decoded.config.scene.is_none() => bad("scene needs scene=".into()),
            _ => {}
        }
        if plan.figure == Figure::Api && decoded.config.api == crate::pyapi::ApiCall::None {
            bad("figure api needs api= in run".into());
        }
    } else if plan.measure.is_some() {
        bad("a measure without a run".into());
    }
    match (&plan.scenario, plan.figure == Figure::Interleave) {
        (Some(key), true) if crate::interleave::Scenario::by_key(key).is_none() => {
            bad(format!("no interleaving scenario {key:?}"))
        }
        (None, true) => bad("figure interleave needs a scenario".into()),
        (Some(_), false) => bad("a scenario without figure interleave".into()),
        _ => {}
    }
    if plan.measure.is_some() && plan.answer.is_some() {
        bad("both a measure and an answer".into());
    }
    let choices = match (&plan.measure, plan.answer) {
        (Some(_), _) => Some(plan.bands.len() + 1),
        (None, Some(_)) => None,
        (None, None) => Some(0),
    };
    for (lang, t) in [("en", en), ("zh", zh)] {
        match choices {
            Some(n) if t.choices.len() != n => bad(format!(
                "{lang}: {} choices, the plan gives {n}",
                t.choices.len()
            )),
            None if !(2..=4).contains(&t.choices.len()) => {
                bad(format!("{lang}: an answer question needs 2–4 choices"))
            }
            _ => {}
        }
        if !t.choices.is_empty() && t.question.is_none() {
            bad(format!("{lang}: choices without a question"));
        }
        for i in plan.answer.iter().chain(plan.expect.iter()) {
            if *i >= t.choices.len() {
                bad(format!("{lang}: choice {} does not exist", i + 1));
            }
        }
        if t.caption.is_none() {
            bad(format!("{lang}: no caption (`> `)"));
        }
        if t.title.is_empty() || t.body.is_empty() {
            bad(format!("{lang}: a title and a note are needed"));
        }
        for p in [&t.caption, &t.differs].into_iter().flatten() {
            for name in placeholders(p) {
                if !PLACEHOLDERS.contains(&name.as_str()) {
                    bad(format!("{lang}: unknown placeholder {{{name}}}"));
                }
            }
        }
        if !placeholders(&t.body).is_empty() {
            bad(format!(
                "{lang}: placeholders belong in captions, not the note"
            ));
        }
    }
    let caps = |t: &Text| -> BTreeSet<String> {
        [&t.caption, &t.differs]
            .into_iter()
            .flatten()
            .flat_map(|c| placeholders(c))
            .collect()
    };
    if caps(en) != caps(zh) {
        bad(format!(
            "placeholders differ: en {:?}, zh {:?}",
            caps(en),
            caps(zh)
        ));
    }
    if en.differs.is_some() != zh.differs.is_some() {
        bad("a differs caption in one language only".into());
    }
    if english_words(&en.body) > 130 {
        bad(format!(
            "en note has {} words (≤ 120)",
            english_words(&en.body)
        ));
    }
    if han_chars(&zh.body) > 240 {
        bad(format!("zh note has {} 汉字 (≤ 220)", han_chars(&zh.body)));
    }
    out
}

#[test]
fn every_lesson_has_three_to_six_steps_that_keep_the_rules() {
    let mut all = Vec::new();
    for lesson in lessons::all() {
        let id = lesson.id();
        let steps = match course::load(lesson.source) {
            Ok(s) => s,
            Err(e) => {
                all.push(format!("{id}: {e}"));
                continue;
            }
        };
        if !(3..=6).contains(&steps.len()) {
            all.push(format!("{id}: {} steps (3–6)", steps.len()));
        }
        let keys: BTreeSet<&str> = steps.iter().map(Step::key).collect();
        if keys.len() != steps.len() {
            all.push(format!("{id}: repeated step keys"));
        }
        if let Some(last) = steps.last() {
            if last.plan.run.is_some() || last.plan.answer.is_none() {
                all.push(format!(
                    "{id}: the last step checks the learner: an answer, no run"
                ));
            }
        }
        let (en, zh) = match (full_texts(id, "en"), full_texts(id, "zh")) {
            (Ok(en), Ok(zh)) => (en, zh),
            (Err(e), _) | (_, Err(e)) => {
                all.push(e);
                continue;
            }
        };
        for (i, step) in steps.iter().enumerate() {
            match (en.get(i), zh.get(i)) {
                (Some(e), Some(z)) => all.extend(problems(id, step, e, z)),
                _ => all.push(format!("{id}: step {i} missing on disk")),
            }
        }
    }
    assert!(all.is_empty(), "\n{}", all.join("\n"));
}

#[test]
fn the_page_knows_every_lessons_steps() {
    for lesson in lessons::all() {
        assert!(
            !course::steps(lesson.id()).is_empty(),
            "{} has no steps",
            lesson.id()
        );
    }
}
