//! Texts of the pool status and the cross-origin isolation banner.

crate::texts! {
    pub enum PoolText {
        Isolated => ("跨源隔离", "Cross-origin isolated"),
        LogicalProcessors => ("逻辑处理器", "Logical processors"),
        Pool => ("线程池", "Worker pool"),
        Yes => ("是", "yes"),
        No => ("否", "no"),
        ViaHeaders => ("是（服务器的响应头）", "yes (the server's headers)"),
        ViaServiceWorker => ("是（由 service worker 加上的响应头）", "yes (headers added by a service worker)"),
        Unknown => ("未知", "unknown"),
        Starting => ("启动中：{0} 个 worker…", "starting {0} workers…"),
        Ready => ("就绪：{0} 个 worker，默认每次用 {1} 个", "ready: {0} workers, runs use {1} by default"),
        Unavailable => ("不可用", "unavailable"),
        Failed => ("启动失败", "failed to start"),
        LostWorkers => ("有 {0} 个 worker 因任务崩溃而停用；其余的照常工作。重新加载页面可恢复。", "{0} worker(s) stopped after a task panicked; the others carry on. Reload the page to get them back."),
        Why => ("线程池需要“跨源隔离”。多个线程要共享同一块内存（SharedArrayBuffer），而浏览器只在页面带着 Cross-Origin-Opener-Policy: same-origin 和 Cross-Origin-Embedder-Policy: require-corp 两个响应头时才提供它——这是为了防范 Spectre 一类的侧信道攻击：共享内存能做出精确的计时器。", "The worker pool needs cross-origin isolation. Its threads share one block of memory (SharedArrayBuffer), and browsers only allow that when the page comes with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp, a defence against Spectre-style side channels: shared memory makes a precise timer."),
        NoSharedMemory => ("这个页面没有 SharedArrayBuffer，所以线程池（以及用它的 GIL 模拟）不可用；主线程上的执行方式照常可用。", "This page has no SharedArrayBuffer, so the worker pool (and the GIL simulation on it) is unavailable; the executors on the main thread still run."),
        ReasonUnknown => ("服务器没有发送这两个响应头。", "The server did not send these headers."),
        ReasonUnsupported => ("这个浏览器太旧，不支持跨源隔离。", "This browser is too old for cross-origin isolation."),
        ReasonInsecure => ("页面不在安全上下文中（需要 https 或 localhost），所以不能用 service worker 补上响应头。", "The page is not in a secure context (https or localhost), so no service worker may add the headers."),
        ReasonNoServiceWorker => ("服务器没有发送这两个响应头，而这个浏览器在这里不提供 service worker（例如某些隐私窗口），无法补上。", "The server did not send these headers, and this browser offers no service worker here (some private windows do this) to add them."),
        ReasonRefused => ("服务器没有发送这两个响应头；用来补上它们的 service worker 被浏览器拒绝了：{0}", "The server did not send these headers, and the browser refused the service worker that adds them: {0}"),
        ReasonNoEffect => ("已经装好补上响应头的 service worker，但页面仍未隔离：浏览器绕过了它（例如强制刷新或开发者工具），或者忽略了它加的头。", "A service worker that adds the headers is installed, but the page is still not isolated: the browser bypassed it (a hard reload, developer tools) or ignored its headers."),
        ReasonNoReload => ("已经装好补上响应头的 service worker；请手动重新加载一次页面。", "A service worker that adds the headers is installed: reload the page once by hand."),
        ReasonPending => ("正在安装补上响应头的 service worker，页面会自动重新加载一次…", "Installing a service worker that adds the headers; the page will reload itself once…"),
        FailedNotice => ("线程池启动失败；主线程上的执行方式照常可用。", "The worker pool failed to start; the executors on the main thread still run."),
    }
}
