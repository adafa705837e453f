#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): the release app in headless Chromium, with the native
# kernels (cargo run --release --bin bench) measured in the same session. Prints markdown
# tables and writes bench-report.{md,json}.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
build_app
node tests/bench/run.mjs
