#!/usr/bin/env bash
# The whole check, as CI runs it: formatting, layering, lints, native tests,
# the release build and its size budget, component tests in headless
# Chromium, and end-to-end tests against the built bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export RUSTFLAGS="-D warnings" RUSTDOCFLAGS="-D warnings"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check

step "layering: src/core is pure Rust"
if grep -rnE '\b(leptos|web_sys|js_sys|wasm_bindgen)\b' src/core; then
  echo "src/core must not use leptos, web-sys, js-sys or wasm-bindgen (see the lines above)" >&2
  exit 1
fi

step "loader and package agree on the version"
crate_version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
grep -q "var VERSION = \"$crate_version\";" www/news-timeline.js || {
  echo "www/news-timeline.js VERSION differs from Cargo.toml ($crate_version)" >&2
  exit 1
}

step "clippy (native and wasm32)"
cargo clippy --all-targets --quiet
cargo clippy --lib --tests --target wasm32-unknown-unknown --quiet

step "native tests (core)"
cargo test --quiet

step "release build (trunk, pinned nightly: scripts/build.sh)"
start=$(date +%s)
scripts/build.sh
echo "build took $(($(date +%s) - start)) s"

step "bundle size"
scripts/size.sh

step "component tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test 'web_*'

step "end-to-end tests (Playwright, headless Chromium)"
(cd tests/e2e && npx playwright test)
