//! Moving between a lesson's steps: a step with a run sets its demo up as its link would
//! (the learner's language kept); a step without one keeps the demo on the page.

use super::{Action, AppState};

impl AppState {
    pub(super) fn open_step(mut self, n: usize) -> Self {
        let Some(lesson) = self.lesson.clone() else {
            return self;
        };
        let steps = crate::course::steps(&lesson);
        let Some(step) = steps.get(n.min(steps.len().saturating_sub(1))) else {
            return self;
        };
        let stepper = self.interleave.clone();
        let mut state = match step.fragment(&lesson) {
            Some(fragment) => self.apply(Action::OpenPreset(fragment)),
            None => {
                self.step = Some(step.key().to_string());
                self
            }
        };
        // A stepper's step opens on its scenario, no step taken — unless the learner's
        // schedule is already one of the step's scenarios (Run keeps it).
        if let Some(scenario) = &step.plan.scenario {
            let family = crate::interleave::family(scenario);
            let kept = stepper.filter(|il| {
                crate::interleave::decode(il).is_some_and(|(s, _)| family.contains(&s.key))
            });
            state.interleave = Some(kept.unwrap_or_else(|| format!("{scenario}:")));
        }
        state
    }
}
