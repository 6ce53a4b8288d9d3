#!/usr/bin/env bash
# Builds the release bundle and the demo pages, then serves them at
# http://127.0.0.1:8080 (Ctrl+C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
echo "[serve] the demo news page will be at http://127.0.0.1:8080/ (examples: /examples/)"
exec scripts/build.sh serve
