//! Running one step safely, shared by every executor.

use std::panic::{catch_unwind, AssertUnwindSafe};

use super::{Step, StepCx, Task};

/// Runs one step; a panic inside it becomes `Step::Failed` instead of unwinding through the
/// executor, so one bad task cannot take down its lane, the pool or the page.
pub(crate) fn guarded(task: &mut dyn Task, cx: &StepCx) -> Step {
    catch_unwind(AssertUnwindSafe(|| task.step(cx))).unwrap_or_else(|payload| {
        let text = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Step::Failed(format!("panicked: {text}"))
    })
}
