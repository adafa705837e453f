//! One step of a lesson: its note on the left, the stage on the right — the guess, the run bar,
//! the figure and the caption — and the expert panels in a closed drawer below. What the stage
//! says is decided in the core (`course::stage`); this draws it and turns clicks into actions.
//! In 中 · En only the notes are doubled: the stage speaks Chinese (`Texts` and `Step::text`
//! both give it for `Lang::Both`).

use yew::prelude::*;

use super::fetched_html::FetchedHtml;
use crate::course::grade::ratio_text;
use crate::course::stage::{DeviceNote, Guess, Phase, Stage};
use crate::course::Step;
use crate::i18n::steps::StepText as T;
use crate::i18n::Texts;
use crate::lessons::steps::{Action, Measure};
use crate::lessons::Lesson;
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lesson: Lesson,
    pub index: usize,
    pub lang: Lang,
    pub stage: Stage,
    pub guess: Option<Guess>,
    /// A run (any run) or a bank-scene visit holds the page.
    pub busy: bool,
    /// Per step of the lesson: seen before.
    pub seen: Vec<bool>,
    /// The figure the stage shows (or the run in progress).
    pub figure: Html,
    pub on_guess: Callback<Guess>,
    pub on_run: Callback<()>,
    /// Go to step n of this lesson.
    pub on_step: Callback<usize>,
    /// The next lesson, from the last step (None on the last lesson).
    pub on_next_lesson: Option<Callback<()>>,
    pub drawer_open: bool,
    /// The share box, in the step's header.
    pub share: Html,
    /// The drawer's content: the full note, the instrument panel, the history.
    pub children: Html,
}

/// A question, choice or caption: plain text where `code` spans become `<code>`.
fn inline(text: &str) -> Html {
    let parts = text.split('`').enumerate().map(|(i, part)| {
        if i % 2 == 1 {
            html! { <code>{ part.to_string() }</code> }
        } else {
            html! { { part.to_string() } }
        }
    });
    html! { <>{ for parts }</> }
}

fn note(props: &Props, step: &Step) -> Html {
    let id = props.lesson.id();
    let article = |lang: Lang, tag: &str, attr: &'static str| {
        html! {
            <article class="step-note-text" lang={attr}>
                <h2>{ step.text(lang).title.clone() }</h2>
                <FetchedHtml url={step.note_url(id, tag)} {lang} />
            </article>
        }
    };
    html! {
        <div class={classes!("step-note", (props.lang == Lang::Both).then_some("side-by-side"))} data-role="step-note">
            if props.lang != Lang::En { { article(Lang::Zh, "zh", "zh-CN") } }
            if props.lang != Lang::Zh { { article(Lang::En, "en", "en") } }
        </div>
    }
}

fn head(props: &Props, count: usize) -> Html {
    let lang = props.lang;
    let title = props.lesson.note(lang).title;
    html! {
        <header class="step-head">
            <p class="crumb">{ format!("{:02} · {title}", props.lesson.number) }</p>
            <ol class="step-dots" aria-label={T::Steps.get(lang)}>
                { for (0..count).map(|i| {
                    let current = i == props.index;
                    let class = classes!("dot", current.then_some("current"),
                        props.seen.get(i).copied().unwrap_or(false).then_some("seen"));
                    html! {
                        <li>
                            <button {class} data-step-index={i.to_string()} aria-current={current.then_some("step")}
                                title={T::StepOf.fill(lang, &[&(i + 1), &count])}
                                disabled={props.busy}
                                onclick={props.on_step.reform(move |_: MouseEvent| i)}>{ i + 1 }</button>
                        </li>
                    }
                }) }
            </ol>
            <p class="step-count" data-role="step-count">{ T::StepOf.fill(lang, &[&(props.index + 1), &count]) }</p>
            <div class="step-share">{ props.share.clone() }</div>
        </header>
    }
}

fn value_text(m: &Measure, v: f64) -> String {
    match m {
        Measure::Ratio(..) => format!("{}×", ratio_text(v)),
        _ => format!("{v:.0}"),
    }
}

fn predict(props: &Props, step: &Step) -> Html {
    if !step.asks() {
        return html! {};
    }
    let lang = props.lang;
    let text = step.text(lang);
    let done = matches!(props.stage.phase, Phase::Done(_));
    let verdict = match &props.stage.phase {
        Phase::Done(Some(g)) => {
            let chose = match g.chosen {
                Some(c) => {
                    T::YouChose.fill(lang, &[&text.choices.get(c).cloned().unwrap_or_default()])
                }
                None => T::YouSkipped.get(lang),
            };
            let right = text.choices.get(g.right).cloned().unwrap_or_default();
            let outcome = if g.correct() {
                T::Right.get(lang)
            } else {
                T::NotThisTime.fill(lang, &[&right])
            };
            let measured = step
                .plan
                .measure
                .as_ref()
                .zip(g.value)
                .map(|(m, v)| T::Measured.fill(lang, &[&value_text(m, v)]));
            html! {
                <p class={classes!("verdict", g.correct().then_some("right"))} data-role="verdict">
                    { inline(&chose) }{ " " }{ inline(&outcome) }
                    if let Some(m) = measured { { " " }<strong>{ m }</strong> }
                </p>
            }
        }
        _ => html! {},
    };
    html! {
        <fieldset class="predict" data-role="predict">
            <legend>{ T::Guess.get(lang) }{ ": " }{ inline(text.question.as_deref().unwrap_or_default()) }</legend>
            <div class="choices">
                { for text.choices.iter().enumerate().map(|(i, c)| {
                    let chosen = props.guess == Some(Guess::Picked(i));
                    let right = matches!(&props.stage.phase, Phase::Done(Some(g)) if g.right == i);
                    html! {
                        <button class={classes!("choice", chosen.then_some("chosen"), right.then_some("right"))}
                            data-choice={i.to_string()} aria-pressed={chosen.to_string()}
                            disabled={props.busy}
                            onclick={props.on_guess.reform(move |_: MouseEvent| Guess::Picked(i))}>{ inline(c) }</button>
                    }
                }) }
                if !done {
                    <button class={classes!("choice", "skip", (props.guess == Some(Guess::Skipped)).then_some("chosen"))}
                        data-role="skip" disabled={props.busy}
                        onclick={props.on_guess.reform(|_: MouseEvent| Guess::Skipped)}>{ T::Skip.get(lang) }</button>
                }
            </div>
            { verdict }
        </fieldset>
    }
}

/// The bar: previous, run, next (fixed at the bottom on phones).
fn bar(props: &Props, step: &Step, count: usize) -> Html {
    let lang = props.lang;
    let i = props.index;
    let runs_here = step.plan.run.is_some()
        && matches!(
            step.plan.action,
            Action::Run | Action::Sweep | Action::Chunks
        );
    let label = match props.stage.phase {
        Phase::Running => T::Running,
        Phase::Done(_) => T::RunAgain,
        _ => T::Run,
    };
    let next = if i + 1 < count {
        html! { <button class="secondary" data-role="next" disabled={props.busy}
        onclick={props.on_step.reform(move |_: MouseEvent| i + 1)}>{ T::Next.get(lang) }</button> }
    } else if let Some(on_next) = &props.on_next_lesson {
        html! { <button class="secondary" data-role="next" disabled={props.busy}
        onclick={on_next.reform(|_: MouseEvent| ())}>{ T::NextLesson.get(lang) }</button> }
    } else {
        html! { <button class="secondary" data-role="next" disabled=true>{ T::Next.get(lang) }</button> }
    };
    html! {
        <nav class="step-bar" aria-label={T::Steps.get(lang)}>
            <button class="secondary" data-role="prev" disabled={props.busy || i == 0}
                onclick={props.on_step.reform(move |_: MouseEvent| i.saturating_sub(1))}>{ T::Prev.get(lang) }</button>
            if runs_here {
                <button class="run" data-role="run" disabled={props.busy || props.stage.phase == Phase::Ask}
                    title={(props.stage.phase == Phase::Ask).then(|| T::GuessFirst.get(lang))}
                    onclick={props.on_run.reform(|_: MouseEvent| ())}>{ label.get(lang) }</button>
            }
            { next }
        </nav>
    }
}

fn caption(props: &Props, step: &Step) -> Html {
    let lang = props.lang;
    let device = props.stage.device.map(|d| match d {
        DeviceNote::OneCore => T::OneCore,
        DeviceNote::NoPool => T::NoPool,
    });
    let (text, class) = match (&props.stage.caption, &props.stage.phase) {
        (Some(c), _) => (c.text.clone(), if c.differs { "differs" } else { "filled" }),
        (None, Phase::Ask) => (T::GuessFirst.get(lang), "hint"),
        (None, _) if matches!(step.plan.action, Action::Scene | Action::Compare) => {
            (T::UseBelow.get(lang), "hint")
        }
        (None, _) if step.plan.run.is_none() => (T::Answered.get(lang), "hint"),
        (None, _) => (T::RunHere.get(lang), "hint"),
    };
    html! {
        <div class={classes!("caption", class)} data-role="caption" aria-live="polite">
            <p>{ inline(&text) }</p>
            if let Some(d) = device { <p class="device-note" data-role="device-note">{ d.get(lang) }</p> }
        </div>
    }
}

#[function_component(StepView)]
pub fn step_view(props: &Props) -> Html {
    let steps = crate::course::steps(props.lesson.id());
    let Some(step) = steps.get(props.index) else {
        return html! {};
    };
    let lang = props.lang;
    html! {
        <section class="course" id="step-view" data-lesson={props.lesson.id()} data-step={step.key().to_string()}>
            { head(props, steps.len()) }
            <div class="step-grid">
                { note(props, step) }
                <aside class="stage" id="step-stage" data-role="stage">
                    { predict(props, step) }
                    { bar(props, step, steps.len()) }
                    if step.plan.figure != crate::lessons::steps::Figure::None {
                        <div class="stage-figure" data-role="figure">{ props.figure.clone() }</div>
                    }
                    { caption(props, step) }
                </aside>
            </div>
            <details class="drawer" open={props.drawer_open}>
                <summary>{ T::Details.get(lang) }</summary>
                { props.children.clone() }
            </details>
        </section>
    }
}
