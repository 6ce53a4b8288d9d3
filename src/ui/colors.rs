//! What a CSS colour of the data is, asked of the browser: a 1×1 canvas
//! takes every colour the page's CSS could ("firebrick", `hsl()`,
//! `oklch()`, `color-mix()`), so no table of names or colour parser is in
//! the wasm. The palette (`core::palette`) is given [`resolve_color`].

use crate::core::palette::Rgba;
use crate::ui::dom::el;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// `css` as the browser draws it, in sRGB with alpha; `None` when it is
/// no colour. Text a canvas refuses leaves its fill as it was, so the
/// fill is set from two different colours: a colour gives the same fill
/// both times. A canvas per colour: a data set has a few.
pub fn resolve_color(css: &str) -> Option<Rgba> {
    let canvas: HtmlCanvasElement = el("canvas", "").unchecked_into();
    canvas.set_width(1);
    canvas.set_height(1);
    // Read back at once: the browser keeps such a canvas in memory rather
    // than on the GPU (and says so in the console otherwise).
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into());
    let pen: CanvasRenderingContext2d = canvas
        .get_context_with_context_options("2d", &options)
        .ok()
        .flatten()?
        .unchecked_into();
    let fill_from = |before: &str| {
        pen.set_fill_style_str(before);
        pen.set_fill_style_str(css);
        pen.fill_style().as_string()
    };
    if fill_from("#000") != fill_from("#fff") {
        return None;
    }
    pen.fill_rect(0.0, 0.0, 1.0, 1.0);
    let data = pen.get_image_data(0.0, 0.0, 1.0, 1.0).ok()?.data();
    match data.0[..] {
        [r, g, b, a, ..] => Some([r, g, b, a]),
        _ => None,
    }
}
