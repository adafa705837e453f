//! What the Python runner prints: this run's output line by line with the time since the start,
//! and, for a snippet that starts threads or processes, the output CPython printed for it on a
//! real machine, with why it is recorded.

use yew::prelude::*;

use crate::i18n::{python::PyText as T, Texts};
use crate::lessons::Lesson;
use crate::link::Lang;
use crate::pyrun::catalog;
use crate::pyrun::output::{stamp, Line, Stream};

/// Output lines; the list scrolls past 20 rem, so it takes the keyboard focus (to scroll it).
pub fn lines_view(lines: &[Line], role: &'static str, label: String) -> Html {
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

/// The output CPython printed for a thread or process snippet, and why it is recorded.
pub fn recorded_view(lesson: &Lesson, lang: Lang) -> Html {
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
