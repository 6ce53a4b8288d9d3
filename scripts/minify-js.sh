#!/bin/sh
# Trunk post_build hook (release builds): minifies the two scripts a page
# loads, in the staging folder, with terser (npm, pinned, installed into
# .tools/ by scripts/setup.sh). trunk's own minifier fails on wasm-bindgen's
# glue, hence `minify = "never"` in Trunk.toml.
#  - news_timeline.js, the wasm-bindgen glue: an ES module; its exports keep
#    their names (only local names are mangled).
#  - news-timeline.js, the loader: a classic script; keeps its /*! header.
#    www/news-timeline.js in the repository stays the readable source.
set -eu
[ "${TRUNK_PROFILE:-release}" = release ] || exit 0
terser=.tools/node_modules/.bin/terser
[ -x "$terser" ] || { echo "minify-js: $terser is missing: run scripts/setup.sh" >&2; exit 1; }
dir=$TRUNK_STAGING_DIR
"$terser" "$dir/news_timeline.js" --module --compress passes=2 --mangle -o "$dir/news_timeline.js.tmp"
mv "$dir/news_timeline.js.tmp" "$dir/news_timeline.js"
"$terser" "$dir/news-timeline.js" --compress passes=2 --mangle --comments '/^!/' -o "$dir/news-timeline.js.tmp"
mv "$dir/news-timeline.js.tmp" "$dir/news-timeline.js"
