//! "Run this Python" beside a lesson's snippet: the code (highlighted, or in an editor once the
//! learner edits it), Run / Stop, and what ran. The runner's state is `pyrun::session`, what it
//! shows is `pyrun::view`; `web::python` drives the worker.

use yew::prelude::*;

use super::py_code::PyCode;
use super::py_output::{lines_view, recorded_view};
use crate::i18n::{python::PyText as T, Texts};
use crate::lessons::Lesson;
use crate::link::Lang;
use crate::pyrun::catalog::{self, Kind};
use crate::pyrun::session::{Event, Session};
use crate::pyrun::view::{self, Context, View};
use crate::web::{browser, clock, python};

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

/// The editor's text (the learner's edit or the lesson's code) and whether the editor is open;
/// a link or a reset that changes the code from outside is shown.
#[hook]
fn use_code(
    code: Option<String>,
    original: &'static str,
) -> (UseStateHandle<String>, UseStateHandle<bool>) {
    let text = use_state(|| code.clone().unwrap_or_else(|| original.to_owned()));
    let editing = use_state(|| code.is_some());
    let (t, e) = (text.clone(), editing.clone());
    use_effect_with(code, move |code| match code {
        Some(code) => {
            t.set(code.clone());
            e.set(true);
        }
        None if *e => t.set(original.to_owned()),
        None => {}
    });
    (text, editing)
}

/// What the runner's buttons do.
struct Actions {
    /// Runs the given code (the editor's, or a live part just put there).
    run: Callback<String>,
    stop: Callback<MouseEvent>,
    reset: Callback<MouseEvent>,
    /// A recorded snippet's asyncio part: into the editor, then run, so what ran is on screen.
    live_part: Option<Callback<MouseEvent>>,
    edit: Callback<MouseEvent>,
}

fn actions(
    props: &Props,
    session: &UseReducerHandle<Reduce>,
    text: &UseStateHandle<String>,
    editing: &UseStateHandle<bool>,
) -> Actions {
    let on_edit = props.on_edit.clone();
    let run = {
        let (session, on_edit) = (session.clone(), on_edit.clone());
        Callback::from(move |code: String| {
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
    let (session_, run_no) = (session.clone(), session.0.run);
    let original = props.lesson.source.snippet;
    let (text_, on_edit_) = (text.clone(), on_edit.clone());
    let live_part = catalog::live_part(&props.lesson).map(|part| {
        let (text, editing, run, on_edit) =
            (text.clone(), editing.clone(), run.clone(), on_edit.clone());
        Callback::from(move |_: MouseEvent| {
            text.set(part.to_owned());
            editing.set(true);
            on_edit.emit(Some(part.to_owned()));
            run.emit(part.to_owned());
        })
    });
    let editing = editing.clone();
    Actions {
        run,
        stop: Callback::from(move |_| {
            session_.dispatch(Event::StopAsked);
            python::stop(run_no);
        }),
        reset: Callback::from(move |_| {
            text_.set(original.to_owned());
            on_edit_.emit(None);
        }),
        live_part,
        edit: Callback::from(move |_| editing.set(true)),
    }
}

/// Run (or Run anyway, or the live part) / Stop, Edit, Reset, and the status.
fn bar(v: &View, a: Actions, text: &UseStateHandle<String>, editing: bool) -> Html {
    let run = a.run.reform({
        let text = text.clone();
        move |_: MouseEvent| (*text).clone()
    });
    html! {
        <div class="py-bar">
            if v.busy {
                <button class="py-stop" data-role="py-stop" onclick={a.stop}>{ &v.stop_label }</button>
            } else {
                if let (Some(label), Some(on_live)) = (&v.live_part_label, a.live_part) {
                    <button class="py-run" data-role="py-run-live" onclick={on_live}>{ label }</button>
                }
                <button class={if v.run_is_primary { "py-run" } else { "secondary" }} data-role="py-run" onclick={run}>{ &v.run_label }</button>
            }
            if !editing {
                <button class="secondary" data-role="py-edit" onclick={a.edit}>{ &v.edit_label }</button>
            }
            if v.can_reset {
                <button class="secondary" data-role="py-reset" disabled={v.busy} onclick={a.reset}>{ &v.reset_label }</button>
            }
            <span class="py-status" data-role="py-status" role="status">{ &v.status }</span>
        </div>
    }
}

#[function_component(PyRunner)]
pub fn py_runner(props: &Props) -> Html {
    let lang = props.lang;
    let original = props.lesson.source.snippet;
    let session = use_reducer(|| Reduce(Session::default()));
    let (text, editing) = use_code(props.code.clone(), original);
    let kind = catalog::kind(original);
    let s = &session.0;
    let context = Context {
        kind,
        has_live_part: catalog::live_part(&props.lesson).is_some(),
        edited: props.code.is_some(),
        isolated: browser::cross_origin_isolated(),
    };
    let v = view::view(s, context, lang);
    let on_input = {
        let text = text.clone();
        Callback::from(move |t: String| text.set(t))
    };
    let on_commit = props.on_edit.reform(Some);
    let notice = |class: &'static str, role: &'static str, text: &Option<String>| {
        text.as_ref().map_or(
            html! {},
            |t| html! { <p class={class} data-role={role}>{ t }</p> },
        )
    };
    html! {
        <div class="py-runner" data-kind={if kind == Kind::Live { "live" } else { "recorded" }}
            data-phase={v.phase} data-run={s.run.to_string()}
            data-first-output-ms={s.first_output_ms.map(|ms| format!("{ms:.0}"))}
            data-cold={s.cold.to_string()}>
            <PyCode {lang} editing={*editing} text={AttrValue::from((*text).clone())} {on_input} {on_commit}>
                { props.children.clone() }
            </PyCode>
            { bar(&v, actions(props, &session, &text, &editing), &text, *editing) }
            { notice("help py-edited", "py-edited", &v.edited_note) }
            <p class="help py-note">{ &v.where_note }</p>
            { notice("help", "py-sleep", &v.sleep_note) }
            { notice("notice", "py-adapted", &v.adapted_notice) }
            { notice("help", "py-first", &v.first_output) }
            if !s.lines.is_empty() {
                { lines_view(&s.lines, "py-output", T::Output.get(lang)) }
            }
            { notice("help", "py-omitted", &v.omitted) }
            if let Some(error) = &s.error {
                <pre class="py-error" data-role="py-error">{ crate::pyrun::output::traceback(error) }</pre>
            }
            if kind == Kind::Recorded {
                { recorded_view(&props.lesson, lang) }
            }
        </div>
    }
}
