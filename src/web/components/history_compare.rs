//! Two kept runs side by side: which was faster and by how much, whether the answers agree,
//! and everything that differed between them.

use yew::prelude::*;

use crate::history::compare::compare;
use crate::history::Entry;
use crate::i18n::history::HistoryText as T;
use crate::i18n::Texts;
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub a: Entry,
    pub b: Entry,
    pub lang: Lang,
}

#[function_component(HistoryCompare)]
pub fn history_compare(props: &Props) -> Html {
    let (a, b, lang) = (&props.a, &props.b, props.lang);
    let c = compare(a, b);
    let speed = match c.ratio {
        Some(r) if (r - 1.0).abs() < 0.005 => T::SameTime.get(lang),
        Some(r) if r > 1.0 => T::Faster.fill(lang, &[&a.id, &b.id, &format!("{r:.2}")]),
        Some(r) => T::Faster.fill(lang, &[&b.id, &a.id, &format!("{:.2}", 1.0 / r)]),
        None => String::new(),
    };
    let answer = match c.same_answer {
        Some(true) => {
            html! { <p class="same-answer" data-same="true">{ T::SameAnswer.get(lang) }</p> }
        }
        Some(false) => {
            html! { <p class="same-answer" data-same="false" role="alert">{ T::DifferentAnswer.get(lang) }</p> }
        }
        None => html! {},
    };
    html! {
        <div class="history-compare" id="history-compare" data-a={a.id.to_string()} data-b={b.id.to_string()}
            data-ratio={c.ratio.map(|r| format!("{r:.4}"))}
            data-differences={c.differences.iter().map(|d| d.name.as_str()).collect::<Vec<_>>().join(" ")}>
            <h3>{ T::CompareTitle.fill(lang, &[&a.id, &b.id]) }</h3>
            <p class="speed">{ speed }</p>
            { answer }
            if c.differences.is_empty() {
                <p class="help">{ T::NoDifferences.get(lang) }</p>
            } else {
                <table class="differences">
                    <caption>{ T::Differences.get(lang) }</caption>
                    <thead><tr>
                        <th>{ T::Field.get(lang) }</th>
                        <th>{ format!("#{}", a.id) }</th>
                        <th>{ format!("#{}", b.id) }</th>
                    </tr></thead>
                    <tbody>
                        { for c.differences.iter().map(|d| html! {
                            <tr data-name={d.name.clone()}><th scope="row">{ &d.name }</th><td>{ &d.a }</td><td>{ &d.b }</td></tr>
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}
