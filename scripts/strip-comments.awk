# Drops the comment-only lines of a JS file: `//` lines and `/* */` blocks
# that start a line, except a `/*!` block (the loader's header). Readers
# download the loader without them; www/news-timeline.js keeps them.
/^[ \t]*\/\*[^!]/ { block = 1 }
block { if (/\*\//) block = 0; next }
/^[ \t]*\/\// { next }
{ print }
