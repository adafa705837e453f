//! Interleavings: the learner as the scheduler. A scenario is two or three threads of the race
//! lesson's code, each statement expanded into atomic steps (load into a local, add, store; take
//! and let go of a lock; wait for and set an event). [`Machine`] runs one schedule step by step
//! and says what happened; [`explore`] tries every schedule and counts what they end in.
//! Pure: `web::components::interleaver` draws it.

pub mod explore;
pub mod machine;
pub mod scenario;
#[cfg(test)]
mod tests;

pub use explore::{explore, Exploration};
pub use machine::{Blocked, Machine, Outcome};
pub use scenario::{Op, Scenario, Thread, SCENARIOS};

/// The most steps a schedule may have (links carry it; every scenario's full run is shorter).
pub const MAX_SCHEDULE: usize = 64;

/// Reads a schedule from a link: `lost-update:0101…` (thread indices); None when the scenario
/// is unknown or the schedule is not one the scenario can take step by step.
pub fn decode(text: &str) -> Option<(&'static Scenario, Vec<usize>)> {
    let (key, digits) = text.split_once(':').unwrap_or((text, ""));
    let scenario = SCENARIOS.iter().find(|s| s.key == key)?;
    if digits.len() > MAX_SCHEDULE {
        return None;
    }
    let schedule: Vec<usize> = digits
        .bytes()
        .map(|b| b.checked_sub(b'0').map(usize::from))
        .collect::<Option<_>>()?;
    let mut m = Machine::new(scenario);
    for &t in &schedule {
        if !m.can_step(t) {
            return None;
        }
        m.step(t);
    }
    Some((scenario, schedule))
}

/// The scenarios offered beside `key`: the broken program and its fix.
pub fn family(key: &str) -> &'static [&'static str] {
    match key {
        "lost-update" | "with-lock" => &["lost-update", "with-lock"],
        "deadlock" | "lock-order" => &["deadlock", "lock-order"],
        _ => &["event"],
    }
}

/// The link form of a schedule.
pub fn encode(scenario: &Scenario, schedule: &[usize]) -> String {
    let digits: String = schedule.iter().map(|t| t.to_string()).collect();
    format!("{}:{digits}", scenario.key)
}
