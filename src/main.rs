//! The app's entry point. In the browser it mounts the Yew app; natively there is nothing to
//! run (the app lives in the browser; `cargo run --release --bin bench` is the native side).

fn main() {
    #[cfg(target_arch = "wasm32")]
    concurrency_playground::web::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "Concurrency Playground runs in the browser: ./scripts/serve.sh builds and serves it."
    );
}
