//! Texts of the first visit's card.

crate::texts! {
    pub enum WelcomeText {
        Title => ("从这里开始：同样的活，两种干法", "Start here: the same work, two ways"),
        Intro => (
            "数出 1000 万以内的素数：先在页面自己的主线程上算，再交给一组 Web Worker 线程。运行的时候盯着这个小球。",
            "Count the primes below 10 million: first on the page's own main thread, then on a pool of Web Worker threads. Keep an eye on the ball while they run."
        ),
        Run => ("▶ 两种都跑一遍", "▶ Run both"),
        Ball => ("页面是否还活着：每画一帧，小球就走一步", "Is the page alive? The ball moves one step every frame the page paints"),
        FrameCount => ("已画 {0} 帧", "{0} frames painted"),
        Both => (
            "主线程用了 {0}，这期间页面卡住了：丢了 {1} 帧，最长 {2} 一帧都没画，小球停在原地。线程池的 {3} 个线程用了 {4}，快了 {5} 倍，小球一直在走（丢了 {6} 帧）。",
            "On the main thread it took {0}, and the page froze: {1} frames dropped, {2} without a single frame — the ball stood still. On the pool, {3} threads took {4}, {5}× faster, and the ball kept moving ({6} frames dropped)."
        ),
        NoGain => (
            "主线程用了 {0}，这期间页面卡住了（丢了 {1} 帧）。线程池的 {2} 个线程用了 {3}，速度是主线程的 {4} 倍，没有真正变快：这台设备报告只有 {5} 个逻辑处理器，线程之间没有空闲的核可分。不过算的时候小球一直在走（丢了 {6} 帧）。",
            "On the main thread it took {0}, and the page froze ({1} frames dropped). On the pool, {2} threads took {3}: {4}× the main thread's speed, no real gain. This device reports {5} logical processor(s), so the threads had no spare core to share. The ball kept moving all the same ({6} frames dropped)."
        ),
        NoGainBusy => (
            "主线程用了 {0}，这期间页面卡住了（丢了 {1} 帧）。线程池的 {2} 个线程用了 {3}，速度是主线程的 {4} 倍，没有真正变快。这台设备有 {5} 个逻辑处理器，多半是这次它们正忙着别的活（别的程序、别的标签页），线程没分到空闲的核。再跑一次试试。不过算的时候小球一直在走（丢了 {6} 帧）。",
            "On the main thread it took {0}, and the page froze ({1} frames dropped). On the pool, {2} threads took {3}: {4}× the main thread's speed, no real gain. This device has {5} logical processors, so most likely other work (another program, another tab) had them this time and the threads found no spare core. Run it again. The ball kept moving all the same ({6} frames dropped)."
        ),
        MainOnly => (
            "主线程用了 {0}，这期间页面卡住了：丢了 {1} 帧，最长 {2} 一帧都没画。这个页面用不了线程池（没有跨源隔离，原因见下面的状态），所以只跑了主线程。",
            "On the main thread it took {0}, and the page froze: {1} frames dropped, {2} without a single frame. This page cannot use the worker pool (it is not cross-origin isolated: the status below says why), so only the main thread ran."
        ),
        Next => (
            "接下来：在上面的课程列表里从第 1 课开始，或者在下面随意组合工作负载和执行方式。",
            "Next: start lesson 1 in the list above, or combine any workload and executor below."
        ),
    }
}
