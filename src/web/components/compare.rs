//! The comparison line under the two runs: do the answers agree, and how much faster was the pool.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub speedup: Option<f64>,
    pub agree: Option<bool>,
}

#[function_component(Compare)]
pub fn compare(props: &Props) -> Html {
    let Some(agree) = props.agree else {
        return html! {
            <p class="compare" id="compare">{ "用同一个 N 分别运行两种模式即可比较。 · Run both modes with the same N to compare them." }</p>
        };
    };
    let verdict = if agree {
        "两个答案相同 · Both answers agree"
    } else {
        "答案不同！这是一个错误 · The answers differ: that is a bug"
    };
    html! {
        <p class="compare" id="compare" data-agree={agree.to_string()}>
            { verdict }
            if let Some(s) = props.speedup {
                { format!(" · 线程池快 {s:.2} 倍 · pool speedup {s:.2}×") }
            }
        </p>
    }
}
