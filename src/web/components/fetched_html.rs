//! A lesson's note or snippet: HTML fetched from the page's own `lessons/` folder, which
//! `render-lessons` wrote from our own Markdown with any raw HTML in it escaped. It is the one
//! place the page takes HTML as is; the URL comes from a known lesson's id, never from a link.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew::virtual_dom::VNode;

use crate::i18n::{controls::Ui, Texts};
use crate::link::Lang;
use crate::web::fetch;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub url: String,
    /// For the loading and error text.
    pub lang: Lang,
}

/// What was fetched, for which URL: after the URL changes and before the new fetch ends, the
/// old body must not show under the new URL.
#[derive(Clone, PartialEq)]
enum Body {
    Loading,
    Loaded(String, Rc<str>),
    Failed(String, String),
}

#[function_component(FetchedHtml)]
pub fn fetched_html(props: &Props) -> Html {
    let body = use_state(|| Body::Loading);
    {
        let body = body.clone();
        use_effect_with(props.url.clone(), move |url| {
            body.set(Body::Loading);
            let url = url.clone();
            spawn_local(async move {
                body.set(match fetch::text(&url).await {
                    Ok(html) => Body::Loaded(url, html),
                    Err(e) => Body::Failed(url, e),
                });
            });
        });
    }
    match &*body {
        Body::Loaded(url, html) if *url == props.url => html! {
            <div class="fetched" data-loaded="true">{ VNode::from_html_unchecked(html.to_string().into()) }</div>
        },
        Body::Failed(url, e) if *url == props.url => html! {
            <div class="fetched" data-loaded="error">
                <p class="notice warn" role="status">{ Ui::LoadFailed.fill(props.lang, &[e]) }</p>
            </div>
        },
        _ => html! {
            <div class="fetched" data-loaded="false"><p class="help">{ Ui::Loading.get(props.lang) }</p></div>
        },
    }
}
