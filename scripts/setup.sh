#!/usr/bin/env bash
# Installs what building (`setup.sh build`) or also testing (`setup.sh test`)
# needs, skipping whatever is already there. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=123
TERSER_VERSION=5.51.2
# The release build's nightly (scripts/build.sh names it).
RELEASE_TOOLCHAIN=$(sed -n 's/^RELEASE_TOOLCHAIN=//p' scripts/build.sh)
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
fail() {
  printf '\033[31m[setup] %s\033[0m\n' "$1" >&2
  printf '[setup] what to do: %s\n' "$2" >&2
  exit 1
}

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || fail "$tool is missing" "install rustup (https://rustup.rs) and Node.js 20+ first"
done
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml ||
  fail "Trunk.toml pins another wasm-bindgen than Cargo.lock ($WASM_BINDGEN_VERSION)" \
    "set [tools] wasm_bindgen = \"$WASM_BINDGEN_VERSION\" in Trunk.toml"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown ||
    fail "rustup could not add the wasm target" "run: rustup target add wasm32-unknown-unknown"
fi

if ! rustup toolchain list | grep -q "^$RELEASE_TOOLCHAIN-" ||
  ! rustup component list --toolchain "$RELEASE_TOOLCHAIN" --installed | grep -q '^rust-src'; then
  say "installing $RELEASE_TOOLCHAIN with rust-src for the release build (about 20 s)"
  rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal --component rust-src ||
    fail "rustup could not install $RELEASE_TOOLCHAIN" \
      "run: rustup toolchain install $RELEASE_TOOLCHAIN --profile minimal --component rust-src"
fi

# -Zbuild-std builds std from rust-src, whose dependencies must be in
# cargo's cache for the --offline build.
std_library="$(rustup run "$RELEASE_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library"
if ! rustup run "$RELEASE_TOOLCHAIN" cargo fetch --offline --locked --quiet --target wasm32-unknown-unknown \
  --manifest-path "$std_library/Cargo.toml" >/dev/null 2>&1; then
  say "fetching the crates that std's source depends on"
  rustup run "$RELEASE_TOOLCHAIN" cargo fetch --locked --quiet --target wasm32-unknown-unknown \
    --manifest-path "$std_library/Cargo.toml" ||
    fail "cargo could not fetch std's dependencies" \
      "run: cargo +$RELEASE_TOOLCHAIN fetch --target wasm32-unknown-unknown --manifest-path $std_library/Cargo.toml"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes about 7 minutes once)"
  cargo install --locked "trunk@$TRUNK_VERSION" ||
    fail "trunk did not install" "run: cargo install --locked trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
  ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version in Cargo.lock)"
  # --locked does not build for this crate version; the plain install does.
  cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" ||
    fail "wasm-bindgen-cli did not install" "run: cargo install wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

# wasm-opt and terser (the post_build minifier) live in .tools/, installed
# together: npm drops packages of a --no-save install that a later one
# does not name.
if ! wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION" ||
  [ "$(.tools/node_modules/.bin/terser --version 2>/dev/null)" != "terser $TERSER_VERSION" ]; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) and terser@$TERSER_VERSION into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-save --no-audit --no-fund "binaryen@$BINARYEN_VERSION" "terser@$TERSER_VERSION" >/dev/null ||
    fail "binaryen and terser did not install" "run: npm install --prefix .tools binaryen@$BINARYEN_VERSION terser@$TERSER_VERSION"
fi

if [ "${1:-build}" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; } ||
      fail "chromium did not install" "run: sudo apt-get install chromium chromium-driver"
  fi
  if [ ! -d tests/e2e/node_modules/@playwright/test ] ||
    [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
    say "installing the end-to-end test packages (tests/e2e)"
    (cd tests/e2e && npm ci --no-audit --no-fund >/dev/null) ||
      fail "npm ci failed in tests/e2e" "run: cd tests/e2e && npm ci"
  fi
fi
say "ready"
