//! Text of lesson 16's language comparison.

crate::texts! {
    pub enum CompareText {
        Heading => ("同一个内核，三种运行方式", "One kernel, three ways to run it"),
        Intro => (
            "统计 {0} 以内的素数：在主线程上用 WebAssembly 和纯 JavaScript 各跑一次（页面会卡住约 {1} 秒），旁边是项目基准测试测得的原生 Rust 数字。",
            "Counts the primes below {0}: once in WebAssembly and once in plain JavaScript on the main thread (the page freezes for about {1} s), beside the native Rust figures the project's benchmark measured."
        ),
        Run => ("运行比较", "Run the comparison"),
        Running => ("运行中……", "Running…"),
        Wasm => ("WebAssembly，主线程", "WebAssembly, main thread"),
        Js => ("JavaScript，主线程", "JavaScript, main thread"),
        NativeSerial => ("原生 Rust，单线程", "native Rust, one thread"),
        NativeParallel => ("原生 Rust，rayon {0} 线程", "native Rust, rayon on {0} threads"),
        Relative => ("{0} × WebAssembly 的用时", "{0} × the WebAssembly time"),
        NativeFrom => (
            "原生数字来自 scripts/bench.sh（{0}），不是在你的机器上测的。",
            "Native figures from scripts/bench.sh ({0}), not measured on your machine."
        ),
        NoNative => (
            "没有原生数字：运行 scripts/bench.sh 生成。",
            "No native figures: run scripts/bench.sh to produce them."
        ),
        Disagree => (
            "两个内核的答案不同（{0} 与 {1}）：这是个错误。",
            "The kernels disagree ({0} vs {1}): that is a bug."
        ),
        Answer => ("素数个数：{0}", "primes: {0}"),
    }
}
