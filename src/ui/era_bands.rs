//! Named spans of time (TimelineJS3's eras) as shaded bands behind the
//! events, so a reader sees "Reign of Augustus" at a glance. Decorative
//! for screen readers: the events carry the dates.

use crate::core::scale::Scale;
use crate::ui::dom::{add, add_text, bind, px, set, style};
use crate::ui::reactive::Derived;
use crate::ui::Ctx;
use web_sys::HtmlElement;

/// The bands at the end of `parent`, drawn through `scale`.
pub fn era_bands(cx: Ctx, parent: &HtmlElement, scale: Derived<Option<Scale>>) {
    let state = cx.state;
    let strip = add(parent, "div", "nt-eras");
    set(&strip, "aria-hidden", "true");
    bind(move || {
        strip.set_text_content(None);
        let Some(scale) = scale.get() else {
            return;
        };
        let window = scale.window();
        for era in &state.data().timeline.eras {
            if !window.intersects(era.start_ms(), era.end_ms()) {
                continue;
            }
            let left = scale.x_of(era.start_ms()).max(0.0);
            let right = scale.x_of(era.end_ms()).min(scale.width());
            let band = add(&strip, "div", "nt-era");
            style(&band, "left", &px(left));
            style(&band, "width", &px((right - left).max(1.0)));
            add_text(&band, "span", "nt-era__label", &era.label);
        }
    });
}
