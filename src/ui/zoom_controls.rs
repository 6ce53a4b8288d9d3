//! Zoom in, zoom out and show-all buttons, for readers without a wheel,
//! trackpad or keyboard shortcut.

use crate::ui::dom::{add, add_text, closest, el, listen, set};
use crate::ui::track::ZOOM_STEP;
use crate::ui::Ctx;
use web_sys::HtmlElement;

/// The three buttons in a labelled group; one listener answers them all.
pub fn zoom_controls(cx: Ctx) -> HtmlElement {
    let s = cx.text.s;
    let group = el("div", "nt-zoom");
    set(&group, "role", "group");
    set(&group, "aria-label", s.zoom);
    for (action, glyph, name, key) in [
        ("in", "+", s.zoom_in, "+"),
        ("out", "−", s.zoom_out, "−"),
        ("fit", s.show_all, s.show_all_events, "0"),
    ] {
        let class = if action == "fit" {
            "nt-zoom__button nt-zoom__button--fit"
        } else {
            "nt-zoom__button"
        };
        let button = add(&group, "button", class);
        // A label of its own, so a narrow widget can show the fit button
        // as a symbol (the stylesheet) and keep its name.
        add_text(&button, "span", "nt-zoom__label", glyph);
        set(&button, "type", "button");
        set(&button, "data-zoom", action);
        if action != "fit" {
            set(&button, "aria-label", name);
        }
        set(&button, "title", &[name, " (", key, ")"].concat());
    }
    listen(&group, "click", move |ev| {
        let action = closest(&ev, "button").and_then(|b| b.get_attribute("data-zoom"));
        let state = cx.state;
        match action.as_deref() {
            Some("in") => cx.motion.ease(state, state.zoomed(0.5, ZOOM_STEP)),
            Some("out") => cx.motion.ease(state, state.zoomed(0.5, 1.0 / ZOOM_STEP)),
            Some("fit") => state.fit(),
            _ => {}
        }
    });
    group
}
