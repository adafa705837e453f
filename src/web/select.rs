//! A `<select>` whose shown choice follows the page's state.
//!
//! Yew renders a list's choice as `selected` attributes on its options, and those only set each
//! option's default: once the learner has picked from the list, Firefox keeps showing that pick
//! when the state changes it elsewhere (a link, the nav, reopening a run from the history). The
//! hook sets the list's value itself whenever the state's value changes.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A reference for the `<select>` (`ref={…}`) whose value follows `value`.
#[hook]
pub fn use_select_value(value: &str) -> NodeRef {
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(value.to_string(), move |value| {
            if let Some(select) = list.cast::<HtmlSelectElement>() {
                select.set_value(value);
            }
        });
    }
    list
}
