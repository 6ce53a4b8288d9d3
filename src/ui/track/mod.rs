//! The interactive time track: events stacked in rows above a time axis.
//!
//! # Overview
//!
//! - [`track`] builds it and derives what it draws: the scale, the layout
//!   (which events get a labelled row, the rest in "+N" badges), the
//!   rows' boxes, the stems and the ticks.
//! - [`lane`]: a lane (one per group, or the whole track): its rows,
//!   stems, badges and name.
//! - [`rows`]: a labelled event's row.
//! - [`gestures`]: pointer drags, pinches and flicks as pure state.
//! - [`keys`]: what each key does, as a pure function.
//!
//! Ctrl/⌘ + wheel and pinch zoom at the pointer, horizontal wheel and drag
//! pan, a plain vertical wheel scrolls the page (with a hint); a
//! double-click zooms in (with Shift, out) and a flick glides. Only
//! labelled events are in the DOM: buttons in an ordered list per lane
//! with one roving tab stop, so the track is one Tab stop, Left/Right
//! move in time order through every shown event, labelled or not, and
//! Up/Down to the nearest event in the lane above or below.

pub mod gestures;
pub mod keys;
pub mod lane;
pub mod measure;
pub mod rows;

use crate::core::date::{PartialDate, Precision};
use crate::core::index::TimeIndex;
use crate::core::lanes::{share_rows, LaneMode, ShownLanes};
use crate::core::layout::{layout, Layout, LayoutParams};
use crate::core::model::{Event, Timeline};
use crate::core::scale::Scale;
use crate::core::ticks::ticks;
use crate::ui::axis::axis;
use crate::ui::dom::{
    add, add_text, after_frame, bind, closest, el, listen, set, toggle_class, watch, Timeout,
};
use crate::ui::era_bands::era_bands;
use crate::ui::motion::pow;
use crate::ui::new_events::new_events;
use crate::ui::now_line::now_line;
use crate::ui::reactive::Derived;
use crate::ui::state::{TimelineState, MOVING_REST_MS};
use crate::ui::use_element_size::{use_element_size, UseElementSizeReturn};
use crate::ui::Ctx;
use gestures::{Gesture, Pointers};
use keys::{key_action, Action};
use lane::{lane, Facts, LabelFacts, LaneHead, LaneInputs, LanePlacement, Placement, LANE_BASE_PX};
use leptos::prelude::*;
use measure::LabelWidths;
use rows::ROW_PX;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};

/// Height of the axis strip under the rows.
pub const AXIS_PX: f64 = 36.0;
/// Zoom step of the +/- keys and buttons.
pub const ZOOM_STEP: f64 = 1.5;
/// Room between axis ticks: wide enough for the longest tick label
/// ("Jun 1, 2019", centred on its tick) next to a short one.
const TICK_SPACING_PX: f64 = 72.0;
/// How long the window must rest before its new span is announced.
const ANNOUNCE_AFTER_MS: u32 = 600;
/// How long the "Ctrl + scroll to zoom" hint stays up.
const HINT_MS: u32 = 1500;
/// While the window moves, a step adds at most this many labels: each is
/// a row built, styled and drawn within the frame, and a zoom step's
/// twenty-odd new rows made those frames the slowest. The rest come once
/// the window rests.
const MOVING_NEW_LABELS: usize = 4;

/// The most label rows a lane has.
const MAX_ROWS: u16 = 24;

/// The track and its measured size (which the overview strip shares);
/// with `show_now`, a line marks the present.
pub fn track(cx: Ctx, show_now: bool) -> (HtmlElement, UseElementSizeReturn) {
    let Ctx {
        state,
        text,
        dates,
        motion,
        rtl,
    } = cx;
    // Screen px to time direction: +1 when later is to the right.
    let toward_later = if rtl { -1.0 } else { 1.0 };
    let track = el("div", "nt-track");
    toggle_class(&track, "nt-track--rtl", rtl);
    set(&track, "tabindex", "-1");
    let size = use_element_size(&track);
    let width = size.width;

    let scale = Derived::new(move |_| Scale::new(state.window(), width.get()));
    let widths = StoredValue::new_local(LabelWidths::default());
    let font_source = track.clone();
    let text_px = move |timeline: &Arc<Timeline>, i: usize, event: &Event| {
        let measured = widths.try_update_value(|w| {
            dates.with_value(|d| w.text_px(timeline, i, event, d, &font_source))
        });
        measured.unwrap_or_default()
    };
    let measured = text_px.clone();
    // The room for label rows, in px.
    let room = move || size.height.get() - AXIS_PX - 12.0;
    // How many label rows `lanes` lanes share.
    let lane_rows = move |lanes: usize| {
        ((room() - lanes as f64 * LANE_BASE_PX) / ROW_PX)
            .floor()
            .max(0.0) as usize
    };
    // Lanes, when the data has them and, for "auto", the track has room
    // for a label row in each: a small widget keeps one track rather than
    // lanes of "+N" badges.
    let lanes_on = Derived::new(move |_| {
        let count = state.shown_lanes().lanes.len();
        count > 0 && (state.lane_mode() != LaneMode::Auto || lane_rows(count) >= count)
    });
    // The shown lanes, none when the track is one.
    let shown_lanes = move || {
        let split = state.shown_lanes();
        if lanes_on.get() {
            split
        } else {
            Arc::new(ShownLanes::default())
        }
    };
    let placement = Derived::new(move |previous: Option<&Placement>| {
        let shown = state.shown();
        let split = shown_lanes();
        let whole = state.index();
        // The lanes to lay out: each shown lane, or the whole track.
        let unit = |k: usize| -> (usize, &TimeIndex) {
            match split.lanes.get(k) {
                Some(l) => (l.lane, &l.index),
                None => (0, &whole),
            }
        };
        // As many label rows as the room left for the track holds; lanes
        // share them, each also needing room for its stems and name.
        let rows: Vec<u16> = if split.lanes.is_empty() {
            vec![(room() / ROW_PX).floor().clamp(1.0, f64::from(MAX_ROWS)) as u16]
        } else {
            let counts: Vec<usize> = split.lanes.iter().map(|l| l.index.len()).collect();
            share_rows(lane_rows(counts.len()), &counts, MAX_ROWS)
        };
        let scale = scale.get();
        let pinned = state.current_position();
        // While the window moves, the few new labels a step may add are
        // shared by the lanes, in order.
        let mut new_labels = if state.moving() {
            MOVING_NEW_LABELS
        } else {
            usize::MAX
        };
        let lanes = rows
            .into_iter()
            .enumerate()
            .map(|(k, rows)| {
                let (lane, index) = unit(k);
                let Some(scale) = &scale else {
                    return LanePlacement {
                        lane,
                        rows,
                        layout: Layout::default(),
                    };
                };
                let width_px = scale.width();
                let params = LayoutParams {
                    width_px,
                    rows,
                    min_label_px: 56.0,
                    // At least 150 px (about 16 characters after its
                    // padding): on a phone fewer whole labels read better
                    // than many cut short.
                    max_label_px: (width_px * 0.45).clamp(150.0, 240.0),
                    gap_px: 10.0,
                    new_labels,
                };
                // The lane's labels of the last layout are kept, in their
                // rows, where they still fit.
                let kept = previous
                    .and_then(|p| Some((p, p.lanes.iter().find(|l| l.lane == lane)?)))
                    .map(|(p, l)| kept_labels(&p.of, &l.layout, &shown.timeline, index, state))
                    .unwrap_or_default();
                let layout = layout(
                    &shown.timeline,
                    index,
                    scale,
                    &params,
                    pinned,
                    &kept,
                    &|i, event| text_px(&shown.timeline, i, event),
                );
                let added = layout
                    .placed
                    .iter()
                    .filter(|p| Some(p.index) != pinned)
                    .filter(|p| kept.binary_search_by_key(&p.index, |&(k, _)| k).is_err())
                    .count();
                new_labels = new_labels.saturating_sub(added);
                LanePlacement { lane, rows, layout }
            })
            .collect();
        Placement {
            of: shown.timeline.clone(),
            lanes,
        }
    });
    // Rows are placed in px from an anchor instant that moves only when
    // the zoom (ms per px) changes, and the lists are shifted to the
    // anchor's x: a pan changes that one transform per lane, while every
    // row's box stays equal, so each lane's `labels` memo stops the update
    // before any row is touched.
    let anchor = Derived::new(move |previous: Option<&(f64, f64)>| {
        let Some(scale) = scale.get() else {
            return (0.0, 0.0);
        };
        let per_px = scale.ms_per_px();
        match previous {
            // Panning keeps the span up to float rounding.
            Some(&(at, was)) if (was - per_px).abs() <= was * 1e-9 => (at, was),
            _ => (scale.window().start(), per_px),
        }
    });
    let shift = Derived::new(move |_| scale.get().map_or(0.0, |s| s.x_of(anchor.get().0)));
    // The roving tab stop: the current event when it is labelled, else
    // the first in view.
    let tab_stop = Derived::new(move |_| {
        let current = state.current_position();
        placement.with(|p| {
            let placed = p.lanes.iter().flat_map(|l| &l.layout.placed);
            current
                .filter(|&at| placed.clone().any(|p| p.index == at))
                .or_else(|| placed.map(|p| p.index).min())
        })
    });
    // What a row needs to know about its event besides its box.
    let facts: Facts = Arc::new(move |at: usize, event: &Event, placed| {
        let split = shown_lanes();
        let palette = state.palette();
        let selection = state.selection();
        let current = state.current_position();
        let tab_stop = tab_stop.get();
        let (pos, of) = match split.lanes.get(at) {
            Some(lane) => (
                lane.index.local_index(placed.index).map_or(0, |i| i + 1),
                lane.index.len(),
            ),
            None => (placed.index + 1, state.shown().timeline.events.len()),
        };
        // An event coloured like its lane inherits the lane's colour.
        let lane_color = split
            .lanes
            .get(at)
            .and_then(|l| state.lanes().groups.get(l.lane).cloned().flatten())
            .and_then(|group| palette.of_group(&group).cloned());
        let tint = palette
            .of_event(event)
            .cloned()
            .filter(|tint| Some(tint) != lane_color.as_ref());
        let timeline = placement.with_untracked(|p| p.of.clone());
        LabelFacts {
            range: event.end.is_some(),
            pos,
            of,
            tint,
            tab_stop: tab_stop == Some(placed.index),
            expanded: selection.open && current == Some(placed.index),
            text_px: measured(&timeline, placed.index, event),
        }
    });
    // The lanes as built: one element each, rebuilt when the shown lanes
    // change (a filter empties one, new data), not when the window does.
    let heads = Derived::new(move |_| {
        let split = shown_lanes();
        if split.lanes.is_empty() {
            return vec![LaneHead {
                group: None,
                name: None,
                tint: None,
            }];
        }
        let lanes = state.lanes();
        let palette = state.palette();
        let data = state.data();
        split
            .lanes
            .iter()
            .map(|l| {
                let group = lanes.groups.get(l.lane).cloned().flatten();
                let name = match &group {
                    Some(id) => {
                        let named = data.timeline.groups.iter().find(|g| Arc::ptr_eq(&g.id, id));
                        Arc::from(named.map_or(&**id, |g| g.name()))
                    }
                    None => Arc::from(text.s.other),
                };
                let tint = group.as_deref().and_then(|g| palette.of_group(g)).cloned();
                LaneHead {
                    group,
                    name: Some(name),
                    tint,
                }
            })
            .collect::<Vec<_>>()
    });

    era_bands(cx, &track, scale);
    now_line(cx, &track, scale, show_now);
    let lanes_box = add(&track, "div", "nt-lanes");
    // A drag ends with a click where the pointer is released, which is
    // no click on a label or badge.
    let suppress_click = StoredValue::new(false);
    let inputs = LaneInputs {
        placement,
        shift,
        suppress_click,
    };
    {
        let lanes_box = lanes_box.clone();
        bind(move || {
            let heads = heads.get();
            lanes_box.set_text_content(None);
            for (at, head) in heads.iter().enumerate() {
                lane(cx, &lanes_box, at, head, inputs, facts.clone());
            }
        });
    }

    let tick_list = Derived::new(move |_| {
        scale
            .get()
            .map(|s| ticks(s.window(), s.width(), TICK_SPACING_PX))
            .unwrap_or_default()
    });
    axis(cx, &track, tick_list, scale);

    let announcement = add(&track, "p", "nt-track__announcement");
    set(&announcement, "role", "status");
    set(&announcement, "aria-live", "polite");
    let hint = add_text(&track, "p", "nt-hint", text.s.zoom_hint);
    set(&hint, "aria-hidden", "true");
    new_events(cx, &track);

    // The window rests once it has not changed for MOVING_REST_MS; then
    // the track lays out in full again.
    let rest = Timeout::new();
    watch(
        move || {
            state.window();
        },
        move || rest.restart(MOVING_REST_MS as u32, move || state.rest()),
    );
    // What a screen reader hears once the window stops moving: the span
    // shown and how many events it holds (not on every frame of a drag).
    let settled = Timeout::new();
    watch(
        move || {
            state.window();
        },
        move || {
            let announcement = announcement.clone();
            settled.restart(ANNOUNCE_AFTER_MS, move || {
                let window = state.window_untracked();
                let count = placement.with_untracked(|p| {
                    p.lanes
                        .iter()
                        .map(|l| l.layout.placed.len() + l.layout.hidden)
                        .sum()
                });
                let said = dates.with_value(|f| {
                    let day =
                        |ms: f64| PartialDate::from_ms(ms, Precision::Day).map(|d| f.format(&d));
                    match (day(window.start()), day(window.end() - 1.0)) {
                        (Some(from), Some(to)) => format!("{from} – {to}: {}", text.events(count)),
                        _ => text.events(count),
                    }
                });
                announcement.set_text_content(Some(&said));
            });
        },
    );

    // Where a pointer is across the track: 0 at the earliest edge, 1 at
    // the latest.
    let anchor_of = {
        let track = track.clone();
        move |client_x: f64| -> f64 {
            let rect = track.get_bounding_client_rect();
            if rect.width() <= 0.0 {
                return 0.5;
            }
            let from_left = (client_x - rect.left()) / rect.width();
            if rtl {
                1.0 - from_left
            } else {
                from_left
            }
        }
    };
    let hint_timer = Timeout::new();
    listen(&track, "wheel", {
        let (anchor_of, hint) = (anchor_of.clone(), hint.clone());
        move |ev| {
            let ev: &WheelEvent = ev.unchecked_ref();
            let unit = match ev.delta_mode() {
                1 => 16.0,
                2 => 400.0,
                _ => 1.0,
            };
            let (dx, dy) = (ev.delta_x() * unit, ev.delta_y() * unit);
            motion.stop();
            if ev.ctrl_key() || ev.meta_key() {
                ev.prevent_default();
                let factor = pow(std::f64::consts::E, -dy * 0.002);
                state.set_window(state.zoomed(anchor_of(f64::from(ev.client_x())), factor));
            } else if ev.shift_key() || dx.abs() > dy.abs() {
                ev.prevent_default();
                let delta = if dx.abs() > dy.abs() { dx } else { dy };
                state.pan_by(toward_later * delta / width.get_untracked().max(1.0));
            } else {
                toggle_class(&hint, "nt-hint--visible", true);
                let hint = hint.clone();
                hint_timer.restart(HINT_MS, move || {
                    toggle_class(&hint, "nt-hint--visible", false)
                });
            }
        }
    });

    // Pointers: one drags (pans), two pinch (zoom at their midpoint).
    let pointers = StoredValue::new(Pointers::default());
    listen(&track, "pointerdown", move |ev| {
        let ev: &PointerEvent = ev.unchecked_ref();
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        motion.stop();
        suppress_click.set_value(false);
        let window = state.window_untracked();
        pointers.update_value(|p| {
            p.down(
                ev.pointer_id(),
                f64::from(ev.client_x()),
                ev.time_stamp(),
                window,
            )
        });
    });
    listen(&track, "pointermove", {
        let (track, anchor_of) = (track.clone(), anchor_of.clone());
        move |ev| {
            let ev: &PointerEvent = ev.unchecked_ref();
            let pointer = ev.pointer_id();
            let was_dragging = pointers.with_value(|p| p.dragging(pointer));
            let gesture = pointers
                .try_update_value(|p| p.moved(pointer, f64::from(ev.client_x()), ev.time_stamp()))
                .flatten();
            match gesture {
                Some(Gesture::Pan { from, dx }) => {
                    if !was_dragging {
                        let _ = track.set_pointer_capture(pointer);
                    }
                    let w = width.get_untracked().max(1.0);
                    state.set_window(crate::core::scale::pan(from, -toward_later * dx / w));
                }
                Some(Gesture::Pinch { from, factor, at_x }) => {
                    let limits = state.limits_untracked();
                    state.set_window(crate::core::scale::zoom(
                        from,
                        anchor_of(at_x),
                        factor,
                        limits,
                    ));
                }
                None => {}
            }
        }
    });
    let pointer_up = move |ev: web_sys::Event| {
        let cancelled = ev.type_() != "pointerup";
        let ev: &PointerEvent = ev.unchecked_ref();
        let release = pointers
            .try_update_value(|p| {
                p.up(
                    ev.pointer_id(),
                    f64::from(ev.client_x()),
                    ev.time_stamp(),
                    cancelled,
                )
            })
            .flatten();
        if let Some(release) = release {
            suppress_click.set_value(release.dragged);
            if let Some(velocity) = release.flick {
                // Too slow a flick does not glide: Motion::glide decides.
                motion.glide(state, toward_later * velocity, width.get_untracked());
            }
        }
    };
    listen(&track, "pointerup", pointer_up);
    listen(&track, "pointercancel", pointer_up);

    listen(&track, "dblclick", move |ev| {
        if closest(&ev, "button").is_some() {
            return;
        }
        let ev: &MouseEvent = ev.unchecked_ref();
        let factor = if ev.shift_key() { 0.5 } else { 2.0 };
        motion.ease(
            state,
            state.zoomed(anchor_of(f64::from(ev.client_x())), factor),
        );
    });

    listen(&track.clone(), "keydown", {
        let track = track.clone();
        move |ev| {
            let key = ev.unchecked_ref::<KeyboardEvent>().key();
            let Some(action) = key_action(&key, rtl) else {
                return;
            };
            motion.stop();
            if action.moves_view() {
                // The focused event may leave the view, and the DOM.
                let _ = track.focus();
            }
            match action {
                Action::Step(delta) => state.step(delta, tab_stop.get_untracked()),
                Action::Lane(delta) => {
                    // Without lanes, Up and Down are the page's.
                    if !lanes_on.get_untracked()
                        || !state.step_lane(delta, tab_stop.get_untracked())
                    {
                        return;
                    }
                }
                Action::End(last) => state.go_to_end(last),
                Action::Zoom(inward) => {
                    let factor = if inward { ZOOM_STEP } else { 1.0 / ZOOM_STEP };
                    state.set_window(state.zoomed(0.5, factor));
                }
                Action::Page(direction) => state.pan_by(f64::from(direction)),
                Action::Fit => state.fit(),
                Action::Close => {
                    if !state.selection_untracked().open {
                        return;
                    }
                    state.close();
                }
            }
            if matches!(action, Action::Step(_) | Action::Lane(_) | Action::End(_)) {
                focus_current(cx, track.clone());
            }
            ev.prevent_default();
        }
    });

    // Focus on a label (Tab, a screen reader's cursor) makes its event
    // the current one, so the arrows go on from there.
    listen(&lanes_box, "focusin", move |ev| {
        let id = closest(&ev, "[data-event-id]").and_then(|row| row.get_attribute("data-event-id"));
        if let Some(at) = id.and_then(|id| untrack(|| state.position_of(&id))) {
            state.move_to(at);
        }
    });
    // A click on a label opens its card (one listener for all of them).
    listen(&lanes_box, "click", move |ev| {
        let Some(id) = closest(&ev, ".nt-event__button")
            .and_then(|button| button.parent_element())
            .and_then(|row| row.get_attribute("data-event-id"))
        else {
            return;
        };
        if suppress_click.get_value() {
            suppress_click.set_value(false);
            return;
        }
        let _ = state.select(Some(&id));
    });
    (track, size)
}

/// Focuses the current event's button on `track`: at once where its row
/// is drawn already (so a key pressed next reaches it; the current
/// event's label is pinned, so its row stays), else once the DOM has
/// caught up with the state, or the track itself when the event has no
/// label then. Never later than needed: a card opened meanwhile keeps
/// its focus.
pub fn focus_current(cx: Ctx, track: HtmlElement) {
    let focus_row = {
        let track = track.clone();
        move || -> bool {
            let Some(id) = cx.state.selection_untracked().id else {
                return true;
            };
            let Ok(rows) = track.query_selector_all("[data-event-id]") else {
                return false;
            };
            for i in 0..rows.length() {
                let Some(row) = rows.item(i) else { continue };
                let row: &Element = row.unchecked_ref();
                if row.get_attribute("data-event-id").as_deref() == Some(id.as_str()) {
                    if let Some(button) = row.last_element_child() {
                        let _ = button.unchecked_ref::<HtmlElement>().focus();
                    }
                    return true;
                }
            }
            false
        }
    };
    if focus_row() {
        return;
    }
    after_frame(move || {
        if cx.state.is_alive() && !focus_row() {
            let _ = track.focus();
        }
    });
}

/// The labels of a lane's last layout (over the events `was`), as
/// (index, row) in the events shown now, sorted: the same while they are
/// the same events; otherwise (new data, another filter) each label goes
/// with its event, found by id, if the lane (`index`) still has it.
fn kept_labels(
    was: &Arc<Timeline>,
    last: &Layout,
    shown: &Arc<Timeline>,
    index: &TimeIndex,
    state: TimelineState,
) -> Vec<(usize, u16)> {
    if Arc::ptr_eq(was, shown) {
        return last.placed.iter().map(|p| (p.index, p.row)).collect();
    }
    // Sorted by their new index (a moved event may have passed another),
    // as (index, row) in one u64.
    let mut keys: Vec<u64> = last
        .placed
        .iter()
        .filter_map(|placed| {
            let id = &was.events.get(placed.index)?.id;
            let at = untrack(|| state.position_of(id))?;
            index.local_index(at)?;
            Some((at as u64) << 16 | u64::from(placed.row))
        })
        .collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|key| ((key >> 16) as usize, key as u16))
        .collect()
}
