//! What each run says (`insight`), as cards under the results: utilisation, load balance,
//! parallel efficiency, the concurrency strip, where each thread's time went, and "why not
//! N×?". A card's figures can highlight the spans behind them on the timelines above.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::labels;
use crate::app_state::RunRecord;
use crate::chart::format_duration;
use crate::executor::Executor;
use crate::i18n::insights::InsightText as I;
use crate::i18n::Texts;
use crate::insight::gil::gil_view;
use crate::insight::{insights, Band, Insights, Loss, ThreadTime, WaitReason};
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub results: BTreeMap<Executor, RunRecord>,
    #[prop_or_default]
    pub lang: Lang,
}

pub(super) fn pct(f: f64) -> String {
    format!("{:.0}%", f * 100.0)
}

fn band_text(b: Band, lang: Lang) -> String {
    match b {
        Band::Poor => I::BandPoor,
        Band::Fair => I::BandFair,
        Band::Good => I::BandGood,
    }
    .get(lang)
}

pub(super) fn lane_text(lane: Option<crate::engine::Lane>, lang: Lang) -> String {
    // Named as on the timelines.
    super::timeline::lane_name(lane.unwrap_or(crate::engine::Lane::Main), lang)
}

/// "why not N×?" in words, with the span kinds behind it (for highlighting).
fn loss_text(loss: &Loss, i: &Insights, lang: Lang) -> (String, &'static [&'static str]) {
    let share = pct(loss.ms() / i.thread_ms.max(f64::MIN_POSITIVE));
    let ms = format_duration(loss.ms());
    match *loss {
        Loss::Waiting {
            reason: WaitReason::Gil,
            ..
        } => (I::LossGil.fill(lang, &[&share, &ms]), &["wait"]),
        Loss::Waiting { .. } => (I::LossLock.fill(lang, &[&share, &ms]), &["wait"]),
        Loss::Io { .. } => (I::LossIo.fill(lang, &[&share, &ms]), &["io"]),
        Loss::Copying { .. } => (I::LossCopy.fill(lang, &[&share, &ms]), &["copy"]),
        Loss::Starting { .. } => (I::LossStart.fill(lang, &[&share, &ms]), &["start"]),
        Loss::IdleTail { lane, .. } => (
            I::LossTail.fill(lang, &[&lane_text(Some(lane), lang), &ms]),
            &[],
        ),
        Loss::SlowerWork {
            busy_ms,
            one_thread_ms,
            ..
        } => (
            I::LossSlower.fill(
                lang,
                &[
                    &ms,
                    &format_duration(busy_ms),
                    &format_duration(one_thread_ms),
                ],
            ),
            &["compute", "locked"],
        ),
        Loss::Overhead { per_task_us, .. } => (
            I::LossOverhead.fill(lang, &[&share, &ms, &format_duration(per_task_us / 1e3)]),
            &[],
        ),
    }
}

#[function_component(InsightCards)]
pub fn insight_cards(props: &Props) -> Html {
    let lang = props.lang;
    let one_thread_ms = props
        .results
        .get(&Executor::Main)
        .filter(|r| r.output.end == crate::engine::RunEnd::Completed)
        .map(|r| r.output.wall_ms);
    if props.results.is_empty() {
        return html! {};
    }
    let cards = props.results.values().map(|r| {
        let baseline = one_thread_ms.filter(|_| r.executor != Executor::Main);
        let i = insights(
            r.executor,
            &r.output.spans,
            r.output.wall_ms,
            r.output.outcomes.len(),
            baseline,
        );
        card(r.executor, &i, r, lang)
    });
    html! {
        <section class="insights" aria-labelledby="insights-heading">
            <h3 id="insights-heading">{ I::Heading.get(lang) }</h3>
            <div class="insight-cards">{ for cards }</div>
        </section>
    }
}

/// The span kinds of computing (with or without a lock held).
const COMPUTING: &[&str] = &["compute", "locked"];

/// A button that highlights (or, pressed again, clears) `run`'s spans of `kinds` on its
/// timeline.
fn highlight_button(run: &'static str, kinds: &'static [&'static str], lang: Lang) -> Html {
    let onclick = Callback::from(move |_: MouseEvent| {
        crate::web::highlight::highlight_spans(run, kinds);
    });
    html! {
        <button class="secondary small" data-role="highlight" data-kinds={kinds.join(" ")} {onclick}>
            { I::Highlight.get(lang) }
        </button>
    }
}

/// One figure: its text, its band, how it is computed, and (if given) a button that
/// highlights the spans it is computed from on the run's timeline.
fn figure(
    role: &str,
    text: String,
    band: Option<Band>,
    help: String,
    spans_of: Option<&'static str>,
    lang: Lang,
) -> Html {
    html! {
        <div class="insight-figure" data-role={role.to_string()} data-band={band.map(Band::tag)}>
            <strong>{ text }</strong>
            if let Some(b) = band {
                <span class={classes!("band", b.tag())}>{ band_text(b, lang) }</span>
            }
            <p class="help">{ help }</p>
            if let Some(run) = spans_of {
                { highlight_button(run, COMPUTING, lang) }
            }
        </div>
    }
}

fn card(executor: Executor, i: &Insights, record: &RunRecord, lang: Lang) -> Html {
    let tag = executor.tag();
    let switch_ms = record
        .switch_ms
        .unwrap_or(crate::engine::gil::SWITCH_INTERVAL_MS);
    let gil = (executor == Executor::Gil)
        .then(|| gil_view(&record.output.spans, record.output.wall_ms, switch_ms));
    let threads = i.threads.to_string();
    let efficiency = match (i.efficiency, i.speedup) {
        (Some(e), Some(s)) => figure(
            "efficiency",
            I::Efficiency.fill(lang, &[&pct(e)]),
            Some(Band::of(e)),
            I::EfficiencyHelp.fill(lang, &[&format!("{s:.2}"), &threads]),
            None,
            lang,
        ),
        _ if executor == Executor::Main => html! {},
        _ => {
            html! { <p class="help" data-role="efficiency">{ I::EfficiencyUnknown.get(lang) }</p> }
        }
    };
    // A loss under 5% of thread time is noise, not a reason.
    let (why, kinds) = match &i.largest_loss {
        Some(loss) if loss.ms() >= 0.05 * i.thread_ms => loss_text(loss, i, lang),
        _ => (I::NoLoss.fill(lang, &[&pct(i.utilisation)]), &[][..]),
    };
    let why_heading = if i.threads > 1 {
        I::WhyNot.fill(lang, &[&threads])
    } else {
        I::NotComputing.get(lang)
    };
    html! {
        <article class="insight-card" data-executor={tag}>
            <h4>{ labels::executor(tag, lang) }{ format!(" · {}", format_duration(i.wall_ms)) }</h4>
            { figure("utilisation", I::Utilisation.fill(lang, &[&pct(i.utilisation)]), Some(Band::of(i.utilisation)),
                I::UtilisationHelp.fill(lang, &[&threads, &format_duration(i.wall_ms), &pct(i.utilisation)]), Some(tag), lang) }
            if i.threads > 1 {
                { figure("load-balance", I::LoadBalance.fill(lang, &[&pct(i.load_balance)]), Some(Band::of(i.load_balance)),
                    I::LoadBalanceHelp.get(lang), Some(tag), lang) }
            }
            { efficiency }
            <div class="insight-figure" data-role="at-once" data-most={i.most_at_once.to_string()}>
                <strong>{ I::AtOnce.fill(lang, &[&i.most_at_once]) }</strong>
                { strip(i, lang) }
                { highlight_button(tag, COMPUTING, lang) }
            </div>
            if executor != Executor::Main {
                <div class="insight-figure why" data-role="why-not">
                    <strong>{ why_heading }</strong>
                    <p>{ why }</p>
                    if !kinds.is_empty() {
                        { highlight_button(tag, kinds, lang) }
                    }
                </div>
            }
            { super::insight_gil::convoy(record, switch_ms, lang) }
            { threads_chart(&i.per_thread, i.wall_ms, lang) }
            if let Some(gil) = gil {
                { super::insight_gil::gil_section(&gil, i.wall_ms, switch_ms, lang) }
            }
        </article>
    }
}

/// The share of the wall time at each number of threads computing.
fn strip(i: &Insights, lang: Lang) -> Html {
    let items = i.levels.iter().filter(|l| l.ms > 0.0).map(|l| {
        html! {
            <li data-level={l.computing.to_string()} data-share={format!("{:.4}", l.share)}>
                { I::StripLevel.fill(lang, &[&l.computing, &pct(l.share)]) }
            </li>
        }
    });
    html! { <ul class="strip-levels">{ for items }</ul> }
}

/// One stacked bar per thread: computing, waiting, IO, copying, starting, idle.
fn threads_chart(threads: &[ThreadTime], wall_ms: f64, lang: Lang) -> Html {
    const W: f64 = 240.0;
    const ROW: f64 = 18.0;
    let label_w = 90.0;
    let height = ROW * threads.len() as f64 + 4.0;
    let scale = if wall_ms > 0.0 { W / wall_ms } else { 0.0 };
    let rows = threads.iter().enumerate().map(|(k, t)| {
        let y = k as f64 * ROW + 2.0;
        let mut x = label_w;
        let parts = [
            ("busy", t.busy_ms),
            ("wait", t.waiting_ms),
            ("io", t.io_ms),
            ("copy", t.copying_ms),
            ("start", t.starting_ms),
            ("idle", t.idle_ms),
        ];
        let rects = parts.iter().filter(|(_, ms)| *ms > 0.0).map(|(class, ms)| {
            let w = ms * scale;
            let r = html! {
                <rect class={classes!("part", *class)} x={format!("{x:.1}")} y={format!("{y:.1}")}
                    width={format!("{w:.1}")} height={(ROW - 5.0).to_string()}>
                    <title>{ format!("{}: {}", part_name(class, lang), format_duration(*ms)) }</title>
                </rect>
            };
            x += w;
            r
        });
        html! {
            <g class="thread-row" data-busy-ms={format!("{:.3}", t.busy_ms)}>
                <text x={(label_w - 6.0).to_string()} y={format!("{:.1}", y + ROW - 7.0)} text-anchor="end">{ lane_text(t.lane, lang) }</text>
                { for rects }
            </g>
        }
    });
    let started = threads.iter().any(|t| t.starting_ms > 0.0);
    let legend = ["busy", "wait", "io", "copy", "start", "idle"]
        .into_iter()
        .filter(|&c| c != "start" || started)
        .map(|c| {
            html! { <li><span class={classes!("swatch", c)} aria-hidden="true"></span>{ part_name(c, lang) }</li> }
        });
    html! {
        <figure class="thread-time">
            <figcaption>{ I::WhereTime.get(lang) }</figcaption>
            <svg class="thread-bars" viewBox={format!("0 0 {} {height}", label_w + W + 4.0)} role="img"
                aria-label={I::WhereTime.get(lang)}>
                { for rows }
            </svg>
            <ul class="thread-legend">{ for legend }</ul>
        </figure>
    }
}

fn part_name(class: &str, lang: Lang) -> String {
    match class {
        "busy" => I::Busy,
        "wait" => I::Waiting,
        "io" => I::Io,
        "copy" => I::Copying,
        "start" => I::Starting,
        _ => I::Idle,
    }
    .get(lang)
}
