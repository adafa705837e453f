//! The thread sweep as a chart: measured speedup against threads, the ideal line, the logical
//! processor count, and Amdahl's law fitted to the points up to that count.

use yew::prelude::*;

use crate::chart::scale::{nice_ticks, LinearScale};
use crate::i18n::results::SweepText as S;
use crate::i18n::Texts;
use crate::sweep::{SerialTrend, Sweep};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub sweep: Sweep,
    pub logical_processors: Option<usize>,
    /// Starts a new sweep.
    pub on_start: Callback<()>,
    /// Its own start button (a lesson step's Run starts it instead).
    #[prop_or(true)]
    pub start_button: bool,
    pub disabled: bool,
    #[prop_or_default]
    pub lang: crate::link::Lang,
}

const W: f64 = 640.0;
const H: f64 = 300.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

fn polyline(points: &[(f64, f64)], x: &LinearScale, y: &LinearScale) -> String {
    points
        .iter()
        .map(|&(a, b)| format!("{:.1},{:.1}", x.map(a), y.map(b)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The grid with its speedup labels, and the thread counts under the axis.
fn axes(y_ticks: &[f64], counts: &[usize], x: &LinearScale, y: &LinearScale) -> Html {
    html! {
        <>
        { for y_ticks.iter().map(|&t| html! {
            <g>
                <line class="grid" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()}
                    y1={y.map(t).to_string()} y2={y.map(t).to_string()} />
                <text class="tick-label" x={(LEFT - 6.0).to_string()} y={(y.map(t) + 4.0).to_string()} text-anchor="end">
                    { format!("{t}×") }
                </text>
            </g>
        }) }
        { for counts.iter().map(|&t| html! {
            <text class="tick-label" x={x.map(t as f64).to_string()} y={(H - BOTTOM + 16.0).to_string()} text-anchor="middle">
                { t }
            </text>
        }) }
        </>
    }
}

#[function_component(SweepChart)]
pub fn sweep_chart(props: &Props) -> Html {
    let lang = props.lang;
    let sweep = &props.sweep;
    let counts = sweep.thread_counts();
    let max_threads = *counts.last().unwrap_or(&1) as f64;
    let speedups = sweep.speedups();
    let fit = sweep.amdahl(props.logical_processors);
    let top = speedups
        .iter()
        .map(|p| p.1)
        .chain(props.logical_processors.map(|n| n as f64))
        .fold(2.0_f64, f64::max);
    let y_ticks = nice_ticks(0.0, top * 1.1, 5);
    let x = LinearScale::new((1.0, max_threads.max(2.0)), (LEFT, W - RIGHT));
    let y = LinearScale::new((0.0, *y_ticks.last().unwrap_or(&top)), (H - BOTTOM, TOP));
    let ideal: Vec<(f64, f64)> = (1..=max_threads as usize)
        .map(|t| (t as f64, t as f64))
        .collect();
    let curve = fit
        .as_ref()
        .map(|f| f.curve(max_threads, 48))
        .unwrap_or_default();
    let summary = match &fit {
        Some(f) => S::Serial.fill(lang, &[&format!("{:.1}", f.serial_fraction * 100.0)]),
        None => S::NeedTwo.get(lang),
    };
    html! {
        <section class="sweep" id="sweep">
            <h3>{ S::Title.get(lang) }</h3>
            <p class="help">
                { S::Help.get(lang) }
            </p>
            if props.start_button {
            <button id="sweep-start" onclick={props.on_start.reform(|_: MouseEvent| ())} disabled={props.disabled}>
                { S::Run.get(lang) }
            </button>
            }
            <figure>
                <svg class="sweep-chart" id="sweep-chart-svg" width={W.to_string()} height={H.to_string()} viewBox={format!("0 0 {W} {H}")} role="img"
                    aria-label={format!("Speedup by thread count: {} points. {summary}", speedups.len())}
                    data-points={speedups.len().to_string()}
                    data-serial={fit.as_ref().map(|f| format!("{:.4}", f.serial_fraction))}>
                    { axes(&y_ticks, &counts, &x, &y) }
                    <text class="axis-label" x={((LEFT + W - RIGHT) / 2.0).to_string()} y={(H - 6.0).to_string()} text-anchor="middle">
                        { S::Threads.get(lang) }
                    </text>
                    if let Some(n) = props.logical_processors {
                        <g class="cores">
                            <line x1={x.map(n as f64).to_string()} x2={x.map(n as f64).to_string()}
                                y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                            <text x={(x.map(n as f64) + 4.0).to_string()} y={(TOP + 12.0).to_string()}>
                                { S::Cores.fill(lang, &[&n]) }
                            </text>
                        </g>
                    }
                    <polyline class="ideal" points={polyline(&ideal, &x, &y)} />
                    <polyline class="amdahl" points={polyline(&curve, &x, &y)} />
                    <polyline class="measured" points={polyline(&speedups, &x, &y)} />
                    { for speedups.iter().map(|&(t, s)| html! {
                        <circle class="point" cx={x.map(t).to_string()} cy={y.map(s).to_string()} r="4">
                            <title>{ format!("{t} threads: {s:.2}×") }</title>
                        </circle>
                    }) }
                </svg>
                <figcaption>
                    <span class="key measured">{ S::Measured.get(lang) }</span>
                    <span class="key ideal">{ S::Ideal.get(lang) }</span>
                    <span class="key amdahl">{ S::Amdahl.get(lang) }</span>
                    <span class="summary" id="sweep-summary">{ summary }</span>
                </figcaption>
                <super::export_buttons::ExportButtons svg_id="sweep-chart-svg" name="thread-sweep" lang={props.lang} />
            </figure>
            { diagnosis(sweep, props.logical_processors, lang) }
        </section>
    }
}

/// Per thread count: speedup, efficiency and the Karp–Flatt serial fraction, and what the
/// fraction's trend says (up to the core count).
fn diagnosis(sweep: &Sweep, cores: Option<usize>, lang: crate::link::Lang) -> Html {
    let rows = sweep.diagnosis();
    if rows.len() < 2 {
        return html! {};
    }
    let pct = |f: f64| format!("{:.1}", f * 100.0);
    let trend = match sweep.serial_trend(cores) {
        Some(SerialTrend::Flat { about }) => {
            Some(("flat", S::TrendFlat.fill(lang, &[&pct(about)])))
        }
        Some(SerialTrend::Rising { from, to }) => {
            Some(("rising", S::TrendRising.fill(lang, &[&pct(from), &pct(to)])))
        }
        None => cores
            .filter(|&c| rows.iter().filter(|d| (2..=c).contains(&d.threads)).count() == 1)
            .map(|c| ("one-count", S::TrendOneCount.fill(lang, &[&c]))),
    };
    html! {
        <div class="sweep-diagnosis">
            <table id="sweep-table">
                <thead><tr>
                    <th>{ S::Threads.get(lang) }</th><th>{ S::Speedup.get(lang) }</th>
                    <th>{ S::Efficiency.get(lang) }</th><th>{ S::KarpFlatt.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|d| html! {
                        <tr data-threads={d.threads.to_string()}
                            data-e={d.serial_fraction.map(|e| format!("{e:.4}"))}>
                            <td>{ d.threads }</td>
                            <td>{ format!("{:.2}×", d.speedup) }</td>
                            <td>{ format!("{}%", pct(d.efficiency)) }</td>
                            <td>{ d.serial_fraction.map_or_else(|| "—".to_string(), |e| format!("{}%", pct(e))) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if let Some((tag, text)) = trend {
                <p class="help" id="sweep-trend" data-trend={tag}>{ text }</p>
            }
        </div>
    }
}
