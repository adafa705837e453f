//! "Save SVG" / "Save PNG" under a chart or timeline (see `web::export`).

use yew::prelude::*;

use crate::i18n::visuals::VisualsText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::web::export::{save, Format};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The id of the `<svg>` to save.
    pub svg_id: String,
    /// The file name without extension.
    pub name: String,
    pub lang: Lang,
}

#[function_component(ExportButtons)]
pub fn export_buttons(props: &Props) -> Html {
    let click = |format: Format| {
        let (id, name) = (props.svg_id.clone(), props.name.clone());
        Callback::from(move |_: MouseEvent| save(&id, &name, format))
    };
    html! {
        <div class="export">
            <button class="secondary save-svg" data-for={props.svg_id.clone()} onclick={click(Format::Svg)}>{ T::SaveSvg.get(props.lang) }</button>
            <button class="secondary save-png" data-for={props.svg_id.clone()} onclick={click(Format::Png)}>{ T::SavePng.get(props.lang) }</button>
        </div>
    }
}
