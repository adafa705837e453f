//! Two rows the replayable timeline draws beside a run's lanes: above a GIL run's workers, who
//! held the GIL at each moment (a colour per thread); under every run, how many threads were
//! computing at once (the concurrency strip: darker is more). Times are the lanes' own.

use yew::prelude::*;

use super::gil_holds;
use super::timeline::LABEL_W;
use crate::chart::{format_duration, LinearScale};
use crate::engine::{Span, SpanKind};
use crate::i18n::insights::InsightText as I;
use crate::i18n::Texts;
use crate::insight::gil::gil_view;
use crate::insight::strip::steps;
use crate::link::Lang;
use crate::timeline::thin::per_pixel;

/// Each row's height, with its gap.
pub const ROW_H: f64 = 14.0;
const BAR_H: f64 = 10.0;

fn label(text: String, top: f64) -> Html {
    html! {
        <text class="lane-label strip-label" x={(LABEL_W - 8.0).to_string()}
            y={format!("{:.1}", top + BAR_H - 1.0)} text-anchor="end">{ text }</text>
    }
}

/// The GIL lane: its label (outside the clip) and its holds (inside), from the run's `Locked`
/// spans, each coloured by its thread (see `gil_holds`).
pub fn gil_lane(
    spans: &[Span],
    origin: f64,
    switch_ms: f64,
    time: &LinearScale,
    top: f64,
    lang: Lang,
) -> (Html, Html) {
    let mut lanes: Vec<_> = spans
        .iter()
        .filter(|s| s.kind == SpanKind::Locked)
        .map(|s| s.lane)
        .collect();
    lanes.sort();
    lanes.dedup();
    // Each hold and how it ended: forced (the switch interval passed with a waiter: outlined)
    // or voluntary.
    let view = gil_view(spans, f64::INFINITY, switch_ms);
    let (row, _) = gil_holds::holds(
        &view.holds,
        &lanes,
        |t| time.map(t - origin),
        plot_width(time),
        (top, BAR_H),
        lang,
    );
    (
        label(I::GilLaneShort.get(lang), top),
        html! { <g class="gil-row">{ row }</g> },
    )
}

fn plot_width(time: &LinearScale) -> f64 {
    (time.range.1 - time.range.0).abs()
}

/// The concurrency strip: its label and its steps (darker: more threads computing). Steps too
/// dense to tell apart are drawn as one mark at their time-weighted mean; its tooltip gives the
/// mean and the most.
pub fn concurrency(
    spans: &[Span],
    origin: f64,
    time: &LinearScale,
    top: f64,
    lang: Lang,
) -> (Html, Html) {
    let refs: Vec<&Span> = spans.iter().collect();
    let end = spans
        .iter()
        .map(|s| s.end_ms)
        .filter(|t| t.is_finite())
        .fold(origin, f64::max);
    let steps = steps(&refs, origin, end);
    let most = steps.iter().map(|s| s.2).max().unwrap_or(0);
    let px: Vec<(f64, f64)> = steps
        .iter()
        .map(|&(a, b, _)| (time.map(a - origin), time.map(b - origin)))
        .collect();
    let groups = per_pixel(&px, plot_width(time));
    let rects = groups.into_iter().filter_map(|g| {
        let group = &steps[g];
        let (a, b) = (group.first()?.0, group.last()?.1);
        let top_level = group.iter().map(|s| s.2).max().unwrap_or(0);
        if top_level == 0 {
            return None;
        }
        let (x0, x1) = (time.map(a - origin), time.map(b - origin));
        let (level, title) = match group {
            [(_, _, level)] => (*level, I::StripLevel.fill(lang, &[level, &format_duration(b - a)])),
            _ => {
                let mean = group.iter().map(|&(a, b, l)| (b - a) * l as f64).sum::<f64>() / (b - a).max(f64::MIN_POSITIVE);
                let title = I::StripMerged.fill(lang, &[&group.len(), &format_duration(b - a), &format!("{mean:.1}"), &top_level]);
                // Something computed in it: at least the lightest shade.
                ((mean.round() as usize).max(1), title)
            }
        };
        Some(html! {
            <rect class={format!("conc conc-{}", level.min(4))} x={format!("{x0:.2}")} y={format!("{top:.1}")}
                width={format!("{:.2}", (x1 - x0).max(0.3))} height={BAR_H.to_string()} data-level={level.to_string()}>
                <title>{ title }</title>
            </rect>
        })
    });
    (
        label(I::Computing.get(lang), top),
        html! { <g class="conc-strip" data-most={most.to_string()}>{ for rects }</g> },
    )
}
