//! Drawing one run's lanes (and the shared pieces of every timeline: span patterns, the legend,
//! a bar's details) as SVG. The geometry is `crate::timeline` (pure, tested natively); the
//! replayable figure around it is `replay`. CSS: `www/visuals.css` and `www/style.css`.

use yew::prelude::*;

use crate::chart::format_duration;
use crate::engine::{Lane, RunOutput, SpanKind, TaskOutcome};
use crate::i18n::visuals::VisualsText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::timeline::{Bar, Layout};

/// Left margin for lane labels, right margin, height of the time axis above the rows.
pub const LABEL_W: f64 = 128.0;
pub const RIGHT_W: f64 = 24.0;
pub const AXIS_H: f64 = 24.0;
/// Bars thinner than this are drawn this wide so a zero-length span still shows.
const MIN_DRAWN_PX: f64 = 1.0;
/// Bars at least this wide get an outline (class `wide`), so back-to-back tasks stay apart.
const WIDE_PX: f64 = 4.0;
/// Up to this many bars, each is a keyboard stop; above, the playhead keys stand in.
pub const FOCUSABLE_BARS: usize = 300;

/// A kind's name in the legend and tooltips.
pub fn kind_label(kind: SpanKind, lang: Lang) -> String {
    match kind {
        SpanKind::Compute => T::KindCompute,
        SpanKind::Io => T::KindIo,
        SpanKind::Wait => T::KindWait,
        SpanKind::Locked => T::KindLocked,
        SpanKind::Copy => T::KindCopy,
        SpanKind::Start => T::KindStart,
    }
    .get(lang)
}

pub fn lane_name(lane: Lane, lang: Lang) -> String {
    match lane {
        Lane::Main => T::MainLane.get(lang),
        Lane::Worker(i) => T::WorkerLane.fill(lang, &[&i]),
    }
}

/// The fill of a kind's bars: plain for computing, a pattern (distinct without colour) else.
pub fn fill(instance: &str, kind: SpanKind) -> String {
    match kind {
        SpanKind::Compute => "currentColor".to_string(),
        k => format!("url(#{instance}-{})", k.tag()),
    }
}

/// A bar's details: task, lane, start, duration, state, result.
/// Runs with more spans than this do not name whom each wait waited for (it costs a scan of the
/// spans per bar).
const WHO_HELD_MAX_SPANS: usize = 4_000;

pub fn bar_detail(b: &Bar, lane: Lane, out: &RunOutput, lang: Lang) -> String {
    let what = if b.spans > 1 {
        T::MergedBar.fill(lang, &[&b.spans, &kind_label(b.kind, lang)])
    } else {
        T::Task.fill(lang, &[&b.task])
    };
    let result = match out.outcomes.get(b.task as usize) {
        Some(TaskOutcome::Done(v)) => T::ResultValue.fill(lang, &[v]),
        Some(TaskOutcome::Failed(e)) => T::ResultFailed.fill(lang, &[e]),
        Some(TaskOutcome::Cancelled) => T::ResultCancelled.get(lang),
        None => T::ResultNone.get(lang),
    };
    let mut state = format!("{} · {result}", kind_label(b.kind, lang));
    // A wait for a lock (the GIL, the bank's): whom it waited for. Bounded: a scan of the
    // run's spans per bar.
    if b.kind == SpanKind::Wait && b.spans == 1 && out.spans.len() <= WHO_HELD_MAX_SPANS {
        let origin = crate::timeline::layout::origin_ms(&out.spans);
        let (from, to) = (origin + b.start_ms, origin + b.end_ms);
        if let Some(holder) = crate::insight::gil::holder_during(&out.spans, lane, from, to) {
            state = format!(
                "{state} · {}",
                T::HeldBy.fill(lang, &[&lane_name(holder, lang)])
            );
        }
    }
    T::BarDetail.fill(
        lang,
        &[
            &what,
            &lane_name(lane, lang),
            &format_duration(b.start_ms),
            &format_duration(b.end_ms - b.start_ms),
            &state,
        ],
    )
}

/// One run's lane bands and labels (drawn outside the replay's clip).
pub fn row_labels(lay: &Layout, lang: Lang, width: f64) -> Html {
    let mut lane = 0;
    let rows = lay.rows.iter().enumerate().map(|(i, row)| {
        if i > 0 && row.sub == 0 {
            lane += 1;
        }
        let h = row.bars.first().map_or(16.0, |b| b.height);
        let text_y = format!("{:.1}", row.y + h * 0.75);
        html! {
            <>
                if lane % 2 == 1 {
                    <rect class="lane-band" x="0" y={format!("{:.1}", row.y - 3.0)}
                        width={width.to_string()} height={format!("{:.1}", h + 6.0)} />
                }
                if row.sub == 0 {
                    <text class="lane-label" x={(LABEL_W - 8.0).to_string()} y={text_y} text-anchor="end">{ lane_name(row.lane, lang) }</text>
                }
            </>
        }
    });
    html! { <g class="timeline-labels">{ for rows }</g> }
}

/// One run's bars, a group per row, as laid out in `lay`. `detailed`: each bar carries its
/// details (a tooltip, a label, a place in the tab order); a live drawing, redrawn while the
/// workers run, leaves them out — they are most of a bar's cost — until the run is over.
pub fn rows(lay: &Layout, out: &RunOutput, lang: Lang, instance: &str, detailed: bool) -> Html {
    let focusable = detailed && lay.bars <= FOCUSABLE_BARS;
    let rows = lay.rows.iter().map(|row| {
        let name = lane_name(row.lane, lang);
        // Keyed rows, and bars keyed by their place in the row: a live drawing's redraw adds
        // bars at the ends of the rows, and keys let Yew match the rest from the front and add
        // just the new ones (unkeyed, it matches children from the end: every bar would move
        // one place and have its attributes rewritten).
        html! {
            <g key={format!("{name}/{}", row.sub)} class="timeline-row" data-lane={name} data-sub={row.sub.to_string()}>
                { for row.bars.iter().enumerate().map(|(i, b)| {
                    let detail = detailed.then(|| bar_detail(b, row.lane, out, lang));
                    bar(i, b, detail, fill(instance, b.kind), focusable)
                }) }
            </g>
        }
    });
    html! { <>{ for rows }</> }
}

fn bar(place: usize, b: &Bar, detail: Option<String>, fill: String, focusable: bool) -> Html {
    html! {
        <rect key={place}
            class={classes!("span", format!("span-{}", b.kind.tag()), (b.width >= WIDE_PX).then_some("wide"))}
            x={format!("{:.2}", b.x)} y={format!("{:.1}", b.y)}
            width={format!("{:.2}", b.width.max(MIN_DRAWN_PX))} height={format!("{:.1}", b.height)}
            fill={fill} data-task={b.task.to_string()} data-start={format!("{:.3}", b.start_ms)}
            tabindex={focusable.then_some("0")} aria-label={detail.clone()}>
            if let Some(detail) = detail {
                <title>{ detail }</title>
            }
        </rect>
    }
}

/// One tile per kind that is not plain computing: hatching, dots, cross-hatching, stripes.
/// Presentation attributes are fallbacks (currentColor); the CSS recolours them.
pub fn patterns(instance: &str) -> Html {
    let tile = |kind: SpanKind, rotate: u32, ink: Html| {
        let class = format!("pat-{}", kind.tag());
        html! {
            <pattern id={format!("{instance}-{}", kind.tag())} patternUnits="userSpaceOnUse"
                width="6" height="6" patternTransform={format!("rotate({rotate})")}>
                <rect class={classes!("pat-bg", class.clone())} width="6" height="6" fill="currentColor" fill-opacity="0.3" />
                <g class={classes!("pat-ink", class)} stroke="currentColor" fill="currentColor">{ ink }</g>
            </pattern>
        }
    };
    let line =
        |x1, y1, x2, y2| html! { <line x1={x1} y1={y1} x2={x2} y2={y2} stroke-width="1.5" /> };
    html! {
        <>
            { tile(SpanKind::Io, 45, line("3", "0", "3", "6")) }
            { tile(SpanKind::Wait, 0, html! { <circle cx="3" cy="3" r="1.2" stroke="none" /> }) }
            { tile(SpanKind::Locked, 45, html! { <>{ line("3", "0", "3", "6") }{ line("0", "3", "6", "3") }</> }) }
            { tile(SpanKind::Copy, 0, html! { <>{ line("0", "2", "6", "2") }{ line("0", "5", "6", "5") }</> }) }
            { tile(SpanKind::Start, 0, html! { <>{ line("2", "0", "2", "6") }{ line("5", "0", "5", "6") }</> }) }
        </>
    }
}

/// The legend: each of `kinds` with its swatch (colour and pattern) and name, and a note when
/// bars were merged.
pub fn legend(
    instance: &str,
    lang: Lang,
    kinds: &[SpanKind],
    merged: Option<(f64, usize, usize)>,
) -> Html {
    let item = |kind: SpanKind| {
        html! {
            <li data-kind={kind.tag()}>
                <svg class="swatch" width="22" height="14" aria-hidden="true">
                    <rect class={classes!("span", format!("span-{}", kind.tag()))}
                        x="1" y="1" width="20" height="12" fill={fill(instance, kind)} />
                </svg>
                { kind_label(kind, lang) }
            </li>
        }
    };
    html! {
        <ul class="timeline-legend">
            { for kinds.iter().map(|&k| item(k)) }
            if let Some((px, spans, bars)) = merged {
                <li class="merged">{ T::Merged.fill(lang, &[&px, &spans, &bars]) }</li>
            }
        </ul>
    }
}
