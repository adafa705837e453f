//! Saving a chart or timeline as a file: SVG (the drawing with its computed styles written in as
//! presentation attributes, so the file stands alone outside the page) and PNG (that SVG drawn on
//! a canvas at 2×). Also the
//! reader's `prefers-reduced-motion`. The DOM work is a few lines of JS beside this file: it
//! walks the drawing once, which web-sys would spell out over many more lines and features.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

#[wasm_bindgen(inline_js = r#"
const PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity',
  'opacity', 'font-size', 'font-family', 'font-weight', 'color', 'visibility', 'display', 'shape-rendering'];

// A url(...) paint may come back absolute ("url("http://host/#id")"): keep the fragment only,
// so the pattern is found inside the saved file.
const local = (v) => v.replace(/url\(["']?[^#)"']*(#[^)"']+)["']?\)/g, 'url($1)');

function standalone(svg) {
  const clone = svg.cloneNode(true);
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    // As presentation attributes, not a style attribute: the page's CSP forbids inline styles
    // (the clone belongs to this document), and the saved file has no stylesheet to beat them.
    PROPS.forEach((p) => to[i].setAttribute(p, local(cs.getPropertyValue(p))));
  });
  const box = svg.getBoundingClientRect();
  const w = Math.max(1, Math.round(box.width)), h = Math.max(1, Math.round(box.height));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', w);
  clone.setAttribute('height', h);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
  clone.insertBefore(bg, clone.firstChild);
  return { text: '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone), w, h };
}

function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 30000);
}

export function save_svg(svg, name) {
  download(new Blob([standalone(svg).text], { type: 'image/svg+xml' }), name);
}

export async function save_png(svg, name) {
  const { text, w, h } = standalone(svg);
  const img = new Image();
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = w * 2;
  canvas.height = h * 2;
  const ctx = canvas.getContext('2d');
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, w, h);
  const blob = await new Promise((done) => canvas.toBlob(done, 'image/png'));
  if (!blob) throw new Error('the canvas gave no PNG');
  download(blob, name);
}

export function reduced_motion() {
  return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = save_svg, catch)]
    fn js_save_svg(svg: &web_sys::Element, name: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = save_png)]
    fn js_save_png(svg: &web_sys::Element, name: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = reduced_motion)]
    fn js_reduced_motion() -> bool;
}

/// What to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

/// Saves the `<svg>` with element id `svg_id` as `name.svg` / `name.png`. Failures (a
/// missing element, a browser without canvas export) leave the page as it is.
pub fn save(svg_id: &str, name: &str, format: Format) {
    let Some(svg) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(svg_id))
    else {
        return;
    };
    match format {
        Format::Svg => {
            let _ = js_save_svg(&svg, &format!("{name}.svg"));
        }
        Format::Png => {
            let promise = js_save_png(&svg, &format!("{name}.png"));
            spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    }
}

/// Whether the reader asked for less motion (`prefers-reduced-motion: reduce`).
pub fn reduced_motion() -> bool {
    js_reduced_motion()
}
