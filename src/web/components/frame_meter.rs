//! The frame meter strip under a run's lanes: one point per painted frame (its distance from
//! the previous one: flat while the page is smooth), and each stretch of dropped frames marked.
//! The numbers come from `crate::timeline::frame_meter`.

use yew::prelude::*;

use super::timeline::LABEL_W;
use crate::chart::{format_duration, LinearScale};
use crate::i18n::visuals::VisualsText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::timeline::frame_meter::Meter;

/// The strip's height; a frame interval of [`CAP_MS`] or more reaches its top.
pub const STRIP_H: f64 = 26.0;
pub const HEIGHT: f64 = STRIP_H + 18.0;
const CAP_MS: f64 = 100.0;

/// The meter's name, its baseline and its summary (outside the replay's clip).
pub fn frame(meter: &Meter, time: &LinearScale, top: f64, lang: Lang) -> Html {
    let (x0, x1) = time.range;
    let summary = if meter.stats.frames == 0 {
        T::NoFrames.get(lang)
    } else {
        T::FramesDropped.fill(
            lang,
            &[
                &meter.stats.dropped,
                &format_duration(meter.stats.longest_gap_ms),
            ],
        )
    };
    html! {
        <g class="frame-meter-frame">
            <text class="lane-label" x={(LABEL_W - 8.0).to_string()} y={format!("{:.1}", top + STRIP_H * 0.65)} text-anchor="end">
                { T::FrameMeter.get(lang) }
                <title>{ T::FrameMeterHelp.get(lang) }</title>
            </text>
            <line class="frame-base" x1={x0.to_string()} x2={x1.to_string()}
                y1={format!("{:.1}", top + STRIP_H)} y2={format!("{:.1}", top + STRIP_H)} />
            <text class="frame-summary" x={x0.to_string()} y={format!("{:.1}", top + STRIP_H + 13.0)}>{ summary }</text>
        </g>
    }
}

/// Draws `meter` at `top` on the time scale `time` (ms since the run's start → x): a step line
/// at each frame's distance from the one before (flat at one frame while the page is smooth),
/// and each stretch of dropped frames marked.
pub fn strip(meter: &Meter, time: &LinearScale, top: f64, lang: Lang) -> Html {
    let y = LinearScale::new((0.0, CAP_MS), (top + STRIP_H, top));
    let points: String = meter
        .intervals
        .iter()
        .map(|&(t, d)| {
            let h = y.map(d.min(CAP_MS));
            format!("{:.1},{h:.1} {:.1},{h:.1} ", time.map(t - d), time.map(t))
        })
        .collect();
    let gaps = meter.gaps.iter().map(|g| {
        let (a, b) = (time.map(g.start_ms), time.map(g.end_ms));
        let label = T::Frozen.fill(lang, &[&format_duration(g.end_ms - g.start_ms)]);
        html! {
            <rect class="frame-gap" x={format!("{a:.1}")} y={format!("{top:.1}")}
                width={format!("{:.1}", (b - a).max(1.0))} height={STRIP_H.to_string()}>
                <title>{ format!("{label} · {}", T::FramesDropped.fill(lang, &[&g.dropped, &format_duration(g.end_ms - g.start_ms)])) }</title>
            </rect>
        }
    });
    html! {
        <g class="frame-meter" data-frames={meter.stats.frames.to_string()}
            data-dropped={meter.stats.dropped.to_string()}
            data-longest-gap={format!("{:.1}", meter.stats.longest_gap_ms)}
            data-gaps={meter.gaps.len().to_string()}>
            { for gaps }
            <polyline class="frame-line" points={points} />
        </g>
    }
}
