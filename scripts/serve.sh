#!/usr/bin/env bash
# Builds the app (release) and serves it on http://127.0.0.1:8080 with the cross-origin
# isolation headers the worker pool needs. Rebuilds on change. Ctrl-C stops.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
PORT="${PORT:-8080}"
echo "Concurrency Playground will be at http://127.0.0.1:$PORT/ once the first build finishes."
wasm_env trunk serve --release --port "$PORT"
