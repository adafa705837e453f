//! The bank scene's picture at one moment: the counter and its teller, the line, the bench, the
//! side table, and where the customer is and what they are doing (from `bank_scene::view`).

use yew::prelude::*;

use crate::bank_scene::view::{Doing, Place, Snapshot};
use crate::bank_scene::Mode;
use crate::i18n::bank_scene::SceneText as T;
use crate::i18n::Texts;
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub mode: Mode,
    pub snapshot: Snapshot,
    pub lang: Lang,
}

/// The customer's spot for each place (x, y of the head).
fn spot(place: Place) -> (f64, f64) {
    match place {
        Place::Counter => (215.0, 112.0),
        Place::InLine => (265.0, 112.0),
        Place::Bench => (450.0, 128.0),
        Place::SideTable => (565.0, 128.0),
    }
}

/// A person: head and body.
fn person(x: f64, y: f64, class: &'static str) -> Html {
    html! {
        <g class={classes!("person", class)}>
            <circle cx={x.to_string()} cy={y.to_string()} r="11" />
            <rect x={(x - 12.0).to_string()} y={(y + 13.0).to_string()} width="24" height="34" rx="8" />
        </g>
    }
}

/// A speech bubble above (x, y).
fn bubble(x: f64, y: f64, text: String, class: &'static str) -> Html {
    html! {
        <g class={classes!("bubble", class)}>
            <text x={x.to_string()} y={(y - 22.0).to_string()} text-anchor="middle">{ text }</text>
        </g>
    }
}

#[function_component(BankPicture)]
pub fn bank_picture(props: &Props) -> Html {
    let s = props.snapshot;
    let lang = props.lang;
    let (x, y) = spot(s.place);
    let doing = match s.doing {
        Doing::NotStarted => "not-started",
        Doing::Idle => "idle",
        Doing::Spinning => "spinning",
        Doing::Glancing => "glancing",
        Doing::Working => "working",
        Doing::Served => "served",
    };
    // The spinner turns with the recorded time: on a frozen page it stands still.
    let angle = (s.elapsed_ms * 0.72) % 360.0;
    let ticket = !props.mode.is_sync() && s.doing != Doing::NotStarted;
    html! {
        <svg class="bank-picture" viewBox="0 0 640 220" role="img"
            aria-label={T::Title.get(lang)} data-doing={doing}
            data-place={format!("{:?}", s.place).to_lowercase()}>
            // The counter and the teller, with the service's progress above.
            <rect class="counter" x="40" y="140" width="150" height="28" rx="3" />
            { person(115.0, 96.0, "teller") }
            <text class="label" x="115" y="188" text-anchor="middle">{ T::Teller.get(lang) }</text>
            <rect class="service-track" x="40" y="30" width="150" height="8" rx="4" />
            <rect class="service-done" x="40" y="30" width={(150.0 * s.service).to_string()} height="8" rx="4" />
            // The others in line, and the places the customer may wait.
            { person(320.0, 112.0, "other") }
            { person(360.0, 112.0, "other") }
            <text class="label" x="345" y="188" text-anchor="middle">{ T::Line.get(lang) }</text>
            <rect class="bench" x="410" y="170" width="80" height="8" rx="3" />
            <text class="label" x="450" y="200" text-anchor="middle">{ T::Bench.get(lang) }</text>
            <rect class="desk" x="525" y="165" width="90" height="10" rx="3" />
            <text class="label" x="570" y="200" text-anchor="middle">{ T::Desk.get(lang) }</text>
            // The customer.
            { person(x, y, "you") }
            <text class="label you-label" x={x.to_string()} y={(y + 64.0).to_string()} text-anchor="middle">{ T::You.get(lang) }</text>
            if ticket {
                <g class="ticket">
                    <rect x={(x + 14.0).to_string()} y={(y + 14.0).to_string()} width="34" height="16" rx="2" />
                    <text x={(x + 31.0).to_string()} y={(y + 26.0).to_string()} text-anchor="middle">{ "#42" }</text>
                </g>
            }
            {
                match s.doing {
                    Doing::Spinning => html! {
                        <>
                            <path class="spinner" d="M 0 -18 A 18 18 0 0 1 18 0"
                                transform={format!("translate({x} {y}) rotate({angle:.0})")} />
                            <text class="frozen" x="320" y="20" text-anchor="middle">{ T::Frozen.get(lang) }</text>
                        </>
                    },
                    Doing::Glancing => bubble(x, y, T::Glance.get(lang), "glance"),
                    Doing::Working => bubble(x, y, format!("⚙ {}", s.jobs + 1), "work"),
                    Doing::Idle => bubble(x, y, "…".into(), "idle"),
                    Doing::Served => bubble(x, y, T::Served.get(lang), "served"),
                    Doing::NotStarted => html! {},
                }
            }
            if s.calling {
                <text class="call" x="115" y="20" text-anchor="middle">{ format!("🔔 {}", T::Calling.get(lang)) }</text>
            }
            <text class="elapsed" x="630" y="20" text-anchor="end">{ T::Elapsed.fill(lang, &[&format!("{:.0}", s.elapsed_ms)]) }</text>
        </svg>
    }
}
