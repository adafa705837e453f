//! A run's timeline as a static SVG: one row per lane (more where a lane's spans overlap), a
//! bar per span coloured and patterned by what it was doing, a time axis, and a legend. The
//! geometry is `crate::timeline` (pure, tested natively); this file only draws it.
//!
//! CSS (for www/style.css). Colours come from the page's variables, so light and dark both work;
//! patterns and stroke dashes tell the kinds apart without colour.
//!
//! ```css
//! .timeline-figure { margin: .75rem 0; overflow-x: auto; }
//! .timeline { display: block; font-size: 12px; color: var(--fg); }
//! .timeline .tick-label { fill: var(--muted); }
//! .timeline .tick-line { stroke: var(--line); stroke-width: 1; }
//! .timeline .lane-label { fill: currentColor; }
//! .timeline .lane-band { fill: var(--line); fill-opacity: .25; }
//! .timeline-figure .span { stroke-width: 1; shape-rendering: crispEdges; }
//! .timeline-figure .span-compute { fill: var(--accent); }
//! .timeline-figure .span-compute.wide { stroke: var(--bg); }
//! .timeline-figure .span-io { stroke: var(--muted); stroke-dasharray: 3 2; }
//! .timeline-figure .span-wait { stroke: var(--warn-line); stroke-dasharray: 1 2; }
//! .timeline-figure .span-locked { stroke: var(--error-line); stroke-width: 1.5; }
//! .timeline-figure .span-copy { stroke: var(--ok); stroke-dasharray: 6 2; }
//! .timeline-figure .pat-io { fill: var(--muted); stroke: var(--muted); }
//! .timeline-figure .pat-wait { fill: var(--warn-line); stroke: var(--warn-line); }
//! .timeline-figure .pat-locked { fill: var(--error-line); stroke: var(--error-line); }
//! .timeline-figure .pat-copy { fill: var(--ok); stroke: var(--ok); }
//! .timeline-figure rect.pat-bg { fill-opacity: .3; stroke: none; }
//! .timeline-legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: .25rem 0 0; padding: 0; font-size: .9rem; }
//! .timeline-legend li { display: flex; align-items: center; gap: .35rem; }
//! .timeline-legend .swatch { flex: none; }
//! .timeline-legend .merged { color: var(--muted); flex-basis: 100%; }
//! ```

// Not mounted yet: `web::app` will place it under the results. Remove this then.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use yew::prelude::*;

use crate::chart::{format_duration, format_duration_ms};
use crate::engine::{RunOutput, SpanKind};
use crate::timeline::{layout, time_axis, Bar, Geometry, Layout};

/// Left margin for lane labels, right margin, height of the time axis above the rows.
const LABEL_W: f64 = 112.0;
const RIGHT_W: f64 = 32.0;
const AXIS_H: f64 = 24.0;
const BOTTOM_H: f64 = 6.0;
/// Bars thinner than this are drawn this wide so a zero-length span still shows.
const MIN_DRAWN_PX: f64 = 1.0;
/// Bars at least this wide get an outline (class `wide`), so back-to-back tasks stay apart.
const WIDE_PX: f64 = 4.0;

#[derive(Properties)]
pub struct Props {
    pub output: Rc<RunOutput>,
    /// The drawing's width in CSS pixels.
    #[prop_or(800.0)]
    pub width: f64,
}

/// Same run, same width: runs are immutable once recorded, so the pointer decides (comparing
/// 100k spans on every parent render would cost more than the layout).
impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        Rc::ptr_eq(&self.output, &other.output) && self.width == other.width
    }
}

/// A kind's name in the legend and tooltips.
fn kind_label(kind: SpanKind) -> &'static str {
    match kind {
        SpanKind::Compute => "计算 · computing",
        SpanKind::Io => "等待 IO · waiting on IO",
        SpanKind::Wait => "等待锁/队列 · waiting for a lock/queue",
        SpanKind::Locked => "持有锁 · holding a lock",
        SpanKind::Copy => "复制数据 · copying data",
    }
}

/// Pattern ids must be unique in the page (two timelines may be shown), so each instance
/// numbers its own.
static NEXT_INSTANCE: AtomicU32 = AtomicU32::new(0);

#[function_component(Timeline)]
pub fn timeline(props: &Props) -> Html {
    let instance = *use_state(|| NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed));
    let fill = |kind: SpanKind| match kind {
        SpanKind::Compute => "currentColor".to_string(),
        k => format!("url(#tl{instance}-{})", k.tag()),
    };
    let width = if props.width.is_finite() {
        props.width.max(240.0)
    } else {
        800.0
    };
    let spans = &props.output.spans;
    let x_range = (LABEL_W, width - RIGHT_W);
    let axis = time_axis(
        spans,
        x_range,
        ((x_range.1 - x_range.0) / 90.0).max(2.0) as usize,
    );
    let geo = Geometry {
        top: AXIS_H,
        row_height: 16.0,
        row_gap: 6.0,
        ..Geometry::default()
    };
    let lay = layout(spans, &axis.scale, &geo);
    let height = AXIS_H + lay.height + BOTTOM_H;
    let aria = format!(
        "时间线 · Timeline: {} spans on {} lane(s) over {}",
        lay.spans,
        lay.lanes,
        format_duration(axis.end_ms),
    );

    let ticks = axis.ticks.iter().map(|&t| {
        let x = format!("{:.2}", axis.scale.map(t));
        html! {
            <g class="tick">
                <line class="tick-line" x1={x.clone()} x2={x.clone()} y1={(AXIS_H - 6.0).to_string()} y2={height.to_string()} />
                <text class="tick-label" x={x} y="12" text-anchor="middle">{ format_duration_ms(t, axis.step_ms) }</text>
            </g>
        }
    });
    let mut lane = 0;
    let rows = lay.rows.iter().enumerate().map(|(i, row)| {
        if i > 0 && row.sub == 0 {
            lane += 1;
        }
        let band = lane % 2 == 1;
        let text_y = format!("{:.1}", row.y + geo.row_height * 0.75);
        html! {
            <g class="timeline-row" data-lane={row.label.clone()} data-sub={row.sub.to_string()}>
                if band {
                    <rect class="lane-band" x="0" y={(row.y - geo.row_gap / 2.0).to_string()}
                        width={width.to_string()} height={(geo.row_height + geo.row_gap).to_string()} />
                }
                if row.sub == 0 {
                    <text class="lane-label" x={(LABEL_W - 8.0).to_string()} y={text_y} text-anchor="end">{ &row.label }</text>
                }
                { for row.bars.iter().map(|b| bar(b, &row.label, fill(b.kind))) }
            </g>
        }
    });
    html! {
        <figure class="timeline-figure">
            <svg class="timeline" role="img" aria-label={aria}
                width={width.to_string()} height={height.to_string()}
                viewBox={format!("0 0 {width} {height}")}
                data-lanes={lay.lanes.to_string()} data-rows={lay.rows.len().to_string()}
                data-spans={lay.spans.to_string()} data-bars={lay.bars.to_string()}
                data-merged={lay.merge_px.is_some().to_string()}>
                { patterns(instance) }
                <g class="timeline-axis">{ for ticks }</g>
                <g class="timeline-rows">{ for rows }</g>
            </svg>
            { legend(&lay, &fill) }
        </figure>
    }
}

fn bar(b: &Bar, lane: &str, fill: String) -> Html {
    let duration = format_duration(b.end_ms - b.start_ms);
    let what = if b.spans > 1 {
        format!(
            "合并了 {n} 段 · {n} spans merged, mostly {}",
            kind_label(b.kind),
            n = b.spans
        )
    } else {
        format!("任务 · task {} — {}", b.task, kind_label(b.kind))
    };
    let title = format!(
        "{what}\n{lane}\n开始 · start {} · 时长 · duration {duration}",
        format_duration(b.start_ms)
    );
    html! {
        <rect class={classes!("span", format!("span-{}", b.kind.tag()), (b.width >= WIDE_PX).then_some("wide"))}
            x={format!("{:.2}", b.x)} y={format!("{:.1}", b.y)}
            width={format!("{:.2}", b.width.max(MIN_DRAWN_PX))} height={format!("{:.1}", b.height)}
            fill={fill}>
            <title>{ title }</title>
        </rect>
    }
}

/// One tile per kind that is not plain computing: hatching, dots, cross-hatching, stripes.
/// Presentation attributes are fallbacks (currentColor); the CSS above recolours them.
fn patterns(instance: u32) -> Html {
    let tile = |kind: SpanKind, rotate: u32, ink: Html| {
        let class = format!("pat-{}", kind.tag());
        html! {
            <pattern id={format!("tl{instance}-{}", kind.tag())} patternUnits="userSpaceOnUse"
                width="6" height="6" patternTransform={format!("rotate({rotate})")}>
                <rect class={classes!("pat-bg", class.clone())} width="6" height="6" fill="currentColor" fill-opacity="0.3" />
                <g class={classes!("pat-ink", class)} stroke="currentColor" fill="currentColor">{ ink }</g>
            </pattern>
        }
    };
    let line =
        |x1, y1, x2, y2| html! { <line x1={x1} y1={y1} x2={x2} y2={y2} stroke-width="1.5" /> };
    html! {
        <defs>
            { tile(SpanKind::Io, 45, line("3", "0", "3", "6")) }
            { tile(SpanKind::Wait, 0, html! { <circle cx="3" cy="3" r="1.2" stroke="none" /> }) }
            { tile(SpanKind::Locked, 45, html! { <>{ line("3", "0", "3", "6") }{ line("0", "3", "6", "3") }</> }) }
            { tile(SpanKind::Copy, 0, line("0", "3", "6", "3")) }
        </defs>
    }
}

fn legend(lay: &Layout, fill: &dyn Fn(SpanKind) -> String) -> Html {
    let item = |kind: SpanKind| {
        html! {
            <li data-kind={kind.tag()}>
                <svg class="swatch" width="22" height="14" aria-hidden="true">
                    <rect class={classes!("span", format!("span-{}", kind.tag()))}
                        x="1" y="1" width="20" height="12" fill={fill(kind)} />
                </svg>
                { kind_label(kind) }
            </li>
        }
    };
    let merged = lay.merge_px.map(|px| {
        html! {
            <li class="merged">
                { format!(
                    "为保持页面流畅，窄于 {px} px 的相邻片段已合并 · To keep the page responsive, neighbouring spans narrower than {px} px were merged: {} spans drawn as {} bars",
                    lay.spans, lay.bars
                ) }
            </li>
        }
    });
    html! {
        <ul class="timeline-legend">
            { for SpanKind::ALL.iter().map(|&k| item(k)) }
            { for merged }
        </ul>
    }
}
