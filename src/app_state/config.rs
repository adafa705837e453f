//! The page state's transitions that set up a demo: the workload and its parameters, the
//! thread count, the GIL's switch interval, and opening a link, a lesson or a preset. None of
//! them starts a run; each clears the results it makes stale.

use super::{Action, AppState, Input};
use crate::executor::Executor;
use crate::link::{self, Decoded};
use crate::param::Values;
use crate::workload;

impl AppState {
    pub(super) fn select_workload(&mut self, id: &str) {
        if let Some(def) = workload::by_id(id) {
            if def != self.workload {
                self.workload = def;
                self.values = Values::default();
                self.inputs.clear();
                self.results.clear();
            }
        }
    }

    pub(super) fn edit_param(&mut self, name: &str, text: String) {
        if let Some(param) = self.workload.params.iter().find(|p| p.name == name) {
            let parsed = param.parse(&text);
            self.values.set(param, parsed.value());
            self.inputs.insert(param.name, Input { text, parsed });
            self.results.clear();
        }
    }

    pub(super) fn set_threads(&mut self, n: usize) {
        self.threads = n.clamp(1, self.max_threads());
        self.threads_asked = Some(self.threads);
        self.results.retain(|e, _| !e.needs_pool());
    }

    pub(super) fn set_switch(&mut self, us: u64) {
        let us = us.clamp(link::fields::SWITCH_US.min, link::fields::SWITCH_US.max);
        if us != self.switch_us {
            self.switch_us = us;
            self.results.remove(&Executor::Gil);
        }
    }

    /// Takes a link's whole configuration (and its notices).
    pub(super) fn open_link(&mut self, Decoded { config, notices }: Decoded) {
        self.workload = config.workload;
        self.values = config.values;
        self.inputs.clear();
        self.results.clear();
        self.executors = config.executors;
        self.threads_asked = config.threads;
        // A link without a thread count means "this machine's default", not "whatever the
        // previous demo used".
        let default = crate::pool_state::default_threads(self.logical_processors.map(|n| n as f64));
        self.threads = config
            .threads
            .unwrap_or(default)
            .clamp(1, self.max_threads());
        self.fault = config.fault;
        self.view = config.view;
        self.lang = config.lang;
        self.api = config.api;
        self.switch_us = config.switch_us;
        self.interleave = config.interleave;
        self.lesson = config.lesson;
        self.step = config.step;
        self.confirm = None;
        self.link_notices = notices;
        self.scene = config.scene;
        self.scene_ran = false;
        // Code from a link replaces the lesson's edit (it runs only on Run).
        if let (Some(code), Some(lesson)) = (config.code, self.lesson.clone()) {
            self.keep_edit(&lesson, Some(code));
        }
    }

    /// A lesson (its first step, or its first preset if it has no steps), or the playground.
    pub(super) fn open_lesson(mut self, id: Option<&'static str>) -> Self {
        let Some(id) = id else {
            // The playground: every executor on offer, no lesson's scene.
            self.lesson = None;
            self.step = None;
            self.executors = Executor::ALL.to_vec();
            self.scene = None;
            return self;
        };
        // A new lesson starts with its own scene mode (if it has a scene).
        self.scene = None;
        if !crate::course::steps(id).is_empty() {
            self.lesson = Some(id.to_string());
            return self.apply(Action::OpenStep(0));
        }
        let first = crate::lessons::by_id(id).and_then(|l| l.presets().into_iter().next());
        match first {
            Some(preset) => self.open_preset(preset.fragment),
            None => self,
        }
    }

    /// A lesson's demo button: like a link, but the learner's language stays, and the scene's
    /// mode too unless the preset names one.
    pub(super) fn open_preset(mut self, fragment: String) -> Self {
        let (lang, scene) = (self.lang, self.scene);
        self.open_link(link::decode(&fragment));
        self.lang = lang;
        self.scene = self.scene.or(scene);
        self
    }
}
