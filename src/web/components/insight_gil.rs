//! The GIL's part of a run's insight card: who held the lock when (the GIL lane), hand-overs
//! per second, each thread's ledger; and the convoy workload's IO thread against its
//! prediction.

use yew::prelude::*;

use super::insights::{lane_text, pct};
use crate::app_state::RunRecord;
use crate::chart::format_duration;
use crate::executor::Executor;
use crate::i18n::insights::InsightText as I;
use crate::i18n::Texts;
use crate::insight::gil::GilView;
use crate::link::Lang;

/// Who held the GIL when (a lane of holds, a colour per thread, forced hand-overs outlined),
/// the hand-overs per second, and each thread's ledger.
pub fn gil_section(v: &GilView, wall_ms: f64, switch_ms: f64, lang: Lang) -> Html {
    const W: f64 = 330.0;
    let t0 = v.holds.first().map_or(0.0, |h| h.start_ms);
    let scale = if wall_ms > 0.0 { W / wall_ms } else { 0.0 };
    let lanes: Vec<crate::engine::Lane> = v.ledgers.iter().map(|l| l.lane).collect();
    let (holds, mixed) =
        super::gil_holds::holds(&v.holds, &lanes, |t| (t - t0) * scale, W, (2.0, 14.0), lang);
    // The delay to get the lock back after IO, where a thread did IO.
    let io = v.ledgers.iter().any(|l| l.back_after_io_ms.is_some());
    let rows = v.ledgers.iter().map(|l| {
        let back = l.back_after_io_ms.map_or_else(
            || "—".to_string(),
            |(mean, p95)| format!("{mean:.1} / {p95:.1} ms"),
        );
        html! {
            <tr data-held={format!("{:.4}", l.held)}>
                <td>{ lane_text(Some(l.lane), lang) }</td>
                <td>{ pct(l.held) }</td><td>{ pct(l.waiting) }</td><td>{ pct(l.not_needing) }</td>
                if io {
                    <td>{ back }</td>
                }
            </tr>
        }
    });
    let legend = lanes.iter().enumerate().map(|(k, &lane)| {
        html! { <li><span class={classes!("swatch", format!("holder-{}", k % 4))} aria-hidden="true"></span>{ lane_text(Some(lane), lang) }</li> }
    });
    html! {
        <figure class="gil-view" data-role="gil" data-switches={format!("{:.1}", v.switches_per_s)}
            data-forced={v.forced.to_string()} data-voluntary={v.voluntary.to_string()}>
            <figcaption>{ I::GilLane.get(lang) }</figcaption>
            <svg class="gil-lane" viewBox={format!("0 0 {W} 18")} role="img" aria-label={I::GilLane.get(lang)}>
                { holds }
            </svg>
            <ul class="thread-legend">
                { for legend }
                if mixed {
                    <li><span class="swatch holder-mixed" aria-hidden="true"></span>{ I::GilMixed.get(lang) }</li>
                }
            </ul>
            <p class="help">{ I::GilSwitches.fill(lang, &[&format!("{:.0}", v.switches_per_s), &v.forced, &format_duration(switch_ms), &v.voluntary]) }</p>
            <table class="gil-ledger">
                <thead><tr>
                    <th>{ I::GilThread.get(lang) }</th><th>{ I::GilHeld.get(lang) }</th>
                    <th>{ I::GilWaiting.get(lang) }</th><th>{ I::GilNotNeeding.get(lang) }</th>
                    if io {
                        <th>{ I::GilBack.get(lang) }</th>
                    }
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if io {
                <p class="help">{ I::GilBackHelp.get(lang) }</p>
            }
            <p class="help">{ I::GilFifo.get(lang) }</p>
        </figure>
    }
}

/// The convoy workload's IO thread: measured, alone, and (under the GIL) predicted.
pub fn convoy(record: &RunRecord, switch_ms: f64, lang: Lang) -> Html {
    let answer = &record.output.answer;
    let Some(io_ms) = crate::workload::convoy::io_thread_ms(answer) else {
        return html! {};
    };
    let alone_ms = answer.figure("io_alone_ms").unwrap_or(0.0);
    let ios = answer.value;
    let predicted = (record.executor == Executor::Gil).then_some(alone_ms + ios as f64 * switch_ms);
    html! {
        <div class="insight-figure" data-role="convoy" data-io-ms={format!("{io_ms:.1}")}
            data-alone-ms={format!("{alone_ms:.1}")} data-predicted-ms={predicted.map(|p| format!("{p:.1}"))}>
            <strong>{ I::ConvoyMeasured.fill(lang, &[&ios, &format_duration(io_ms), &format_duration(alone_ms)]) }</strong>
            if let Some(p) = predicted {
                <p class="help">{ I::ConvoyPredicted.fill(lang, &[&ios, &format_duration(switch_ms), &format_duration(p)]) }</p>
            }
        </div>
    }
}
