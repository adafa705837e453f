//! Two rows the replayable timeline draws beside a run's lanes: above a GIL run's workers, who
//! held the GIL at each moment (a colour per thread); under every run, how many threads were
//! computing at once (the concurrency strip: darker is more). Times are the lanes' own.

use yew::prelude::*;

use super::timeline::{lane_name, LABEL_W};
use crate::chart::{format_duration, LinearScale};
use crate::engine::{Span, SpanKind};
use crate::i18n::insights::InsightText as I;
use crate::i18n::Texts;
use crate::insight::gil::{gil_view, Release};
use crate::insight::strip::steps;
use crate::link::Lang;

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
/// spans, each coloured by its thread.
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
    let holds = view.holds.iter().map(|h| {
        let k = lanes.iter().position(|&l| l == h.lane).unwrap_or(0) % 4;
        let (x0, x1) = (time.map(h.start_ms - origin), time.map(h.end_ms - origin));
        let forced = h.release == Release::Forced;
        html! {
            <rect class={classes!(format!("holder-{k}"), forced.then_some("forced"))} x={format!("{x0:.2}")} y={format!("{top:.1}")}
                width={format!("{:.2}", (x1 - x0).max(0.5))} height={BAR_H.to_string()}
                data-holder={lane_name(h.lane, lang)} data-release={h.release.tag()}>
                <title>{ format!("{} · {} · {}", lane_name(h.lane, lang), format_duration(h.end_ms - h.start_ms), release_text(h.release, lang)) }</title>
            </rect>
        }
    });
    (
        label(I::GilLaneShort.get(lang), top),
        html! { <g class="gil-row">{ for holds }</g> },
    )
}

/// The concurrency strip: its label and its steps (darker: more threads computing).
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
    let rects = steps.iter().filter(|s| s.2 > 0).map(|&(a, b, level)| {
        let (x0, x1) = (time.map(a - origin), time.map(b - origin));
        html! {
            <rect class={format!("conc conc-{}", level.min(4))} x={format!("{x0:.2}")} y={format!("{top:.1}")}
                width={format!("{:.2}", (x1 - x0).max(0.3))} height={BAR_H.to_string()} data-level={level.to_string()}>
                <title>{ I::StripLevel.fill(lang, &[&level, &format_duration(b - a)]) }</title>
            </rect>
        }
    });
    (
        label(I::Computing.get(lang), top),
        html! { <g class="conc-strip" data-most={most.to_string()}>{ for rects }</g> },
    )
}

fn release_text(r: Release, lang: Lang) -> String {
    match r {
        Release::Forced => I::ReleaseForced,
        Release::Io => I::ReleaseIo,
        Release::Blocked => I::ReleaseBlocked,
        Release::Done => I::ReleaseDone,
    }
    .get(lang)
}
