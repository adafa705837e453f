//! UI text for the process-like executor (workers with their own memory).

crate::texts! {
    pub enum ProcsText {
        Reused => (
            "{0} 个工作进程，各有自己的内存：参数和结果按消息复制（像 multiprocessing 的 pickle）；进程建好后复用",
            "{0} worker processes, each with its own memory: arguments and results are copied by message (like multiprocessing's pickling); workers are started once and reused"
        ),
        NoIsolation => (
            "进程式工作者（procs）不共享内存，所以不需要跨源隔离，照常可用。",
            "Process workers (procs) share no memory, so they need no isolation: they still work."
        ),
        Fresh => (
            "同上，但每批任务都新建一个工作进程（和它的 wasm 实例）：看启动进程要花多少时间",
            "The same, but a fresh worker process (and wasm instance) for every batch: see what starting a process costs"
        ),
    }
}
