//! Text with the reader's search matches marked, so a reader sees why an
//! event passed the search ("tanker" in "Oil tankers attacked").

use crate::core::filter::highlight_segments;
use crate::ui::dom::{add_text, set_text};
use web_sys::Element;

/// Fills `target` with `text`, each match of the folded `query` in a
/// `<mark>`; without a query (the usual case) the text is all there is.
pub fn highlight(target: &Element, text: &str, query: Option<&str>) {
    match query.filter(|q| !q.is_empty()) {
        None => set_text(target, text),
        Some(query) => {
            target.set_text_content(None);
            for (run, hit) in highlight_segments(text, query) {
                if hit {
                    add_text(target, "mark", "nt-mark", run);
                } else {
                    let _ = target.append_with_str_1(run);
                }
            }
        }
    }
}
