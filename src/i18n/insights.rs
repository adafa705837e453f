//! Texts of the insight cards: what a run says, in this run's numbers.

crate::texts! {
    pub enum InsightText {
        Heading => ("这次运行说明了什么", "What this run says"),
        Utilisation => ("利用率 {0}", "Utilisation {0}"),
        UtilisationHelp => (
            "{0} 个线程在 {1} 里有 {2} 在计算（所有线程计算时间之和 ÷ 线程数 × 总时长）",
            "{0} thread(s) computed {2} of {1} (busy thread time ÷ threads × wall time)"
        ),
        LoadBalance => ("负载均衡 {0}", "Load balance {0}"),
        LoadBalanceHelp => (
            "平均每个线程的计算时间 ÷ 最忙线程的计算时间：100% 表示活儿分得一样多",
            "mean busy time ÷ the busiest thread's: 100% means the work was shared evenly"
        ),
        Efficiency => ("并行效率 {0}", "Parallel efficiency {0}"),
        EfficiencyHelp => (
            "加速比 {0}× ÷ {1} 个线程（与主线程上同样的工作相比）",
            "speedup {0}× ÷ {1} thread(s) (against the same work on the main thread)"
        ),
        EfficiencyUnknown => (
            "先在主线程上跑一次同样的工作，才能算出加速比和并行效率",
            "Run the same work on the main thread too, to see the speedup and parallel efficiency"
        ),
        BandPoor => ("差", "poor"),
        BandFair => ("一般", "fair"),
        BandGood => ("好", "good"),
        AtOnce => ("最多 {0} 个线程同时计算", "At most {0} thread(s) computing at once"),
        StripLevel => ("{0} 个在算：{1}", "{0} computing: {1}"),
        WhyNot => ("为什么不是 {0}×？", "Why not {0}×?"),
        NoLoss => ("没有明显的损失：线程时间的 {0} 在计算", "Nothing big was lost: {0} of thread time was computing"),
        NotComputing => ("没在计算的时间", "Time not computing"),
        LossSlower => (
            "所有线程加起来比主线程多算了 {0}（{1} 对 {2}）：同样的工作，分到几个线程上各自算得更慢——核心被别的工作占着，或者一起跑时每个都变慢",
            "All threads together computed {0} longer than the main thread took for the same work ({1} against {2}): the cores were shared with other work, or each thread ran slower while all ran"
        ),
        LossGil => (
            "线程时间的 {0}（{1}）花在等待 GIL 上：同一时刻只有一个线程能执行",
            "{0} of thread time ({1}) went waiting for the GIL: only one thread can run at a time"
        ),
        LossLock => (
            "线程时间的 {0}（{1}）花在等待锁或队列上",
            "{0} of thread time ({1}) went waiting for a lock or the queue"
        ),
        LossIo => (
            "线程时间的 {0}（{1}）在等待 IO：线程空着，可以做别的事",
            "{0} of thread time ({1}) was waiting on IO: the threads were free for other work"
        ),
        LossCopy => (
            "线程时间的 {0}（{1}）花在复制数据上（进程之间不共享内存）",
            "{0} of thread time ({1}) went copying data (processes share no memory)"
        ),
        LossStart => (
            "线程时间的 {0}（{1}）在等新进程启动：每个进程都要加载并初始化自己的一份程序，所以进程池会留着进程反复用",
            "{0} of thread time ({1}) went waiting for new processes to start: each loads and sets up its own copy of the program, which is why a process pool keeps its workers"
        ),
        LossTail => (
            "{0}最后 {1} 无事可做：它的任务先做完了，而别的线程还在算",
            "{0} had nothing to do for the last {1}: its tasks ran out while others still computed"
        ),
        LossOverhead => (
            "线程时间的 {0}（{1}）落在任务之间：分发、记录和启动，每个任务约 {2}",
            "{0} of thread time ({1}) fell between tasks: handing out, recording, starting — about {2} per task"
        ),
        WhereTime => ("每个线程的时间", "Where each thread's time went"),
        Busy => ("计算", "computing"),
        Waiting => ("等待锁/GIL/队列", "waiting for a lock/GIL/queue"),
        Io => ("等待 IO", "waiting on IO"),
        Copying => ("复制", "copying"),
        Starting => ("启动进程", "starting"),
        Idle => ("空闲/开销", "idle / overhead"),
        Highlight => ("在时间线上突出显示", "Highlight on the timeline"),
        GilLane => ("谁持有 GIL", "Who holds the GIL"),
        GilLaneShort => ("GIL", "GIL"),
        ReleaseForced => ("被迫交出（切换间隔到了）", "forced off (the switch interval passed)"),
        ReleaseIo => ("等 IO 时交出", "let go for IO"),
        ReleaseBlocked => ("阻塞时交出", "let go while blocked"),
        ReleaseDone => ("任务结束", "its task ended"),
        Computing => ("同时计算", "computing"),
        GilMerged => (
            "{0} 次持有，{1} 个线程轮流（{2} 次被迫交出），共 {3}：太密，合成一块画",
            "{0} holds by {1} threads in turn ({2} forced off) over {3}: too dense to draw one by one"
        ),
        GilMixed => ("几个线程轮流，太密，分不开", "several threads in turn, too dense to draw apart"),
        GilMergedOne => (
            "{0} 次持有（{2} 次被迫交出），共 {3}，持有者都是{1}：太密，合成一块画",
            "{0} holds, all by {1} ({2} forced off), over {3}: too dense to draw one by one"
        ),
        StripMerged => (
            "{0} 段，共 {1}：平均 {2} 个在算，最多 {3} 个（太密，合成一块画）",
            "{0} changes over {1}: {2} computing on average, {3} at most (too dense to draw one by one)"
        ),
        ConvoyMeasured => (
            "IO 线程做 {0} 次 IO 用了 {1}；单独做只要 {2}",
            "The IO thread took {1} for its {0} IO operations; alone they take {2}"
        ),
        ConvoyPredicted => (
            "GIL 下的预测：{0} ×（每次 IO + 切换间隔 {1}）≈ {2}：每次 IO 回来都要等计算线程用满切换间隔",
            "The prediction under the GIL: {0} × (each IO + the {1} switch interval) ≈ {2}: after each IO it waits for the computing thread's interval to run out"
        ),
        GilSwitches => (
            "每秒交接 {0} 次：{1} 次被迫（切换间隔 {2} 到了，有线程在等），{3} 次主动（IO、阻塞或任务结束）",
            "{0} hand-overs a second: {1} forced (the {2} switch interval passed with a thread waiting), {3} voluntary (IO, blocked, or the task done)"
        ),
        GilThread => ("线程", "thread"),
        GilHeld => ("持有", "held"),
        GilWaiting => ("等待", "waiting"),
        GilNotNeeding => ("不需要", "not needing it"),
        GilBack => ("IO 后拿回", "back after IO"),
        GilBackHelp => (
            "“IO 后拿回”：从一次 IO 结束到重新拿到 GIL 的时间，平均 / 第 95 百分位",
            "“back after IO”: from an IO's end until the thread held the GIL again, mean / 95th percentile"
        ),
        GilFifo => (
            "这里的 GIL 按先来后到交接；CPython 的不是：谁拿到取决于操作系统先唤醒哪个线程。",
            "This GIL hands over first come, first served; CPython's does not: who gets it depends on which thread the OS wakes first."
        ),
    }
}
