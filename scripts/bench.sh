#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): the native kernels, then the release app in headless
# Chromium. Prints markdown tables; the browser side also writes bench-report.{md,json}.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cargo run --release --quiet --bin bench
wasm_env trunk build --release
node tests/bench/run.mjs
