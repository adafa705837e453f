//! The wall-time chart's geometry and words: one bar per run, split into computing / waiting /
//! copying / starting / overhead, with a note saying how long it took and how it compares with
//! the main thread. Two layouts: `Wide` puts each run's name left of its bar; `Narrow` (a
//! phone) puts it above, so the chart fits 380 units and its text stays readable when scaled to
//! the screen.

use super::{format_duration, format_duration_ms, nice_ticks, LinearScale};
use crate::engine::breakdown::Breakdown;
use crate::i18n::visuals::VisualsText as T;
use crate::i18n::Texts;
use crate::link::Lang;

/// One run as the chart needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The executor's tag (`main`, `pool`, …), for the row's data attribute.
    pub tag: &'static str,
    /// The executor's name, in the page's language.
    pub label: String,
    pub wall_ms: f64,
    pub breakdown: Breakdown,
    /// The answer in words (`664,579 primes below 10,000,000`).
    pub summary: String,
    /// This run is the main thread's (never compared with itself).
    pub is_main: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Wide,
    Narrow,
}

impl Layout {
    /// The layout for a viewport this many CSS pixels wide.
    pub fn for_width(px: f64) -> Layout {
        if px > 0.0 && px < 600.0 {
            Layout::Narrow
        } else {
            Layout::Wide
        }
    }
}

/// What one part of a bar stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Compute,
    Wait,
    Copy,
    /// Waiting for new workers (processes) to start.
    Start,
    Overhead,
}

impl Part {
    pub const ALL: [Part; 5] = [
        Part::Compute,
        Part::Wait,
        Part::Copy,
        Part::Start,
        Part::Overhead,
    ];

    /// The CSS class suffix and pattern name (`part-compute`, `url(#wall-io)`).
    pub fn class(self) -> &'static str {
        match self {
            Part::Compute => "compute",
            Part::Wait => "io",
            Part::Copy => "copy",
            Part::Start => "start",
            Part::Overhead => "overhead",
        }
    }

    fn ms(self, b: &Breakdown) -> f64 {
        match self {
            Part::Compute => b.compute_ms,
            Part::Wait => b.wait_ms,
            Part::Copy => b.copy_ms,
            Part::Start => b.start_ms,
            Part::Overhead => b.overhead_ms,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub part: Part,
    pub x: f64,
    pub width: f64,
    pub ms: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub x: f64,
    pub y: f64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub tag: &'static str,
    pub label: Text,
    /// `end` when the label sits left of the bar, `start` when above it.
    pub label_anchor: &'static str,
    pub bar_y: f64,
    pub segments: Vec<Segment>,
    /// One line beside a wide bar; two under a narrow one.
    pub notes: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    /// Where tick lines start (just under their labels).
    pub tick_top: f64,
    pub ticks: Vec<Tick>,
    pub rows: Vec<Row>,
}

pub const BAR_H: f64 = 18.0;
const TOP: f64 = 22.0;

struct Frame {
    width: f64,
    left: f64,
    right: f64,
    row: f64,
}

impl Layout {
    fn frame(self) -> Frame {
        match self {
            Layout::Wide => Frame {
                width: 880.0,
                left: 270.0,
                right: 40.0,
                row: 40.0,
            },
            Layout::Narrow => Frame {
                width: 380.0,
                // Room for the first tick's label ("0 s"), centred on the axis's start.
                left: 16.0,
                right: 24.0,
                row: 72.0,
            },
        }
    }
}

/// How this run compares with the main thread's `main_ms`, in words: "faster" or "slower", the
/// ratio always at least 1, so a learner never reads "0.51× faster". `None` for the main thread
/// itself or when either time is unknown.
pub fn versus_main(lang: Lang, main_ms: Option<f64>, run: &Run) -> Option<String> {
    let main_ms = main_ms.filter(|m| m.is_finite() && *m > 0.0)?;
    if run.is_main || !(run.wall_ms.is_finite() && run.wall_ms > 0.0) {
        return None;
    }
    let ratio = main_ms / run.wall_ms;
    let shown = |r: f64| format!("{r:.2}");
    Some(if shown(ratio) == "1.00" {
        T::SameAsMain.get(lang)
    } else if ratio > 1.0 {
        T::FasterThanMain.fill(lang, &[&shown(ratio)])
    } else {
        T::SlowerThanMain.fill(lang, &[&shown(1.0 / ratio)])
    })
}

/// The chart for `runs` (in the order given) in `layout`.
pub fn chart(runs: &[Run], lang: Lang, layout: Layout) -> Chart {
    let f = layout.frame();
    let main_ms = runs.iter().find(|r| r.is_main).map(|r| r.wall_ms);
    let longest = runs
        .iter()
        .map(|r| r.wall_ms)
        .filter(|ms| ms.is_finite())
        .fold(0.0, f64::max);
    let ticks = nice_ticks(0.0, longest, if layout == Layout::Wide { 6 } else { 4 });
    let step = ticks.get(1).copied().unwrap_or(1.0) - ticks[0];
    let x = LinearScale::new(
        (0.0, *ticks.last().unwrap_or(&1.0)),
        (f.left, f.width - f.right),
    );
    let rows = runs
        .iter()
        .enumerate()
        .map(|(i, run)| {
            let y = TOP + i as f64 * f.row;
            let bar_y = if layout == Layout::Wide { y } else { y + 18.0 };
            let mut at = 0.0;
            let segments = Part::ALL
                .iter()
                .map(|&part| (part, part.ms(&run.breakdown)))
                .filter(|(_, ms)| *ms > 0.0)
                .map(|(part, ms)| {
                    let (a, z) = (x.map(at), x.map(at + ms));
                    at += ms;
                    Segment {
                        part,
                        x: a,
                        width: (z - a).max(0.5),
                        ms,
                    }
                })
                .collect();
            let took = format_duration(run.wall_ms);
            let versus = versus_main(lang, main_ms, run);
            let note = |y: f64, parts: Vec<&str>| Text {
                x: f.left + if layout == Layout::Wide { 4.0 } else { 0.0 },
                y,
                text: parts.join(" · "),
            };
            let below = bar_y + BAR_H + 13.0;
            let (label, label_anchor, notes) = match layout {
                Layout::Wide => (
                    Text {
                        x: f.left - 8.0,
                        y: y + 13.0,
                        text: run.label.clone(),
                    },
                    "end",
                    vec![note(
                        below,
                        [Some(took.as_str()), Some(&run.summary), versus.as_deref()]
                            .into_iter()
                            .flatten()
                            .collect(),
                    )],
                ),
                Layout::Narrow => (
                    Text {
                        x: f.left,
                        y: y + 13.0,
                        text: run.label.clone(),
                    },
                    "start",
                    vec![
                        note(
                            below,
                            [Some(took.as_str()), versus.as_deref()]
                                .into_iter()
                                .flatten()
                                .collect(),
                        ),
                        note(below + 15.0, vec![&run.summary]),
                    ],
                ),
            };
            Row {
                tag: run.tag,
                label,
                label_anchor,
                bar_y,
                segments,
                notes,
            }
        })
        .collect();
    Chart {
        width: f.width,
        height: TOP + f.row * runs.len() as f64 + 4.0,
        tick_top: TOP - 6.0,
        ticks: ticks
            .iter()
            .map(|&t| Tick {
                x: x.map(t),
                label: format_duration_ms(t, step),
            })
            .collect(),
        rows,
    }
}

#[cfg(test)]
mod tests;
