//! The first visit's card (`welcome`): the same work on the main thread and on the pool, one
//! Run button, a ball the page moves every frame (it stops while the main thread computes and
//! keeps going while the pool does), and what happened in this run's numbers.

use yew::prelude::*;

use crate::chart::format_duration;
use crate::i18n::welcome::WelcomeText as W;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::web::export::reduced_motion;
use crate::web::ticker::Ticker;
use crate::web::visible::Visibility;
use crate::welcome::Outcome;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub outcome: Option<Outcome>,
    pub on_run: Callback<()>,
    pub disabled: bool,
    #[prop_or_default]
    pub lang: Lang,
}

/// The ball moves from the page's own frames: when the main thread is busy, no frame is
/// painted and the ball stands still. DOM attributes are set directly, so the card does not
/// re-render 60 times a second. With reduced motion only the count changes. The frames run
/// only while the ball is on screen: an idle page painting 60 frames a second took about a
/// tenth of a core here (headless Chromium, no GPU), time a pool run beside it lost.
#[hook]
fn use_ball(ball: &NodeRef, count: &NodeRef) {
    let (ball, count) = (ball.clone(), count.clone());
    use_effect_with((), move |_| {
        let still = reduced_motion();
        let frame = Rc::new(Cell::new(0u64));
        let ticker: Rc<RefCell<Option<Ticker>>> = Rc::default();
        let draw = {
            let (ball, count) = (ball.clone(), count.clone());
            move |frame: u64| {
                if let Some(el) = count.cast::<web_sys::Element>() {
                    el.set_text_content(Some(&frame.to_string()));
                }
                if !still {
                    if let Some(el) = ball.cast::<web_sys::Element>() {
                        let phase = (frame as f64) % (2.0 * TRACK);
                        let x = 10.0
                            + 2.0
                                * if phase < TRACK {
                                    phase
                                } else {
                                    2.0 * TRACK - phase
                                };
                        let _ = el.set_attribute("cx", &format!("{x:.0}"));
                    }
                }
            }
        };
        let run = {
            let ticker = ticker.clone();
            move |on: bool| {
                let next = on.then(|| {
                    let (frame, draw) = (frame.clone(), draw.clone());
                    Ticker::start(move || {
                        frame.set(frame.get() + 1);
                        draw(frame.get());
                        true
                    })
                });
                // Dropping the old ticker stops its frames.
                *ticker.borrow_mut() = next;
            }
        };
        let watch = ball
            .cast::<web_sys::Element>()
            .and_then(|el| Visibility::watch(&el, run.clone()));
        if watch.is_none() {
            run(true);
        }
        move || {
            drop(watch);
            ticker.borrow_mut().take();
        }
    });
}

/// Steps across the track before turning back.
const TRACK: f64 = 120.0;

#[function_component(Welcome)]
pub fn welcome(props: &Props) -> Html {
    let lang = props.lang;
    let ball = use_node_ref();
    let count = use_node_ref();
    use_ball(&ball, &count);
    let caption = props.outcome.as_ref().map(|o| caption(o, lang));
    // "{0} frames painted": the count is a live span inside the sentence.
    let template = W::FrameCount.get(lang);
    let (before, after) = template.split_once("{0}").unwrap_or((&template, ""));
    let (before, after) = (before.to_string(), after.to_string());
    html! {
        <section class="welcome" id="welcome" aria-labelledby="welcome-title">
            <h2 id="welcome-title">{ W::Title.get(lang) }</h2>
            <p>{ W::Intro.get(lang) }</p>
            <figure class="alive" data-role="stage">
                <svg viewBox="0 0 260 24" role="img" aria-label={W::Ball.get(lang)}>
                    <line class="track" x1="10" x2="250" y1="12" y2="12" />
                    <circle ref={ball} class="ball" cx="10" cy="12" r="8" />
                </svg>
                <figcaption class="help">
                    { W::Ball.get(lang) }{ " · " }{ before }<span ref={count} data-role="frames">{ "0" }</span>{ after }
                </figcaption>
            </figure>
            <button data-role="run" id="welcome-run" disabled={props.disabled}
                onclick={props.on_run.reform(|_: MouseEvent| ())}>{ W::Run.get(lang) }</button>
            if let Some((kind, text)) = caption {
                <p class="caption" data-role="caption" data-outcome={kind} aria-live="polite">{ text }</p>
                <p class="help">{ W::Next.get(lang) }</p>
            }
        </section>
    }
}

fn caption(o: &Outcome, lang: Lang) -> (&'static str, String) {
    let d = |ms: f64| format_duration(ms);
    match o {
        Outcome::Both {
            main,
            pool,
            speedup,
            no_gain: None,
        } => (
            "both",
            W::Both.fill(
                lang,
                &[
                    &d(main.ms),
                    &main.dropped,
                    &d(main.longest_gap_ms),
                    &pool.threads,
                    &d(pool.ms),
                    &format!("{speedup:.1}"),
                    &pool.dropped,
                ],
            ),
        ),
        Outcome::Both {
            main,
            pool,
            speedup,
            no_gain: Some(cores),
        } => (
            "no-gain",
            // One logical processor explains it; with more, other work had the cores.
            if *cores > 1 { W::NoGainBusy } else { W::NoGain }.fill(
                lang,
                &[
                    &d(main.ms),
                    &main.dropped,
                    &pool.threads,
                    &d(pool.ms),
                    &format!("{speedup:.1}"),
                    cores,
                    &pool.dropped,
                ],
            ),
        ),
        Outcome::MainOnly { main } => (
            "main-only",
            W::MainOnly.fill(lang, &[&d(main.ms), &main.dropped, &d(main.longest_gap_ms)]),
        ),
    }
}
