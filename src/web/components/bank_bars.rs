//! The bank visit over time: the teller's service, the customer's busy stretches (spinning or
//! side jobs), each glance, the call and the result, with a cursor at the moment shown.

use yew::prelude::*;

use crate::bank_scene::view::{span_ms, stretches, Activity};
use crate::bank_scene::RunLog;
use crate::i18n::bank_scene::SceneText as T;
use crate::i18n::Texts;
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub log: RunLog,
    /// The moment shown, on the page's clock.
    pub at_ms: f64,
    pub lang: Lang,
}

const LEFT: f64 = 125.0;
const WIDTH: f64 = 640.0;
const TELLER_Y: f64 = 8.0;
const CUSTOMER_Y: f64 = 38.0;
const ROW_H: f64 = 20.0;

#[function_component(BankBars)]
pub fn bank_bars(props: &Props) -> Html {
    let log = &props.log;
    let lang = props.lang;
    let span = span_ms(log, props.at_ms);
    let x = |ms: f64| LEFT + (ms / span).clamp(0.0, 1.0) * (WIDTH - LEFT - 10.0);
    let rel = |t: f64| t - log.start_ms;
    let shown = |t: f64| t <= props.at_ms;
    let bars = stretches(log, props.at_ms).into_iter().map(|s| {
        let (class, y) = match s.activity {
            Activity::Service => ("bar-service", TELLER_Y),
            Activity::Spin => ("bar-spin", CUSTOMER_Y),
            Activity::Job => ("bar-job", CUSTOMER_Y),
        };
        let w = (x(s.to_ms) - x(s.from_ms)).max(1.0);
        html! { <rect class={class} x={x(s.from_ms).to_string()} y={y.to_string()}
        width={w.to_string()} height={ROW_H.to_string()} /> }
    });
    let polls = log.polls.iter().filter(|p| shown(p.at_ms)).map(|p| {
        let px = x(rel(p.at_ms));
        html! { <line class={classes!("mark-poll", p.ready.then_some("ready"))}
        x1={px.to_string()} x2={px.to_string()}
        y1={(CUSTOMER_Y - 4.0).to_string()} y2={(CUSTOMER_Y + ROW_H + 4.0).to_string()} /> }
    });
    let line = |t: Option<f64>, class: &'static str| match t.filter(|&t| shown(t)) {
        Some(t) => {
            let px = x(rel(t));
            html! { <line class={class} x1={px.to_string()} x2={px.to_string()} y1="2" y2="66" /> }
        }
        None => html! {},
    };
    let cursor = log.started().then(|| x(rel(props.at_ms).clamp(0.0, span)));
    html! {
        <figure class="bank-bars">
            <svg viewBox={format!("0 0 {WIDTH} 86")} role="img" aria-label={T::BarCustomer.get(lang)}>
                <text class="label" x="4" y={(TELLER_Y + 14.0).to_string()}>{ T::BarTeller.get(lang) }</text>
                <text class="label" x="4" y={(CUSTOMER_Y + 14.0).to_string()}>{ T::BarCustomer.get(lang) }</text>
                <rect class="track" x={LEFT.to_string()} y={TELLER_Y.to_string()} width={(WIDTH - LEFT - 10.0).to_string()} height={ROW_H.to_string()} />
                <rect class="track" x={LEFT.to_string()} y={CUSTOMER_Y.to_string()} width={(WIDTH - LEFT - 10.0).to_string()} height={ROW_H.to_string()} />
                { for bars }
                { for polls }
                { line(log.called_ms, "mark-call") }
                { line(log.result_ms, "mark-result") }
                if let Some(cx) = cursor {
                    <line class="cursor" x1={cx.to_string()} x2={cx.to_string()} y1="0" y2="70" />
                }
                <text class="tick" x={LEFT.to_string()} y="82">{ "0" }</text>
                <text class="tick" x={(WIDTH - 10.0).to_string()} y="82" text-anchor="end">{ format!("{span:.0} ms") }</text>
            </svg>
            <figcaption>
                <ul class="bank-legend">
                    <li><span class="swatch bar-service" />{ T::LegendService.get(lang) }</li>
                    <li><span class="swatch bar-spin" />{ T::LegendSpin.get(lang) }</li>
                    <li><span class="swatch bar-job" />{ T::LegendJob.get(lang) }</li>
                    <li><span class="swatch mark-poll" />{ T::LegendPoll.get(lang) }</li>
                    <li><span class="swatch mark-call" />{ T::LegendCall.get(lang) }</li>
                    <li><span class="swatch mark-result" />{ T::LegendResult.get(lang) }</li>
                </ul>
            </figcaption>
        </figure>
    }
}
