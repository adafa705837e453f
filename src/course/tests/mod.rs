//! The steps' stage, grading and captions on made-up steps and fixture runs (`lessons.rs`:
//! moving between the real lessons' steps).

mod lessons;

use std::rc::Rc;

use super::grade::{self, band, Graded};
use super::stage::{self, stage, Caption, DeviceNote, Guess, Phase};
use super::*;
use crate::app_state::tests::{ready, record_of};
use crate::app_state::{Action, AppState, RunRecord};
use crate::engine::testing::span;
use crate::engine::{Answer, Lane, RunEnd, RunOutput, SpanKind};
use crate::executor::Executor;
use crate::lessons::steps::{parse_plan, parse_text};

const LESSON: &str = "07-gil";

/// A made-up step: two counters on main and under the GIL, graded on gil ÷ main.
fn gil_step() -> Step {
    let plan = parse_plan(
        "[two]\nrun = v=1&w=counter&n=1000&tasks=2&x=main,gil&t=2\nfigure = timeline\n\
         measure = ratio gil main\nbands = 0.7 1.4\nexpect = 2\n",
    )
    .unwrap();
    let text = |q: &str| {
        parse_text(&format!(
            "## [two] T\nNote.\n? {q}\n- half\n- same\n- twice\n> took {{gil_ms}} vs {{main_ms}}: {{ratio}}×\n\
             >! here {{ratio}}× on {{cores}} cores\n"
        ))
        .unwrap()
    };
    Step {
        plan: plan[0].clone(),
        zh: text("几倍？").remove(0),
        en: text("How long?").remove(0),
    }
}

fn quiz_step() -> Step {
    let plan = parse_plan("[check]\nanswer = 2\n").unwrap();
    let text = parse_text("## [check] T\nNote.\n? Q\n- a\n- b\n> Because.\n").unwrap();
    Step {
        plan: plan[0].clone(),
        zh: text[0].clone(),
        en: text[0].clone(),
    }
}

fn on_step(state: AppState, step: &Step) -> AppState {
    state.apply(Action::OpenLink(link::decode(
        &step.fragment(LESSON).unwrap(),
    )))
}

fn finished(executor: Executor, ms: f64) -> Action {
    Action::Finished(record_of(
        executor,
        2,
        Answer::default(),
        ms,
        RunEnd::Completed,
    ))
}

fn started(executor: Executor) -> Action {
    Action::Started {
        executor,
        threads: 1,
        total: 2,
        now_ms: 0.0,
    }
}

#[test]
fn a_value_falls_in_the_band_of_the_cuts_at_or_below_it() {
    let cuts = [0.7, 1.4];
    assert_eq!(band(0.5, &cuts), 0);
    assert_eq!(band(0.7, &cuts), 1);
    assert_eq!(band(1.39, &cuts), 1);
    assert_eq!(band(1.4, &cuts), 2);
    assert_eq!(band(40.0, &cuts), 2);
    assert_eq!(band(3.0, &[]), 0);
}
#[test]
fn the_question_comes_first_then_run_then_the_graded_reveal() {
    let step = gil_step();
    let s = on_step(ready(2), &step);
    assert_eq!(stage(&s, LESSON, &step, None, Lang::En).phase, Phase::Ask);
    let guess = Some(Guess::Picked(0));
    assert_eq!(
        stage(&s, LESSON, &step, guess, Lang::En).phase,
        Phase::Ready
    );
    let s = s.apply(Action::RunAll).apply(Action::TakePending);
    let s = s.apply(started(Executor::Main));
    assert_eq!(
        stage(&s, LESSON, &step, guess, Lang::En).phase,
        Phase::Running
    );
    let s = s.apply(finished(Executor::Main, 400.0));
    assert_eq!(
        stage(&s, LESSON, &step, guess, Lang::En).phase,
        Phase::Running,
        "the GIL's run is still queued"
    );
    let s = s
        .apply(Action::TakePending)
        .apply(started(Executor::Gil))
        .apply(finished(Executor::Gil, 416.0));
    let st = stage(&s, LESSON, &step, guess, Lang::En);
    assert_eq!(
        st.phase,
        Phase::Done(Some(Graded {
            value: Some(1.04),
            right: 1,
            chosen: Some(0)
        }))
    );
    assert_eq!(
        st.caption,
        Some(Caption {
            text: "took 416 vs 400: 1.04×".into(),
            differs: false
        })
    );
}
#[test]
fn a_measurement_outside_the_expected_band_says_why_this_device_differs() {
    let step = gil_step();
    let s = on_step(ready(4), &step)
        .apply(finished(Executor::Main, 400.0))
        .apply(finished(Executor::Gil, 210.0));
    let st = stage(&s, LESSON, &step, Some(Guess::Skipped), Lang::Zh);
    let Phase::Done(Some(g)) = st.phase else {
        panic!("{:?}", st.phase)
    };
    assert_eq!((g.right, g.chosen, g.correct()), (0, None, false));
    assert_eq!(
        st.caption,
        Some(Caption {
            text: "here 0.53× on 4 cores".into(),
            differs: true
        })
    );
}
#[test]
fn runs_of_another_demo_do_not_answer_the_step() {
    let step = gil_step();
    let s = on_step(ready(2), &step)
        .apply(finished(Executor::Main, 400.0))
        .apply(finished(Executor::Gil, 410.0))
        .apply(Action::EditParam("n", "5000".into()));
    let guess = Some(Guess::Picked(1));
    assert_eq!(
        stage(&s, LESSON, &step, guess, Lang::En).phase,
        Phase::Ready
    );
    // A cancelled run leaves a measured step open.
    let s = on_step(ready(2), &step)
        .apply(finished(Executor::Main, 400.0))
        .apply(Action::Finished(record_of(
            Executor::Gil,
            2,
            Answer::default(),
            5.0,
            RunEnd::Cancelled,
        )));
    assert_eq!(
        stage(&s, LESSON, &step, guess, Lang::En).phase,
        Phase::Ready
    );
}
#[test]
fn a_question_without_a_run_is_graded_by_its_answer_key() {
    let step = quiz_step();
    let s = ready(2);
    assert_eq!(stage(&s, LESSON, &step, None, Lang::En).phase, Phase::Ask);
    let st = stage(&s, LESSON, &step, Some(Guess::Picked(1)), Lang::En);
    assert_eq!(
        st.phase,
        Phase::Done(Some(Graded {
            value: None,
            right: 1,
            chosen: Some(1)
        }))
    );
    assert_eq!(st.caption.unwrap().text, "Because.");
}
#[test]
fn a_device_without_a_pool_or_with_one_core_is_named() {
    let step = gil_step();
    let one_core = on_step(ready(1), &step);
    assert_eq!(
        stage(&one_core, LESSON, &step, None, Lang::En).device,
        Some(DeviceNote::OneCore)
    );
    let no_pool = on_step(
        AppState::default().apply(Action::Environment {
            isolated: false,
            logical_processors: Some(8),
            default_threads: 8,
        }),
        &step,
    )
    .apply(Action::Pool(crate::pool_state::PoolState::NotIsolated));
    assert_eq!(
        stage(&no_pool, LESSON, &step, None, Lang::En).device,
        Some(DeviceNote::NoPool)
    );
    assert_eq!(
        stage(&on_step(ready(4), &step), LESSON, &step, None, Lang::En).device,
        None
    );
}
#[test]
fn peak_lost_and_dropped_are_read_from_the_run() {
    let mut pool = record_of(
        Executor::Pool,
        2,
        Answer {
            details: vec![("lost_updates", "1234".into())],
            ..Answer::default()
        },
        100.0,
        RunEnd::Completed,
    );
    pool.output = Rc::new(RunOutput {
        spans: vec![
            span(Lane::Worker(0), 0, SpanKind::Compute, 0.0, 10.0),
            span(Lane::Worker(1), 1, SpanKind::Compute, 5.0, 15.0),
            span(Lane::Worker(0), 2, SpanKind::Compute, 20.0, 30.0),
        ],
        ..(*pool.output).clone()
    });
    let mut main: RunRecord = record_of(
        Executor::Main,
        1,
        Answer::default(),
        90.0,
        RunEnd::Completed,
    );
    main.frames = Some(crate::engine::frames::FrameStats {
        frames: 3,
        longest_gap_ms: 80.0,
        dropped: 5,
    });
    let results = [(Executor::Pool, pool), (Executor::Main, main)].into();
    use crate::lessons::steps::Measure;
    let m = |s: &str| grade::measure(&s.parse_measure(), &results);
    assert_eq!(m("peak pool"), Some(2.0));
    assert_eq!(m("lost pool"), Some(1234.0));
    assert_eq!(m("dropped main"), Some(5.0));
    assert_eq!(m("lost main"), None, "no such figure in main's answer");
    let figures = grade::figures(
        &results,
        Some(&Measure::Ratio("main".into(), "pool".into())),
        Some(8),
    );
    assert_eq!(figures["ratio"], "0.90");
    assert_eq!(figures["pool_ms"], "100");
    assert_eq!(figures["threads"], "2");
    assert_eq!(figures["cores"], "8");
}

trait ParseMeasure {
    fn parse_measure(&self) -> crate::lessons::steps::Measure;
}

impl ParseMeasure for str {
    fn parse_measure(&self) -> crate::lessons::steps::Measure {
        let plan = parse_plan(&format!("[a]\nmeasure = {self}\n")).unwrap();
        plan[0].measure.clone().unwrap()
    }
}
#[test]
fn a_scene_step_is_done_once_a_visit_ends() {
    let step = Step {
        plan: parse_plan("[queue]\nrun = v=1&w=io&tasks=2&x=main&scene=sync-blocking\naction = scene\nfigure = scene\n")
            .unwrap()
            .remove(0),
        zh: parse_text("## [queue] T\nN.\n> 排队。\n").unwrap().remove(0),
        en: parse_text("## [queue] T\nN.\n> Queued.\n").unwrap().remove(0),
    };
    let s = on_step(ready(2), &step);
    assert_eq!(stage(&s, LESSON, &step, None, Lang::En).phase, Phase::Ready);
    let s = s.apply(Action::SceneRunning(true));
    assert_eq!(stage(&s, LESSON, &step, None, Lang::En).phase, Phase::Ready);
    // Another mode chosen on the scene's own buttons is still the step's demo.
    let s = s
        .apply(Action::SetScene(crate::bank_scene::Mode::AsyncCallback))
        .apply(Action::SceneRunning(false));
    let st = stage(&s, LESSON, &step, None, Lang::En);
    assert_eq!(st.phase, Phase::Done(None));
    assert_eq!(st.caption.unwrap().text, "Queued.");
}
#[test]
fn a_step_without_a_measure_is_done_whatever_way_its_run_ended() {
    let step = Step {
        plan: parse_plan("[daemon]\nrun = v=1&w=io&tasks=2&x=pool&t=2&api=daemon:600\nfigure = api\nanswer = 2\n")
            .unwrap()
            .remove(0),
        zh: quiz_step().zh,
        en: quiz_step().en,
    };
    let s = on_step(ready(2), &step).apply(Action::Finished(record_of(
        Executor::Pool,
        2,
        Answer::default(),
        600.0,
        RunEnd::Cancelled,
    )));
    let st = stage(&s, LESSON, &step, Some(Guess::Picked(0)), Lang::En);
    assert!(
        matches!(st.phase, Phase::Done(Some(Graded { right: 1, .. }))),
        "{:?}",
        st.phase
    );
}
#[test]
fn a_step_has_run_once_its_evidence_is_in_whatever_the_guess() {
    let step = gil_step();
    let s = on_step(ready(2), &step);
    assert!(!stage::ran(&s, LESSON, &step));
    let s = s.apply(finished(Executor::Main, 400.0));
    assert!(
        !stage::ran(&s, LESSON, &step),
        "the GIL's run is still to come"
    );
    let s = s.apply(finished(Executor::Gil, 410.0));
    assert!(
        stage::ran(&s, LESSON, &step),
        "no guess was made, and it has run"
    );
    assert!(
        !stage::ran(&ready(2), LESSON, &quiz_step()),
        "a step without a run never runs"
    );
}
