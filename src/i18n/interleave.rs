//! Texts of the interleaving stepper.

crate::texts! {
    pub enum IlText {
        Title => ("你来当调度器", "You are the scheduler"),
        Intro => (
            "每条语句都拆成了线程真正执行的原子步骤。点一个线程，它就走一步（键盘：1、2；U 或退格撤销）。",
            "Each statement is split into the atomic steps a thread really takes. Pick a thread to take its next step (keys 1, 2; U or Backspace undoes)."
        ),
        Scenario => ("场景", "Scenario"),
        LostUpdate => ("丢失更新", "Lost update"),
        WithLock => ("加锁", "With a lock"),
        Deadlock => ("死锁", "Deadlock"),
        LockOrder => ("统一加锁顺序", "One lock order"),
        EventScenario => ("Event", "Event"),
        Thread => ("线程 {0}", "Thread {0}"),
        StepThread => ("▶ {0} 走一步（{1}）", "▶ Step {0} ({1})"),
        Undo => ("撤销（U）", "Undo (U)"),
        Reset => ("从头开始", "Start over"),
        Local => ("局部变量 = {0}", "local = {0}"),
        NoLocal => ("局部变量：无", "local: none"),
        Holder => ("{0}：{1} 持有", "{0}: held by {1}"),
        Free => ("{0}：空闲", "{0}: free"),
        IsSet => ("{0}：已设置", "{0}: set"),
        NotSet => ("{0}：未设置", "{0}: not set"),
        Done => ("完成", "done"),
        OpLoad => ("读 {0} → 局部变量", "read {0} → local"),
        OpAdd => ("局部变量 {0}", "local {0}"),
        OpStore => ("写 局部变量 → {0}", "write local → {0}"),
        OpPut => ("{0} = {1}", "{0} = {1}"),
        OpAcquire => ("拿 {0}", "take {0}"),
        OpRelease => ("放 {0}", "let go of {0}"),
        OpWait => ("等 {0} 被设置", "wait for {0}"),
        OpSet => ("设置 {0}", "set {0}"),
        OpNop => ("（不碰共享状态）", "(touches nothing shared)"),
        Start => ("还没有线程走过。挑一个线程开始吧。", "No thread has stepped yet. Pick one to begin."),
        Lost => (
            "两个线程都在对方写回之前读到了 {0}：线程 {1} 的写入覆盖了另一笔更新——有一笔更新丢了。",
            "Both threads read {0} before either stored: thread {1}'s store wrote over the other's update — one update is lost."
        ),
        Stale => (
            "线程 {0} 读到的是 {1}，可 {2} 现在已经是 {3}：它一写回，另一笔更新就丢了。",
            "Thread {0} read {1}, but {2} is now {3}: when it writes back, the other update is lost."
        ),
        BlockedLock => ("线程 {0} 被挡住了：{1} 在线程 {2} 手里。", "Thread {0} is blocked: thread {2} holds {1}."),
        BlockedEvent => ("线程 {0} 在等 {1} 被设置。", "Thread {0} waits for {1} to be set."),
        DeadlockNow => (
            "死锁：{0}。谁也走不下去了，永远。",
            "Deadlock: {0}. Neither can ever go on."
        ),
        Holds => ("线程 {0} 拿着 {1}、等着 {2}", "thread {0} holds {1} and waits for {2}"),
        FinishedOk => ("都完成了：{0} = {1}，本来就该是这个数。", "Both finished: {0} = {1}, as it should be."),
        FinishedWrong => ("都完成了：{0} = {1}，不是 {2}。", "Both finished: {0} = {1}, not {2}."),
        AllOrders => ("所有可能的顺序", "Every possible order"),
        Orders => (
            "共 {0} 种顺序（如果谁都不会被挡住，会有 {1} 种）。结果：{2}。",
            "{0} possible orders ({1} if no thread were ever blocked). They end in: {2}."
        ),
        Broken => (
            "{0} 种中有 {1} 种出错；出错最少只需要 {2} 次抢占（在线程还能走的时候切走它）。",
            "{1} of {0} break the program; the fewest preemptions (switching away from a thread that could go on) that break it: {2}."
        ),
        NoneBroken => ("{0} 种顺序没有一种出错。", "None of the {0} orders breaks the program."),
        Deadlocks => ("其中 {0} 种会死锁。", "{0} of them deadlock."),
        Stuck => ("死锁", "stuck"),
        Replay => ("在上面重放这个顺序", "Replay this order above"),
        TooMany => ("顺序太多（超过 {0} 种），不画了。", "Too many orders (more than {0}) to draw."),
        Real => (
            "真实运行：{0} 个线程做了 {2} 次更新，丢了 {1} 次——每一次都是上面那些坏顺序中的一种，真的发生了。",
            "The real run: {1} of {2} updates lost on {0} threads — each one of the bad orders above, happening for real."
        ),
    }
}
