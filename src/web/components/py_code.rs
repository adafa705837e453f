//! The Python runner's code: the highlighted snippet until the learner edits, then a textarea
//! where Tab and Shift+Tab indent as in a Python editor (`pyrun::indent`). Esc, then Tab, leaves
//! the editor, so the keyboard is never trapped in it.

use std::rc::Rc;

use web_sys::{Event as DomEvent, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::{python::PyText as T, Texts};
use crate::link::Lang;
use crate::pyrun::indent;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub editing: bool,
    pub text: AttrValue,
    /// Every change of the text (a key, a paste, an indent).
    pub on_input: Callback<String>,
    /// The learner is done with a change (the textarea's `change`, or an indent): keep it.
    pub on_commit: Callback<String>,
    /// The highlighted snippet, shown while not editing.
    pub children: Html,
}

#[function_component(PyCode)]
pub fn py_code(props: &Props) -> Html {
    // Esc was the last key: the next Tab moves the focus on, as it would without the editor.
    let leaving = use_mut_ref(|| false);
    if !props.editing {
        return props.children.clone();
    }
    let on_input = props
        .on_input
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let on_change = props
        .on_commit
        .reform(|e: DomEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let on_keydown = {
        let (leaving, on_input, on_commit) = (
            Rc::clone(&leaving),
            props.on_input.clone(),
            props.on_commit.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let was_leaving = std::mem::replace(&mut *leaving.borrow_mut(), e.key() == "Escape");
            if e.key() != "Tab" || was_leaving || e.ctrl_key() || e.alt_key() || e.meta_key() {
                return;
            }
            e.prevent_default();
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let (start, end) = (
                area.selection_start().ok().flatten().unwrap_or(0),
                area.selection_end().ok().flatten().unwrap_or(0),
            );
            let value = area.value();
            let edit = if e.shift_key() {
                indent::dedent(&value, start, end)
            } else {
                indent::indent(&value, start, end)
            };
            area.set_value(&edit.text);
            let _ = area.set_selection_range(edit.start, edit.end);
            on_input.emit(edit.text.clone());
            on_commit.emit(edit.text);
        })
    };
    let lang = props.lang;
    html! {
        <>
            <label class="py-code-label" for="py-code">{ T::CodeLabel.get(lang) }</label>
            <textarea id="py-code" class="py-code" data-role="py-code" spellcheck="false"
                autocomplete="off" autocapitalize="off" aria-describedby="py-code-keys"
                rows={props.text.lines().count().clamp(8, 30).to_string()}
                value={props.text.clone()} oninput={on_input} onchange={on_change} onkeydown={on_keydown} />
            <p class="help py-keys" id="py-code-keys">{ T::EditorKeys.get(lang) }</p>
        </>
    }
}
