//! The list layout (`layout: "list"`): the shown events as a list grouped
//! by period, as tall as its events (the page scrolls, the list does
//! not); and, for every layout, the list that print shows.
//!
//! # Overview
//!
//! - [`list`] builds the list on screen. Its events are cut into blocks
//!   (see [`crate::core::periods`]); only the blocks near the viewport are
//!   in the DOM, with the current event's, and empty elements as tall as
//!   the others stand in for them, so 100,000 events cost what a few dozen
//!   do. Each rendered block is measured, and the estimates of the others
//!   follow.
//! - [`block`]: a block's headings and rows, for the screen or for print.
//! - [`print`]: the whole list (up to [`print::PRINT_MAX_EVENTS`]) built
//!   when the page is about to print, and dropped after.
//!
//! The list shares the filter bar, the card and the state's rules with
//! the time track: a row is a button that opens the card, Up/Down step
//! through the shown events (Home/End: first, last), focus is one roving
//! tab stop, and `select` and `filterchange` come from the same state.

pub mod block;
pub mod print;

use crate::core::model::Timeline;
use crate::core::periods::{gaps, near, Plan, Unit};
use crate::ui::dom::{add, bind, closest, el, listen, listen_capture, px, set, style, watch};
use crate::ui::reactive::{Derived, Source};
use crate::ui::track::focus_current;
use crate::ui::track::keys::Action;
use crate::ui::use_element_size::use_element_size;
use crate::ui::Ctx;
use block::Blocks;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// An event row's height before any is measured, in px.
const ROW_PX: f64 = 64.0;
/// A period heading's height before any is measured, in px.
const HEADING_PX: f64 = 44.0;

/// What the list shows: the shown events, their plan and the query
/// marked in them, numbered so that the blocks of one listing are never
/// taken for another's.
struct Listing {
    generation: u32,
    of: Arc<Timeline>,
    plan: Plan,
    query: Option<String>,
}

impl PartialEq for Listing {
    fn eq(&self, other: &Listing) -> bool {
        self.generation == other.generation
    }
}

/// The rendered blocks of one listing, in order, and the heights of its
/// blocks as last measured (0: not measured).
#[derive(Default)]
struct Rendered {
    generation: u32,
    px: Vec<f32>,
    blocks: Vec<Placed>,
}

/// A rendered block, after the room the blocks before it (back to the
/// previous rendered one) take. The room is an element of its own: the
/// browser's scroll anchoring keeps what the reader sees in place when
/// a sibling above changes height, but not when an ancestor of it (the
/// block) changes its margin.
struct Placed {
    block: usize,
    room: HtmlElement,
    element: HtmlElement,
    px: f64,
}

impl Placed {
    fn remove(self) {
        self.room.remove();
        self.element.remove();
    }
}

/// The action of `key` on the list (`None` for keys it leaves alone):
/// Up and Down step through the events, Home and End go to the first and
/// the last, Esc closes the card. Enter and Space open the card through
/// the focused row's button.
pub fn key_action(key: &str) -> Option<Action> {
    Some(match key {
        "ArrowDown" => Action::Step(1),
        "ArrowUp" => Action::Step(-1),
        "Home" => Action::End(false),
        "End" => Action::End(true),
        "Escape" => Action::Close,
        _ => return None,
    })
}

/// The list of the shown events, grouped by the period the data's span
/// suggests, its rows bound to the state.
pub fn list(cx: Ctx) -> HtmlElement {
    let Ctx {
        state, dates, text, ..
    } = cx;
    let list = el("div", "nt-list");
    // Focus falls back to the list when its current row is not there.
    set(&list, "tabindex", "-1");
    let listing = Derived::new(move |previous: Option<&Listing>| {
        let of = state.shown().timeline.clone();
        // By the data's span, not the shown events': filtering keeps the
        // grouping.
        let unit = Unit::for_timeline(&state.data().timeline);
        Listing {
            generation: previous.map_or(0, |p| p.generation.wrapping_add(1)),
            plan: Plan::new(&of.events, unit),
            of,
            query: state.query(),
        }
    });
    let rendered = Rc::new(RefCell::new(Rendered::default()));
    // Where the list's top is, in px above the viewport's top, and how
    // tall the viewport is: the list renders its blocks from a viewport
    // above what shows to one below.
    let scrolled = Source::new(0.0);
    let viewport = Source::new(800.0);
    let build = move |block: usize| -> HtmlElement {
        let listing = listing.read_untracked();
        let selection = state.selection_untracked();
        let current = untrack(|| state.current_position());
        let palette = untrack(|| state.palette());
        Blocks {
            events: &listing.of.events,
            plan: &listing.plan,
            query: listing.query.as_deref(),
            tab_stop: Some(current.unwrap_or(0)),
            expanded: current.filter(|_| selection.open),
            print: false,
            dates,
            words: text.s,
            palette: &palette,
        }
        .build(block)
    };
    // The room the blocks after the last rendered one take.
    let tail = add(&list, "div", "");
    {
        let (list, rendered) = (list.clone(), rendered.clone());
        bind(move || {
            let listing = listing.read();
            let (top, height) = (scrolled.get(), viewport.get());
            // The current event's block stays rendered (focus stays on its
            // row wherever the page scrolls), and so does the first block
            // while there is none: the tab stop is then the first event.
            let pinned = Plan::block_of(state.current_position().unwrap_or(0));
            let mut r = rendered.borrow_mut();
            if r.generation != listing.generation {
                r.generation = listing.generation;
                r.px.clear();
                for gone in r.blocks.drain(..) {
                    gone.remove();
                }
            }
            let heights = listing.plan.heights(&r.px, ROW_PX, HEADING_PX);
            let mut wanted: Vec<usize> = near(&heights, top - height, top + 2.0 * height).collect();
            if let Err(at) = wanted.binary_search(&pinned) {
                if pinned < heights.len() {
                    wanted.insert(at, pinned);
                }
            }
            let (above, after) = gaps(&heights, &wanted);
            // Both lists are in block order: a merge keeps the blocks that
            // stay, removes those that go and puts the new ones in place.
            let mut old = std::mem::take(&mut r.blocks).into_iter();
            let mut next = old.next();
            for (block, room) in wanted.into_iter().zip(above) {
                while let Some(gone) = next.take_if(|p| p.block < block) {
                    gone.remove();
                    next = old.next();
                }
                let mut placed = match next.take() {
                    Some(placed) if placed.block == block => {
                        next = old.next();
                        placed
                    }
                    after => {
                        let placed = Placed {
                            block,
                            room: el("div", ""),
                            element: build(block),
                            px: -1.0,
                        };
                        let before = after.as_ref().map_or(&tail, |p| &p.room);
                        let _ = list.insert_before(&placed.room, Some(before));
                        let _ = list.insert_before(&placed.element, Some(before));
                        next = after;
                        placed
                    }
                };
                if placed.px != room {
                    placed.px = room;
                    style(&placed.room, "height", &px(room));
                }
                r.blocks.push(placed);
            }
            next.into_iter().chain(old).for_each(Placed::remove);
            style(&tail, "height", &px(after));
        });
    }

    // The rendered rows follow the current event: its button is the tab
    // stop (the first event's while there is none), expanded while its
    // card is open. New rows are built that way.
    {
        let list = list.clone();
        bind(move || {
            let selection = state.selection();
            let current = state.current_position();
            let tab_stop =
                listing.with(|l| l.of.events.get(current.unwrap_or(0)).map(|e| e.id.clone()));
            let Ok(buttons) = list.query_selector_all(".nt-list__button") else {
                return;
            };
            for i in 0..buttons.length() {
                let Some(button) = buttons.item(i) else {
                    continue;
                };
                let button: &Element = button.unchecked_ref();
                let id = button
                    .parent_element()
                    .and_then(|row| row.get_attribute("data-event-id"));
                let is_tab_stop = id.is_some() && id == tab_stop;
                let expanded = is_tab_stop && current.is_some() && selection.open;
                set(button, "tabindex", if is_tab_stop { "0" } else { "-1" });
                set(
                    button,
                    "aria-expanded",
                    if expanded { "true" } else { "false" },
                );
            }
        });
    }

    // Measure the rendered blocks, then where the list is in the
    // viewport: on every scroll of the page (or of a scrolling element
    // holding the widget) and whenever the list's size changes.
    let update = {
        let (list, rendered) = (list.clone(), rendered.clone());
        move || {
            if !state.is_alive() {
                return;
            }
            {
                let mut r = rendered.borrow_mut();
                let Rendered { px, blocks, .. } = &mut *r;
                for Placed { block, element, .. } in blocks.iter() {
                    let height = element.offset_height();
                    if height > 0 {
                        if px.len() <= *block {
                            px.resize(block + 1, 0.0);
                        }
                        if let Some(slot) = px.get_mut(*block) {
                            *slot = height as f32;
                        }
                    }
                }
            }
            let height = web_sys::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .unwrap_or(800.0);
            if viewport.get_untracked() != height {
                viewport.set(height);
            }
            scrolled.set(-list.get_bounding_client_rect().top());
        }
    };
    if let Some(window) = web_sys::window() {
        let update = update.clone();
        listen_capture(&window, "scroll", move |_| update());
    }
    let size = use_element_size(&list);
    let mut measured_width = 0.0;
    watch(
        move || {
            size.width.get();
            size.height.get();
        },
        move || {
            // Another width wraps titles anew: every height is measured
            // again.
            let width = size.width.get_untracked();
            if width != measured_width {
                measured_width = width;
                rendered.borrow_mut().px.clear();
            }
            update();
        },
    );

    listen(&list.clone(), "keydown", {
        let list = list.clone();
        move |ev| {
            let key = ev.unchecked_ref::<KeyboardEvent>().key();
            match key_action(&key) {
                Some(Action::Step(delta)) => state.step(delta, None),
                Some(Action::End(last)) => state.go_to_end(last),
                Some(Action::Close) if state.selection_untracked().open => state.close(),
                _ => return,
            }
            ev.prevent_default();
            focus_current(cx, list.clone());
        }
    });
    // Focus on a row (Tab, a screen reader's cursor) makes its event the
    // current one, so the arrows go on from there.
    listen(&list, "focusin", move |ev| {
        let id = closest(&ev, "[data-event-id]").and_then(|row| row.get_attribute("data-event-id"));
        if let Some(at) = id.and_then(|id| untrack(|| state.position_of(&id))) {
            state.move_to(at);
        }
    });
    // A click on a row opens its card (one listener for all of them).
    listen(&list, "click", move |ev| {
        let id = closest(&ev, ".nt-list__button")
            .and_then(|button| button.parent_element())
            .and_then(|row| row.get_attribute("data-event-id"));
        if let Some(id) = id {
            let _ = state.select(Some(&id));
        }
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_and_down_step_home_and_end_jump_esc_closes() {
        assert_eq!(key_action("ArrowDown"), Some(Action::Step(1)));
        assert_eq!(key_action("ArrowUp"), Some(Action::Step(-1)));
        assert_eq!(key_action("Home"), Some(Action::End(false)));
        assert_eq!(key_action("End"), Some(Action::End(true)));
        assert_eq!(key_action("Escape"), Some(Action::Close));
        for key in ["Enter", " ", "Tab", "ArrowLeft", "PageDown", "+", "0"] {
            assert_eq!(key_action(key), None, "{key}");
        }
    }
}
