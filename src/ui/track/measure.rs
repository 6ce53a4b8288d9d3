//! How wide each label's text is drawn, measured with the font the track
//! uses (canvas `measureText`, once per event), so that the layout gives
//! each label the box its text needs: a title that fits is never cut, and
//! one that does not fit is cut at the box's edge, not a guess away.
//!
//! An estimate from the character count (the old way) cut short wide
//! titles ("Event 0" needs 69 px; 7.4 px a character gave it 65), since
//! the reader's font draws wider or narrower than any one estimate.

use crate::core::model::{truncate_for_display, Event, Timeline};
use crate::ui::intl::DateFormatter;
use std::borrow::Cow;
use std::sync::{Arc, Weak};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element};

/// A label's font size in px (the stylesheet agrees: `.nt-event__button`).
const LABEL_FONT_PX: &str = "14px ";

/// Used until the font can be read (the track is not in the page yet):
/// an average glyph width of the font size, in px.
const FALLBACK_CHAR_PX: f64 = 7.4;

/// The text a label shows: the event's title, or its date when it has
/// none.
pub fn label_text<'a>(event: &'a Event, dates: &DateFormatter) -> Cow<'a, str> {
    if event.title.is_empty() {
        Cow::Owned(dates.event_label(event))
    } else {
        truncate_for_display(&event.title)
    }
}

/// Measured label widths of one timeline, by event index.
#[derive(Default)]
pub struct LabelWidths {
    /// The canvas context and the two label fonts (regular, and bold for
    /// key events), once the track's font family is known.
    pen: Option<(CanvasRenderingContext2d, [String; 2])>,
    /// The timeline the widths are of (weakly: replaced data goes).
    of: Weak<Timeline>,
    /// Each event's text width; NaN until measured.
    widths: Vec<f32>,
}

impl LabelWidths {
    /// The width in px of the label text of `timeline`'s event at `index`,
    /// drawn in the font of `track`.
    pub fn text_px(
        &mut self,
        timeline: &Arc<Timeline>,
        index: usize,
        event: &Event,
        dates: &DateFormatter,
        track: &Element,
    ) -> f64 {
        if !std::ptr::eq(self.of.as_ptr(), Arc::as_ptr(timeline)) {
            self.of = Arc::downgrade(timeline);
            self.widths = vec![f32::NAN; timeline.events.len()];
        }
        if let Some(&width) = self.widths.get(index).filter(|w| !w.is_nan()) {
            return f64::from(width);
        }
        let text = label_text(event, dates);
        let Some((pen, [regular, bold])) = self.pen(track) else {
            return text.chars().count() as f64 * FALLBACK_CHAR_PX;
        };
        pen.set_font(if event.importance == 3 { bold } else { regular });
        let width = pen.measure_text(&text).map_or(0.0, |m| m.width());
        if let Some(slot) = self.widths.get_mut(index) {
            *slot = width as f32;
        }
        width
    }

    /// The canvas and fonts, made on first use once `track` has a font.
    fn pen(&mut self, track: &Element) -> Option<&(CanvasRenderingContext2d, [String; 2])> {
        if self.pen.is_none() {
            let window = web_sys::window()?;
            let family = window
                .get_computed_style(track)
                .ok()
                .flatten()?
                .get_property_value("font-family")
                .ok()
                .filter(|f| !f.is_empty())?;
            let canvas = window.document()?.create_element("canvas").ok()?;
            let pen = canvas
                .unchecked_into::<web_sys::HtmlCanvasElement>()
                .get_context("2d")
                .ok()
                .flatten()?
                .unchecked_into::<CanvasRenderingContext2d>();
            let regular = [LABEL_FONT_PX, &family].concat();
            let bold = ["600 ", &regular].concat();
            self.pen = Some((pen, [regular, bold]));
        }
        self.pen.as_ref()
    }
}
