#!/usr/bin/env bash
# The benchmark in one command: bench/run.sh
#
# Checks that the release bundle (dist/) exists, installs the pinned bench
# packages (npm ci), starts bench/server.mjs on 127.0.0.1:8092, runs
# bench/run.mjs with playwright-core and /usr/bin/chromium, and leaves
# results.json, results.md and render-time.svg in bench/. About 15-20 minutes
# on 2 cores. Options go through the environment (see run.mjs), e.g.
#   BENCH_SIZES=100,1000 BENCH_SAMPLES=3 bench/run.sh
# and BENCH_BEFORE_DIST=<another build's dist/> adds "news-timeline before".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
port="${BENCH_PORT:-8092}"

say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
fail() {
  printf '\033[31m[bench] %s\033[0m\n' "$1" >&2
  printf '[bench] what to do: %s\n' "$2" >&2
  exit 1
}

command -v node >/dev/null || fail "node is missing" "install Node.js 20+"
command -v npm >/dev/null || fail "npm is missing" "install Node.js 20+ (with npm)"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing" "sudo apt-get install chromium (the bench never downloads a browser)"

# 1. The release bundle. Normally you build it (make serve, or
#    scripts/build.sh); only when it is missing do we build it here.
if [ ! -f "$root/dist/news-timeline.js" ] || [ ! -f "$root/dist/news_timeline.js" ] || [ ! -f "$root/dist/news_timeline_bg.wasm" ]; then
  say "dist/ is missing: run 'make serve' or 'scripts/build.sh' in $root to build it."
  say "Building it now (scripts/setup.sh build, then scripts/build.sh)..."
  (
    cd "$root"
    scripts/setup.sh build
    scripts/build.sh
  ) || fail "the build failed" "run 'make serve' in $root and read its output"
fi
# Other engineers rebuild dist/ while we measure: serve a copy taken now, so
# every page of the run gets the same build (results.md says if dist/ changed).
snapshot="$(mktemp -d "${TMPDIR:-/tmp}/news-timeline-bench-dist.XXXXXX")"
before_snapshot=""
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$snapshot"
  if [ -n "$before_snapshot" ]; then rm -rf "$before_snapshot"; fi
}
trap cleanup EXIT
cp -a "$root/dist/." "$snapshot/"
say "bundle: a copy of $root/dist (built $(date -r "$root/dist/news_timeline_bg.wasm" '+%Y-%m-%d %H:%M:%S')) in $snapshot"
export BENCH_DIST="$snapshot" BENCH_DIST_SOURCE="$root/dist"

# Optional: another build of our widget ("news-timeline before"), served at
# /before/ and measured exactly like ours, e.g. the build of an older commit:
#   BENCH_BEFORE_DIST=/tmp/before/dist bench/run.sh
# BENCH_BEFORE_REV names it in results.md (default: the commit of the git
# checkout around that folder, if there is one).
if [ -n "${BENCH_BEFORE_DIST:-}" ]; then
  before_source="$(cd "$BENCH_BEFORE_DIST" 2>/dev/null && pwd)" ||
    fail "BENCH_BEFORE_DIST=$BENCH_BEFORE_DIST is not a folder" "point it at a built dist/ (with news-timeline.js, news_timeline.js, news_timeline_bg.wasm)"
  for f in news-timeline.js news_timeline.js news_timeline_bg.wasm; do
    [ -f "$before_source/$f" ] || fail "$before_source/$f is missing" "build that checkout first (its README says how), or unset BENCH_BEFORE_DIST"
  done
  if [ -z "${BENCH_BEFORE_REV:-}" ]; then
    BENCH_BEFORE_REV="$(git -C "$before_source/.." rev-parse --short HEAD 2>/dev/null || true)"
  fi
  before_snapshot="$(mktemp -d "${TMPDIR:-/tmp}/news-timeline-bench-before.XXXXXX")"
  cp -a "$before_source/." "$before_snapshot/"
  say "before: a copy of $before_source${BENCH_BEFORE_REV:+ (commit $BENCH_BEFORE_REV)} in $before_snapshot"
  export BENCH_BEFORE_DIST="$before_snapshot" BENCH_BEFORE_SOURCE="$before_source" BENCH_BEFORE_REV
fi

# 2. The pinned packages (package-lock.json): playwright-core, vis-timeline,
#    @knight-lab/timelinejs. Reinstalled only when the lock file changed.
if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -f "$here/node_modules/.package-lock.json" ] ||
  [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  say "installing the bench packages (npm ci)"
  (cd "$here" && npm ci --no-audit --no-fund) || fail "npm ci failed in bench/" "cd bench && npm ci"
fi

# 3. The static server (its own process, stopped on exit).
if node -e "fetch('http://127.0.0.1:$port/').then(() => process.exit(0), () => process.exit(1))" 2>/dev/null; then
  fail "something already listens on 127.0.0.1:$port" "stop it, or set BENCH_PORT to a free port"
fi
BENCH_PORT="$port" node "$here/server.mjs" &
server_pid=$!
for _ in $(seq 1 50); do
  if node -e "fetch('http://127.0.0.1:$port/pages/blank.html').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" 2>/dev/null; then
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || fail "the bench server did not start" "node bench/server.mjs (read its message)"
  sleep 0.2
done

# 4. The measurements.
BENCH_PORT="$port" node "$here/run.mjs"
say "results: ${BENCH_OUT:-$here}/results.md (raw: results.json, chart: render-time.svg)"
