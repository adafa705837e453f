//! Display names for workloads and parameters (中文 · English).

/// A workload's name.
pub fn workload(id: &str) -> &'static str {
    match id {
        "counter" => "计数 · Counter (the GIL experiment)",
        "primes" => "素数 · Primes",
        "squares" => "平方 · Squares (tiny tasks)",
        "pi" => "圆周率 · π by Monte Carlo",
        "io" => "IO 等待 · IO-bound waits",
        "bank" => "银行余额 · Bank balance (a race)",
        "queue" => "生产者/消费者 · Producer / consumer queue",
        "shared_list" => "谁的列表 · Whose list? (shared vs copied)",
        _ => "?",
    }
}

/// A parameter's label.
pub fn param(name: &str) -> &'static str {
    match name {
        "n" => "N（规模 · size）",
        "tasks" => "任务数 · tasks",
        "list" => "笔记里的大数列表 · the notes' list of large numbers (0/1)",
        "chunk" => "块大小 · chunk size",
        "samples" => "采样数 · samples",
        "seed" => "随机种子 · seed",
        "wait_ms" => "等待 ms · wait (ms)",
        "random" => "随机 1–5 秒 · random 1–5 s (0/1)",
        "speed" => "速度 % · speed (%)",
        "cpu" => "计算量（千次）· CPU work (×1000)",
        "rounds" => "轮数 · rounds per task",
        "lock" => "加锁 · lock (0/1)",
        "producers" => "生产者 · producers",
        "consumers" => "消费者 · consumers",
        "items" => "每个生产者的条目 · items per producer",
        "capacity" => "队列容量 · queue capacity",
        "produce_ms" => "生产耗时 ms · produce (ms)",
        "consume_ms" => "消费耗时 ms · consume (ms)",
        "length" => "列表长度 · list length",
        "appends" => "每个任务追加 · appends per task",
        _ => "?",
    }
}

/// An executor's name.
pub fn executor(tag: &str) -> &'static str {
    match tag {
        "main" => "主线程（同步）· Main thread (synchronous)",
        "async" => "主线程（协作式异步）· Main thread (cooperative async)",
        "pool" => "线程池 · Worker pool",
        "gil" => "线程池 + 全局锁 · Pool under a GIL",
        "procs" => "工作进程（各有内存）· Process workers (own memory)",
        "procs-fresh" => "每批新建进程 · Fresh process per batch",
        _ => "?",
    }
}
