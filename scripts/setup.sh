#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; skips what is there.
# Sourced by serve.sh, test.sh and bench.sh (it also sets PATH and the build environment).
# Only package registries are used: rustup components, crates.io, Debian's apt, npm.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

TRUNK_VERSION="0.22.1"
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"

# `cargo install` of big tools takes most of an hour on 2 cores with their release profile
# (fat LTO, one codegen unit). These tools need no such optimisation: build them quickly.
INSTALL_PROFILE=(
  CARGO_PROFILE_RELEASE_LTO=off
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1
  CARGO_PROFILE_RELEASE_DEBUG=0
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

setup_rust() {
  command -v rustup >/dev/null || { echo "rustup is required: https://rustup.rs" >&2; exit 1; }
  # rust-toolchain.toml names the nightly; make sure it has what the threaded build needs.
  if ! rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src'; then
    say "adding rust-src to the nightly"
    rustup component add rust-src --toolchain nightly
  fi
  if ! rustup target list --toolchain nightly --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
    say "adding the wasm32-unknown-unknown target to the nightly"
    rustup target add wasm32-unknown-unknown --toolchain nightly
  fi
  for comp in rustfmt clippy; do
    if ! rustup component list --toolchain nightly --installed 2>/dev/null | grep -q "^$comp"; then
      rustup component add "$comp" --toolchain nightly
    fi
  done
}

setup_apt() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  # Firefox ESR only for the tests (test.sh sets SETUP_FIREFOX=1): serving needs no browser.
  if [ "${SETUP_FIREFOX:-0}" = 1 ] && [ ! -x /usr/bin/firefox-esr ]; then missing+=(firefox-esr); fi
  command -v wasm-objdump >/dev/null || missing+=(wabt)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing from apt: ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
}

setup_cargo_tools() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
    env "${INSTALL_PROFILE[@]}" cargo +nightly install trunk --version "$TRUNK_VERSION" --locked --force
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
    || ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
    # Not --locked: one of its locked dependency versions is missing from the registry mirror.
    env "${INSTALL_PROFILE[@]}" cargo +nightly install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
}

setup_npm() {
  # package-lock.json pins binaryen (wasm-opt), playwright-core, coi-serviceworker and pyodide
  # (both copied into dist/ by Trunk: the latter by scripts/pyodide.mjs).
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
    || [ ! -f node_modules/coi-serviceworker/coi-serviceworker.js ] \
    || [ ! -f node_modules/pyodide/pyodide.asm.wasm ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund
  fi
}

# The wasm build only: rebuild std with atomics. Exported per command, never globally, because
# it would make native `cargo test` rebuild std too.
wasm_env() {
  env CARGO_UNSTABLE_BUILD_STD=panic_abort,std "$@"
}

# Trunk runs cargo with --offline (Trunk.toml), and build-std must also resolve the standard
# library's own dependencies (rust-src's library/Cargo.lock): on a machine whose crate cache is
# empty nothing has downloaded either yet, and the offline build fails ("no matching package
# named `wasip1`"). Fetch both before any build; with a warm cache this takes about a second.
fetch_crates() {
  say "fetching crates (the app's for every target, and the standard library's for build-std)"
  cargo fetch --locked
  wasm_env cargo fetch --locked --target wasm32-unknown-unknown
}

# The release build of the app into dist/ (serve.sh's first build, test.sh, bench.sh).
build_app() {
  wasm_env trunk build --release
}

setup_rust
setup_apt
setup_cargo_tools
setup_npm
fetch_crates
