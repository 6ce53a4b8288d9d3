#!/usr/bin/env bash
# Prints the bytes a page loads (raw and gzip -9) and fails above the budget
# in .ci/size-budget (total gzip bytes).
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$(tr -dc '0-9' < .ci/size-budget)
total_raw=0
total_gzip=0
printf '%-24s %10s %10s\n' file raw gzip
for file in news-timeline.js news_timeline.js news_timeline_bg.wasm news-timeline.css; do
  [ -f "dist/$file" ] || continue
  raw=$(stat -c %s "dist/$file")
  gz=$(gzip -9c "dist/$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gz))
  printf '%-24s %10d %10d\n' "$file" "$raw" "$gz"
done
printf '%-24s %10d %10d   (budget %d)\n' total "$total_raw" "$total_gzip" "$budget"
if [ "$total_gzip" -gt "$budget" ]; then
  echo "the bundle is over its gzip budget in .ci/size-budget" >&2
  exit 1
fi
