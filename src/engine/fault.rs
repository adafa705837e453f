//! Fault injection: make one task of any plan raise an error or panic halfway, to see what
//! each executor does with a failing task (and for `FIRST_EXCEPTION`-style lessons).

use super::{Plan, Step, StepCx, Task};

/// A fault to inject into one task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fault {
    #[default]
    None,
    /// The task returns an error (Python: raises an exception) at its second step.
    Error(u32),
    /// The task panics at its second step (a bug, not an error).
    Panic(u32),
}

impl Fault {
    pub fn tag(self) -> &'static str {
        match self {
            Fault::None => "none",
            Fault::Error(_) => "error",
            Fault::Panic(_) => "panic",
        }
    }
}

struct Faulty {
    inner: Box<dyn Task>,
    panic: bool,
    steps: u32,
}

impl Task for Faulty {
    fn step(&mut self, cx: &StepCx) -> Step {
        self.steps += 1;
        if self.steps == 2 {
            if self.panic {
                panic!("injected panic in a task");
            }
            return Step::Failed("injected error: the task raised".into());
        }
        match self.inner.step(cx) {
            // Finishing in one step would dodge the fault: take one more step first.
            Step::Done(_) if self.steps == 1 => Step::Continue,
            other => other,
        }
    }
}

/// Wraps the chosen task of `plan` (if it exists) with `fault`.
pub fn inject(mut plan: Plan, fault: Fault) -> Plan {
    let (index, panic) = match fault {
        Fault::None => return plan,
        Fault::Error(i) => (i as usize, false),
        Fault::Panic(i) => (i as usize, true),
    };
    if index < plan.tasks.len() {
        let inner = std::mem::replace(&mut plan.tasks[index], super::task(|_| Step::Continue));
        plan.tasks[index] = Box::new(Faulty {
            inner,
            panic,
            steps: 0,
        });
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::{run_interleaved, run_pool, run_sequential};
    use crate::engine::{RunEnd, TaskOutcome};
    use crate::param::Values;
    use crate::workload::primes;

    fn plan() -> Plan {
        (primes::DEF.plan)(
            &Values::default()
                .with(&primes::LIMIT, 100_000)
                .with(&primes::TASKS, 8),
        )
    }

    #[test]
    fn an_error_fails_the_run_and_keeps_the_other_results() {
        for out in [
            run_sequential(inject(plan(), Fault::Error(3))),
            run_interleaved(inject(plan(), Fault::Error(3))),
            run_pool(inject(plan(), Fault::Error(3)), 2),
        ] {
            assert!(matches!(&out.end, RunEnd::Failed(e) if e.contains("injected error")));
            assert!(matches!(out.outcomes[3], TaskOutcome::Failed(_)));
            let done = out
                .outcomes
                .iter()
                .filter(|o| matches!(o, TaskOutcome::Done(_)))
                .count();
            assert_eq!(done, 7, "the other tasks finish");
        }
    }

    #[test]
    fn a_panic_is_contained() {
        for out in [
            run_sequential(inject(plan(), Fault::Panic(0))),
            run_pool(inject(plan(), Fault::Panic(5)), 2),
        ] {
            assert!(
                matches!(&out.end, RunEnd::Failed(e) if e.contains("panicked: injected panic")),
                "{:?}",
                out.end
            );
            assert_eq!(out.completion_order.len(), 8);
        }
        // The pool still works afterwards.
        assert_eq!(run_pool(plan(), 2).end, RunEnd::Completed);
    }

    #[test]
    fn out_of_range_targets_change_nothing() {
        let out = run_sequential(inject(plan(), Fault::Error(99)));
        assert_eq!(out.end, RunEnd::Completed);
        assert_eq!(out.answer.value, 9_592);
    }
}
