//! Validation problems listed inside the widget, for page developers who
//! turned on the `debug` option; readers never see it otherwise.

use crate::ui::dom::{add, add_text, bind, el, set};
use crate::ui::Ctx;
use web_sys::HtmlElement;

/// A collapsed list of the current problems in `root` before
/// `before` (built anew when the data changes), absent while there are
/// none.
pub fn debug_notice(cx: Ctx, root: &HtmlElement, before: &HtmlElement) {
    let Ctx { state, text, .. } = cx;
    let notice = el("details", "nt-debug");
    set(&notice, "role", "note");
    let (root, before) = (root.clone(), before.clone());
    bind(move || {
        let problems = state.problems();
        notice.set_text_content(None);
        if problems.is_empty() {
            notice.remove();
            return;
        }
        add_text(
            &notice,
            "summary",
            "nt-debug__summary",
            &text.problems(problems.len()),
        );
        let list = add(&notice, "ul", "nt-debug__list");
        for problem in &problems {
            let item = add(&list, "li", "nt-debug__item");
            add_text(&item, "code", "nt-debug__path", &problem.path);
            let _ = item.append_with_str_1(&[": ", &problem.message].concat());
        }
        let _ = root.insert_before(&notice, Some(&before));
    });
}
