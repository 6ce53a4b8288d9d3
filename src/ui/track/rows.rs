//! The track's label rows: what a labelled event's row shows, how it is
//! built, and how a kept row is brought up to date in place.
//!
//! # What is a row?
//!
//! An `<li>` per labelled event in its lane's ordered list, holding an
//! optional range bar and a button with the event's date (for screen
//! readers), title and, in lanes, the lane and the event's place in it
//! ("Military, 3 of 7"). Rows are placed in whole px by their inline
//! style (a transform), from an anchor that moves only when the zoom
//! changes, so a pan changes the list's transform and no row. An event
//! coloured otherwise than its lane carries its colour on its button and
//! bar (never on the row, whose style changes as it moves).

use crate::core::date::PartialDate;
use crate::core::layout::Placed;
use crate::core::model::Event;
use crate::ui::dom::{add, add_text, el, set, set_or_remove};
use crate::ui::highlight::highlight;
use crate::ui::intl::DateFormatter;
use crate::ui::strings::Text;
use crate::ui::track::measure::label_text;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Height of one label row, in CSS pixels (the stylesheet agrees).
pub const ROW_PX: f64 = 30.0;
/// A first-row stem's height: from its label down to the axis.
const STEM_PX: i64 = 6;

/// A labelled event as its row is keyed: a change of its place in its
/// list or of the list's length (`aria-posinset`, `aria-setsize`), of the
/// query marked in its title or of its colour rebuilds the row (all
/// change rarely, unlike the row's box).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Item {
    /// Its place among the shown events.
    pub index: usize,
    pub id: String,
    /// Its place in its list (its lane's, or all shown events), from 1.
    pub pos: usize,
    /// How many events its list has.
    pub of: usize,
    /// Its lane's name, said with its place: "Military, 3 of 7".
    pub lane: Option<Arc<str>>,
    /// Its own colour (`--_cl`, `--_cd`), where it is not its lane's.
    pub tint: Option<Arc<str>>,
    /// The folded search query.
    pub query: Option<String>,
}

/// A labelled event's row as drawn. Built once per [`Item`]; what else
/// changes is written to the row by [`Label::refresh`].
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub item: Item,
    pub at: RowBox,
    /// A range has a bar, the row's first element.
    pub range: bool,
    /// The roving tab stop is on its button.
    pub tab_stop: bool,
    /// Its text is wider than its box: the button's tooltip gives all of
    /// it (and the stylesheet shows all of it on hover and focus).
    pub cut: bool,
    /// Its card is open.
    pub expanded: bool,
}

impl Label {
    /// The row of `event`: a list item with its bar (for a range) and its
    /// button; its `<time datetime>` is `start` (the event's start with
    /// the zone's offset, see `Zone::stamp`).
    pub fn build(
        &self,
        event: &Event,
        start: &PartialDate,
        dates: &DateFormatter,
        words: Text,
    ) -> HtmlElement {
        let Item {
            id,
            pos,
            of,
            lane,
            tint,
            query,
            ..
        } = &self.item;
        let row = el("li", "nt-event");
        let classes = row.class_list();
        if self.range {
            let _ = classes.add_1("nt-event--range");
        }
        if event.importance == 3 {
            let _ = classes.add_1("nt-event--major");
        }
        set(&row, "data-event-id", id);
        set(&row, "aria-posinset", &pos.to_string());
        set(&row, "aria-setsize", &of.to_string());
        row.style().set_css_text(&self.at.css_text());
        if self.range {
            let bar = add(&row, "span", "nt-event__bar");
            set(&bar, "aria-hidden", "true");
            bar.style().set_css_text(&self.bar_css());
        }
        let button = add(&row, "button", "nt-event__button");
        if let Some(tint) = tint {
            button.style().set_css_text(tint);
        }
        set(&button, "type", "button");
        set(&button, "tabindex", if self.tab_stop { "0" } else { "-1" });
        set(
            &button,
            "aria-expanded",
            if self.expanded { "true" } else { "false" },
        );
        let date = dates.event_label(event);
        let time = add_text(&button, "time", "nt-event__date", &date);
        set(&time, "datetime", &start.to_string());
        let title = add(&button, "span", "nt-event__title");
        // Untitled events are labelled with their date, which the <time>
        // already gives screen readers.
        if event.title.is_empty() {
            set(&title, "aria-hidden", "true");
        }
        let text = label_text(event, dates);
        highlight(&title, &text, query.as_deref());
        if self.cut {
            set(&button, "title", &text);
        }
        if let Some(lane) = lane {
            let place = words.position(*pos, *of);
            add_text(
                &button,
                "span",
                "nt-event__lane",
                &[lane, ", ", &place].concat(),
            );
        }
        row
    }

    /// A range bar's inline style: its width, and its own colour.
    fn bar_css(&self) -> String {
        let mut css = self.at.bar_css();
        if let Some(tint) = &self.item.tint {
            css.push(';');
            css.push_str(tint);
        }
        css
    }

    /// Brings a kept row from `was` to `self`: its box, and its button's
    /// tab stop, expanded state and tooltip (the button is the row's last
    /// element).
    pub fn refresh(&self, was: &Label, row: &HtmlElement) {
        if self.at != was.at {
            row.style().set_css_text(&self.at.css_text());
            if let Some(bar) = row.first_element_child().filter(|_| self.range) {
                bar.unchecked_into::<HtmlElement>()
                    .style()
                    .set_css_text(&self.bar_css());
            }
        }
        if let Some(button) = row.last_element_child() {
            if self.tab_stop != was.tab_stop {
                set(&button, "tabindex", if self.tab_stop { "0" } else { "-1" });
            }
            if self.expanded != was.expanded {
                set(
                    &button,
                    "aria-expanded",
                    if self.expanded { "true" } else { "false" },
                );
            }
            if self.cut != was.cut {
                let title = button.query_selector(".nt-event__title").ok().flatten();
                let text = title.and_then(|t| t.text_content());
                set_or_remove(&button, "title", text.filter(|_| self.cut).as_deref());
            }
        }
    }
}

/// A labelled row's box in whole px, `x` from the anchor (see `shift` in
/// the track): equal from one pan frame to the next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowBox {
    /// Where the label box starts.
    x: i64,
    row: u16,
    /// How far the row is above the first, `row` × [`ROW_PX`].
    rise: i64,
    /// The label box or range bar, whichever is wider.
    width: i64,
    /// The range bar's width (0 for a point event).
    bar: i64,
    /// Where the stem (the event's instant) is, from the label box's start.
    stem: i64,
}

impl RowBox {
    /// The box of a placed label, `shift` px left of where the layout put
    /// it.
    pub fn new(placed: &Placed, shift: f64) -> RowBox {
        let whole = |v: f64| v.round() as i64;
        RowBox {
            x: whole(placed.label_x - shift),
            row: placed.row,
            rise: whole(f64::from(placed.row) * ROW_PX),
            width: whole(placed.label_width.max(placed.bar_width)),
            bar: whole(placed.bar_width),
            stem: whole(placed.x - placed.label_x),
        }
    }

    /// The row's inline style. Each row is its own stacking context (its
    /// transform): lower rows stack higher. The stems are drawn under
    /// every row, so none crosses a label.
    fn css_text(self) -> String {
        let RowBox {
            x,
            row,
            rise,
            width,
            ..
        } = self;
        let z = 64 - i64::from(row);
        format!("transform:translate({x}px,-{rise}px);width:{width}px;z-index:{z}")
    }

    /// A range's bar: its span.
    fn bar_css(self) -> String {
        format!("width:{}px", self.bar)
    }
}

/// The stems as SVG path data, x from the rows' origin and y from 1 px
/// above the axis (the drawing's top edge): each a line from its label's
/// foot (`rise` + [`STEM_PX`] up) down to the axis, or with `dots` the dot
/// there (a zero-length line drawn with round caps).
pub fn stem_path(boxes: impl Iterator<Item = RowBox>, dots: bool) -> String {
    use std::fmt::Write;
    let mut path = String::new();
    for RowBox { x, stem, rise, .. } in boxes {
        let at = x + stem;
        let _ = if dots {
            write!(path, "M{at} .5h0")
        } else {
            write!(path, "M{at} 1v-{}", STEM_PX + rise)
        };
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(x: f64, label_x: f64, row: u16) -> Placed {
        Placed {
            index: 0,
            x,
            label_x,
            label_width: 100.4,
            bar_width: 0.0,
            row,
        }
    }

    #[test]
    fn a_box_is_in_whole_px_from_the_anchor() {
        let at = RowBox::new(&placed(250.6, 240.2, 2), 40.0);
        assert_eq!(
            at.css_text(),
            "transform:translate(200px,-60px);width:100px;z-index:62"
        );
    }

    #[test]
    fn stems_run_from_each_label_down_to_the_axis() {
        let boxes = [
            RowBox::new(&placed(10.0, 10.0, 0), 0.0),
            RowBox::new(&placed(50.0, 40.0, 1), 0.0),
        ];
        assert_eq!(stem_path(boxes.into_iter(), false), "M10 1v-6M50 1v-36");
        assert_eq!(stem_path(boxes.into_iter(), true), "M10 .5h0M50 .5h0");
    }
}
