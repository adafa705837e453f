//! Reads a lesson's steps (see `STEPS.md`): `steps.txt`, what each step does, and
//! `steps.{en,zh}.md`, what it says. Standard library only: `build.rs` uses it too, to keep the
//! notes' bodies out of the page (they are fetched, like the full notes).

use std::collections::BTreeSet;

/// What a step's Run button does with its fragment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Action {
    /// Every executor of the fragment, one after the other.
    #[default]
    Run,
    /// The thread-count sweep.
    Sweep,
    /// The chunk-size sweep (squares).
    Chunks,
    /// The bank scene runs from its own buttons.
    Scene,
    /// Lesson 16's language comparison, its own button.
    Compare,
}

/// What the stage shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Figure {
    Timeline,
    Bars,
    Api,
    Sweep,
    Chunks,
    Scene,
    Compare,
    /// The interleaving stepper (its scenario: `scenario`).
    Interleave,
    #[default]
    None,
}

/// The measured figure a prediction is graded against; executors by tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// Wall time of the first ÷ the second.
    Ratio(String, String),
    /// The most tasks computing at once.
    Peak(String),
    /// Updates lost (bank).
    Lost(String),
    /// Frames dropped during the run.
    Dropped(String),
}

impl Measure {
    /// The placeholder the measure fills.
    pub fn placeholder(&self) -> &'static str {
        match self {
            Measure::Ratio(..) => "ratio",
            Measure::Peak(_) => "peak",
            Measure::Lost(_) => "lost",
            Measure::Dropped(_) => "dropped",
        }
    }

    /// The executors the measure reads.
    pub fn executors(&self) -> Vec<&str> {
        match self {
            Measure::Ratio(a, b) => vec![a, b],
            Measure::Peak(a) | Measure::Lost(a) | Measure::Dropped(a) => vec![a],
        }
    }
}

/// One step of `steps.txt`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub key: String,
    pub run: Option<String>,
    pub action: Action,
    pub figure: Figure,
    pub measure: Option<Measure>,
    /// Ascending cut points between the choices.
    pub bands: Vec<f64>,
    /// The choice (0-based) the step's idea predicts.
    pub expect: Option<usize>,
    /// The right choice (0-based) of a question with no measurement.
    pub answer: Option<usize>,
    /// The interleaving scenario the stepper opens on (figure `interleave`).
    pub scenario: Option<String>,
}

/// One step of `steps.{en,zh}.md`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    pub key: String,
    pub title: String,
    /// The note, Markdown.
    pub body: String,
    pub question: Option<String>,
    pub choices: Vec<String>,
    pub caption: Option<String>,
    /// The caption when the measurement falls outside the expected band.
    pub differs: Option<String>,
}

fn valid_key(key: &str) -> bool {
    (1..=40).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A 1-based choice number → 0-based.
fn choice(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if (1..=6).contains(&n) => Ok(n - 1),
        _ => Err(format!("a choice number 1..6, not {value:?}")),
    }
}

fn parse_measure(value: &str) -> Result<Measure, String> {
    let words: Vec<&str> = value.split_whitespace().collect();
    let s = |i: usize| words[i].to_string();
    match words.as_slice() {
        ["ratio", _, _] => Ok(Measure::Ratio(s(1), s(2))),
        ["peak", _] => Ok(Measure::Peak(s(1))),
        ["lost", _] => Ok(Measure::Lost(s(1))),
        ["dropped", _] => Ok(Measure::Dropped(s(1))),
        _ => Err(format!("unknown measure {value:?}")),
    }
}

fn set(plan: &mut Plan, name: &str, value: &str) -> Result<(), String> {
    match name {
        "run" => plan.run = Some(value.trim_start_matches('#').to_string()),
        "action" => {
            plan.action = match value {
                "run" => Action::Run,
                "sweep" => Action::Sweep,
                "chunks" => Action::Chunks,
                "scene" => Action::Scene,
                "compare" => Action::Compare,
                _ => return Err(format!("unknown action {value:?}")),
            }
        }
        "figure" => {
            plan.figure = match value {
                "timeline" => Figure::Timeline,
                "bars" => Figure::Bars,
                "api" => Figure::Api,
                "sweep" => Figure::Sweep,
                "chunks" => Figure::Chunks,
                "scene" => Figure::Scene,
                "compare" => Figure::Compare,
                "interleave" => Figure::Interleave,
                "none" => Figure::None,
                _ => return Err(format!("unknown figure {value:?}")),
            }
        }
        "measure" => plan.measure = Some(parse_measure(value)?),
        "bands" => {
            plan.bands = value
                .split_whitespace()
                .map(|v| v.parse::<f64>().map_err(|_| format!("a band {v:?}")))
                .collect::<Result<_, _>>()?;
            if plan.bands.windows(2).any(|w| w[0] >= w[1])
                || plan.bands.iter().any(|b| !b.is_finite())
            {
                return Err(format!("bands must be finite and ascending: {value:?}"));
            }
        }
        "expect" => plan.expect = Some(choice(value)?),
        "answer" => plan.answer = Some(choice(value)?),
        "scenario" if valid_key(value) => plan.scenario = Some(value.to_string()),
        _ => return Err(format!("unknown setting {name:?}")),
    }
    Ok(())
}

/// Reads `steps.txt`.
pub fn parse_plan(text: &str) -> Result<Vec<Plan>, String> {
    let mut plans: Vec<Plan> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        let at = |e: String| format!("steps.txt line {}: {e}", i + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(key) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if !valid_key(key) {
                return Err(at(format!("a step key is [a-z0-9-]{{1,40}}, not {key:?}")));
            }
            plans.push(Plan {
                key: key.to_string(),
                ..Plan::default()
            });
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            return Err(at(format!("expected `name = value`, got {line:?}")));
        };
        let plan = plans
            .last_mut()
            .ok_or_else(|| at("a setting before the first [step]".into()))?;
        set(plan, name.trim(), value.trim()).map_err(at)?;
    }
    Ok(plans)
}

/// Reads `steps.{en,zh}.md`.
pub fn parse_text(markdown: &str) -> Result<Vec<Text>, String> {
    let mut texts: Vec<Text> = Vec::new();
    for (i, line) in markdown.lines().enumerate() {
        let at = |e: &str| format!("line {}: {e}", i + 1);
        if let Some(head) = line.strip_prefix("## ") {
            let (key, title) = head
                .strip_prefix('[')
                .and_then(|h| h.split_once(']'))
                .ok_or_else(|| at("a step heading is `## [key] Title`"))?;
            texts.push(Text {
                key: key.trim().to_string(),
                title: title.trim().to_string(),
                ..Text::default()
            });
            continue;
        }
        let Some(text) = texts.last_mut() else {
            if line.trim().is_empty() || line.starts_with("# ") {
                continue;
            }
            return Err(at("text before the first `## [key]` heading"));
        };
        if let Some(q) = line.strip_prefix("? ") {
            text.question = Some(q.trim().to_string());
        } else if let Some(c) = line.strip_prefix("- ").filter(|_| text.question.is_some()) {
            text.choices.push(c.trim().to_string());
        } else if let Some(c) = line.strip_prefix(">! ") {
            text.differs = Some(c.trim().to_string());
        } else if let Some(c) = line.strip_prefix("> ") {
            text.caption = Some(c.trim().to_string());
        } else if text.question.is_some() || text.caption.is_some() {
            if !line.trim().is_empty() {
                return Err(at("the note comes before the question and the caption"));
            }
        } else {
            text.body.push_str(line);
            text.body.push('\n');
        }
    }
    for t in &mut texts {
        t.body = t.body.trim().to_string();
    }
    Ok(texts)
}

/// The step files without the notes' bodies: what the page carries (the bodies are fetched).
pub fn strip_bodies(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_body = false;
    for line in markdown.lines() {
        if line.starts_with("## ") {
            in_body = true;
        } else if line.starts_with("? ") || line.starts_with("> ") || line.starts_with(">! ") {
            in_body = false;
        }
        if !in_body || line.starts_with("## ") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The `{name}` placeholders in a text.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                out.insert(after[..end].to_string());
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}

/// Replaces each `{name}` for which `value` has something; the others stay as written.
pub fn fill(text: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after
            .find('}')
            .and_then(|end| Some((end, value(&after[..end])?)))
        {
            Some((end, v)) => {
                out.push_str(&v);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
