//! Texts of a lesson's steps: the step bar, the question, the reveal and the device notes.
//! The steps' own words are in each lesson's `steps.{zh,en}.md`.

crate::texts! {
    pub enum StepText {
        StepOf => ("第 {0} 步，共 {1} 步", "Step {0} of {1}"),
        Steps => ("本课步骤", "Steps of this lesson"),
        Prev => ("◀ 上一步", "◀ Previous"),
        Next => ("下一步 ▶", "Next ▶"),
        NextLesson => ("下一课 ▶", "Next lesson ▶"),
        Run => ("▶ 运行", "▶ Run"),
        RunAgain => ("▶ 再运行一次", "▶ Run again"),
        Running => ("运行中…", "Running…"),
        Cancel => ("停止", "Stop"),
        Guess => ("先猜一猜", "Guess first"),
        Skip => ("跳过", "Skip"),
        GuessFirst => ("先选一个答案（或跳过），再运行。", "Pick an answer (or skip) before you run."),
        Answered => ("选好了：运行看看。", "Answer chosen: run it and see."),
        YouChose => ("你选的是「{0}」。", "You chose “{0}”."),
        YouSkipped => ("你跳过了这道题。", "You skipped the guess."),
        Right => ("猜对了。", "Right."),
        NotThisTime => ("这次的结果是「{0}」。", "This time it was “{0}”."),
        Measured => ("实测：{0}", "Measured: {0}"),
        Caption => ("说明", "What it shows"),
        RunHere => ("在你的设备上运行后，这里会给出实测结果和解释。", "Run it on your device: the measured result and its explanation appear here."),
        UseBelow => ("用下面的面板运行，然后看结果。", "Run it with the panel below, then read the result."),
        OneCore => (
            "这台设备只报告了 1 个逻辑处理器：线程只能轮流使用它，看不到并行带来的加速。",
            "This device reports one logical processor: threads can only take turns on it, so no parallel speedup can show."
        ),
        NoPool => (
            "这个页面用不了线程池（没有跨源隔离，详见“详情”里的状态），所以只运行了主线程上的部分。",
            "This page cannot use the worker pool (it is not cross-origin isolated: see the status under Details), so only the main-thread parts ran."
        ),
        Details => ("详情：完整笔记、参数、图表、Python API、历史记录", "Details: the full note, parameters, charts, Python API, history"),
        Continue => ("继续学习：第 {0} 课 · 第 {1} 步", "Continue: lesson {0} · step {1}"),
        Course => ("全部课程", "The course"),
    }
}
