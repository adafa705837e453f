//! Same-origin files the page loads after start (the lessons' notes), cached for the session.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::browser;

thread_local! {
    static CACHE: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
}

/// The text at `url` (relative to the page), from the cache after the first success.
pub async fn text(url: &str) -> Result<Rc<str>, String> {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(url).cloned()) {
        return Ok(hit);
    }
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| browser::error_text(&e))?
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {} for {url}", response.status()));
    }
    let body = JsFuture::from(response.text().map_err(|e| browser::error_text(&e))?)
        .await
        .map_err(|e| browser::error_text(&e))?
        .as_string()
        .ok_or("the body is not text")?;
    let body: Rc<str> = body.into();
    CACHE.with(|c| c.borrow_mut().insert(url.to_string(), body.clone()));
    Ok(body)
}
