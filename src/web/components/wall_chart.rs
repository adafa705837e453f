//! Wall time per executor for the current workload: one horizontal bar per run, split into
//! computing / waiting / copying / overhead where the spans allow (`engine::breakdown`), with
//! the answer and the speedup over the main thread written beside it.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::export_buttons::ExportButtons;
use super::labels;
use super::timeline::kind_label;
use crate::app_state::RunRecord;
use crate::chart::{format_duration, format_duration_ms, nice_ticks, LinearScale};
use crate::engine::breakdown::breakdown;
use crate::engine::SpanKind;
use crate::executor::Executor;
use crate::i18n::visuals::VisualsText as T;
use crate::i18n::Texts;
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub results: BTreeMap<Executor, RunRecord>,
    pub lang: Lang,
    /// The chart's element id (unique in the page).
    #[prop_or(AttrValue::Static(ID))]
    pub id: AttrValue,
}

const W: f64 = 880.0;
const LEFT: f64 = 270.0;
const RIGHT: f64 = 40.0;
const TOP: f64 = 22.0;
const ROW: f64 = 40.0;
const BAR_H: f64 = 18.0;
const ID: &str = "wall-chart-svg";

/// One run's bar, split into computing, waiting, copying and overhead, with its note.
fn row(i: usize, r: &RunRecord, main_ms: Option<f64>, x: &LinearScale, lang: Lang) -> Html {
    let out = &r.output;
    let b = breakdown(&out.spans, out.wall_ms);
    let y = TOP + i as f64 * ROW;
    let mut at = 0.0;
    let parts = [
        ("compute", b.compute_ms, kind_label(SpanKind::Compute, lang)),
        (
            "io",
            b.wait_ms,
            T::KindIo.get(lang) + " / " + &T::KindWait.get(lang),
        ),
        ("copy", b.copy_ms, kind_label(SpanKind::Copy, lang)),
        ("overhead", b.overhead_ms, T::Overhead.get(lang)),
    ];
    let segments = parts.iter().filter(|p| p.1 > 0.0).map(|(class, ms, name)| {
        let (a, z) = (x.map(at), x.map(at + ms));
        at += ms;
        html! {
            <rect class={classes!("part", format!("part-{class}"))} x={format!("{a:.2}")} y={format!("{y:.1}")}
                width={format!("{:.2}", (z - a).max(0.5))} height={BAR_H.to_string()}
                fill={if *class == "compute" || *class == "overhead" { "currentColor".to_string() } else { format!("url(#wall-{class})") }}>
                <title>{ format!("{name}: {}", format_duration(*ms)) }</title>
            </rect>
        }
    });
    let speedup = main_ms
        .filter(|m| r.executor != Executor::Main && out.wall_ms > 0.0 && *m > 0.0)
        .map(|m| T::Speedup.fill(lang, &[&format!("{:.2}", m / out.wall_ms)]));
    let note = [
        Some(format_duration(out.wall_ms)),
        Some(out.answer.summary.clone()),
        speedup,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    html! {
        <g class="wall-row" data-executor={r.executor.tag()} data-ms={format!("{:.3}", out.wall_ms)}
            data-compute={format!("{:.3}", b.compute_ms)} data-wait={format!("{:.3}", b.wait_ms)}
            data-copy={format!("{:.3}", b.copy_ms)} data-overhead={format!("{:.3}", b.overhead_ms)}>
            <text class="lane-label" x={(LEFT - 8.0).to_string()} y={format!("{:.1}", y + 13.0)} text-anchor="end">
                { labels::executor(r.executor.tag(), lang) }
            </text>
            { for segments }
            <text class="wall-note" x={(LEFT + 4.0).to_string()} y={format!("{:.1}", y + BAR_H + 13.0)}>{ note }</text>
        </g>
    }
}

#[function_component(WallChart)]
pub fn wall_chart(props: &Props) -> Html {
    let lang = props.lang;
    if props.results.is_empty() {
        return html! {};
    }
    let main_ms = props.results.get(&Executor::Main).map(|r| r.output.wall_ms);
    let longest = props
        .results
        .values()
        .map(|r| r.output.wall_ms)
        .fold(0.0, f64::max);
    let ticks = nice_ticks(0.0, longest, 6);
    let step = ticks.get(1).copied().unwrap_or(1.0) - ticks[0];
    let x = LinearScale::new((0.0, *ticks.last().unwrap_or(&1.0)), (LEFT, W - RIGHT));
    let height = TOP + ROW * props.results.len() as f64 + 4.0;
    let rows = props
        .results
        .values()
        .enumerate()
        .map(|(i, r)| row(i, r, main_ms, &x, lang));
    let summary: Vec<String> = props
        .results
        .values()
        .map(|r| format!("{} {}", r.executor.tag(), format_duration(r.output.wall_ms)))
        .collect();
    html! {
        <figure class="wall-figure timeline-figure" id="wall-chart">
            <figcaption><strong>{ T::WallTimes.get(lang) }</strong>{ " — " }<span class="help">{ T::WallSplit.get(lang) }</span></figcaption>
            <svg class="wall-chart timeline" id={props.id.clone()} role="img" aria-label={T::WallAria.fill(lang, &[&summary.join(", ")])}
                width={W.to_string()} height={height.to_string()} viewBox={format!("0 0 {W} {height}")}>
                <defs>{ super::timeline::patterns("wall") }</defs>
                { for ticks.iter().map(|&t| html! {
                    <g class="tick">
                        <line class="tick-line" x1={format!("{:.1}", x.map(t))} x2={format!("{:.1}", x.map(t))} y1={(TOP - 6.0).to_string()} y2={height.to_string()} />
                        <text class="tick-label" x={format!("{:.1}", x.map(t))} y="12" text-anchor="middle">{ format_duration_ms(t, step) }</text>
                    </g>
                }) }
                { for rows }
            </svg>
            <ul class="timeline-legend">
                <li><svg class="swatch" width="22" height="14" aria-hidden="true"><rect class="part part-compute" x="1" y="1" width="20" height="12" fill="currentColor" /></svg>{ kind_label(SpanKind::Compute, lang) }</li>
                <li><svg class="swatch" width="22" height="14" aria-hidden="true"><rect class="part part-io" x="1" y="1" width="20" height="12" fill="url(#wall-io)" /></svg>{ T::KindIo.get(lang) + " / " + &T::KindWait.get(lang) }</li>
                <li><svg class="swatch" width="22" height="14" aria-hidden="true"><rect class="part part-copy" x="1" y="1" width="20" height="12" fill="url(#wall-copy)" /></svg>{ kind_label(SpanKind::Copy, lang) }</li>
                <li><svg class="swatch" width="22" height="14" aria-hidden="true"><rect class="part part-overhead" x="1" y="1" width="20" height="12" fill="currentColor" /></svg>{ T::Overhead.get(lang) }</li>
            </ul>
            <ExportButtons svg_id={props.id.to_string()} name="wall-times" lang={lang} />
        </figure>
    }
}
