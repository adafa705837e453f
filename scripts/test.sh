#!/usr/bin/env bash
# Runs every check and test: formatting, clippy (native and wasm32), native unit tests, the
# lessons' snippets in CPython, wasm-bindgen tests of the real pool in headless Chromium, and
# end-to-end tests of the built app in headless Chromium and Firefox ESR (served with and
# without cross-origin isolation).
set -euo pipefail
SETUP_FIREFOX=1 source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

step() { printf '\n\033[1;34m=== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check

step "clippy (native)"
cargo clippy --all-targets -- -D warnings

step "clippy (wasm32)"
# The core's unit tests are native-only (they run real threads through std); the wasm
# targets are the library, the binaries and the browser tests in tests/.
wasm_env cargo clippy --target wasm32-unknown-unknown --lib --bins --test '*' -- -D warnings

step "native tests (the pure core)"
cargo test

step "the lessons' snippets in CPython show what their lessons say (check-snippets)"
# Every snippet.py run with Debian's python3 (about 25 s); pyrun::shape holds the output's shape.
cargo run --quiet --bin check-snippets

step "wasm tests in headless Chromium (the real pool)"
CHROMEDRIVER=/usr/bin/chromedriver \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  wasm_env cargo test --target wasm32-unknown-unknown --test '*'

step "release build (trunk)"
build_app

step "the build is threaded: its imported memory is shared"
wasm="$(ls dist/*_bg.wasm)"
wasm-objdump -x -j Import "$wasm" | grep -E 'memory\[0\].* shared' \
  || { echo "dist wasm memory is not shared: the link args in .cargo/config.toml did not apply" >&2; exit 1; }

step "end-to-end tests in headless Chromium"
node --test tests/e2e/*.test.mjs

step "end-to-end tests in headless Firefox ESR (WebDriver BiDi)"
# The same suite; where a test reads something only Chromium's protocol offers (a download, the
# clipboard) it reads it from the page instead (tests/e2e/browser.mjs names each case).
BROWSER=firefox node --test tests/e2e/*.test.mjs

step "the README's first command on an empty crate cache (tests/smoke/first-command.sh)"
# A cold build in a clean clone: about 3 minutes on 2 cores (166 s on e5ed230). SMOKE=0 skips
# it locally.
if [ "${SMOKE:-1}" != 0 ]; then
  ./tests/smoke/first-command.sh
else
  echo "skipped (SMOKE=0)"
fi
