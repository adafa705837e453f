//! What the replayable timeline draws (pure drawing, no state): the stacked runs' lanes and
//! frame meters on one windowed time axis, and the per-frame playhead update. The stateful
//! component is `replay`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::timeline::{self, AXIS_H, LABEL_W, RIGHT_W};
use super::{frame_meter, replay_strips};
use crate::chart::{format_duration, format_duration_ms, LinearScale};
use crate::engine::RunOutput;
use crate::link::Lang;
use crate::timeline::frame_meter::{frame_meter, Meter};
use crate::timeline::replay::{started_by, Replay};
use crate::timeline::viewport::{window_axis, Viewport};
use crate::timeline::{layout, origin_ms, Geometry, Layout};

/// One run to draw.
#[derive(Clone)]
pub struct RunView {
    /// Stable and unique among the runs shown (the executor's tag).
    pub key: &'static str,
    pub title: String,
    pub output: Rc<RunOutput>,
    /// The GIL's switch interval (ms), for a run under it.
    pub switch_ms: f64,
    /// Animation-frame stamps during the run, on the spans' clock (empty: no meter).
    pub frames: Rc<Vec<f64>>,
}

/// Runs are immutable once recorded: the pointers decide (comparing 100k spans per render
/// would cost more than drawing them).
impl PartialEq for RunView {
    fn eq(&self, o: &RunView) -> bool {
        self.key == o.key
            && self.title == o.title
            && Rc::ptr_eq(&self.output, &o.output)
            && Rc::ptr_eq(&self.frames, &o.frames)
    }
}

const TITLE_H: f64 = 20.0;
const RUN_GAP: f64 = 10.0;
/// All runs together draw at most about this many bars.
const MAX_BARS: usize = 6_000;
/// A live drawing is redrawn every half second while the workers use every core: a few
/// hundred bars show the run's shape across the plot's ~800 px.
const LIVE_MAX_BARS: usize = 400;

/// What one render draws, computed once per (runs, window, width, language).
pub struct Drawn {
    pub html: Html,
    pub height: f64,
    pub scale: LinearScale,
    /// Every bar's start, ascending (for the count of bars begun at the playhead).
    pub starts: Vec<f64>,
    /// When bars were merged: (threshold px, spans, bars) of a merged run.
    pub merged: Option<(f64, usize, usize)>,
}

pub fn total_ms(runs: &[RunView]) -> f64 {
    runs.iter()
        .map(|r| {
            let o = origin_ms(&r.output.spans);
            r.output
                .spans
                .iter()
                .map(|s| s.end_ms - o)
                .filter(|t| t.is_finite())
                .fold(0.0, f64::max)
        })
        .fold(0.0, f64::max)
}

/// One run's part of the drawing, from `y` down: its title, the GIL's lane, its lanes, the
/// concurrency strip and the frame meter.
struct RunDrawn {
    html: Html,
    /// Where the next run starts.
    next: f64,
    starts: Vec<f64>,
    merged: Option<(f64, usize, usize)>,
}

/// A band's height when it is drawn, else nothing.
fn band(shown: bool, height: f64) -> f64 {
    if shown {
        height
    } else {
        0.0
    }
}

/// What is drawn of a run besides its lanes: who held the GIL above them, how many threads
/// computed at once below, and the frame meter at `top` (each a label and its strip).
struct Extras {
    gil: Option<(Html, Html)>,
    conc: Option<(Html, Html)>,
    meter: Option<(Meter, f64)>,
}

/// What every run of one drawing shares: the element ids' stem, the time axis, the width, the
/// language, and whether the run is still going.
struct Pen<'a> {
    id: &'a str,
    axis: &'a crate::timeline::Axis,
    width: f64,
    lang: Lang,
    live: bool,
}

fn run_html(run: &RunView, y: f64, lay: &Layout, extras: Extras, pen: &Pen) -> Html {
    let Extras { gil, conc, meter } = extras;
    let Pen {
        id,
        axis,
        width,
        lang,
        live,
    } = *pen;
    let scale = &axis.scale;
    html! {
        <g class="timeline-run" data-run={run.key} data-lanes={lay.lanes.to_string()}
            data-rows={lay.rows.len().to_string()} data-spans={lay.spans.to_string()}
            data-bars={lay.bars.to_string()} data-merged={lay.merge_px.is_some().to_string()}>
            <text class="run-title" x="4" y={format!("{:.1}", y + 14.0)}>{ &run.title }</text>
            { timeline::row_labels(lay, lang, width) }
            if let Some((label, _)) = &gil {
                { label.clone() }
            }
            if let Some((label, _)) = &conc {
                { label.clone() }
            }
            if let Some((m, top)) = &meter {
                { frame_meter::frame(m, scale, *top, lang) }
            }
            <g clip-path={format!("url(#{id}-clip)")}>
                { timeline::rows(lay, &run.output, lang, id, !live) }
                if let Some((_, holds)) = gil {
                    { holds }
                }
                if let Some((_, steps)) = conc {
                    { steps }
                }
                if let Some((m, top)) = &meter {
                    { frame_meter::strip(m, scale, *top, lang) }
                }
            </g>
        </g>
    }
}

fn draw_run(run: &RunView, y: f64, per_run: usize, pen: &Pen) -> RunDrawn {
    let Pen {
        axis, lang, live, ..
    } = *pen;
    let spans = &run.output.spans;
    let origin = origin_ms(spans);
    // Above a GIL run's lanes: who held the lock.
    let gil_top = y + TITLE_H;
    let gil = (run.key == "gil" && !live)
        .then(|| replay_strips::gil_lane(spans, origin, run.switch_ms, &axis.scale, gil_top, lang));
    let geo = Geometry {
        top: gil_top + band(gil.is_some(), replay_strips::ROW_H),
        row_height: 16.0,
        row_gap: 6.0,
        max_bars: per_run,
        ..Geometry::default()
    };
    let lay: Layout = layout(spans, &axis.scale, &geo);
    let merged = lay.merge_px.map(|px| (px, lay.spans, lay.bars));
    let starts = lay
        .rows
        .iter()
        .flat_map(|r| r.bars.iter().map(|b| b.start_ms))
        .collect();
    // Under the lanes: how many threads computed at once.
    let conc_top = geo.top + lay.height + 4.0;
    let conc =
        (!live).then(|| replay_strips::concurrency(spans, origin, &axis.scale, conc_top, lang));
    let meter = (!live && !run.frames.is_empty()).then(|| frame_meter(&run.frames, origin));
    let meter_top = conc_top + band(conc.is_some(), replay_strips::ROW_H) + 4.0;
    let next = meter_top + band(meter.is_some(), frame_meter::HEIGHT) + RUN_GAP;
    let extras = Extras {
        gil,
        conc,
        meter: meter.map(|m| (m, meter_top)),
    };
    RunDrawn {
        html: run_html(run, y, &lay, extras, pen),
        next,
        starts,
        merged,
    }
}

pub fn draw(
    id: &str,
    runs: &[RunView],
    view: &Viewport,
    width: f64,
    lang: Lang,
    live: bool,
) -> Drawn {
    let x_range = (LABEL_W, width - RIGHT_W);
    let axis = window_axis(
        view,
        x_range,
        ((x_range.1 - x_range.0) / 90.0).max(2.0) as usize,
    );
    let mut y = AXIS_H + 4.0;
    let mut parts = Vec::new();
    let mut starts = Vec::new();
    let mut merged = None;
    // A live drawing is redrawn as spans arrive: fewer, wider bars keep each redraw cheap.
    let per_run = if live { LIVE_MAX_BARS } else { MAX_BARS } / runs.len().max(1);
    let pen = Pen {
        id,
        axis: &axis,
        width,
        lang,
        live,
    };
    for run in runs {
        let d = draw_run(run, y, per_run, &pen);
        parts.push(d.html);
        starts.extend(d.starts);
        merged = d.merged.or(merged);
        y = d.next;
    }
    starts.sort_by(f64::total_cmp);
    let height = y;
    let ticks = axis.ticks.iter().map(|&t| {
        let x = format!("{:.2}", axis.scale.map(t));
        html! {
            <g class="tick">
                <line class="tick-line" x1={x.clone()} x2={x.clone()} y1={(AXIS_H - 6.0).to_string()} y2={height.to_string()} />
                <text class="tick-label" x={x} y="12" text-anchor="middle">{ format_duration_ms(t, axis.step_ms) }</text>
            </g>
        }
    });
    let html = html! {
        <>
            <g class="timeline-axis">{ for ticks }</g>
            { for parts }
        </>
    };
    Drawn {
        html,
        height,
        scale: axis.scale,
        starts,
        merged,
    }
}

/// Writes the playhead's position into the drawing: the clip that reveals what had happened
/// by then, the playhead line, the slider and the time readout. Called per animation frame.
pub fn paint(id: &str, r: &Replay, scale: &LinearScale, starts: &[f64]) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let el = |suffix: &str| doc.get_element_by_id(&format!("{id}-{suffix}"));
    let (x0, x1) = scale.range;
    let x = scale.map(r.t_ms).clamp(x0, x1);
    if let Some(clip) = el("cliprect") {
        let _ = clip.set_attribute("width", &format!("{:.2}", (x - x0).max(0.0)));
    }
    if let Some(line) = el("playhead") {
        let _ = line.set_attribute("x1", &format!("{x:.2}"));
        let _ = line.set_attribute("x2", &format!("{x:.2}"));
    }
    if let Some(svg) = el("svg") {
        let _ = svg.set_attribute("data-playhead", &format!("{:.3}", r.t_ms));
        let _ = svg.set_attribute("data-visible", &started_by(starts, r.t_ms).to_string());
        let _ = svg.set_attribute("data-playing", &r.playing.to_string());
    }
    if let Some(slider) = el("slider").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        slider.set_value(&format!("{:.3}", r.t_ms));
    }
    if let Some(out) = el("time") {
        out.set_text_content(Some(&format!(
            "{} / {}",
            format_duration(r.t_ms),
            format_duration(r.end_ms)
        )));
    }
}
