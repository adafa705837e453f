//! Replaying a recorded run: a playhead moving over the run's time at a chosen speed. Pure
//! state; `web::components::replay` only feeds it animation-frame time and draws the result.
//!
//! Speeds are relative to a *comfortable pace*, not to the wall clock: at 1× a run lasts its
//! real length, but never less than [`MIN_REPLAY_MS`] — a 50 ms run at real speed is over
//! before the eye finds it. So 0.1× turns a 50 ms run into 20 s of replay.

/// Slowest and fastest speeds.
pub const MIN_SPEED: f64 = 0.1;
pub const MAX_SPEED: f64 = 10.0;
/// The speeds the control offers, slowest first.
pub const SPEEDS: [f64; 7] = [0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0];
/// At 1×, a replay lasts at least this long (ms of real time).
pub const MIN_REPLAY_MS: f64 = 2_000.0;
/// A longer pause between two frames (a hidden tab) advances the replay by this much at most,
/// so coming back to the tab does not skip to the end.
pub const MAX_FRAME_STEP_MS: f64 = 100.0;

/// Where a replay is: the playhead `t_ms` (ms since the run's start) on `[0, end_ms]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Replay {
    pub end_ms: f64,
    pub t_ms: f64,
    pub speed: f64,
    pub playing: bool,
}

impl Replay {
    /// A finished run, shown whole (playhead at the end), paused, at 1×.
    pub fn new(end_ms: f64) -> Replay {
        let end_ms = finite_non_negative(end_ms);
        Replay {
            end_ms,
            t_ms: end_ms,
            speed: 1.0,
            playing: false,
        }
    }

    /// Run-ms per real-ms at the current speed.
    pub fn rate(&self) -> f64 {
        self.speed * self.end_ms / self.end_ms.max(MIN_REPLAY_MS)
    }

    /// Starts playing, from the beginning when the playhead is at the end. With reduced motion
    /// the replay does not animate: the playhead jumps to the end at once.
    pub fn play(&mut self, reduced_motion: bool) {
        if reduced_motion {
            self.t_ms = self.end_ms;
            self.playing = false;
            return;
        }
        if self.t_ms >= self.end_ms {
            self.t_ms = 0.0;
        }
        self.playing = self.end_ms > 0.0;
    }

    pub fn pause(&mut self) {
        self.playing = false;
    }

    pub fn toggle(&mut self, reduced_motion: bool) {
        if self.playing {
            self.pause()
        } else {
            self.play(reduced_motion)
        }
    }

    /// Sets the speed, clamped to [`MIN_SPEED`]`..=`[`MAX_SPEED`]; a non-number is ignored.
    pub fn set_speed(&mut self, speed: f64) {
        if speed.is_finite() {
            self.speed = speed.clamp(MIN_SPEED, MAX_SPEED);
        }
    }

    /// Moves the playhead (dragged, typed, a key), clamped to the run; a non-number is ignored.
    pub fn seek(&mut self, t_ms: f64) {
        if t_ms.is_finite() {
            self.t_ms = t_ms.clamp(0.0, self.end_ms);
        }
    }

    /// The run grew (a live run): a playhead at the old end follows the new end.
    pub fn set_end(&mut self, end_ms: f64) {
        let end_ms = finite_non_negative(end_ms);
        let at_end = self.t_ms >= self.end_ms;
        self.end_ms = end_ms;
        self.t_ms = if at_end {
            end_ms
        } else {
            self.t_ms.min(end_ms)
        };
    }

    /// Advances by `real_ms` of real time (one animation frame); stops at the end.
    pub fn advance(&mut self, real_ms: f64) {
        if !self.playing || !(real_ms.is_finite() && real_ms > 0.0) {
            return;
        }
        self.t_ms += real_ms.min(MAX_FRAME_STEP_MS) * self.rate();
        if self.t_ms >= self.end_ms {
            self.t_ms = self.end_ms;
            self.playing = false;
        }
    }

    /// The part of a bar `[start, end]` visible at the playhead: what had happened by then.
    pub fn shown(&self, start_ms: f64, end_ms: f64) -> Option<(f64, f64)> {
        (start_ms <= self.t_ms).then(|| (start_ms, end_ms.min(self.t_ms)))
    }
}

/// How many of the bars whose starts are `starts_sorted` (ascending) have begun by `t_ms`.
pub fn started_by(starts_sorted: &[f64], t_ms: f64) -> usize {
    starts_sorted.partition_point(|&s| s <= t_ms)
}

fn finite_non_negative(v: f64) -> f64 {
    if v.is_finite() {
        v.max(0.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_run_shows_whole_and_replays_from_the_start() {
        let mut r = Replay::new(5_000.0);
        assert_eq!((r.t_ms, r.playing), (5_000.0, false));
        r.play(false);
        assert_eq!((r.t_ms, r.playing), (0.0, true));
        r.advance(16.0);
        assert_eq!(r.t_ms, 16.0, "a 5 s run at 1× plays in real time");
        r.pause();
        r.advance(16.0);
        assert_eq!(r.t_ms, 16.0, "paused: nothing moves");
        r.play(false);
        assert_eq!(r.t_ms, 16.0, "resumes where it paused");
        for _ in 0..1_000 {
            r.advance(16.0);
        }
        assert_eq!((r.t_ms, r.playing), (5_000.0, false), "stops at the end");
    }

    #[test]
    fn a_50_ms_run_can_be_followed() {
        let mut r = Replay::new(50.0);
        r.set_speed(0.1);
        r.play(false);
        let mut frames = 0;
        while r.playing {
            r.advance(1000.0 / 60.0);
            frames += 1;
        }
        // 20 s of replay at 60 frames a second.
        assert!((1_190..=1_210).contains(&frames), "{frames} frames");
        r.set_speed(1.0);
        assert_eq!(r.rate() * MIN_REPLAY_MS, 50.0, "2 s at 1×");
    }

    #[test]
    fn speed_is_bounded() {
        let mut r = Replay::new(1_000.0);
        r.set_speed(100.0);
        assert_eq!(r.speed, MAX_SPEED);
        r.set_speed(0.0);
        assert_eq!(r.speed, MIN_SPEED);
        r.set_speed(f64::NAN);
        assert_eq!(r.speed, MIN_SPEED);
        assert!(SPEEDS.iter().all(|s| (MIN_SPEED..=MAX_SPEED).contains(s)));
    }

    #[test]
    fn seek_clamps_and_a_hidden_tab_does_not_skip_ahead() {
        let mut r = Replay::new(10_000.0);
        r.seek(-5.0);
        assert_eq!(r.t_ms, 0.0);
        r.seek(1e9);
        assert_eq!(r.t_ms, 10_000.0);
        r.seek(f64::INFINITY);
        assert_eq!(r.t_ms, 10_000.0);
        r.seek(100.0);
        r.play(false);
        r.advance(60_000.0);
        assert_eq!(r.t_ms, 100.0 + MAX_FRAME_STEP_MS);
        r.advance(-3.0);
        r.advance(f64::NAN);
        assert_eq!(r.t_ms, 200.0);
    }

    #[test]
    fn reduced_motion_jumps_to_the_end() {
        let mut r = Replay::new(3_000.0);
        r.seek(0.0);
        r.play(true);
        assert_eq!((r.t_ms, r.playing), (3_000.0, false));
    }

    #[test]
    fn what_is_visible_at_the_playhead() {
        let mut r = Replay::new(100.0);
        r.seek(40.0);
        assert_eq!(r.shown(10.0, 20.0), Some((10.0, 20.0)), "over: whole");
        assert_eq!(
            r.shown(30.0, 60.0),
            Some((30.0, 40.0)),
            "in progress: grows"
        );
        assert_eq!(r.shown(50.0, 60.0), None, "not started");
        let starts = [0.0, 10.0, 40.0, 41.0, 90.0];
        assert_eq!(started_by(&starts, 40.0), 3);
        assert_eq!(started_by(&starts, -1.0), 0);
        assert_eq!(started_by(&starts, 100.0), 5);
    }

    #[test]
    fn a_live_run_grows() {
        let mut r = Replay::new(0.0);
        r.play(false);
        assert!(!r.playing, "nothing to play yet");
        r.set_end(50.0);
        assert_eq!(r.t_ms, 50.0, "follows the end");
        r.seek(10.0);
        r.set_end(80.0);
        assert_eq!(r.t_ms, 10.0, "a placed playhead stays");
        r.set_end(f64::NAN);
        assert_eq!((r.end_ms, r.t_ms), (0.0, 0.0));
    }
}
