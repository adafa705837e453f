//! The lessons as guided steps: one idea, one run, one figure, a guess before and a caption
//! after (see `lessons/STEPS.md`). Pure: which step a page is on, what its stage shows and how a
//! guess is graded are decided here and tested natively; `web::components::step_view` draws it.

pub mod grade;
pub mod stage;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use crate::lessons::steps::{self, Plan, Text};
use crate::lessons::{self, LessonSource};
use crate::link::{self, Lang, LinkConfig};

/// One step of a lesson, both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub plan: Plan,
    pub zh: Text,
    pub en: Text,
}

impl Step {
    pub fn key(&self) -> &str {
        &self.plan.key
    }

    /// The step's words in `lang` (the stage speaks Chinese in "both": its labels stay in one
    /// language, and the notes stand side by side).
    pub fn text(&self, lang: Lang) -> &Text {
        match lang {
            Lang::En => &self.en,
            Lang::Zh | Lang::Both => &self.zh,
        }
    }

    /// Where the page fetches the step's note: `lang` is "zh" or "en".
    pub fn note_url(&self, lesson: &str, lang: &str) -> String {
        format!("lessons/{lesson}.{}.{lang}.html", self.key())
    }

    /// The link fragment that sets the step's demo up, in `lesson`, or None for a step without
    /// a run.
    pub fn fragment(&self, lesson: &str) -> Option<String> {
        let run = self.plan.run.as_ref()?;
        Some(format!("{run}&lesson={lesson}&step={}", self.key()))
    }

    /// The step's demo configuration, as a link would open it.
    pub fn config(&self, lesson: &str) -> Option<LinkConfig> {
        self.fragment(lesson).map(|f| link::decode(&f).config)
    }

    /// Whether the question is graded by a measurement of the run.
    pub fn measured(&self) -> bool {
        self.plan.measure.is_some()
    }

    /// Whether the step asks a question before its run.
    pub fn asks(&self) -> bool {
        self.text(Lang::En).question.is_some() && !self.text(Lang::En).choices.is_empty()
    }
}

/// Pairs `steps.txt` with the two languages' texts; the keys must agree, in order.
pub fn load(source: &LessonSource) -> Result<Vec<Step>, String> {
    let plans = steps::parse_plan(source.steps)?;
    let zh = steps::parse_text(source.steps_zh).map_err(|e| format!("steps.zh.md {e}"))?;
    let en = steps::parse_text(source.steps_en).map_err(|e| format!("steps.en.md {e}"))?;
    if plans.len() != zh.len() || plans.len() != en.len() {
        return Err(format!(
            "{} steps in steps.txt, {} in steps.zh.md, {} in steps.en.md",
            plans.len(),
            zh.len(),
            en.len()
        ));
    }
    plans
        .into_iter()
        .zip(zh)
        .zip(en)
        .map(|((plan, zh), en)| {
            if plan.key != zh.key || plan.key != en.key {
                return Err(format!(
                    "step [{}] is [{}] in steps.zh.md and [{}] in steps.en.md",
                    plan.key, zh.key, en.key
                ));
            }
            Ok(Step { plan, zh, en })
        })
        .collect()
}

/// Every lesson's steps, read once; a lesson whose steps do not load has none (the page then
/// shows its full note, and the lessons' tests say what is wrong).
fn course() -> &'static Vec<(&'static str, Vec<Step>)> {
    static COURSE: OnceLock<Vec<(&'static str, Vec<Step>)>> = OnceLock::new();
    COURSE.get_or_init(|| {
        lessons::all()
            .into_iter()
            .map(|l| (l.id(), load(l.source).unwrap_or_default()))
            .collect()
    })
}

/// The steps of lesson `id` (empty for an unknown lesson).
pub fn steps(id: &str) -> &'static [Step] {
    course()
        .iter()
        .find(|(l, _)| *l == id)
        .map_or(&[], |(_, s)| s.as_slice())
}

/// The index of step `key` in lesson `id`; the first step for no key or an unknown one.
pub fn index_of(id: &str, key: Option<&str>) -> usize {
    key.and_then(|k| steps(id).iter().position(|s| s.key() == k))
        .unwrap_or(0)
}

/// Whether two configurations set up the same demo, whatever the lesson, step, language, view
/// bank-scene mode and interleaving schedule (their own panels change them) they are shown in.
pub fn same_demo(a: &LinkConfig, b: &LinkConfig) -> bool {
    let b = LinkConfig {
        lesson: a.lesson.clone(),
        step: a.step.clone(),
        lang: a.lang,
        view: a.view,
        scene: a.scene,
        interleave: a.interleave.clone(),
        ..b.clone()
    };
    *a == b
}
