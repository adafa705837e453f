//! The real lessons' steps: each opens, its link round-trips, old links land on the first step,
//! a stepper step keeps the learner's schedule.

use super::super::*;
use crate::app_state::tests::ready;
use crate::app_state::Action;

const LESSON: &str = "07-gil";

#[test]
fn every_step_of_every_lesson_opens_and_its_link_round_trips() {
    for lesson in crate::lessons::all() {
        let id = lesson.id();
        let steps = steps(id);
        let s = ready(2).apply(Action::OpenLesson(Some(id)));
        assert_eq!(s.lesson.as_deref(), Some(id));
        assert_eq!(s.step.as_deref(), steps.first().map(Step::key), "{id}");
        for (i, step) in steps.iter().enumerate() {
            let s = s.clone().apply(Action::OpenStep(i));
            assert_eq!(s.step.as_deref(), Some(step.key()), "{id} step {i}");
            assert_eq!(index_of(id, s.step.as_deref()), i);
            if let Some(config) = step.config(id) {
                assert!(
                    same_demo(&config, &s.link_config()),
                    "{id} [{}]",
                    step.key()
                );
            }
            // The page's link reopens the same step and demo.
            let again = ready(2).apply(Action::OpenLink(link::decode(&s.link_fragment())));
            assert_eq!(
                (again.lesson.as_deref(), again.step.as_deref()),
                (Some(id), Some(step.key()))
            );
            assert_eq!(again.link_config(), s.link_config());
        }
    }
}

#[test]
fn links_without_a_step_or_with_an_unknown_one_open_the_first_step() {
    let preset = "v=1&w=counter&n=1000000000&tasks=2&x=main,pool,gil&t=2&view=timeline&lang=both&lesson=07-gil";
    let s = ready(2).apply(Action::OpenLink(link::decode(preset)));
    assert_eq!(
        (s.lesson.as_deref(), s.step.as_deref()),
        (Some(LESSON), None)
    );
    assert_eq!(index_of(LESSON, s.step.as_deref()), 0);
    assert_eq!(index_of(LESSON, Some("no-such-step")), 0);
    assert!(s.link_notices.is_empty());
    let bad = link::decode("v=1&lesson=07-gil&step=Bad%20Step");
    assert_eq!(bad.config.step, None);
    assert_eq!(bad.notices.len(), 1);
}

#[test]
fn the_same_demo_whatever_its_language_view_or_step() {
    let a = link::decode("v=1&w=counter&n=1000&x=main,gil&t=2&lang=en&view=charts").config;
    let b = link::decode("v=1&w=counter&n=1000&x=main,gil&t=2&lang=zh&lesson=07-gil&step=x").config;
    assert!(same_demo(&a, &b));
    let c = link::decode("v=1&w=counter&n=1001&x=main,gil&t=2").config;
    assert!(!same_demo(&a, &c));
}

#[test]
fn a_stepper_step_opens_on_its_scenario_and_run_keeps_the_learners_schedule() {
    let id = "11-races-and-locks";
    let steps = steps(id);
    let i = steps
        .iter()
        .position(|s| s.plan.scenario.as_deref() == Some("lost-update"))
        .expect("lesson 11 has the lost-update stepper");
    let s = ready(2)
        .apply(Action::OpenLesson(Some(id)))
        .apply(Action::OpenStep(i));
    assert_eq!(s.interleave.as_deref(), Some("lost-update:"));
    let s = s.apply(Action::SetInterleave("lost-update:010".into()));
    // Run opens the step again: the schedule stays.
    let again = s.clone().apply(Action::OpenStep(i));
    assert_eq!(again.interleave.as_deref(), Some("lost-update:010"));
    // A schedule the scenario cannot take is refused.
    let bad = s.apply(Action::SetInterleave("lost-update:0000".into()));
    assert_eq!(bad.interleave.as_deref(), Some("lost-update:010"));
    // Another step's stepper opens on its own scenario.
    let d = steps
        .iter()
        .position(|s| s.plan.scenario.as_deref() == Some("deadlock"))
        .unwrap();
    assert_eq!(
        again.apply(Action::OpenStep(d)).interleave.as_deref(),
        Some("deadlock:")
    );
}
