//! What an opened link did not carry as written, in words.

use yew::prelude::*;

use crate::link::Notice;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<()>,
}

/// One notice in 中文 · English. Text from the link is shown as text (Yew escapes it).
fn describe(notice: &Notice) -> String {
    match notice {
        Notice::TooLong { len } => format!("链接太长（{len} 字节），未读取，使用默认设置 · The link is too long ({len} bytes): not read, defaults used"),
        Notice::NewerVersion(v) => format!("链接来自更新的版本 {v}：只读取了能理解的部分 · The link is from a newer version ({v}): what this version understands was used"),
        Notice::UnknownField(k) => format!("忽略未知字段 “{k}” · Ignored unknown field “{k}”"),
        Notice::Duplicate(k) => format!("“{k}” 出现多次，使用最后一个 · “{k}” given more than once: the last one is used"),
        Notice::UnknownWorkload(w) => format!("没有名为 “{w}” 的工作负载，使用默认 · No workload “{w}”: the default is used"),
        Notice::UnknownExecutor(e) => format!("忽略未知执行方式 “{e}” · Ignored unknown executor “{e}”"),
        Notice::Clamped { field, from, to } => format!("{field} = {from} 超出范围，改为 {to} · {field} = {from} is out of range: {to} is used"),
        Notice::NotANumber { field } => format!("{field} 不是数字，使用默认值 · {field} is not a number: its default is used"),
        Notice::BadValue { field, value } => format!("{field} 的值 “{value}” 无效，使用默认 · “{value}” is not a valid {field}: the default is used"),
        Notice::BadLesson => "课程编号无效，未打开课程 · Invalid lesson id: no lesson opened".to_string(),
        Notice::Omitted(n) => format!("另有 {n} 条未列出 · {n} more not listed"),
    }
}

#[function_component(LinkNotices)]
pub fn link_notices(props: &Props) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notice warn" id="link-notices" role="status">
            <p>{ "这个链接有些内容没有按原样使用 · Some of this link was not used as written:" }</p>
            <ul>
                { for props.notices.iter().map(|n| html! { <li>{ describe(n) }</li> }) }
            </ul>
            <button class="secondary" id="link-notices-dismiss" onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>
                { "知道了 · OK" }
            </button>
        </div>
    }
}
