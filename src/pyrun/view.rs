//! What the Python runner shows, in words, from its [`Session`]: the status line, which buttons
//! are offered, and the notes around the output. `web::components::py_runner` only lays it out.

use super::catalog::Kind;
use super::output::duration;
use super::session::{Outcome, Phase, Session};
use crate::i18n::{python::PyText as T, Texts};
use crate::link::Lang;

/// Where the runner is, as it sets the page's `data-phase` (tests and styles read it).
pub fn phase_tag(phase: &Phase) -> &'static str {
    match phase {
        Phase::Idle => "idle",
        Phase::Loading => "loading",
        Phase::Running => "running",
        Phase::Stopping => "stopping",
        Phase::Finished(Outcome::Completed) => "completed",
        Phase::Finished(Outcome::Raised) => "raised",
        Phase::Finished(Outcome::Interrupted) => "interrupted",
        Phase::Finished(Outcome::Ended) => "ended",
        Phase::LoadFailed(_) => "failed",
    }
}

/// The status line beside the buttons (empty before the first run).
pub fn status(s: &Session, lang: Lang) -> String {
    let took = || duration(s.elapsed_ms.unwrap_or(0.0));
    match &s.phase {
        Phase::Idle => String::new(),
        Phase::Loading => T::Loading.get(lang),
        Phase::Running => T::Running.get(lang),
        Phase::Stopping => T::Stopping.get(lang),
        Phase::Finished(Outcome::Completed) => T::Completed.fill(lang, &[&took()]),
        Phase::Finished(Outcome::Raised) => T::Raised.fill(lang, &[&took()]),
        Phase::Finished(Outcome::Interrupted) => T::Interrupted.get(lang),
        Phase::Finished(Outcome::Ended) => T::Ended.get(lang),
        Phase::LoadFailed(why) => T::LoadFailed.fill(lang, &[why]),
    }
}

/// The facts about the page the runner's view depends on besides its session.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Context {
    pub kind: Kind,
    /// The snippet has an asyncio part that runs live (a recorded snippet's `live.py`).
    pub has_live_part: bool,
    /// The learner's edit is in use (not the lesson's own code).
    pub edited: bool,
    /// The page is cross-origin isolated (shared memory: `time.sleep` waits, Stop interrupts).
    pub isolated: bool,
}

/// The runner's buttons and notes.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub phase: &'static str,
    pub status: String,
    /// Stop instead of Run.
    pub busy: bool,
    pub stop_label: String,
    pub edit_label: String,
    pub reset_label: String,
    /// The Run button's words ("Run anyway" for a recorded snippet).
    pub run_label: String,
    /// Run is the main button (a live part, when there is one, is the main button instead).
    pub run_is_primary: bool,
    /// "Run the asyncio part", for a recorded snippet with one.
    pub live_part_label: Option<String>,
    /// Reset back to the lesson's own code is offered.
    pub can_reset: bool,
    pub edited_note: Option<String>,
    /// Where this Python runs (its version once loaded).
    pub where_note: String,
    pub sleep_note: Option<String>,
    /// Lines changed because the browser cannot run `asyncio.run`.
    pub adapted_notice: Option<String>,
    /// "Click to first output: 1.4 s (cold)".
    pub first_output: Option<String>,
    pub omitted: Option<String>,
}

/// The view of session `s` on a page described by `c`.
pub fn view(s: &Session, c: Context, lang: Lang) -> View {
    let busy = s.busy();
    View {
        phase: phase_tag(&s.phase),
        status: status(s, lang),
        busy,
        stop_label: T::Stop.get(lang),
        edit_label: T::Edit.get(lang),
        reset_label: T::Reset.get(lang),
        run_label: match c.kind {
            Kind::Live => T::Run.get(lang),
            Kind::Recorded => T::RunAnyway.get(lang),
        },
        run_is_primary: !c.has_live_part,
        live_part_label: c.has_live_part.then(|| T::RunLivePart.get(lang)),
        can_reset: c.edited,
        edited_note: c.edited.then(|| T::Edited.get(lang)),
        where_note: match &s.loaded {
            Some(l) => T::LiveNote.fill(lang, &[&l.version]),
            None => T::LiveNoteBefore.get(lang),
        },
        sleep_note: (!c.isolated).then(|| T::SleepBusy.get(lang)),
        adapted_notice: (!s.adapted.is_empty()).then(|| {
            let lines: Vec<String> = s.adapted.iter().map(|n| n.to_string()).collect();
            T::Adapted.fill(lang, &[&lines.join(", ")])
        }),
        first_output: s.first_output_ms.map(|ms| {
            let how = if s.cold { T::Cold } else { T::Warm };
            T::FirstOutput.fill(lang, &[&duration(ms), &how.get(lang)])
        }),
        omitted: (s.omitted > 0).then(|| T::Omitted.fill(lang, &[&s.omitted])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pyrun::output::Stream;
    use crate::pyrun::session::{Event, Loaded};

    const LIVE: Context = Context {
        kind: Kind::Live,
        has_live_part: false,
        edited: false,
        isolated: true,
    };

    fn loaded() -> Loaded {
        Loaded {
            version: "3.14.2".into(),
            stack_switching: false,
            shared_memory: true,
        }
    }

    #[test]
    fn a_cold_run_from_click_to_its_end() {
        let s = Session::default();
        let v = view(&s, LIVE, Lang::En);
        assert_eq!((v.phase, v.status.as_str(), v.busy), ("idle", "", false));
        assert!(v.where_note.contains("loads only when you press Run"));
        assert_eq!(v.first_output, None);

        let s = s.apply(Event::Asked {
            now_ms: 1000.0,
            loaded: false,
        });
        let v = view(&s, LIVE, Lang::En);
        assert_eq!(v.phase, "loading");
        assert!(v.busy, "Stop is offered while Python loads");

        let s = s
            .apply(Event::Ready(loaded()))
            .apply(Event::Started { adapted: vec![7] })
            .apply(Event::Out {
                run: 1,
                t_ms: 1.0,
                stream: Stream::Out,
                text: "hi".into(),
                now_ms: 2400.0,
            })
            .apply(Event::Done {
                run: 1,
                t_ms: 1004.0,
                error: None,
            });
        let v = view(&s, LIVE, Lang::En);
        assert_eq!(v.phase, "completed");
        assert!(!v.busy);
        assert!(v.status.contains("1.00 s"), "{}", v.status);
        assert!(v.where_note.contains("CPython 3.14.2"));
        assert!(v.adapted_notice.unwrap().contains("line 7"));
        let first = v.first_output.unwrap();
        assert!(
            first.contains("1.40 s") && first.contains("loading Python included"),
            "{first}"
        );
    }

    #[test]
    fn a_recorded_snippet_offers_its_live_part_first_and_run_anyway_second() {
        let c = Context {
            kind: Kind::Recorded,
            has_live_part: true,
            ..LIVE
        };
        let v = view(&Session::default(), c, Lang::Zh);
        assert!(!v.run_is_primary);
        assert!(v.live_part_label.is_some());
        assert_eq!(v.run_label, T::RunAnyway.get(Lang::Zh));
        let plain = view(&Session::default(), LIVE, Lang::Zh);
        assert!(plain.run_is_primary && plain.live_part_label.is_none());
        assert_eq!(plain.run_label, T::Run.get(Lang::Zh));
    }

    #[test]
    fn notes_follow_the_edit_and_the_isolation() {
        let c = Context {
            edited: true,
            isolated: false,
            ..LIVE
        };
        let v = view(&Session::default(), c, Lang::En);
        assert!(v.can_reset && v.edited_note.is_some());
        assert!(v.sleep_note.unwrap().contains("busy wait"));
        let v = view(&Session::default(), LIVE, Lang::En);
        assert!(!v.can_reset && v.edited_note.is_none() && v.sleep_note.is_none());
    }

    #[test]
    fn every_phase_has_its_own_tag() {
        let phases = [
            Phase::Idle,
            Phase::Loading,
            Phase::Running,
            Phase::Stopping,
            Phase::Finished(Outcome::Completed),
            Phase::Finished(Outcome::Raised),
            Phase::Finished(Outcome::Interrupted),
            Phase::Finished(Outcome::Ended),
            Phase::LoadFailed("x".into()),
        ];
        let tags: std::collections::BTreeSet<_> = phases.iter().map(phase_tag).collect();
        assert_eq!(tags.len(), phases.len());
    }
}
