//! Highlighting the spans behind an insight on the run's timeline: matching bars get `hl`, the
//! results section `data-highlighting` (the stylesheet dims the rest), and the timeline is
//! scrolled into view. Clicking the same insight again clears it. A few lines of JS beside
//! this file: a selector and a class per bar.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function highlightSpans(run, kinds) {
  const results = document.querySelector('section.results');
  if (!results) return 0;
  const key = `${run}:${kinds}`;
  const again = results.dataset.highlighting === key;
  results.querySelectorAll('.span.hl').forEach((e) => e.classList.remove('hl'));
  delete results.dataset.highlighting;
  if (again) return 0;
  const list = kinds.split(' ').filter(Boolean);
  let first = null, n = 0;
  results.querySelectorAll(`.timeline-run[data-run="${CSS.escape(run)}"] .span`).forEach((e) => {
    if (list.some((k) => e.classList.contains(`span-${k}`))) {
      e.classList.add('hl');
      first ??= e;
      n += 1;
    }
  });
  if (n > 0) {
    results.dataset.highlighting = key;
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    first.closest('figure')?.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
  }
  return n;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = highlightSpans)]
    fn highlight_spans_js(run: &str, kinds: &str) -> u32;
}

/// Highlights `run`'s spans of `kinds` (span kind tags) on its timeline, or clears the
/// highlight if it was this one; returns how many bars are highlighted.
pub fn highlight_spans(run: &str, kinds: &[&str]) -> u32 {
    highlight_spans_js(run, &kinds.join(" "))
}
