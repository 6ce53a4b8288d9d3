#!/usr/bin/env bash
# Prints the bytes a page loads (raw, gzip -9 and brotli q11) and fails above
# the budget in .ci/size-budget (total gzip bytes). Then prints where the
# wasm's bytes go (scripts/wasm-size.mjs: per crate, per module of this
# crate, data, largest functions), read from a names-kept copy of the same
# build. The attribution is information only: it never fails the check.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
budget=$(tr -dc '0-9' < .ci/size-budget)

brotli_size() {
  node -e 'const z = require("zlib");
    const buf = require("fs").readFileSync(process.argv[1]);
    const p = { [z.constants.BROTLI_PARAM_QUALITY]: 11, [z.constants.BROTLI_PARAM_LGWIN]: 24,
      [z.constants.BROTLI_PARAM_SIZE_HINT]: buf.length };
    console.log(z.brotliCompressSync(buf, { params: p }).length);' "$1"
}

total_raw=0
total_gzip=0
total_br=0
printf '%-24s %10s %10s %10s\n' file raw gzip brotli
for file in news-timeline.js news_timeline.js news_timeline_bg.wasm news-timeline.css; do
  [ -f "dist/$file" ] || continue
  raw=$(stat -c %s "dist/$file")
  gz=$(gzip -9c "dist/$file" | wc -c)
  br=$(brotli_size "dist/$file")
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gz))
  total_br=$((total_br + br))
  printf '%-24s %10d %10d %10d\n' "$file" "$raw" "$gz" "$br"
done
printf '%-24s %10d %10d %10d   (gzip budget %d)\n' total "$total_raw" "$total_gzip" "$total_br" "$budget"
over=0
if [ "$total_gzip" -gt "$budget" ]; then
  echo "the bundle is over its gzip budget in .ci/size-budget" >&2
  over=1
fi

# Where the wasm's bytes go, from the names-kept copy that the build's
# post_build hook leaves (Trunk.toml, scripts/split-names.mjs). Should that
# copy be of another build, remake one from trunk's wasm-bindgen output
# with wasm-opt at the level and flags of www/index.html (about 25 s).
attribution() {
  local copy=target/size/news_timeline_bg.names.wasm
  local shipped=dist/news_timeline_bg.wasm
  [ -f "$shipped" ] || { echo "no $shipped: run a release build first"; return 1; }
  local gz
  gz=$(gzip -9c "$shipped" | wc -c)
  if [ -f "$copy" ]; then
    local rc=0
    node scripts/wasm-size.mjs "$copy" "$shipped" --gzip "$gz" || rc=$?
    [ "$rc" -eq 3 ] || return "$rc"
  fi
  local input=target/wasm-bindgen/release/news_timeline_bg.wasm
  [ -f "$input" ] || { echo "no $input: run a release build (trunk build --release) first"; return 1; }
  local tag level params start=$SECONDS
  tag=$(grep -o '<link data-trunk rel="rust"[^>]*>' www/index.html)
  level=$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' <<<"$tag")
  params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' <<<"$tag")
  params=$(tr ' ' '\n' <<<"$params" | grep -vx -- '-g' | tr '\n' ' ' || true)
  mkdir -p target/size
  # shellcheck disable=SC2086 # params are separate flags
  wasm-opt "-O${level:-2}" $params -g "$input" -o "$copy" || return 1
  echo "(made $copy with wasm-opt -O${level:-2} ${params}-g in $((SECONDS - start)) s)"
  node scripts/wasm-size.mjs "$copy" "$shipped" --gzip "$gz"
}
attribution || echo "(no wasm attribution: see the line above; the size check itself stands)"

exit "$over"
