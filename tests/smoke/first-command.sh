#!/usr/bin/env bash
# Proves the README's first command on a machine whose crate cache is empty: a clean clone of
# this repository's HEAD, CARGO_HOME in a temporary folder (the installed tools stay on PATH),
# `./scripts/serve.sh` started in its own process group; then `/` and the module it names must
# answer 200 with the cross-origin isolation headers, and the server is stopped by its group.
# Fails if serve.sh exits, or serves nothing, within SMOKE_TIMEOUT_S (default 2400).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${SMOKE_PORT:-18431}"
TIMEOUT_S="${SMOKE_TIMEOUT_S:-2400}"
WORK="$(mktemp -d)"
LOG="$WORK/serve.log"
PGID=""

stop() {
  if [ -n "$PGID" ] && kill -0 -- "-$PGID" 2>/dev/null; then
    kill -TERM -- "-$PGID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 -- "-$PGID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$PGID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap stop EXIT

fail() {
  echo "smoke: $*" >&2
  echo "--- the last lines serve.sh printed ---" >&2
  tail -n 40 "$LOG" >&2 || true
  exit 1
}

git clone --quiet --no-hardlinks "$ROOT" "$WORK/clone"
mkdir "$WORK/cargo-home"
echo "smoke: serving a clean clone of $(git -C "$ROOT" rev-parse --short HEAD) with an empty crate cache ($WORK/cargo-home)"
started=$(date +%s)
# setsid: serve.sh, trunk and every cargo they start share one new process group.
( cd "$WORK/clone" && unset CARGO_TARGET_DIR && CARGO_HOME="$WORK/cargo-home" PATH="$HOME/.cargo/bin:$PATH" PORT="$PORT" \
    exec setsid ./scripts/serve.sh ) >"$LOG" 2>&1 </dev/null &
PID=$!
PGID=$PID
sleep 1
# Without job control the subshell is no group leader, so setsid makes serve.sh one in place.
[ "$(ps -o pgid= -p "$PID" | tr -d ' ')" = "$PID" ] || fail "serve.sh did not get a process group of its own"

url="http://127.0.0.1:$PORT/"
until curl -fsS -o /dev/null "$url" 2>/dev/null; do
  kill -0 "$PID" 2>/dev/null || { wait "$PID" && st=0 || st=$?; fail "serve.sh exited (status $st) before serving the page"; }
  [ $(( $(date +%s) - started )) -lt "$TIMEOUT_S" ] || fail "no page after ${TIMEOUT_S}s"
  sleep 2
done
elapsed=$(( $(date +%s) - started ))

check() { # path: 200 and both isolation headers
  local headers
  headers="$(curl -sS -D - -o "$WORK/body" "$url$1")" || fail "GET /$1 failed"
  grep -qE '^HTTP/[0-9.]+ 200' <<<"$headers" || fail "GET /$1: $(head -n1 <<<"$headers")"
  grep -qi '^cross-origin-opener-policy: same-origin' <<<"$headers" || fail "GET /$1: no COOP header"
  grep -qi '^cross-origin-embedder-policy: require-corp' <<<"$headers" || fail "GET /$1: no COEP header"
}
check ""
module="$(grep -oE "concurrency-playground-[0-9a-f]+\.js" "$WORK/body" | head -n1)"
[ -n "$module" ] || fail "the page names no app module"
check "$module"
grep -q "wasm" "$WORK/body" || fail "/$module does not look like the app's glue"
echo "smoke: / and /$module answer 200 with COOP/COEP, ${elapsed}s after serve.sh started"
# Stop the server by its process group, and make sure nothing of it is left running.
kill -TERM -- "-$PGID"
for _ in $(seq 50); do kill -0 -- "-$PGID" 2>/dev/null || break; sleep 0.2; done
if kill -0 -- "-$PGID" 2>/dev/null; then
  fail "the server's process group was still running 10 s after SIGTERM"
fi
PGID=""
echo "smoke: the server's process group stopped"
