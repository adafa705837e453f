//! Wall time per executor for the current workload: one horizontal bar per run, split into
//! computing / waiting / copying / starting / overhead where the spans allow
//! (`engine::breakdown`), with the answer and the speedup over the main thread written beside it.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::export_buttons::ExportButtons;
use super::labels;
use super::timeline::kind_label;
use crate::app_state::RunRecord;
use crate::chart::format_duration;
use crate::chart::wall::{self, Part, BAR_H};
use crate::engine::breakdown::{breakdown, Breakdown};
use crate::engine::SpanKind;
use crate::executor::Executor;
use crate::i18n::visuals::VisualsText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::web::browser;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub results: BTreeMap<Executor, RunRecord>,
    pub lang: Lang,
    /// The chart's element id (unique in the page).
    #[prop_or(AttrValue::Static(ID))]
    pub id: AttrValue,
}

const ID: &str = "wall-chart-svg";

/// A part's name, in the bars' tooltips and the legend.
fn part_name(part: Part, lang: Lang) -> String {
    match part {
        Part::Compute => kind_label(SpanKind::Compute, lang),
        Part::Wait => T::KindIo.get(lang) + " / " + &T::KindWait.get(lang),
        Part::Copy => kind_label(SpanKind::Copy, lang),
        Part::Start => kind_label(SpanKind::Start, lang),
        Part::Overhead => T::Overhead.get(lang),
    }
}

/// A part's fill: plain colour, or its pattern (so colour is never the only cue).
fn part_fill(part: Part) -> String {
    match part {
        Part::Compute | Part::Overhead => "currentColor".to_string(),
        _ => format!("url(#wall-{})", part.class()),
    }
}

/// One run's bar, split into computing, waiting, copying, starting and overhead, with its note.
fn row(row: &wall::Row, out: &Breakdown, wall_ms: f64, lang: Lang) -> Html {
    let segments = row.segments.iter().map(|s| {
        let name = part_name(s.part, lang);
        html! {
            <rect class={classes!("part", format!("part-{}", s.part.class()))} x={format!("{:.2}", s.x)} y={format!("{:.1}", row.bar_y)}
                width={format!("{:.2}", s.width)} height={BAR_H.to_string()} fill={part_fill(s.part)}>
                <title>{ format!("{name}: {}", format_duration(s.ms)) }</title>
            </rect>
        }
    });
    html! {
        <g class="wall-row" data-executor={row.tag} data-ms={format!("{wall_ms:.3}")}
            data-compute={format!("{:.3}", out.compute_ms)} data-wait={format!("{:.3}", out.wait_ms)}
            data-copy={format!("{:.3}", out.copy_ms)} data-start={format!("{:.3}", out.start_ms)} data-overhead={format!("{:.3}", out.overhead_ms)}>
            <text class="lane-label" x={format!("{:.1}", row.label.x)} y={format!("{:.1}", row.label.y)} text-anchor={row.label_anchor}>
                { &row.label.text }
            </text>
            { for segments }
            { for row.notes.iter().map(|n| html! {
                <text class="wall-note" x={format!("{:.1}", n.x)} y={format!("{:.1}", n.y)}>{ &n.text }</text>
            }) }
        </g>
    }
}

#[function_component(WallChart)]
pub fn wall_chart(props: &Props) -> Html {
    let lang = props.lang;
    if props.results.is_empty() {
        return html! {};
    }
    let runs: Vec<wall::Run> = props
        .results
        .values()
        .map(|r| wall::Run {
            tag: r.executor.tag(),
            label: labels::executor(r.executor.tag(), lang),
            wall_ms: r.output.wall_ms,
            breakdown: breakdown(&r.output.spans, r.output.wall_ms),
            summary: r.output.answer.in_lang(lang),
            is_main: r.executor == Executor::Main,
        })
        .collect();
    // Starting a process is named only where a run started one.
    let started = runs.iter().any(|r| r.breakdown.start_ms > 0.0);
    let legend = Part::ALL
        .into_iter()
        .filter(|&p| p != Part::Start || started)
        .map(|p| {
            html! {
                <li><svg class="swatch" width="22" height="14" aria-hidden="true"><rect class={classes!("part", format!("part-{}", p.class()))} x="1" y="1" width="20" height="12" fill={part_fill(p)} /></svg>{ part_name(p, lang) }</li>
            }
        });
    let layout = wall::Layout::for_width(browser::viewport_width());
    let c = wall::chart(&runs, lang, layout);
    let (width, height) = (c.width, c.height);
    let summary: Vec<String> = runs
        .iter()
        .map(|r| format!("{} {}", r.tag, format_duration(r.wall_ms)))
        .collect();
    html! {
        <figure class="wall-figure timeline-figure" id="wall-chart">
            <figcaption><strong>{ T::WallTimes.get(lang) }</strong>{ " — " }<span class="help">{ T::WallSplit.get(lang) }</span></figcaption>
            <svg class="wall-chart timeline" id={props.id.clone()} role="img" aria-label={T::WallAria.fill(lang, &[&summary.join(", ")])}
                data-layout={if layout == wall::Layout::Narrow { "narrow" } else { "wide" }}
                width={width.to_string()} height={height.to_string()} viewBox={format!("0 0 {width} {height}")}>
                <defs>{ super::timeline::patterns("wall") }</defs>
                { for c.ticks.iter().map(|t| html! {
                    <g class="tick">
                        <line class="tick-line" x1={format!("{:.1}", t.x)} x2={format!("{:.1}", t.x)} y1={c.tick_top.to_string()} y2={height.to_string()} />
                        <text class="tick-label" x={format!("{:.1}", t.x)} y="12" text-anchor="middle">{ &t.label }</text>
                    </g>
                }) }
                { for c.rows.iter().zip(&runs).map(|(row_, r)| row(row_, &r.breakdown, r.wall_ms, lang)) }
            </svg>
            <ul class="timeline-legend">{ for legend }</ul>
            <ExportButtons svg_id={props.id.to_string()} name="wall-times" lang={lang} />
        </figure>
    }
}
