//! Join vs daemon: the program's own work takes `main_ms`; then it either joins its threads
//! (ends when the last one does) or exits, abandoning its daemon threads mid-work — their
//! remaining work, clean-up included, never happens. [`super::lens`] cancels the run at the
//! exit for daemons; this reads what each thread got done.

use super::futures::Record;

/// How a thread ended, from the program's point of view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ThreadEnd {
    /// Finished this many ms after the start.
    Finished(f64),
    /// Still running when the program exited: cut off.
    Abandoned,
}

/// The program's end and each thread's.
#[derive(Debug, Clone, PartialEq)]
pub struct ExitView {
    pub daemon: bool,
    pub program_end_ms: f64,
    pub threads: Vec<(u32, ThreadEnd)>,
}

pub fn exit(rec: &Record, daemon: bool, main_ms: u32) -> ExitView {
    let main_ms = f64::from(main_ms);
    let last = rec.completions.iter().map(|c| c.at_ms).fold(0.0, f64::max);
    let program_end_ms = if daemon { main_ms } else { main_ms.max(last) };
    let threads = (0..rec.tasks as u32)
        .map(|t| {
            let end = match rec.completion(t) {
                // A daemon's work after the exit would not have happened in Python, even if
                // the cooperative cancel let a last step through here.
                Some(c) if c.at_ms <= program_end_ms => ThreadEnd::Finished(c.at_ms),
                _ => ThreadEnd::Abandoned,
            };
            (t, end)
        })
        .collect();
    ExitView {
        daemon,
        program_end_ms,
        threads,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pyapi::futures::tests::run;

    #[test]
    fn join_waits_for_the_last_thread_and_daemon_does_not() {
        let out = run(&[Some(400.0), Some(150.0), None], &[]);
        let rec = Record::from_output(&out);
        let joined = exit(&rec, false, 100);
        assert_eq!(joined.program_end_ms, 300.0);
        let daemon = exit(&rec, true, 100);
        assert_eq!(daemon.program_end_ms, 100.0);
        assert_eq!(
            daemon.threads,
            vec![
                (0, ThreadEnd::Abandoned),
                (1, ThreadEnd::Finished(50.0)),
                (2, ThreadEnd::Abandoned)
            ]
        );
        // The program's own work may be the longest part.
        assert_eq!(exit(&rec, false, 1_000).program_end_ms, 1_000.0);
    }
}
