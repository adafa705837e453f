//! "Run this Python" beside a lesson's snippet: the code (highlighted, or in an editor once the
//! learner edits it), Run / Stop, the output line by line with the time since the start, and,
//! for snippets that start threads or processes, the output CPython printed for them on a real
//! machine. The runner's state is `pyrun::session`; `web::python` drives the worker.

use yew::prelude::*;

use crate::i18n::{python::PyText as T, Texts};
use crate::lessons::Lesson;
use crate::link::Lang;
use crate::pyrun::catalog::{self, Kind};
use crate::pyrun::output::{duration, stamp, Line, Stream};
use crate::pyrun::session::{Event, Outcome, Phase, Session};
use crate::web::{browser, clock, python};
use web_sys::Event as DomEvent;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lesson: Lesson,
    pub lang: Lang,
    /// The learner's edit of this lesson's code, if any.
    pub code: Option<String>,
    /// The learner changed the code (`None`: back to the lesson's own).
    pub on_edit: Callback<Option<String>>,
    /// The highlighted snippet, shown while the code is the lesson's own and not being edited.
    pub children: Html,
}

struct Reduce(Session);

impl Reducible for Reduce {
    type Action = Event;
    fn reduce(self: std::rc::Rc<Self>, event: Event) -> std::rc::Rc<Self> {
        std::rc::Rc::new(Reduce(self.0.clone().apply(event)))
    }
}

/// Output lines; the list scrolls past 20 rem, so it takes the keyboard focus (to scroll it).
fn lines_view(lines: &[Line], role: &'static str, label: String) -> Html {
    html! {
        <ol class="py-out" data-role={role} tabindex="0" aria-label={label}>
            { for lines.iter().map(|l| html! {
                <li class={classes!((l.stream == Stream::Err).then_some("err"))} data-t={format!("{:.0}", l.t_ms)}>
                    <span class="t">{ stamp(l.t_ms) }</span>
                    <span class="text">{ &l.text }</span>
                </li>
            }) }
        </ol>
    }
}

fn status(s: &Session, lang: Lang) -> String {
    let took = || duration(s.elapsed_ms.unwrap_or(0.0));
    match &s.phase {
        Phase::Idle => String::new(),
        Phase::Loading => T::Loading.get(lang),
        Phase::Running => T::Running.get(lang),
        Phase::Stopping => T::Stopping.get(lang),
        Phase::Finished(Outcome::Completed) => T::Completed.fill(lang, &[&took()]),
        Phase::Finished(Outcome::Raised) => T::Raised.fill(lang, &[&took()]),
        Phase::Finished(Outcome::Interrupted) => T::Interrupted.get(lang),
        Phase::Finished(Outcome::Ended) => T::Ended.get(lang),
        Phase::LoadFailed(why) => T::LoadFailed.fill(lang, &[why]),
    }
}

/// The output CPython printed for a thread or process snippet, and why it is recorded.
fn recorded_view(lesson: &Lesson, lang: Lang) -> Html {
    let Some(rec) = catalog::recording(lesson) else {
        return html! {};
    };
    let build = if rec.free_threaded {
        T::FreeThreaded
    } else {
        T::WithGil
    };
    // Where the GIL matters: a free-threaded CPython would differ.
    let threads = catalog::uses_threads(lesson.source.snippet);
    html! {
        <div class="py-recorded" data-role="py-recorded">
            <p class="help">{ T::RecordedWhy.get(lang) }</p>
            <p class="py-machine">
                <strong>{ T::RecordedHead.fill(lang, &[&rec.python, &build.get(lang), &rec.arch, &rec.cpu, &rec.cpus]) }</strong>
                <br />
                { T::RecordedWhen.fill(lang, &[&rec.date, &format!("{:.2}", rec.load), &format!("{:.2}", rec.total_s)]) }
            </p>
            { lines_view(&rec.lines, "py-recorded-output", T::RecordedLabel.get(lang)) }
            if threads {
                <p class="help">{ T::NoFreeThreaded.get(lang) }</p>
            }
        </div>
    }
}

#[function_component(PyRunner)]
pub fn py_runner(props: &Props) -> Html {
    let lang = props.lang;
    let original = props.lesson.source.snippet;
    let session = use_reducer(|| Reduce(Session::default()));
    let s = &session.0;
    // The editor's text: the learner's edit or the lesson's code.
    let text = use_state(|| props.code.clone().unwrap_or_else(|| original.to_owned()));
    let editing = use_state(|| props.code.is_some());
    {
        // A link or a reset changed the code from outside: show it.
        let (text, editing) = (text.clone(), editing.clone());
        use_effect_with(props.code.clone(), move |code| {
            if let Some(code) = code {
                text.set(code.clone());
                editing.set(true);
            } else if *editing {
                text.set(original.to_owned());
            }
        });
    }
    let kind = catalog::kind(original);
    // Runs the given code (the editor's, or a live part just put there).
    let on_run = {
        let (session, on_edit) = (session.clone(), props.on_edit.clone());
        Callback::from(move |(code, _): (String, MouseEvent)| {
            on_edit.emit(Some(code.clone()));
            // The run's number before dispatching: the handle may show the new state at once.
            let run = session.0.run + 1;
            session.dispatch(Event::Asked {
                now_ms: clock::now_ms(),
                loaded: python::is_loaded(),
            });
            let sink = session.dispatcher();
            python::run(run, code, Callback::from(move |e| sink.dispatch(e)));
        })
    };
    let on_stop = {
        let (session, run) = (session.clone(), s.run);
        Callback::from(move |_: MouseEvent| {
            session.dispatch(Event::StopAsked);
            python::stop(run);
        })
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let on_change = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: DomEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            on_edit.emit(Some(area.value()));
        })
    };
    let on_reset = {
        let (text, on_edit) = (text.clone(), props.on_edit.clone());
        Callback::from(move |_: MouseEvent| {
            text.set(original.to_owned());
            on_edit.emit(None);
        })
    };
    // A recorded snippet's asyncio part: into the editor, then run, so what ran is on screen.
    let on_live_part = catalog::live_part(&props.lesson).map(|part| {
        let (text, editing, on_run) = (text.clone(), editing.clone(), on_run.clone());
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: MouseEvent| {
            text.set(part.to_owned());
            editing.set(true);
            on_edit.emit(Some(part.to_owned()));
            on_run.emit((part.to_owned(), e));
        })
    });
    let on_edit_click = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let busy = s.busy();
    let run_label = match kind {
        Kind::Live => T::Run.get(lang),
        Kind::Recorded => T::RunAnyway.get(lang),
    };
    let isolated = browser::cross_origin_isolated();
    let first = s.first_output_ms.map(|ms| {
        let how = if s.cold { T::Cold } else { T::Warm };
        T::FirstOutput.fill(lang, &[&duration(ms), &how.get(lang)])
    });
    html! {
        <div class="py-runner" data-kind={if kind == Kind::Live { "live" } else { "recorded" }}
            data-phase={phase_tag(&s.phase)} data-run={s.run.to_string()}
            data-first-output-ms={s.first_output_ms.map(|ms| format!("{ms:.0}"))}
            data-cold={s.cold.to_string()}>
            if *editing {
                <label class="py-code-label" for="py-code">{ T::CodeLabel.get(lang) }</label>
                <textarea id="py-code" class="py-code" data-role="py-code" spellcheck="false"
                    autocomplete="off" autocapitalize="off" rows={text.lines().count().clamp(8, 30).to_string()}
                    value={(*text).clone()} oninput={on_input} onchange={on_change} />
            } else {
                { props.children.clone() }
            }
            <div class="py-bar">
                if busy {
                    <button class="py-stop" data-role="py-stop" onclick={on_stop}>{ T::Stop.get(lang) }</button>
                } else {
                    if let Some(on_live_part) = on_live_part {
                        <button class="py-run" data-role="py-run-live" onclick={on_live_part}>{ T::RunLivePart.get(lang) }</button>
                    }
                    <button class={classes!(if catalog::live_part(&props.lesson).is_some() { "secondary" } else { "py-run" })}
                        data-role="py-run" onclick={on_run.reform({ let text = text.clone(); move |e| ((*text).clone(), e) })}>{ run_label }</button>
                }
                if !*editing {
                    <button class="secondary" data-role="py-edit" onclick={on_edit_click}>{ T::Edit.get(lang) }</button>
                }
                if props.code.is_some() {
                    <button class="secondary" data-role="py-reset" disabled={busy} onclick={on_reset}>{ T::Reset.get(lang) }</button>
                }
                <span class="py-status" data-role="py-status" role="status">{ status(s, lang) }</span>
            </div>
            if props.code.is_some() {
                <p class="help py-edited">{ T::Edited.get(lang) }</p>
            }
            <p class="help py-note">{
                match &s.loaded {
                    Some(l) => T::LiveNote.fill(lang, &[&l.version]),
                    None => T::LiveNoteBefore.get(lang),
                }
            }</p>
            if !isolated {
                <p class="help">{ T::SleepBusy.get(lang) }</p>
            }
            if !s.adapted.is_empty() {
                <p class="notice" data-role="py-adapted">{
                    T::Adapted.fill(lang, &[&s.adapted.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")])
                }</p>
            }
            if let Some(first) = first {
                <p class="help" data-role="py-first">{ first }</p>
            }
            if !s.lines.is_empty() {
                { lines_view(&s.lines, "py-output", T::Output.get(lang)) }
            }
            if s.omitted > 0 {
                <p class="help">{ T::Omitted.fill(lang, &[&s.omitted]) }</p>
            }
            if let Some(error) = &s.error {
                <pre class="py-error" data-role="py-error">{ crate::pyrun::output::traceback(error) }</pre>
            }
            if kind == Kind::Recorded {
                { recorded_view(&props.lesson, lang) }
            }
        </div>
    }
}

fn phase_tag(phase: &Phase) -> &'static str {
    match phase {
        Phase::Idle => "idle",
        Phase::Loading => "loading",
        Phase::Running => "running",
        Phase::Stopping => "stopping",
        Phase::Finished(Outcome::Completed) => "completed",
        Phase::Finished(Outcome::Raised) => "raised",
        Phase::Finished(Outcome::Interrupted) => "interrupted",
        Phase::Finished(Outcome::Ended) => "ended",
        Phase::LoadFailed(_) => "failed",
    }
}
