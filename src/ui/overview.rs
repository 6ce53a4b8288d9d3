//! A strip under the axis showing where events are across the whole data
//! set, with the visible window as a rectangle: drag it to move fast
//! through 100,000 events, or press anywhere on the strip to jump there
//! (pointer only: the track's keys do the same, so the chart and rectangle
//! are hidden from assistive technology). Two handles at its ends narrow
//! the events to a date range; they are sliders for keyboards and screen
//! readers too.

use crate::core::filter::brush_date;
use crate::core::window::Window;
use crate::ui::dom::{add, bind, listen, px, set, style, svg, toggle_class};
use crate::ui::reactive::{Derived, Source};
use crate::ui::track::gestures::{Gesture, Pointers};
use crate::ui::Ctx;
use leptos::prelude::*;
use std::fmt::Write;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, PointerEvent};

/// Columns of the density chart (its viewBox is this many units wide).
const COLUMNS: usize = 200;
/// The chart's height in viewBox units.
const CHART_HEIGHT: usize = 24;

/// Which end of the date range a handle moves.
#[derive(Clone, Copy, PartialEq)]
enum End {
    From,
    To,
}

/// The strip, `width` px wide (the track's: both span the widget's
/// column, so one measurement serves both).
pub fn overview(cx: Ctx, width: Source<f64>) -> HtmlElement {
    let Ctx {
        state,
        text,
        dates,
        motion,
        rtl,
    } = cx;
    let s = text.s;
    let toward_later = if rtl { -1.0 } else { 1.0 };
    let strip = crate::ui::dom::el("div", "nt-overview");
    toggle_class(&strip, "nt-overview--rtl", rtl);
    set(&strip, "role", "group");
    set(&strip, "aria-label", s.date_range);

    // The span the strip covers: every event of the data set (unfiltered,
    // the shown events' index has their extent at hand: 100,000 events'
    // dates are not read again for each change of the data).
    let extent = Derived::new(move |_| {
        let data = state.data();
        let extent = if std::sync::Arc::ptr_eq(&state.shown().timeline, &data.timeline) {
            state.index().extent()
        } else {
            data.timeline.extent_ms()
        };
        Window::fitting(extent, state.now())
    });
    // Where `ms` is on the strip, clamped to it (`min`/`max`: `clamp`
    // panics on a NaN bound).
    let x_on = move |ms: f64, extent: Window, w: f64| {
        ((ms - extent.start()) / (extent.end() - extent.start()) * w)
            .min(w)
            .max(0.0)
    };
    // The date range's ends in px; the strip's edges when open-ended.
    let handle_x = move |end: End| {
        let (extent, w) = (extent.get(), width.get());
        let filter = state.filter();
        match end {
            End::From => filter.from.map_or(0.0, |d| x_on(d.start_ms(), extent, w)),
            End::To => filter.to.map_or(w, |d| x_on(d.end_ms(), extent, w)),
        }
    };
    // The rectangle in px: [left, right], clamped to the strip, at least
    // 6 px wide so a narrow window can still be grabbed.
    let rectangle = Derived::new(move |_| {
        let (extent, window, w) = (extent.get(), state.window(), width.get());
        let (left, right) = (
            x_on(window.start(), extent, w),
            x_on(window.end(), extent, w),
        );
        let middle = (left + right) / 2.0;
        let half = ((right - left) / 2.0).max(3.0);
        ((middle - half).max(0.0), (middle + half).min(w.max(0.0)))
    });

    let chart = svg(&strip, "svg", "nt-overview__density");
    set(&chart, "aria-hidden", "true");
    set(&chart, "viewBox", &format!("0 0 {COLUMNS} {CHART_HEIGHT}"));
    set(&chart, "preserveAspectRatio", "none");
    let bars = svg(&chart, "path", "");
    bind(move || {
        let columns = state.index().density(extent.get(), COLUMNS);
        set(&bars, "d", &density_path(&columns));
    });
    let before = add(&strip, "div", "nt-overview__outside");
    let after = add(
        &strip,
        "div",
        "nt-overview__outside nt-overview__outside--after",
    );
    let rect = add(&strip, "div", "nt-overview__window");
    for part in [&before, &after, &rect] {
        set(part, "aria-hidden", "true");
    }
    bind(move || {
        style(&before, "width", &px(handle_x(End::From)));
        style(&after, "left", &px(handle_x(End::To)));
        let (left, right) = rectangle.get();
        style(&rect, "left", &px(left));
        style(&rect, "width", &px(right - left));
    });

    // Moves one end to `x` px; at the strip's edge it is open again.
    let set_end = move |end: End, x: f64| {
        let w = width.get_untracked();
        let extent = extent.get_untracked();
        let span = extent.end() - extent.start();
        // A handle cannot pass the other one.
        let x = untrack(|| match end {
            End::From => x.min(handle_x(End::To) - 1.0),
            End::To => x.max(handle_x(End::From) + 1.0),
        });
        let ms = extent.start() + x / w.max(1.0) * span;
        let date = (x > 1.0 && x < w - 1.0)
            .then(|| brush_date(ms, span))
            .flatten();
        state.update_filter(|f| match end {
            End::From => f.from = date,
            End::To => f.to = date,
        });
    };
    let mut handles = Vec::with_capacity(2);
    for (end, label) in [(End::From, s.show_from), (End::To, s.show_until)] {
        let class = if end == End::From {
            "nt-overview__handle nt-overview__handle--from"
        } else {
            "nt-overview__handle"
        };
        let handle = add(&strip, "div", class);
        for (name, value) in [
            ("role", "slider"),
            ("tabindex", "0"),
            ("aria-label", label),
            ("aria-valuemin", "0"),
            ("aria-valuemax", "1000"),
        ] {
            set(&handle, name, value);
        }
        {
            let handle = handle.clone();
            bind(move || {
                let x = handle_x(end);
                let per_mille = (x / width.get().max(1.0) * 1000.0).round() as i64;
                set(&handle, "aria-valuenow", &per_mille.to_string());
                let filter = state.filter();
                let value = match (end, filter.from, filter.to) {
                    (End::From, Some(d), _) | (End::To, _, Some(d)) => {
                        dates.with_value(|f| f.format(&d))
                    }
                    (End::From, None, _) => s.first_event.to_owned(),
                    (End::To, _, None) => s.last_event.to_owned(),
                };
                set(&handle, "aria-valuetext", &value);
                style(&handle, "left", &px(x));
            });
        }
        listen(&handle, "keydown", move |ev| {
            let ev: &KeyboardEvent = ev.unchecked_ref();
            let w = width.get_untracked();
            let x = untrack(|| handle_x(end));
            // Arrows move the handle the way they point on screen.
            let key = ev.key();
            let key = match key.as_str() {
                "ArrowLeft" if rtl => "ArrowRight",
                "ArrowRight" if rtl => "ArrowLeft",
                other => other,
            };
            let to = match key {
                "ArrowLeft" | "ArrowDown" => x - w / 100.0,
                "ArrowRight" | "ArrowUp" => x + w / 100.0,
                "PageDown" => x - w / 10.0,
                "PageUp" => x + w / 10.0,
                "Home" => 0.0,
                "End" => w,
                _ => return,
            };
            ev.prevent_default();
            set_end(end, to);
        });
        handles.push((handle, end));
    }

    // A pointer's x on the strip, counted from where time begins.
    let strip_x = {
        let strip = strip.clone();
        move |client_x: i32| {
            let rect = strip.get_bounding_client_rect();
            if rtl {
                rect.right() - f64::from(client_x)
            } else {
                f64::from(client_x) - rect.left()
            }
        }
    };
    // The handle a pointer drags, or the rectangle's drag (as on the
    // track, but the strip shows the whole extent, so the window moves
    // with the pointer rather than against it).
    let dragging = StoredValue::new(None::<(i32, End)>);
    let pointers = StoredValue::new(Pointers::default());
    listen(&strip, "pointerdown", {
        let (strip, strip_x) = (strip.clone(), strip_x.clone());
        move |ev| {
            let ev: &PointerEvent = ev.unchecked_ref();
            if ev.pointer_type() == "mouse" && ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            motion.stop();
            let _ = strip.set_pointer_capture(ev.pointer_id());
            let end = ev
                .target()
                .and_then(|t| handles.iter().find(|(h, _)| h.is_same_node(t.dyn_ref())))
                .map(|(_, end)| *end);
            if let Some(end) = end {
                dragging.set_value(Some((ev.pointer_id(), end)));
                return;
            }
            let x = strip_x(ev.client_x());
            let (left, right) = rectangle.get_untracked();
            if x < left || x > right {
                // Jump: centre the window on the pressed instant.
                let current = state.window_untracked();
                let half = (current.end() - current.start()) / 2.0;
                let extent = extent.get_untracked();
                let at = extent.start()
                    + x / width.get_untracked().max(1.0) * (extent.end() - extent.start());
                if let Some(moved) = Window::new(at - half, at + half) {
                    state.set_window(moved);
                }
            }
            let window = state.window_untracked();
            pointers.update_value(|p| {
                p.down(
                    ev.pointer_id(),
                    f64::from(ev.client_x()),
                    ev.time_stamp(),
                    window,
                )
            });
        }
    });
    listen(&strip, "pointermove", move |ev| {
        let ev: &PointerEvent = ev.unchecked_ref();
        if let Some((pointer, end)) = dragging.get_value() {
            if pointer == ev.pointer_id() {
                set_end(end, strip_x(ev.client_x()));
            }
            return;
        }
        let gesture = pointers
            .try_update_value(|p| {
                p.moved(ev.pointer_id(), f64::from(ev.client_x()), ev.time_stamp())
            })
            .flatten();
        if let Some(Gesture::Pan { from, dx }) = gesture {
            let extent = extent.get_untracked();
            let shift = toward_later * dx * (extent.end() - extent.start())
                / width.get_untracked().max(1.0);
            if let Some(moved) = Window::new(from.start() + shift, from.end() + shift) {
                state.set_window(moved);
            }
        }
    });
    let release = move |ev: web_sys::Event| {
        let ev: &PointerEvent = ev.unchecked_ref();
        if dragging
            .get_value()
            .is_some_and(|(p, _)| p == ev.pointer_id())
        {
            dragging.set_value(None);
        }
        pointers.update_value(|p| {
            p.up(
                ev.pointer_id(),
                f64::from(ev.client_x()),
                ev.time_stamp(),
                true,
            );
        });
    };
    listen(&strip, "pointerup", release);
    listen(&strip, "pointercancel", release);
    strip
}

/// An SVG path of one bar per column, heights relative to the fullest
/// column (at least 1 unit for any event, so a lone event still shows).
fn density_path(columns: &[usize]) -> String {
    let most = columns.iter().copied().max().unwrap_or(0).max(1);
    let mut d = String::new();
    for (x, &count) in columns.iter().enumerate() {
        if count > 0 {
            let h = (count * CHART_HEIGHT).div_ceil(most).max(1);
            let _ = write!(d, "M{x} {CHART_HEIGHT}v-{h}h1v{h}z");
        }
    }
    d
}
