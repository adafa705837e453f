//! Texts of the lesson navigation, the learner's progress and the playground page.

crate::texts! {
    pub enum NavText {
        Lessons => ("课程", "Lessons"),
        Lesson => ("课程", "Lesson"),
        Previous => ("← 上一课", "← Previous"),
        Next => ("下一课 →", "Next →"),
        PlaygroundOption => ("自由实验（不选课程）", "Playground (no lesson)"),
        Playground => ("自由实验", "Playground"),
        StepsSeen => ("{0}/{1} 步", "{0}/{1} steps"),
        Runs => ("{0} 次运行", "{0} runs"),
        Summary => ("已打开 {0}/{1} 课，运行了 {2} 次示例", "{0} of {1} lessons opened, {2} demos run"),
        Reset => ("清除进度", "Reset progress"),
        CorruptReset => (
            "保存的学习进度无法读取，已清空并重新开始记录。",
            "The saved progress could not be read; it has been reset."
        ),
        CannotSave => (
            "这个浏览器不允许保存进度（存储已关闭或已满），进度只在本次访问中保留。",
            "This browser will not store your progress (storage off or full); it is kept for this visit only."
        ),
        Dismiss => ("知道了", "Dismiss"),
        PlaygroundTitle => ("自由实验", "Playground"),
        PlaygroundIntro => (
            "任意组合工作负载、规模和执行方式：没有预设，也没有课程笔记。想回到课程，就在上面的列表里选一课。",
            "Combine any workload, size and executor: no preset, no lesson note. To go back to the lessons, pick one in the list above."
        ),
    }
}
