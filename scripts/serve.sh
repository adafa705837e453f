#!/usr/bin/env bash
# Builds the app (release) and serves it on http://127.0.0.1:8080 with the cross-origin
# isolation headers the worker pool needs. Rebuilds on change. Ctrl-C stops.
#
# The first build runs on its own: if it fails, this stops with its error and a non-zero status
# instead of serving an empty page (Trunk's server keeps serving after a failed build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
PORT="${PORT:-8080}"
say "building the app (release); a first build on 2 cores takes about 10 minutes"
if ! build_app; then
  echo "serve.sh: the build failed (the error is above); nothing is served." >&2
  exit 1
fi
echo "Concurrency Playground: http://127.0.0.1:$PORT/"
# Trunk builds once more as it starts (cargo finds nothing to do), then watches for changes.
exec env CARGO_UNSTABLE_BUILD_STD=panic_abort,std trunk serve --release --port "$PORT"
