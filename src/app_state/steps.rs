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
        match step.fragment(&lesson) {
            Some(fragment) => self.apply(Action::OpenPreset(fragment)),
            None => {
                self.step = Some(step.key().to_string());
                self
            }
        }
    }
}
