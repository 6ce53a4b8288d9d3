//! What a widget prints: its list of the events passing the current
//! filter, each with its date, title, tags, text and source, whatever
//! its layout on screen.
//!
//! # Why built on demand?
//!
//! Printing renders nothing on demand: what is in the DOM when the reader
//! presses Ctrl+P is what prints. A list of every event kept in the DOM
//! for that moment would cost 100,000 rows on screen; the time track and
//! the list layout keep only what is near the viewport. So the printed
//! list is built when the page is about to print (`beforeprint`, or the
//! `print` media query starting to match, as print emulation does) and
//! dropped after; the stylesheet shows it, and only it, in print.
//!
//! Out of scope: a printout of more than [`PRINT_MAX_EVENTS`] events
//! (a note says how many more there are).

use crate::core::periods::{Plan, Unit};
use crate::ui::dom::{add_text, el, listen};
use crate::ui::list::block::Blocks;
use crate::ui::Ctx;
use leptos::prelude::untrack;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, MediaQueryListEvent};

/// At most this many events are printed (some 60 pages): a printout of
/// 100,000 events helps no reader, and building it would hold the page.
pub const PRINT_MAX_EVENTS: usize = 1_000;

/// Adds the printed list to `root` while the page prints.
pub fn print_on_demand(cx: Ctx, root: &HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let root = root.clone();
    let show = move |printing: bool| {
        let printed = root.query_selector(".nt-list--print").ok().flatten();
        match printed {
            Some(list) if !printing => list.remove(),
            None if printing && cx.state.is_alive() => {
                let _ = root.append_child(&printed_list(cx));
            }
            _ => {}
        }
    };
    {
        let show = show.clone();
        listen(&window, "beforeprint", move |_| show(true));
    }
    let query = window.match_media("print").ok().flatten();
    {
        // Still printed while print media is emulated (a test's
        // `emulateMedia`) after a PDF is made.
        let (show, query) = (show.clone(), query.clone());
        listen(&window, "afterprint", move |_| {
            show(query.as_ref().is_some_and(|q| q.matches()))
        });
    }
    if let Some(query) = query {
        listen(&query, "change", move |ev| {
            show(ev.unchecked_ref::<MediaQueryListEvent>().matches())
        });
    }
}

/// The list as printed: the first [`PRINT_MAX_EVENTS`] shown events in
/// their periods, then how many more there are.
fn printed_list(cx: Ctx) -> HtmlElement {
    let Ctx {
        state, dates, text, ..
    } = cx;
    let shown = state.shown_untracked();
    let all = &shown.timeline.events;
    let events = all.get(..PRINT_MAX_EVENTS).unwrap_or(all);
    let unit = Unit::for_timeline(&state.data_untracked().timeline);
    let plan = Plan::new(events, unit);
    let query = state.filter_untracked().folded_query();
    let list = el("div", "nt-list nt-list--print");
    let blocks = Blocks {
        events,
        plan: &plan,
        query: query.as_deref(),
        tab_stop: None,
        expanded: None,
        print: true,
        dates,
        words: text.s,
        palette: &untrack(|| state.palette()),
    };
    for block in 0..plan.blocks() {
        let _ = list.append_child(&blocks.build(block));
    }
    if all.len() > events.len() {
        add_text(
            &list,
            "p",
            "nt-list__more",
            &text.not_printed(all.len() - events.len()),
        );
    }
    list
}
