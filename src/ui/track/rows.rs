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
//! changes, so a pan changes the list's transform and no row. A label
//! pulled back from its event's instant to fit the track
//! (`nt-event--shifted`) has its title told how far into it the instant
//! is (`--_stem`, on the title: a custom property on the row would
//! restyle the row's every element each time it moves), where the
//! stylesheet draws its accent. An event
//! coloured otherwise than its lane carries its colour on its button and
//! bar (never on the row, whose style changes as it moves).

use crate::core::date::{order_key, PartialDate};
use crate::core::id_index::id_hash;
use crate::core::layout::Placed;
use crate::core::model::Event;
use crate::ui::dom::{add, add_text, el, set, set_or_remove, toggle_class};
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

/// A labelled event as its row is keyed, in time order: by its start and
/// its place among the shown events with that start, which stay the same
/// when events are added or removed elsewhere (so its row, and the
/// reader's focus on it, stays). A change of its lane, of its colour or
/// of the query marked in its title rebuilds the row (they change
/// rarely, unlike the row's box).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Item {
    /// Its start as an ordered key ([`order_key`]).
    pub start: u64,
    /// How many shown events before it start at the same instant.
    pub tie: u32,
    pub id: String,
    /// Its lane's name, said with its place: "Military, 3 of 7".
    pub lane: Option<Arc<str>>,
    /// Its own colour (`--_cl`, `--_cd`), where it is not its lane's.
    pub tint: Option<Arc<str>>,
    /// The folded search query.
    pub query: Option<String>,
}

impl Item {
    /// The row's key for `event`, the `tie`th of the shown events with
    /// its start, in the lane named `lane`, coloured `tint` where its
    /// lane is not.
    pub fn new(
        event: &Event,
        tie: u32,
        lane: Option<Arc<str>>,
        tint: Option<Arc<str>>,
        query: Option<String>,
    ) -> Item {
        Item {
            start: order_key(event.start_ms()),
            tie,
            id: event.id.clone(),
            lane,
            tint,
            query,
        }
    }
}

impl Label {
    /// A hash of what a row shows of `event` (title, date label,
    /// importance, whether it is a range): a replaced event's row shows
    /// its new content ([`Label::rebuild`]). An ongoing event's end is the
    /// present, which its label does not show.
    pub fn look_of(event: &Event) -> u32 {
        let end = event.end.filter(|_| !event.ongoing).map_or(0, |e| {
            let bits = e.end_ms().to_bits();
            (bits ^ bits >> 32) as u32
        });
        [
            id_hash(&event.title),
            event.display_date.as_deref().map_or(0, id_hash),
            end,
            u32::from(event.importance)
                | u32::from(event.ongoing) << 8
                | u32::from(event.end.is_some()) << 9,
        ]
        .into_iter()
        .fold(0, |hash, part| hash.rotate_left(7) ^ part)
    }
}

/// A labelled event's row as drawn. Built once per [`Item`]; what else
/// changes is written to the row by [`Label::refresh`].
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub item: Item,
    /// What the row shows of its event, hashed ([`Label::look_of`]).
    pub look: u32,
    /// Its place among the shown events (where its event is found).
    pub index: usize,
    /// Its place in its list (its lane's, or all shown events), from 1
    /// (`aria-posinset`), and how many events the list has
    /// (`aria-setsize`).
    pub pos: usize,
    pub of: usize,
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
        if event.ongoing {
            let _ = classes.add_1("nt-event--ongoing");
        }
        if event.importance == 3 {
            let _ = classes.add_1("nt-event--major");
        }
        if self.at.shifted() {
            let _ = classes.add_1("nt-event--shifted");
        }
        set(&row, "data-event-id", id);
        set(&row, "aria-posinset", &self.pos.to_string());
        set(&row, "aria-setsize", &self.of.to_string());
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
        if self.at.shifted() {
            title.style().set_css_text(&self.at.stem_css());
        }
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
            add_text(
                &button,
                "span",
                "nt-event__lane",
                &self.place_in(lane, words),
            );
        }
        row
    }

    /// The lane with the event's place in it: "Military, 3 of 7".
    fn place_in(&self, lane: &str, words: Text) -> String {
        [lane, ", ", &words.position(self.pos, self.of)].concat()
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

    /// Brings a kept row up to date with its event's new content
    /// (`event` was replaced): the row and its button stay (the reader's
    /// focus may be on it), their content is built anew.
    pub fn rebuild(
        &self,
        event: &Event,
        start: &PartialDate,
        dates: &DateFormatter,
        words: Text,
        row: &HtmlElement,
    ) {
        let fresh = self.build(event, start, dates, words);
        row.set_class_name(&fresh.class_name());
        let bar = |row: &HtmlElement| {
            row.first_element_child()
                .filter(|e| e.class_name() == "nt-event__bar")
        };
        if let Some(old) = bar(row) {
            old.remove();
        }
        if let Some(new) = bar(&fresh) {
            let _ = row.prepend_with_node_1(&new);
        }
        if let (Some(button), Some(new)) = (row.last_element_child(), fresh.last_element_child()) {
            button.set_text_content(None);
            while let Some(child) = new.first_child() {
                let _ = button.append_child(&child);
            }
            set_or_remove(&button, "title", new.get_attribute("title").as_deref());
        }
    }

    /// Brings a kept row from `was` to `self`: its place in the list (and
    /// in its lane's name), its box, and its button's tab stop, expanded
    /// state and tooltip (the button is the row's last element, its title
    /// the button's).
    pub fn refresh(&self, was: &Label, row: &HtmlElement, words: Text) {
        if self.pos != was.pos {
            set(row, "aria-posinset", &self.pos.to_string());
        }
        if self.of != was.of {
            set(row, "aria-setsize", &self.of.to_string());
        }
        if let Some(lane) = self
            .item
            .lane
            .as_deref()
            .filter(|_| (self.pos, self.of) != (was.pos, was.of))
        {
            let span = row.query_selector(".nt-event__lane").ok().flatten();
            if let Some(span) = span {
                span.set_text_content(Some(&self.place_in(lane, words)));
            }
        }
        if self.at != was.at {
            row.style().set_css_text(&self.at.css_text());
            if self.at.shifted() != was.at.shifted() {
                toggle_class(row, "nt-event--shifted", self.at.shifted());
            }
            if self.at.stem != was.at.stem {
                let title = row.query_selector(".nt-event__title").ok().flatten();
                if let Some(title) = title {
                    let title: &HtmlElement = title.unchecked_ref();
                    title.style().set_css_text(&self.at.stem_css());
                }
            }
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
    /// Where the stem (the event's instant) is, from the label box's
    /// start: 0 unless the label is pulled back to fit the track.
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

    /// Whether the label box starts before its event's instant (a point
    /// event's label pulled back from the track's end): its row is
    /// `nt-event--shifted`, its accent drawn at its stem.
    pub fn shifted(self) -> bool {
        self.stem != 0
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

    /// The title's inline style: where a shifted label's stem is
    /// (`--_stem`, from the box's start), where its accent is drawn;
    /// nothing for a label at its instant.
    fn stem_css(self) -> String {
        if self.shifted() {
            format!("--_stem:{}px", self.stem)
        } else {
            String::new()
        }
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
    fn a_label_pulled_back_from_its_instant_says_where_its_stem_is() {
        let at = RowBox::new(&placed(250.6, 190.2, 1), 40.0);
        assert!(at.shifted());
        assert_eq!(
            at.css_text(),
            "transform:translate(150px,-30px);width:100px;z-index:63"
        );
        assert_eq!(at.stem_css(), "--_stem:60px");
        // A label at its instant (as every range's is) says nothing of it.
        let at = RowBox::new(&placed(250.6, 250.6, 1), 40.0);
        assert!(!at.shifted());
        assert_eq!(at.stem_css(), "");
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
