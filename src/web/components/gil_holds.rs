//! Who held the GIL when, as a row of marks: one per hold, coloured by its thread, forced
//! hand-overs outlined. Drawn above a GIL run's lanes on the timeline and in its insight card.
//! A row keeps about one mark per pixel (`timeline::thin`): holds too dense to tell apart are
//! one mark, in their thread's colour if they were all one thread's and grey if not, and its
//! tooltip counts them.

use yew::prelude::*;

use super::timeline::lane_name;
use crate::chart::format_duration;
use crate::engine::Lane;
use crate::i18n::insights::InsightText as I;
use crate::i18n::Texts;
use crate::insight::gil::{Hold, Release};
use crate::link::Lang;
use crate::timeline::thin::per_pixel;

/// The row: `x` maps a time (ms, as the holds') to pixels; `lanes` gives each thread its colour
/// (by its place); `width` is the row's in pixels; each mark is `height` tall from `y`. Also
/// says whether a grey mark (holds by several threads) is among them.
pub fn holds(
    holds: &[Hold],
    lanes: &[Lane],
    x: impl Fn(f64) -> f64,
    width: f64,
    (y, height): (f64, f64),
    lang: Lang,
) -> (Html, bool) {
    let colour = |lane| {
        let k = lanes.iter().position(|&l| l == lane).unwrap_or(0) % 4;
        format!("holder-{k}")
    };
    let px: Vec<(f64, f64)> = holds.iter().map(|h| (x(h.start_ms), x(h.end_ms))).collect();
    let groups = per_pixel(&px, width);
    let mixed = groups
        .iter()
        .any(|g| holds[g.clone()].windows(2).any(|w| w[0].lane != w[1].lane));
    let marks = groups.into_iter().filter_map(|g| {
        let (x0, x1) = (px.get(g.start)?.0, px.get(g.end - 1)?.1);
        let group = &holds[g];
        let (first, last) = (group.first()?, group.last()?);
        let (x, y, width, height) = (
            format!("{x0:.2}"),
            format!("{y:.1}"),
            format!("{:.2}", (x1 - x0).max(0.5)),
            height.to_string(),
        );
        let ms = last.end_ms - first.start_ms;
        if let [h] = group {
            let forced = h.release == Release::Forced;
            let title = format!(
                "{} · {} · {}",
                lane_name(h.lane, lang),
                format_duration(ms),
                release_text(h.release, lang)
            );
            return Some(html! {
                <rect class={classes!(colour(h.lane), forced.then_some("forced"))} {x} {y} {width} {height}
                    data-holder={lane_name(h.lane, lang)} data-release={h.release.tag()} data-ms={format!("{ms:.3}")}>
                    <title>{ title }</title>
                </rect>
            });
        }
        let mut threads: Vec<Lane> = group.iter().map(|h| h.lane).collect();
        threads.sort();
        threads.dedup();
        let forced = group
            .iter()
            .filter(|h| h.release == Release::Forced)
            .count();
        let n = group.len();
        let over = format_duration(ms);
        let (class, title) = match threads[..] {
            [one] => (
                colour(one),
                I::GilMergedOne.fill(lang, &[&n, &lane_name(one, lang), &forced, &over]),
            ),
            _ => (
                "holder-mixed".to_string(),
                I::GilMerged.fill(lang, &[&n, &threads.len(), &forced, &over]),
            ),
        };
        Some(html! {
            <rect class={classes!(class, "merged")} {x} {y} {width} {height} data-holds={n.to_string()}>
                <title>{ title }</title>
            </rect>
        })
    });
    (html! { <>{ for marks }</> }, mixed)
}

fn release_text(r: Release, lang: Lang) -> String {
    match r {
        Release::Forced => I::ReleaseForced,
        Release::Io => I::ReleaseIo,
        Release::Blocked => I::ReleaseBlocked,
        Release::Done => I::ReleaseDone,
    }
    .get(lang)
}
