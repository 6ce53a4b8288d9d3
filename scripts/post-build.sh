#!/bin/sh
# Trunk's post_build hook: trunk starts all post_build hooks at once, so
# the steps that rewrite the same files run here, in order, for release
# builds (TRUNK_PROFILE=release; trunk sets TRUNK_STAGING_DIR):
#  1. drop wasm-streams' unused exports from the wasm and the glue
#     (scripts/drop-stream-exports.mjs says why);
#  2. minify the glue and the loader (scripts/minify-js.sh);
#  3. keep a names-kept copy of the wasm for `make size` and ship it
#     without its name section (scripts/split-names.mjs).
set -eu
[ "${TRUNK_PROFILE:-release}" = release ] || exit 0
dir=$TRUNK_STAGING_DIR
node scripts/drop-stream-exports.mjs "$dir/news_timeline_bg.wasm" "$dir/news_timeline.js"
sh scripts/minify-js.sh
node scripts/split-names.mjs "$dir/news_timeline_bg.wasm" target/size/news_timeline_bg.names.wasm
