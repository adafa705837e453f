//! The simulated GIL's switch interval (CPython's `sys.setswitchinterval`), as segmented
//! choices from 0.1 ms to 20 ms; a link may carry any value in that range.

use yew::prelude::*;

use crate::i18n::controls::Ui;
use crate::i18n::Texts;
use crate::link::Lang;

/// The choices offered, µs.
const CHOICES: [u64; 7] = [100, 500, 1_000, 2_000, 5_000, 10_000, 20_000];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub switch_us: u64,
    pub on_change: Callback<u64>,
    pub disabled: bool,
    #[prop_or_default]
    pub lang: Lang,
}

fn label(us: u64) -> String {
    let ms = us as f64 / 1e3;
    if ms < 1.0 {
        format!("{ms} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

#[function_component(SwitchPicker)]
pub fn switch_picker(props: &Props) -> Html {
    let lang = props.lang;
    let buttons = CHOICES.iter().map(|&us| {
        html! {
            <button type="button" class="segment" data-us={us.to_string()}
                aria-pressed={(us == props.switch_us).to_string()} disabled={props.disabled}
                onclick={props.on_change.reform(move |_: MouseEvent| us)}>
                { label(us) }
            </button>
        }
    });
    html! {
        <div class="switch-picker" id="switch-interval" data-us={props.switch_us.to_string()}>
            <span class="label" id="switch-interval-label">{ Ui::SwitchInterval.get(lang) }</span>
            <div class="segments" role="group" aria-labelledby="switch-interval-label">{ for buttons }</div>
            if !CHOICES.contains(&props.switch_us) {
                <span class="current">{ label(props.switch_us) }</span>
            }
            <p class="help">{ Ui::SwitchHelp.get(lang) }</p>
        </div>
    }
}
