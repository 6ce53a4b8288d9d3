//! Writes a minified copy of every stylesheet under src/ui (recursively) to
//! `$OUT_DIR/ui/<same relative path>`; `ui::STYLES` includes those copies,
//! so the wasm carries the CSS without its comments and indentation while
//! src/ui keeps the readable files. Plain Rust, no crates.

#[path = "build/css_minify.rs"]
mod css_minify;

use std::path::{Path, PathBuf};
use std::{env, fs, io};

fn main() -> io::Result<()> {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("ui");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/css_minify.rs");
    // A directory: cargo rescans it, so added or removed files count too.
    println!("cargo:rerun-if-changed=src/ui");
    minify_dir(Path::new("src/ui"), &out)
}

fn minify_dir(from: &Path, to: &Path) -> io::Result<()> {
    let mut entries = fs::read_dir(from)?.collect::<Result<Vec<_>, _>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            minify_dir(&path, &to.join(entry.file_name()))?;
        } else if path.extension().is_some_and(|ext| ext == "css") {
            println!("cargo:rerun-if-changed={}", path.display());
            let css = fs::read_to_string(&path)?;
            fs::create_dir_all(to)?;
            fs::write(to.join(entry.file_name()), css_minify::minify_css(&css))?;
        }
    }
    Ok(())
}
