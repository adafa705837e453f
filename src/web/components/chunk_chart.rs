//! The chunk-size sweep as a chart: wall time of the tiny-task workload on the pool against
//! numbers per task (a log axis), the fastest size marked. The sweep is `crate::sweep::ChunkSweep`.

use yew::prelude::*;

use super::export_buttons::ExportButtons;
use crate::chart::{format_duration, format_duration_ms, nice_ticks, LinearScale};
use crate::i18n::visuals::VisualsText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::sweep::ChunkSweep;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub sweep: Option<ChunkSweep>,
    pub on_start: Callback<()>,
    /// Its own start button (a lesson step's Run starts it instead).
    #[prop_or(true)]
    pub start_button: bool,
    pub disabled: bool,
    pub lang: Lang,
}

const W: f64 = 640.0;
const H: f64 = 260.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 32.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;
const ID: &str = "chunk-chart-svg";

#[function_component(ChunkChart)]
pub fn chunk_chart(props: &Props) -> Html {
    let lang = props.lang;
    let empty = ChunkSweep::new(1);
    let sweep = props.sweep.as_ref().unwrap_or(&empty);
    let sizes: Vec<u64> = if props.sweep.is_some() {
        sweep.plan.clone()
    } else {
        Vec::new()
    };
    let log = |c: u64| (c.max(1) as f64).log10();
    let (lo, hi) = (
        sizes.first().map_or(0.0, |&c| log(c)),
        sizes
            .last()
            .map_or(1.0, |&c| log(c))
            .max(sizes.first().map_or(0.0, |&c| log(c)) + 1.0),
    );
    let x = LinearScale::new((lo, hi), (LEFT, W - RIGHT));
    let longest = sweep.points.iter().map(|p| p.1).fold(0.0, f64::max);
    let ticks = nice_ticks(0.0, longest.max(1.0), 5);
    let step = ticks[1] - ticks[0];
    let y = LinearScale::new((0.0, *ticks.last().unwrap_or(&1.0)), (H - BOTTOM, TOP));
    let line: String = sweep
        .points
        .iter()
        .map(|&(c, ms)| format!("{:.1},{:.1} ", x.map(log(c)), y.map(ms)))
        .collect();
    let fastest = sweep.fastest();
    html! {
        <section class="sweep chunk-sweep" id="chunk-sweep">
            <h3>{ T::ChunkSweep.get(lang) }</h3>
            <p class="help">{ T::ChunkSweepHelp.get(lang) }</p>
            if props.start_button {
            <button id="chunk-sweep-start" onclick={props.on_start.reform(|_: MouseEvent| ())} disabled={props.disabled}>
                { T::ChunkStart.get(lang) }
            </button>
            }
            if props.sweep.is_some() {
                <figure class="timeline-figure">
                    <svg class="sweep-chart chunk-chart" id={ID} viewBox={format!("0 0 {W} {H}")} width={W.to_string()} height={H.to_string()}
                        role="img" aria-label={T::ChunkSweep.get(lang)} data-points={sweep.points.len().to_string()}
                        data-planned={sweep.plan.len().to_string()} data-fastest={fastest.map(|f| f.0.to_string())}>
                        { for ticks.iter().map(|&t| html! {
                            <g>
                                <line class="grid" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={format!("{:.1}", y.map(t))} y2={format!("{:.1}", y.map(t))} />
                                <text class="tick-label" x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y.map(t) + 4.0)} text-anchor="end">{ format_duration_ms(t, step) }</text>
                            </g>
                        }) }
                        { for sizes.iter().map(|&c| html! {
                            <text class="tick-label" x={format!("{:.1}", x.map(log(c)))} y={(H - BOTTOM + 16.0).to_string()} text-anchor="middle">{ c }</text>
                        }) }
                        <text class="axis-label" x={((LEFT + W - RIGHT) / 2.0).to_string()} y={(H - 6.0).to_string()} text-anchor="middle">{ T::ChunkAxis.get(lang) }</text>
                        <polyline class="measured" points={line} />
                        { for sweep.points.iter().map(|&(c, ms)| html! {
                            <circle class={classes!("point", (fastest == Some((c, ms))).then_some("fastest"))}
                                cx={format!("{:.1}", x.map(log(c)))} cy={format!("{:.1}", y.map(ms))} r="4" data-chunk={c.to_string()} data-ms={format!("{ms:.3}")}>
                                <title>{ format!("chunk {c}: {}", format_duration(ms)) }</title>
                            </circle>
                        }) }
                    </svg>
                    <ExportButtons svg_id={ID.to_string()} name="chunk-sweep" lang={lang} />
                </figure>
            }
        </section>
    }
}
