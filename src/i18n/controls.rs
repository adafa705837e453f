//! Text of the page's frame and the demo controls: header, pickers, parameters, run buttons,
//! the freeze confirmation, sharing and link notices.

crate::texts! {
    pub enum Ui {
        Title => ("并发游乐场", "Concurrency Playground"),
        Lead => (
            "同一个工作负载，在主线程上同步运行、作为协作式异步任务运行、或在 Web Worker 线程池上并行运行：比较用时，看页面会不会卡住。",
            "One workload, run synchronously on the main thread, as cooperative async tasks, or in parallel on a Web Worker pool: compare the times, and see whether the page freezes."
        ),
        Language => ("语言", "Language"),
        Crash => ("程序出错，需要重新加载页面：{0}", "The app hit a bug and must be reloaded: {0}"),
        Workload => ("工作负载", "Workload"),
        OutOfRange => ("超出范围（{0}–{1}），改用 {2}", "Out of range ({0}–{1}): using {2}"),
        NotANumber => ("不是数字，改用 {0}", "Not a number: using {0}"),
        Fault => ("故障注入", "Fault"),
        FaultNone => ("无", "none"),
        FaultError => ("任务 1 抛出错误", "task 1 raises an error"),
        FaultPanic => ("任务 1 崩溃（panic）", "task 1 panics"),
        PanicNote => (
            "崩溃只在线程池上演示：在页面自己的线程上，Rust 的 panic 会让整个页面停止运行（这个 WebAssembly 版本无法展开栈）。",
            "Panics run on the pool executors only: on the page's own thread a Rust panic would stop the whole page (this WebAssembly build cannot unwind)."
        ),
        NoteMain => ("页面会卡住约 {0} 秒", "freezes the page for about {0} s"),
        NoteAsync => ("并发但不并行；页面保持响应", "concurrent, not parallel; the page stays responsive"),
        NotePool => ("{0} 个线程并行", "{0} threads in parallel"),
        NoteGil => (
            "{0} 个线程轮流持有一把全局锁，像 Python 的 GIL",
            "{0} threads taking turns holding one global lock, like Python's GIL"
        ),
        NotePoolUnavailable => ("线程池不可用（见上）", "the pool is unavailable (see above)"),
        Threads => ("线程数", "threads"),
        ThreadsValue => ("{0} 个线程", "{0} threads"),
        LogicalProcessors => ("逻辑处理器 {0}", "{0} logical processors"),
        RunAll => ("全部运行", "Run all"),
        RunAllHelp => ("依次运行本例的执行方式：{0}", "runs this demo's executors one after another: {0}"),
        ConfirmText => (
            "这次运行会让页面卡住大约 {0} 秒：期间无法点击、滚动或取消。要继续吗？",
            "This run will freeze the page for about {0} s: no clicks, scrolling or cancelling until it ends. Run it anyway?"
        ),
        ConfirmRun => ("仍然运行", "Run anyway"),
        ConfirmDismiss => ("不了", "Don't"),
        CopyLink => ("复制链接", "Copy link"),
        Copied => ("已复制", "Copied"),
        CopyFailed => (
            "无法写入剪贴板，请手动复制地址栏",
            "Could not use the clipboard: copy the address bar instead"
        ),
        LinkNoticesHead => ("这个链接有些内容没有按原样使用：", "Some of this link was not used as written:"),
        Ok => ("知道了", "OK"),
        RunThis => ("运行示例", "Run this"),
        Snippet => ("对应的 Python 代码", "The Python this demo mirrors"),
        Loading => ("正在载入……", "Loading…"),
        LoadFailed => ("无法载入（{0}）：请检查网络后重新打开本课", "Could not load this ({0}): check the connection and open the lesson again"),
        SwitchInterval => ("GIL 切换间隔", "GIL switch interval"),
        SwitchHelp => (
            "持有 GIL 的线程在有别的线程等待、且持有满这么久之后交出锁（CPython 的 sys.setswitchinterval，默认 5 ms）",
            "The thread holding the GIL hands it over once another waits and it has held it this long (CPython's sys.setswitchinterval, 5 ms by default)"
        ),
    }
}

crate::texts! {
    /// What an opened link did not carry as written.
    pub enum LinkNoticeText {
        TooLong => ("链接太长（{0} 字节），未读取，使用默认设置", "The link is too long ({0} bytes): not read, defaults used"),
        NewerVersion => ("链接来自更新的版本 {0}：只读取了能理解的部分", "The link is from a newer version ({0}): what this version understands was used"),
        UnknownField => ("忽略未知字段 “{0}”", "Ignored unknown field “{0}”"),
        Duplicate => ("“{0}” 出现多次，使用最后一个", "“{0}” given more than once: the last one is used"),
        UnknownWorkload => ("没有名为 “{0}” 的工作负载，使用默认", "No workload “{0}”: the default is used"),
        UnknownExecutor => ("忽略未知执行方式 “{0}”", "Ignored unknown executor “{0}”"),
        Clamped => ("{0} = {1} 超出范围，改为 {2}", "{0} = {1} is out of range: {2} is used"),
        NotANumber => ("{0} 不是数字，使用默认值", "{0} is not a number: its default is used"),
        BadValue => ("{0} 的值 “{1}” 无效，使用默认", "“{1}” is not a valid {0}: the default is used"),
        BadLesson => ("课程编号无效，未打开课程", "Invalid lesson id: no lesson opened"),
        Omitted => ("另有 {0} 条未列出", "{0} more not listed"),
        CodeTooLong => ("链接里的 Python 代码太长（{0} 字节，最多 4000）：显示课程原来的代码", "The link's Python is too long ({0} bytes, at most 4,000): the lesson's own code is shown"),
        CodeTooManyLines => ("链接里的 Python 代码太多行（{0} 行，最多 200）：显示课程原来的代码", "The link's Python has too many lines ({0}, at most 200): the lesson's own code is shown"),
        CodeControl => ("链接里的 Python 代码含有控制字符：显示课程原来的代码", "The link's Python holds control characters: the lesson's own code is shown"),
        CodeEmpty => ("链接里的 Python 代码是空的：显示课程原来的代码", "The link's Python is empty: the lesson's own code is shown"),
        CodeWithoutLesson => ("链接里有 Python 代码但没有课程：已忽略", "The link carries Python but no lesson: ignored"),
    }
}

crate::texts! {
    /// Workload names, by workload id.
    pub enum WorkloadName {
        Counter => ("计数", "Counter (the GIL experiment)"),
        Primes => ("素数", "Primes"),
        Squares => ("平方（小任务）", "Squares (tiny tasks)"),
        Pi => ("蒙特卡洛求 π", "π by Monte Carlo"),
        Io => ("IO 等待", "IO-bound waits"),
        Bank => ("银行余额（竞态）", "Bank balance (a race)"),
        Queue => ("生产者/消费者队列", "Producer / consumer queue"),
        SharedList => ("谁的列表（共享还是复制）", "Whose list? (shared vs copied)"),
        Convoy => ("护航效应（IO 线程 + 计算线程）", "Convoy (an IO thread beside a CPU-bound one)"),
        Unknown => ("未知", "unknown"),
    }
}

impl WorkloadName {
    pub fn of(id: &str) -> Self {
        match id {
            "counter" => Self::Counter,
            "primes" => Self::Primes,
            "squares" => Self::Squares,
            "pi" => Self::Pi,
            "io" => Self::Io,
            "bank" => Self::Bank,
            "queue" => Self::Queue,
            "shared_list" => Self::SharedList,
            "convoy" => Self::Convoy,
            _ => Self::Unknown,
        }
    }
}

crate::texts! {
    /// Parameter labels, by parameter name.
    pub enum ParamName {
        N => ("N（规模）", "N (size)"),
        Tasks => ("任务数", "tasks"),
        List => ("笔记里的大数列表（0/1）", "the notes' list of large numbers (0/1)"),
        Chunk => ("块大小", "chunk size"),
        Samples => ("采样数", "samples"),
        Seed => ("随机种子", "seed"),
        WaitMs => ("等待（毫秒）", "wait (ms)"),
        Random => ("随机 1–5 秒（0/1）", "random 1–5 s (0/1)"),
        Speed => ("速度 %", "speed (%)"),
        Cpu => ("计算量（千次）", "CPU work (×1000)"),
        Rounds => ("每个任务的轮数", "rounds per task"),
        Lock => ("加锁（0/1）", "lock (0/1)"),
        Producers => ("生产者", "producers"),
        Consumers => ("消费者", "consumers"),
        Items => ("每个生产者的条目", "items per producer"),
        Capacity => ("队列容量", "queue capacity"),
        ProduceMs => ("生产耗时（毫秒）", "produce (ms)"),
        ConsumeMs => ("消费耗时（毫秒）", "consume (ms)"),
        Length => ("列表长度", "list length"),
        Appends => ("每个任务追加", "appends per task"),
        Ios => ("IO 次数", "IO operations"),
        IoUs => ("每次 IO（微秒）", "each IO (µs)"),
        CpuMs => ("计算线程最多算（毫秒）", "CPU thread at most (ms)"),
        Unknown => ("未知参数", "unknown parameter"),
    }
}

impl ParamName {
    pub fn of(name: &str) -> Self {
        match name {
            "n" => Self::N,
            "tasks" => Self::Tasks,
            "list" => Self::List,
            "chunk" => Self::Chunk,
            "samples" => Self::Samples,
            "seed" => Self::Seed,
            "wait_ms" => Self::WaitMs,
            "random" => Self::Random,
            "speed" => Self::Speed,
            "cpu" => Self::Cpu,
            "rounds" => Self::Rounds,
            "lock" => Self::Lock,
            "producers" => Self::Producers,
            "consumers" => Self::Consumers,
            "items" => Self::Items,
            "capacity" => Self::Capacity,
            "produce_ms" => Self::ProduceMs,
            "consume_ms" => Self::ConsumeMs,
            "length" => Self::Length,
            "appends" => Self::Appends,
            "ios" => Self::Ios,
            "io_us" => Self::IoUs,
            "cpu_ms" => Self::CpuMs,
            _ => Self::Unknown,
        }
    }
}

crate::texts! {
    /// Executor names, by executor tag.
    pub enum ExecutorName {
        Main => ("主线程（同步）", "Main thread (synchronous)"),
        Async => ("主线程（协作式异步）", "Main thread (cooperative async)"),
        Pool => ("线程池", "Worker pool"),
        Gil => ("线程池 + 全局锁", "Pool under a GIL"),
        Procs => ("工作进程（各有内存）", "Process workers (own memory)"),
        ProcsFresh => ("每批新建进程", "Fresh process per batch"),
        Unknown => ("未知执行方式", "unknown executor"),
    }
}

impl ExecutorName {
    pub fn of(tag: &str) -> Self {
        match tag {
            "main" => Self::Main,
            "async" => Self::Async,
            "pool" => Self::Pool,
            "gil" => Self::Gil,
            "procs" => Self::Procs,
            "procs-fresh" => Self::ProcsFresh,
            _ => Self::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Texts;

    #[test]
    fn every_workload_parameter_and_executor_has_a_name() {
        for w in crate::workload::ALL {
            assert_ne!(WorkloadName::of(w.id), WorkloadName::Unknown, "{}", w.id);
            for p in w.params {
                assert_ne!(ParamName::of(p.name), ParamName::Unknown, "{}", p.name);
            }
        }
        for e in crate::executor::Executor::ALL {
            assert_ne!(
                ExecutorName::of(e.tag()),
                ExecutorName::Unknown,
                "{}",
                e.tag()
            );
        }
        assert_eq!(
            WorkloadName::of("nope").get(crate::link::Lang::En),
            "unknown"
        );
    }
}
