//! Named spans of time (eras) as shaded bands behind the events, so a
//! reader sees "Reign of Augustus" at a glance. Eras that overlap are
//! drawn in separate bands, one above the other, each labelled; an era
//! with a colour is tinted with it. Decorative for screen readers: the
//! events carry the dates.

use crate::core::model::era_bands as bands_of;
use crate::core::scale::Scale;
use crate::ui::dom::{add, add_text, bind, px, set, style, toggle_class};
use crate::ui::reactive::Derived;
use crate::ui::Ctx;
use web_sys::HtmlElement;

/// The bands at the end of `parent`, drawn through `scale`. Each band
/// carries `data-era="<i>"`, its era's place in time order.
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
        let data = state.data();
        let palette = state.palette();
        let eras = &data.timeline.eras;
        let (bands, count) = bands_of(eras);
        for (i, (era, band_at)) in eras.iter().zip(bands).enumerate() {
            if !window.intersects(era.start_ms(), era.end_ms()) {
                continue;
            }
            let left = scale.x_of(era.start_ms()).max(0.0);
            let right = scale.x_of(era.end_ms()).min(scale.width());
            let band = add(&strip, "div", "nt-era");
            set(&band, "data-era", &i.to_string());
            if let Some(swatch) = palette.of_era(i) {
                // First: the inline style it sets is added to below.
                band.style().set_css_text(swatch);
                toggle_class(&band, "nt-era--colored", true);
            }
            style(&band, "left", &px(left));
            style(&band, "width", &px((right - left).max(1.0)));
            if count > 1 {
                // Band `band_at` of `count`, from the top (the stylesheet
                // divides the height).
                style(&band, "--_band", &band_at.to_string());
                style(&band, "--_bands", &count.to_string());
            }
            add_text(&band, "span", "nt-era__label", &era.label);
        }
    });
}
