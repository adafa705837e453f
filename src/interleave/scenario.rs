//! The scenarios: the race lesson's code, each statement expanded into the atomic steps a
//! thread really takes.

/// One atomic step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `local = var`: read a shared variable into the thread's local.
    Load(usize),
    /// `local = local + n`.
    Add(i64),
    /// `var = local`: write the local back.
    Store(usize),
    /// `var = n`: write a constant.
    Put(usize, i64),
    /// Take a lock (blocks while another thread holds it).
    Acquire(usize),
    /// Let go of a lock.
    Release(usize),
    /// `event.wait()`: blocks until the event is set.
    Wait(usize),
    /// `event.set()`.
    Set(usize),
    /// A statement that touches nothing shared.
    Nop,
}

/// One atomic step and the line of the thread's code it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub op: Op,
    pub line: usize,
}

const fn s(op: Op, line: usize) -> Step {
    Step { op, line }
}

/// A thread: its Python code and the steps that code takes.
#[derive(Debug, PartialEq)]
pub struct Thread {
    pub name: &'static str,
    pub code: &'static [&'static str],
    pub steps: &'static [Step],
}

/// A scenario: shared variables (name, start value), locks, events, threads, and the final
/// value the program means to reach.
#[derive(Debug, PartialEq)]
pub struct Scenario {
    /// Its id in links.
    pub key: &'static str,
    pub vars: &'static [(&'static str, i64)],
    pub locks: &'static [&'static str],
    pub events: &'static [&'static str],
    pub threads: &'static [Thread],
    /// (variable, value) every correct run ends with.
    pub expect: (usize, i64),
}

const DEPOSIT: Thread = Thread {
    name: "A",
    code: &["balance = balance + 10"],
    steps: &[s(Op::Load(0), 0), s(Op::Add(10), 0), s(Op::Store(0), 0)],
};
const WITHDRAW: Thread = Thread {
    name: "B",
    code: &["balance = balance - 10"],
    steps: &[s(Op::Load(0), 0), s(Op::Add(-10), 0), s(Op::Store(0), 0)],
};
const DEPOSIT_LOCKED: Thread = Thread {
    name: "A",
    code: &["with lock:", "    balance = balance + 10"],
    steps: &[
        s(Op::Acquire(0), 0),
        s(Op::Load(0), 1),
        s(Op::Add(10), 1),
        s(Op::Store(0), 1),
        s(Op::Release(0), 0),
    ],
};
const WITHDRAW_LOCKED: Thread = Thread {
    name: "B",
    code: &["with lock:", "    balance = balance - 10"],
    steps: &[
        s(Op::Acquire(0), 0),
        s(Op::Load(0), 1),
        s(Op::Add(-10), 1),
        s(Op::Store(0), 1),
        s(Op::Release(0), 0),
    ],
};

/// Take lock a, then b, move money, let go in reverse order (and the same from b to a).
const A_THEN_B: [Step; 5] = [
    s(Op::Acquire(0), 0),
    s(Op::Acquire(1), 1),
    s(Op::Nop, 2),
    s(Op::Release(1), 1),
    s(Op::Release(0), 0),
];
const B_THEN_A: [Step; 5] = [
    s(Op::Acquire(1), 0),
    s(Op::Acquire(0), 1),
    s(Op::Nop, 2),
    s(Op::Release(0), 1),
    s(Op::Release(1), 0),
];

/// A takes `lock_a`, then `lock_b`.
const TRANSFER_A: Thread = Thread {
    name: "A",
    code: &["with lock_a:", "    with lock_b:", "        move(a, b)"],
    steps: &A_THEN_B,
};
/// B the other way round: `lock_b`, then `lock_a`.
const TRANSFER_B_OPPOSITE: Thread = Thread {
    name: "B",
    code: &["with lock_b:", "    with lock_a:", "        move(b, a)"],
    steps: &B_THEN_A,
};
/// B in the one agreed order: `lock_a`, then `lock_b`.
const TRANSFER_B_SAME_ORDER: Thread = Thread {
    name: "B",
    code: &["with lock_a:", "    with lock_b:", "        move(b, a)"],
    steps: &A_THEN_B,
};

/// Every scenario, in the order the lesson meets them.
pub const SCENARIOS: [Scenario; 5] = [
    Scenario {
        key: "lost-update",
        vars: &[("balance", 100)],
        locks: &[],
        events: &[],
        threads: &[DEPOSIT, WITHDRAW],
        expect: (0, 100),
    },
    Scenario {
        key: "with-lock",
        vars: &[("balance", 100)],
        locks: &["lock"],
        events: &[],
        threads: &[DEPOSIT_LOCKED, WITHDRAW_LOCKED],
        expect: (0, 100),
    },
    Scenario {
        key: "deadlock",
        vars: &[("done", 0)],
        locks: &["lock_a", "lock_b"],
        events: &[],
        threads: &[TRANSFER_A, TRANSFER_B_OPPOSITE],
        expect: (0, 0),
    },
    Scenario {
        key: "lock-order",
        vars: &[("done", 0)],
        locks: &["lock_a", "lock_b"],
        events: &[],
        threads: &[TRANSFER_A, TRANSFER_B_SAME_ORDER],
        expect: (0, 0),
    },
    Scenario {
        key: "event",
        vars: &[("data", 0), ("x", 0)],
        locks: &[],
        events: &["ready"],
        threads: &[
            Thread {
                name: "A",
                code: &["data = 42", "ready.set()", "log('sent')"],
                steps: &[s(Op::Put(0, 42), 0), s(Op::Set(0), 1), s(Op::Nop, 2)],
            },
            Thread {
                name: "B",
                code: &["ready.wait()", "x = data"],
                steps: &[s(Op::Wait(0), 0), s(Op::Load(0), 1), s(Op::Store(1), 1)],
            },
        ],
        expect: (1, 42),
    },
];

impl Scenario {
    pub fn by_key(key: &str) -> Option<&'static Scenario> {
        SCENARIOS.iter().find(|s| s.key == key)
    }
}
