//! Texts of the timelines, the frame meter, replay controls, the wall-time chart and export.

crate::texts! {
    pub enum VisualsText {
        Timelines => ("时间线", "Timelines"),
        LiveTimeline => ("实时时间线", "Live timeline"),
        LiveByBatch => (
            "进程各有自己的内存，一切都要靠消息传回来：片段大约每 0.1 秒发回一次，而结果要等一批任务做完才复制回来，所以进度是一批一批增长的。",
            "Processes have memory of their own, so everything comes back as a message: bars about every 0.1 s, results only when a batch is done, so progress grows batch by batch."
        ),
        KindCompute => ("计算", "computing"),
        KindIo => ("等待 IO", "waiting on IO"),
        KindWait => ("等待锁/队列", "waiting for a lock or queue"),
        KindLocked => ("持有锁/GIL", "holding the lock/GIL"),
        KindCopy => ("复制数据", "copying data"),
        KindStart => ("启动进程", "starting a process"),
        Overhead => ("开销/空闲", "overhead / idle"),
        MainLane => ("主线程", "main thread"),
        WorkerLane => ("工作线程 {0}", "worker {0}"),
        Task => ("任务 {0}", "task {0}"),
        HeldBy => ("锁在{0}手里", "the lock was held by {0}"),
        MergedBar => ("{0} 段合并，主要是{1}", "{0} spans merged, mostly {1}"),
        BarDetail => ("{0} · {1} · 开始 {2} · 时长 {3} · {4}", "{0} · {1} · start {2} · duration {3} · {4}"),
        ResultValue => ("结果 {0}", "result {0}"),
        ResultFailed => ("失败：{0}", "failed: {0}"),
        ResultCancelled => ("已取消", "cancelled"),
        ResultNone => ("未完成", "not finished"),
        Merged => (
            "为保持页面流畅，窄于 {0} px 的相邻片段已合并：{1} 段画成 {2} 条",
            "To keep the page responsive, neighbouring spans narrower than {0} px were merged: {1} spans drawn as {2} bars"
        ),
        Aria => ("时间线：{0} 条线程上 {1} 段，共 {2}", "Timeline: {1} spans on {0} lane(s) over {2}"),
        Play => ("播放", "Play"),
        Pause => ("暂停", "Pause"),
        Speed => ("速度", "Speed"),
        SpeedHelp => (
            "1× 时回放至少持续 2 秒，短的运行也看得清",
            "at 1× a replay lasts at least 2 s, so short runs can be followed"
        ),
        Playhead => ("播放头", "Playhead"),
        ZoomIn => ("放大", "Zoom in"),
        ZoomOut => ("缩小", "Zoom out"),
        PanLeft => ("向左平移", "Pan left"),
        PanRight => ("向右平移", "Pan right"),
        ZoomReset => ("显示全部", "Show all"),
        KeysHelp => (
            "时间线获得焦点后：空格 播放/暂停，←/→ 移动播放头，+/- 缩放，Shift+←/→ 平移。鼠标：Ctrl+滚轮（或双指捏合）围绕指针缩放，放大后拖动平移",
            "With the timeline focused: Space play/pause, ←/→ move the playhead, +/- zoom, Shift+←/→ pan. Mouse: Ctrl+wheel (or pinch) zooms around the pointer; once zoomed, drag to pan"
        ),
        HoverHelp => ("指向或聚焦一个片段查看详情", "Point at or focus a bar for its details"),
        Compare => ("显示的运行（共用一条时间轴）", "Runs shown (one shared time axis)"),
        FrameMeter => ("页面帧", "Page frames"),
        FrameMeterHelp => (
            "每一帧与上一帧的间隔；主线程被阻塞时画不出帧，出现空档",
            "Each frame's distance from the previous one; while the main thread is blocked no frame is painted and a gap opens"
        ),
        FramesDropped => ("丢帧 {0}，最长空档 {1}", "{0} frames dropped, longest gap {1}"),
        NoFrames => ("没有帧记录", "no frames recorded"),
        Frozen => ("卡住 {0}", "frozen {0}"),
        SaveSvg => ("保存 SVG", "Save SVG"),
        SavePng => ("保存 PNG", "Save PNG"),
        DownloadTrace => ("下载追踪文件（{0}）", "Download trace ({0})"),
        TraceHelp => (
            "用 ui.perfetto.dev 或 chrome://tracing 打开",
            "Open in ui.perfetto.dev or chrome://tracing"
        ),
        WallTimes => ("各执行方式用时", "Wall time per executor"),
        WallAria => ("各执行方式的用时：{0}", "Wall time per executor: {0}"),
        FasterThanMain => ("比主线程快 {0}×", "{0}× faster than the main thread"),
        SlowerThanMain => ("比主线程慢 {0}×", "{0}× slower than the main thread"),
        SameAsMain => ("与主线程一样快", "as fast as the main thread"),
        WallSplit => (
            "按片段拆分：计算 / 等待 / 复制 / 启动 / 开销（各线程平均）",
            "Split by spans: computing / waiting / copying / starting / overhead (averaged over threads)"
        ),
        ChunkSweep => ("块大小扫描", "Chunk-size sweep"),
        ChunkSweepHelp => (
            "在线程池上用不同的块大小运行「平方」，看每个任务的开销何时被摊薄",
            "Runs Squares on the pool at several chunk sizes: see when the per-task overhead is paid off"
        ),
        ChunkStart => ("开始块大小扫描", "Run the chunk sweep"),
        ChunkAxis => ("块大小（每个任务的数字个数）", "chunk size (numbers per task)"),
        TimeAxis => ("用时", "wall time"),
    }
}
