//! The frame: the heading with the zoom controls, the filters, the track
//! and the overview strip (or, in the list layout, the list) and the
//! card; and what prints.

use crate::core::model::truncate_for_display;
use crate::ui::color_scheme::use_dark;
use crate::ui::dom::{add, add_text, bind, el, listen, px, set, set_text, style, toggle_class};
use crate::ui::reactive::Derived;
use crate::ui::{axis, debug_notice, event_card, filter_bar, list, overview, track};
use crate::ui::{zoom_controls, Ctx, Layout, ViewOptions};

/// The whole widget as a reader meets it: a heading with zoom controls,
/// the filters, the time track with its overview strip (in the list
/// layout: the list, as tall as its events, and no zoom) and, when an
/// event is open, its card. Printed, it is the list. Returns its root, a
/// `<section>` named by the heading.
pub fn timeline_view(cx: Ctx, options: &ViewOptions) -> web_sys::HtmlElement {
    let Ctx { state, text, .. } = cx;
    let as_list = options.layout == Layout::List;
    let root = el("section", "nt-timeline");
    set(&root, "lang", &options.lang);
    set(&root, "dir", if cx.rtl { "rtl" } else { "ltr" });
    if as_list {
        toggle_class(&root, "nt-timeline--list", true);
    } else {
        style(&root, "height", &px(options.height));
    }
    let dark = use_dark(options.theme);
    {
        let root = root.clone();
        bind(move || toggle_class(&root, "nt-timeline--dark", dark.get()));
    }

    let header = add(&root, "header", "nt-timeline__header");
    let title = options.title.clone();
    let heading = Derived::new(move |_| {
        title
            .clone()
            .or_else(|| state.data().timeline.title.clone())
            .map(|t| truncate_for_display(&t).into_owned())
    });
    let title_element = el("h2", "nt-timeline__title");
    {
        let (root, header, title_element) = (root.clone(), header.clone(), title_element.clone());
        bind(move || match heading.get() {
            Some(heading) => {
                set_text(&title_element, &heading);
                set(&root, "aria-label", &heading);
                let _ = header.prepend_with_node_1(&title_element);
            }
            None => {
                set(&root, "aria-label", text.s.timeline);
                title_element.remove();
            }
        });
    }
    let filters = filter_bar::filter_bar(cx);
    let _ = header.append_child(&filter_bar::filter_toggle(cx, &root, &filters));
    if !as_list {
        let _ = header.append_child(&zoom_controls::zoom_controls(cx));
    }
    let _ = root.append_child(&filters);
    if options.debug {
        debug_notice::debug_notice(cx, &root, &filters);
    }
    let events = if as_list {
        let events = list::list(cx);
        let _ = root.append_child(&events);
        events
    } else {
        let (track, size) = track::track(cx, options.show_now);
        let _ = root.append_child(&track);
        let _ = root.append_child(&axis::zone_caption(cx, options.zone_name.clone()));
        let _ = root.append_child(&overview::overview(cx, size.width));
        track
    };
    empty_state(cx, &root, &events);
    event_card::event_card(cx, &root, events);
    list::print::print_on_demand(cx, &root);
    root
}

/// What shows where the track (or list) has no events: "No events to
/// show.", or "No events match." with a button that clears the filter.
fn empty_state(cx: Ctx, root: &web_sys::HtmlElement, track: &web_sys::HtmlElement) {
    let Ctx { state, text, .. } = cx;
    // 0: events are shown; 1: none match; 2: there are none.
    let emptiness = Derived::new(move |_| {
        if !state.shown().timeline.events.is_empty() {
            0
        } else if state.data().timeline.events.is_empty() {
            2
        } else {
            1
        }
    });
    let notice = el("p", "nt-timeline__empty");
    let (root, track) = (root.clone(), track.clone());
    bind(move || {
        let kind = emptiness.get();
        notice.set_text_content(None);
        match kind {
            0 => {
                notice.remove();
                return;
            }
            2 => set_text(&notice, text.s.no_events),
            _ => {
                set_text(&notice, text.s.no_match);
                let reset = add_text(
                    &notice,
                    "button",
                    "nt-timeline__reset",
                    text.s.show_all_events,
                );
                set(&reset, "type", "button");
                listen(&reset, "click", move |_| {
                    state.set_filter(Default::default())
                });
            }
        }
        let _ = root.insert_before(&notice, Some(&track));
    });
}
