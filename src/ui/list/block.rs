//! A block of the list: up to [`BLOCK_EVENTS`](crate::core::periods::BLOCK_EVENTS)
//! events, each period that opens in it under its heading, built at once
//! for the screen (rows are buttons that open the card) or for print
//! (rows carry the event's text and source, and no buttons).
//!
//! # What is in a block?
//!
//! A `<div data-block>` holding, per run of its events in one period, an
//! `<h3>` with the period ("May 2019") where the period opens, then an
//! `<ol>` of the events: a list with headings, as screen readers browse
//! it. A period cut by a block's end goes on in the next block's first
//! `<ol>`, without a second heading.

use crate::core::model::Event;
use crate::core::palette::Palette;
use crate::core::periods::{period, Plan};
use crate::ui::dom::{add, add_text, el, set};
use crate::ui::event_card::text_and_source;
use crate::ui::highlight::highlight;
use crate::ui::intl::DateFormatter;
use crate::ui::strings::Strings;
use crate::ui::track::measure::label_text;
use leptos::prelude::*;
use web_sys::{Element, HtmlElement};

/// What the blocks of one list are built from.
pub struct Blocks<'a> {
    /// The shown events.
    pub events: &'a [Event],
    /// Their blocks and periods.
    pub plan: &'a Plan,
    /// The folded search query, marked in titles.
    pub query: Option<&'a str>,
    /// The roving tab stop's shown position (on screen).
    pub tab_stop: Option<usize>,
    /// The shown position of the event whose card is open.
    pub expanded: Option<usize>,
    /// Built for print: each event's text and source, no buttons.
    pub print: bool,
    /// Dates in the reader's language.
    pub dates: StoredValue<DateFormatter, LocalStorage>,
    /// The UI's words in the reader's language.
    pub words: &'static Strings,
    /// The data's colours (an event is marked in its own).
    pub palette: &'a Palette,
}

impl Blocks<'_> {
    /// The block `block`.
    pub fn build(&self, block: usize) -> HtmlElement {
        self.dates.with_value(|dates| self.build_with(block, dates))
    }

    fn build_with(&self, block: usize, dates: &DateFormatter) -> HtmlElement {
        let element = el("div", "nt-list__block");
        set(&element, "data-block", &block.to_string());
        let mut list: Option<HtmlElement> = None;
        for at in self.plan.events_of(block) {
            let Some(event) = self.events.get(at) else {
                continue;
            };
            let opens = self.plan.opens_period(self.events, at);
            if opens {
                let heading = period(&event.start, self.plan.unit());
                add_text(&element, "h3", "nt-list__period", &dates.format(&heading));
            }
            let events = match list.take() {
                Some(events) if !opens => events,
                _ => add(&element, "ol", "nt-list__events"),
            };
            self.row(&events, event, at, dates);
            list = Some(events);
        }
        element
    }

    /// An event's row: its date at its precision, title and tags, in a
    /// button that opens its card (for print: with its text and source).
    fn row(&self, list: &Element, event: &Event, at: usize, dates: &DateFormatter) {
        let row = add(list, "li", "nt-list__event");
        if event.importance == 3 {
            let _ = row.class_list().add_1("nt-list__event--major");
        }
        set(&row, "data-event-id", &event.id);
        if let Some(swatch) = self.palette.of_event(event) {
            row.style().set_css_text(swatch);
        }
        let body = if self.print {
            add(&row, "div", "nt-list__body")
        } else {
            let button = add(&row, "button", "nt-list__button");
            set(&button, "type", "button");
            let tab_stop = self.tab_stop == Some(at);
            set(&button, "tabindex", if tab_stop { "0" } else { "-1" });
            let expanded = self.expanded == Some(at);
            set(
                &button,
                "aria-expanded",
                if expanded { "true" } else { "false" },
            );
            button
        };
        let date = dates.event_label(event);
        let time = add_text(&body, "time", "nt-list__date", &date);
        set(&time, "datetime", &event.start.to_string());
        let title = add(&body, "span", "nt-list__title");
        // Untitled events are labelled with their date, which the <time>
        // already gives screen readers.
        if event.title.is_empty() {
            set(&title, "aria-hidden", "true");
        }
        highlight(&title, &label_text(event, dates), self.query);
        if !event.tags.is_empty() {
            let tags = add(&body, "span", "nt-list__tags");
            for tag in &event.tags {
                add_text(&tags, "span", "nt-list__tag", tag);
            }
        }
        if self.print {
            // What print shows beyond the row: the text (links followed
            // by their URL, by the stylesheet) and the source.
            text_and_source(&body, event, self.query, self.words, "nt-list");
        }
    }
}
