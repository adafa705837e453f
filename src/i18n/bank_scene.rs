//! Texts of the bank scene (lessons 03 and 04).

crate::texts! {
    pub enum SceneText {
        Title => ("银行柜台：四种等待方式", "The bank counter: four ways to wait"),
        Intro => (
            "一位顾客等柜员办完一笔业务。每种方式都在本页主线程的事件循环上真实运行：柜员是一个定时器，轮询是定时的查看，叫号是回调，顾客做的“别的事”是真实的小计算。动画按记录下的真实时间回放。",
            "One customer waits for a teller to finish. Each way really runs on this page's main-thread event loop: the teller is a timer, polling is a timed check, the call is a callback, and the customer's other jobs are real small computations. The animation follows the recorded times."
        ),
        SyncBlocking => ("同步阻塞：排队干等", "Sync + blocking: stand in line, do nothing"),
        SyncPolling => ("同步非阻塞：排队，时不时抬头看（轮询）", "Sync + non-blocking: stand in line, glance up now and then (polling)"),
        AsyncBlocking => ("异步阻塞：取号，然后坐等叫号", "Async + blocking: take a ticket, then just wait for the call"),
        AsyncCallback => ("异步非阻塞：取号，去办别的事，叫号时被通知", "Async + non-blocking: take a ticket, do other things, get called back"),
        HowSyncBlocking => (
            "主线程原地空转 {0} 秒等柜员办完：这段时间页面完全冻结，连动画都停了。",
            "The main thread spins for {0} s until the teller is done: the page is frozen the whole time, even this animation stops."
        ),
        HowSyncPolling => (
            "柜员是一个定时器；顾客每 {0} ms 用一个定时器醒来看一眼柜台，其余时间闲着。页面不卡，但发现结果最多晚一个间隔。",
            "The teller is a timer; every {0} ms the customer wakes on a timer and glances at the counter, idle in between. The page stays live, but the result is noticed up to one interval late."
        ),
        HowAsyncBlocking => (
            "取号就是登记一个回调；然后顾客 await 叫号，什么别的也不做。页面不卡，但顾客这段时间一事无成。",
            "Taking a ticket registers a callback; then the customer awaits the call and does nothing else. The page stays live, but the customer gets nothing done meanwhile."
        ),
        HowAsyncCallback => (
            "登记回调后，顾客一件接一件地做别的事（每件是数一段数里的质数），每做完一件就把事件循环让出来；柜员办完时回调被调用，顾客回到柜台。",
            "After registering the callback the customer does other jobs one after another (each counts the primes in a block of numbers), giving the event loop a turn after each; when the teller is done the callback runs and the customer returns to the counter."
        ),
        Run => ("运行这种方式", "Run this way"),
        Running => ("运行中…", "Running…"),
        Replay => ("回放", "Replay"),
        Freeze => ("注意：运行时页面会冻结约 {0} 秒——这正是要演示的。", "Note: the page will freeze for about {0} s while this runs. That is the point."),
        Link => ("这种方式的链接", "Link to this way"),
        NotRun => ("这种方式还没运行过。", "This way has not been run yet."),
        Elapsed => ("已过 {0} ms", "{0} ms in"),
        Polls => ("看柜台的次数（轮询）", "Glances at the counter (polls)"),
        Jobs => ("等待时做完的别的事", "Other jobs done while waiting"),
        Found => ("（顺便数出 {0} 个质数）", "(found {0} primes meanwhile)"),
        TimeToResult => ("拿到结果用时", "Time to result"),
        Pickup => ("结果办好后多久才到手", "Result ready until in hand"),
        FrameGap => ("页面最长帧间隔", "Longest frame gap of the page"),
        Way => ("方式", "Way"),
        Teller => ("柜员", "Teller"),
        You => ("你", "You"),
        Line => ("排队", "In line"),
        Bench => ("等候区", "Bench"),
        Desk => ("别的事", "Other jobs"),
        Calling => ("42 号请到柜台！", "Number 42, please!"),
        Glance => ("好了吗？", "Done yet?"),
        Frozen => ("页面冻结", "Page frozen"),
        Served => ("拿到了！", "Got it!"),
        BarTeller => ("柜员", "Teller"),
        BarCustomer => ("顾客", "Customer"),
        LegendService => ("办理中", "serving"),
        LegendSpin => ("空转（页面冻结）", "spinning (page frozen)"),
        LegendJob => ("别的事", "other job"),
        LegendPoll => ("看一眼", "glance"),
        LegendCall => ("叫号（回调）", "call (callback)"),
        LegendResult => ("拿到结果", "result in hand"),
        Busy => ("另一个演示正在运行。", "Another demo is running."),
    }
}
