#!/usr/bin/env bash
# The release build of the widget: `trunk build --release --offline` (or, as
# `scripts/build.sh serve`, trunk serve) with the pinned nightly below, which
# rebuilds std for wasm32 without panic formatting, panic locations and
# Debug formatting (`{:?}` prints nothing): the shipped wasm is about 7%
# smaller after gzip (bench/size.md). Only this build uses the nightly:
# clippy, native tests and the wasm-bindgen-test runs use stable.
# scripts/setup.sh installs the toolchain (and its rust-src).
set -euo pipefail
cd "$(dirname "$0")/.."
RELEASE_TOOLCHAIN=nightly-2026-05-20
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export RUSTUP_TOOLCHAIN=$RELEASE_TOOLCHAIN
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# RUSTFLAGS (with check.sh's -D warnings) apply to the wasm only: trunk
# passes --target, so build scripts and proc macros build without them.
export RUSTFLAGS="${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
command=${1:-build}
[ $# -eq 0 ] || shift
exec trunk "$command" --release --offline "$@"
