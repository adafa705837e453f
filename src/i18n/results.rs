//! Text of the run's progress, the results table and the thread sweep.

crate::texts! {
    pub enum RunText {
        Running => ("运行中：{0}", "Running: {0}"),
        Count => ("{0} / {1} 个任务 · {2} 秒", "{0} / {1} tasks · {2} s"),
        Cancel => ("取消", "Cancel"),
        Cancelling => ("取消中……", "Cancelling…"),
        NoRuns => ("还没有运行", "No runs yet"),
        Executor => ("执行方式", "Executor"),
        Answer => ("结果", "Answer"),
        WallTime => ("用时", "Wall time"),
        Speedup => ("加速比", "Speedup"),
        FramesDropped => ("页面丢帧", "Frames dropped"),
        Tasks => ("任务", "Tasks"),
        Threads => ("{0} 个线程", "{0} thread(s)"),
        Cancelled => ("已取消", "cancelled"),
        Failed => ("失败：{0}", "failed: {0}"),
        Frames => ("{0}（最长间隔 {1} 毫秒）", "{0} (longest gap {1} ms)"),
        Finished => ("完成 {0} 个 · {1} 段，分布在 {2} 条线程上", "{0} finished · {1} spans on {2} lane(s)"),
        AtOnce => ("同时计算最多 {0} 个，同时等待 IO 最多 {1} 个", "at most {0} computing at once, {1} waiting on IO at once"),
        Order => ("完成顺序：{0}", "finished in order: {0}"),
        Agree => ("所有执行方式的结果相同", "Every executor gave the same answer"),
        Differ => ("结果不同！这是一个错误", "The answers differ: that is a bug"),
    }
}

crate::texts! {
    pub enum SweepText {
        Title => ("线程扫描", "Thread sweep"),
        Help => (
            "在线程池上用 1、2、… 个线程各运行两遍当前工作负载，取每个线程数最快的一次，画出加速比。",
            "Runs the workload on the pool at 1, 2, … threads, twice over, and plots the speedup of the fastest run at each count."
        ),
        Run => ("开始扫描", "Run the sweep"),
        Threads => ("线程数", "threads"),
        Cores => ("{0} 个逻辑处理器", "{0} logical processors"),
        Measured => ("● 实测", "● measured"),
        Ideal => ("— 理想（线性）", "— ideal (linear)"),
        Amdahl => ("┄ 阿姆达尔", "┄ Amdahl"),
        Serial => ("串行比例约 {0}%（阿姆达尔定律拟合）", "serial fraction ≈ {0}% (Amdahl fit)"),
        NeedTwo => ("至少需要两个点才能拟合", "needs two points to fit"),
        Speedup => ("加速比", "speedup"),
        Efficiency => ("效率 S/p", "efficiency S/p"),
        KarpFlatt => ("串行比例 e（Karp–Flatt）", "serial fraction e (Karp–Flatt)"),
        TrendFlat => (
            "e 随线程数基本不变（约 {0}%）：有一部分工作本身无法并行——这正是阿姆达尔定律说的",
            "e stays about the same as threads grow (≈ {0}%): a part of the work does not parallelise — what Amdahl's law describes"
        ),
        TrendOneCount => (
            "这台机器有 {0} 个逻辑处理器：在这个数以内只有一个线程数能算 e，没有趋势可比；超过它，线程要轮流用核心，e 自然上升，说明不了工作本身",
            "With {0} logical processors there is only one thread count within the core count to read e at, so no trend to compare; past it, threads take turns on the cores and e rises for that reason alone"
        ),
        TrendRising => (
            "e 随线程数上升（{0}% → {1}%）：不是固定的串行部分，而是随线程增多的开销或争用",
            "e rises with the threads ({0}% → {1}%): not a fixed serial part but overhead or contention that grows with them"
        ),
    }
}
