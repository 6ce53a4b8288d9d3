//! The unit tests of build.rs's CSS minifier (build/css_minify.rs).
#[path = "../build/css_minify.rs"]
#[allow(dead_code)]
mod css_minify;
