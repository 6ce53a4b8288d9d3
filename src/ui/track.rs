use crate::core::date::{PartialDate, Precision};
use crate::core::index::TimeIndex;
use crate::core::layout::{layout, Cluster, Layout, LayoutParams, Placed};
use crate::core::model::{truncate_for_display, Timeline};
use crate::core::scale::{pan, zoom, Scale, ZoomLimits};
use crate::core::ticks::ticks;
use crate::core::window::Window;
use crate::ui::axis::Axis;
use crate::ui::cluster_badges::ClusterBadges;
use crate::ui::css_text::CssText;
use crate::ui::era_bands::EraBands;
use crate::ui::intl::DateFormatter;
use crate::ui::motion::Motion;
use crate::ui::sorted_children::sorted_children;
use crate::ui::strings::use_text;
use crate::ui::use_element_size::UseElementSizeReturn;
use crate::ui::Highlight;
use leptos::html::{Div, Ol};
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::{HtmlElement, KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};

/// Height of one label row, in CSS pixels (the stylesheet agrees).
const ROW_PX: f64 = 30.0;
/// Height of the axis strip under the rows.
const AXIS_PX: f64 = 36.0;
/// A first-row stem's height: from its label down to the axis.
const STEM_PX: i64 = 6;
/// Average glyph width of a label at the track's font size, for layout.
const CHAR_PX: f64 = 7.4;
/// Pointer travel before a press becomes a drag rather than a click.
const DRAG_THRESHOLD_PX: f64 = 4.0;
/// Zoom step of the +/- keys and buttons.
pub const ZOOM_STEP: f64 = 1.5;
/// Room between axis ticks: wide enough for the longest tick label
/// ("Jun 1, 2019", centred on its tick) next to a short one.
const TICK_SPACING_PX: f64 = 72.0;
/// How long the window must rest before its new span is announced.
const ANNOUNCE_AFTER_MS: u64 = 600;
/// How long the "Ctrl + scroll to zoom" hint stays up.
const HINT_MS: u64 = 1500;
/// While the window moves, a step adds at most this many labels: each is
/// a row built, styled and drawn within the frame, and a zoom step's
/// twenty-odd new rows made those frames the slowest. The rest come once
/// the window rests.
const MOVING_NEW_LABELS: usize = 4;
/// The window moves while it changes again within this many ms: a wheel
/// or pinch zoom, a drag, an eased zoom or a glide, a page moving it.
const MOVING_REST_MS: u64 = 150;

/// A pointer press in progress: where it began and the window then.
#[derive(Clone, Copy)]
struct Press {
    pointer: i32,
    x: f64,
    window: Window,
    dragged: bool,
    /// Recent (time ms, x) samples, for the glide's speed on release.
    trail: [(f64, f64); 2],
}

/// The interactive time track: events stacked in rows above a time axis.
/// Ctrl/⌘ + wheel and pinch zoom at the pointer, horizontal wheel and drag
/// pan, a plain vertical wheel scrolls the page (with a hint); keys per the
/// embed contract; a double-click zooms in (with Shift, out) and a flick
/// glides. Only labelled events are in the DOM: buttons in one ordered list
/// with a roving tab stop, so the track is one Tab stop and arrows move in
/// time order (through every event, labelled or not); the rest are "+N"
/// clusters.
#[component]
pub fn Track(
    /// The validated events, in time order.
    #[prop(into)]
    timeline: Signal<Arc<Timeline>>,
    /// The time index of `timeline`.
    #[prop(into)]
    index: Signal<Arc<TimeIndex>>,
    /// The visible range.
    #[prop(into)]
    window: Signal<Window>,
    /// The event whose card is open, if any.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// How far reader zooming may go.
    #[prop(into)]
    limits: Signal<ZoomLimits>,
    /// Dates in the reader's language.
    formatter: StoredValue<DateFormatter, LocalStorage>,
    /// Asks for another window (zoom, pan, fit, following an event).
    on_window: Callback<Window>,
    /// Asks to open an event's card (or close it, with `None`).
    on_select: Callback<Option<String>>,
    /// Asks to show every event (the `0` key).
    on_fit: Callback<()>,
    /// The widget's running animation, stopped by any gesture here.
    motion: Motion,
    /// The folded search query, marked in the labels.
    #[prop(into)]
    query: Signal<Option<String>>,
    /// Right to left: time runs from right to left (the layout is drawn
    /// mirrored), and pointer directions and keys follow what is seen.
    #[prop(optional)]
    rtl: bool,
    /// The track's element, for focus and pointer positions.
    track: NodeRef<Div>,
    /// The track's size, measured by the owner (which shares its width
    /// with the overview strip below).
    size: UseElementSizeReturn,
) -> impl IntoView {
    // Screen px to time direction: +1 when later is to the right.
    let toward_later = if rtl { -1.0 } else { 1.0 };
    let text = use_text();
    let width = size.width;
    // As many label rows as the room left for the track holds.
    let rows = Memo::new(move |_| {
        ((size.height.get() - AXIS_PX - 12.0) / ROW_PX)
            .floor()
            .clamp(1.0, 24.0) as u16
    });
    let scale = Memo::new(move |_| Scale::new(window.get(), width.get()));
    let params = move |width_px: f64, new_labels: usize| LayoutParams {
        width_px,
        rows: rows.get(),
        char_px: CHAR_PX,
        min_label_px: 56.0,
        max_label_px: (width_px * 0.45).clamp(120.0, 240.0),
        gap_px: 10.0,
        new_labels,
    };
    // Whether the window is moving (see MOVING_NEW_LABELS): the last
    // window laid out and when; `rested` asks for the full layout once the
    // window has stood still for MOVING_REST_MS.
    let last_move = StoredValue::new(None::<(Window, f64)>);
    let rested = Trigger::new();
    let rest_timer = Quiet::new();
    let moving = move |now: Window| {
        let at = js_sys::Date::now();
        let moving = last_move
            .try_update_value(|last| match *last {
                Some((before, _)) if before == now => false,
                previous => {
                    *last = Some((now, at));
                    previous.is_some_and(|(_, then)| at - then < MOVING_REST_MS as f64)
                }
            })
            .unwrap_or(false);
        if moving {
            rest_timer.restart(MOVING_REST_MS, move || rested.notify());
        }
        moving
    };
    // The roving tab stop's event, when the reader moved to one: it keeps a
    // label even where it would lose to more important events.
    let active = RwSignal::new(None::<String>);
    let pinned = Memo::new(move |_| {
        let id = active.get().or_else(|| selected.get())?;
        timeline.with(|t| t.events.iter().position(|e| e.id == id))
    });
    // The labels of the last layout are kept, in their rows, where they
    // still fit (see `layout`), as long as they index the same timeline
    // (held here, so that a new timeline is never mistaken for it).
    let laid_out = StoredValue::new(None::<Arc<Timeline>>);
    let placement = Memo::new(move |previous: Option<&Layout>| {
        rested.track();
        let Some(scale) = scale.get() else {
            return Layout::default();
        };
        let new_labels = if moving(scale.window()) {
            MOVING_NEW_LABELS
        } else {
            usize::MAX
        };
        let current = timeline.get();
        let same = laid_out
            .write_value()
            .replace(current.clone())
            .is_some_and(|was| Arc::ptr_eq(&was, &current));
        let kept: Vec<(usize, u16)> = previous
            .filter(|_| same)
            .map(|l| l.placed.iter().map(|p| (p.index, p.row)).collect())
            .unwrap_or_default();
        index.with(|index| {
            layout(
                &current,
                index,
                &scale,
                &params(scale.width(), new_labels),
                pinned.get(),
                &kept,
            )
        })
    });
    // Rows are placed in px from an anchor instant that moves only when
    // the zoom (ms per px) changes, and the list is shifted to the
    // anchor's x: a pan changes that one transform, while every row's box
    // stays equal, so the `labels` memo stops the update before any row is
    // touched.
    let anchor = Memo::new(move |previous: Option<&(f64, f64)>| {
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
    let shift = Memo::new(move |_| scale.get().map_or(0.0, |s| s.x_of(anchor.get().0)));
    // The rows' and stems' transform: the pan, and right to left the
    // mirroring of the whole list.
    let rows_transform = move || {
        let x = shift.get().round() as i64;
        if rtl {
            format!("scaleX(-1) translateX({x}px)")
        } else {
            format!("translateX({x}px)")
        }
    };
    let tick_list = Memo::new(move |_| {
        scale
            .get()
            .map(|s| ticks(s.window(), s.width(), TICK_SPACING_PX))
            .unwrap_or_default()
    });

    // The roving tab stop: the last event moved to, else the first in view.
    let tab_stop = Memo::new(move |_| {
        let wanted = active.get().or_else(|| selected.get());
        placement.with(|l| {
            timeline.with(|t| {
                let id_of = |p: &Placed| t.events.get(p.index).map(|e| &e.id);
                wanted
                    .filter(|id| l.placed.iter().any(|p| id_of(p) == Some(id)))
                    .or_else(|| l.placed.first().and_then(id_of).cloned())
            })
        })
    });
    // The labelled events, in time order: only these are in the DOM, a
    // few hundred at most whatever the data's size.
    let labels = Memo::new(move |_| {
        let shift = shift.get();
        let query = query.get();
        let tab_stop = tab_stop.get();
        let selected = selected.get();
        placement.with(|l| {
            timeline.with(|t| {
                l.placed
                    .iter()
                    .filter_map(|p| {
                        let event = t.events.get(p.index)?;
                        let is = |id: &Option<String>| id.as_deref() == Some(event.id.as_str());
                        Some(Label {
                            item: Item {
                                index: p.index,
                                id: event.id.clone(),
                                of: t.events.len(),
                                query: query.clone(),
                            },
                            at: RowBox::new(p, shift),
                            range: event.end.is_some(),
                            tab_stop: is(&tab_stop),
                            expanded: is(&selected),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // Every label's stem, a line from the label down to the axis and a dot
    // on it, as two paths under the rows: one write per change, rather
    // than an element and an effect per row.
    let stems = move |dots: bool| labels.with(|l| stem_path(l.iter().map(|l| l.at), dots));
    // Zooming, panning and moving may take the focused event out of view
    // (and out of the DOM): focus is held on the track meanwhile.
    let focus_track = move || {
        if let Some(el) = track.get_untracked() {
            let _ = el.focus();
        }
    };

    let move_to = move |index: usize| {
        let Some(event) = timeline.with_untracked(|t| t.events.get(index).cloned()) else {
            return;
        };
        let current = window.get_untracked();
        if !current.intersects(event.start_ms(), event.end_ms()) {
            focus_track();
            on_window.run(crate::core::scale::center_on(current, event.start_ms()));
        }
        active.set(Some(event.id.clone()));
        focus_event_later(track.get_untracked().map(Into::into), event.id);
    };

    let hint = RwSignal::new(false);
    let hint_timer = Quiet::new();
    let show_hint = move || {
        hint.set(true);
        hint_timer.restart(HINT_MS, move || hint.set(false));
    };

    let anchor_of = move |client_x: f64| -> f64 {
        track
            .get_untracked()
            .map(|el| {
                let rect = el.get_bounding_client_rect();
                if rect.width() > 0.0 {
                    let from_left = (client_x - rect.left()) / rect.width();
                    if rtl {
                        1.0 - from_left
                    } else {
                        from_left
                    }
                } else {
                    0.5
                }
            })
            .unwrap_or(0.5)
    };

    let on_wheel = move |ev: WheelEvent| {
        let unit = match ev.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let (dx, dy) = (ev.delta_x() * unit, ev.delta_y() * unit);
        motion.stop();
        let current = window.get_untracked();
        if ev.ctrl_key() || ev.meta_key() {
            ev.prevent_default();
            let factor = (-dy * 0.002).exp();
            on_window.run(zoom(
                current,
                anchor_of(f64::from(ev.client_x())),
                factor,
                limits.get_untracked(),
            ));
        } else if ev.shift_key() || dx.abs() > dy.abs() {
            ev.prevent_default();
            let delta = if dx.abs() > dy.abs() { dx } else { dy };
            let w = width.get_untracked().max(1.0);
            on_window.run(pan(current, toward_later * delta / w));
        } else {
            show_hint();
        }
    };

    // Pointers: one drags (pans), two pinch (zoom at their midpoint).
    let press = StoredValue::new(None::<Press>);
    let touches = StoredValue::new(Vec::<(i32, f64)>::new());
    let pinch = StoredValue::new(None::<(f64, Window)>);
    let suppress_click = StoredValue::new(false);
    let on_pointerdown = move |ev: PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        let x = f64::from(ev.client_x());
        motion.stop();
        suppress_click.set_value(false);
        touches.update_value(|t| {
            t.retain(|(id, _)| *id != ev.pointer_id());
            t.push((ev.pointer_id(), x));
        });
        let current = window.get_untracked();
        if touches.with_value(Vec::len) == 2 {
            let spread = touches.with_value(|t| spread(t));
            pinch.set_value(Some((spread, current)));
            press.set_value(None);
        } else {
            press.set_value(Some(Press {
                pointer: ev.pointer_id(),
                x,
                window: current,
                dragged: false,
                trail: [(ev.time_stamp(), x); 2],
            }));
        }
    };
    let on_pointermove = move |ev: PointerEvent| {
        let x = f64::from(ev.client_x());
        touches.update_value(|t| {
            if let Some(entry) = t.iter_mut().find(|(id, _)| *id == ev.pointer_id()) {
                entry.1 = x;
            }
        });
        if let Some((start_spread, start_window)) = pinch.get_value() {
            let (now_spread, middle) = touches.with_value(|t| (spread(t), midpoint(t)));
            if start_spread > 0.0 && now_spread > 0.0 {
                let factor = now_spread / start_spread;
                on_window.run(zoom(
                    start_window,
                    anchor_of(middle),
                    factor,
                    limits.get_untracked(),
                ));
            }
            return;
        }
        let Some(mut current) = press.get_value().filter(|p| p.pointer == ev.pointer_id()) else {
            return;
        };
        let dx = x - current.x;
        if !current.dragged && dx.abs() < DRAG_THRESHOLD_PX {
            return;
        }
        if !current.dragged {
            current.dragged = true;
            if let Some(el) = track.get_untracked() {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
        }
        // The older sample stays 16–100 ms old, so the speed on release is
        // measured over a short but not instant span.
        let now = ev.time_stamp();
        if now - current.trail[0].0 > 100.0 {
            current.trail[0] = current.trail[1];
        }
        current.trail[1] = (now, x);
        press.set_value(Some(current));
        let w = width.get_untracked().max(1.0);
        on_window.run(pan(current.window, -toward_later * dx / w));
    };
    let on_pointerup = move |ev: PointerEvent| {
        touches.update_value(|t| t.retain(|(id, _)| *id != ev.pointer_id()));
        if touches.with_value(Vec::len) < 2 {
            pinch.set_value(None);
        }
        if let Some(p) = press.get_value().filter(|p| p.pointer == ev.pointer_id()) {
            suppress_click.set_value(p.dragged);
            press.set_value(None);
            let [(t0, x0), _] = p.trail;
            let (t1, x1) = (ev.time_stamp(), f64::from(ev.client_x()));
            // A pointer held still before release does not glide (120 ms:
            // a busy page delivers the last move late).
            if p.dragged && ev.type_() == "pointerup" && t1 - p.trail[1].0 < 120.0 && t1 > t0 {
                // Too slow a flick does not glide: Motion::glide decides.
                let velocity = (x1 - x0) / (t1 - t0);
                motion.glide(
                    window.get_untracked(),
                    toward_later * velocity,
                    width.get_untracked(),
                    on_window,
                );
            }
        }
    };

    let on_dblclick = move |ev: MouseEvent| {
        let on_label = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest("button").ok().flatten())
            .is_some();
        if on_label {
            return;
        }
        let factor = if ev.shift_key() { 0.5 } else { 2.0 };
        let current = window.get_untracked();
        let anchor = anchor_of(f64::from(ev.client_x()));
        motion.ease(
            current,
            zoom(current, anchor, factor, limits.get_untracked()),
            on_window,
        );
    };

    let on_keydown = move |ev: KeyboardEvent| {
        motion.stop();
        let current = window.get_untracked();
        let count = timeline.with_untracked(|t| t.events.len());
        let index_of_active = || {
            let id = tab_stop.get_untracked()?;
            timeline.with_untracked(|t| t.events.iter().position(|e| e.id == id))
        };
        let (earlier, later) = if rtl {
            ("ArrowRight", "ArrowLeft")
        } else {
            ("ArrowLeft", "ArrowRight")
        };
        let key = ev.key();
        if matches!(
            key.as_str(),
            "+" | "=" | "-" | "_" | "0" | "PageUp" | "PageDown"
        ) {
            focus_track();
        }
        match key.as_str() {
            k if k == later || k == earlier => {
                if count > 0 {
                    let next = match index_of_active() {
                        Some(i) if k == later => (i + 1).min(count - 1),
                        Some(i) => i.saturating_sub(1),
                        None => 0,
                    };
                    move_to(next);
                }
            }
            "Home" if count > 0 => move_to(0),
            "End" if count > 0 => move_to(count - 1),
            "+" | "=" => on_window.run(zoom(current, 0.5, ZOOM_STEP, limits.get_untracked())),
            "-" | "_" => on_window.run(zoom(current, 0.5, 1.0 / ZOOM_STEP, limits.get_untracked())),
            "0" => on_fit.run(()),
            "PageUp" => on_window.run(pan(current, if rtl { 1.0 } else { -1.0 })),
            "PageDown" => on_window.run(pan(current, if rtl { -1.0 } else { 1.0 })),
            "Escape" if selected.get_untracked().is_some() => on_select.run(None),
            _ => return,
        }
        ev.prevent_default();
    };

    // What a screen reader hears once the window stops moving: the span
    // shown and how many events it holds (not on every frame of a drag).
    let announcement = RwSignal::new(String::new());
    let settled = Quiet::new();
    Effect::new(move |first: Option<()>| {
        let current = window.get();
        let count = placement.with(|l| l.placed.len() + l.hidden);
        if first.is_none() {
            return;
        }
        // Formatted once the window rests, not on every frame of a drag.
        settled.restart(ANNOUNCE_AFTER_MS, move || {
            let said = formatter.with_value(|f| {
                let day = |ms: f64| PartialDate::from_ms(ms, Precision::Day).map(|d| f.format(&d));
                match (day(current.start()), day(current.end() - 1.0)) {
                    (Some(from), Some(to)) => format!("{from} – {to}: {}", text.events(count)),
                    _ => text.events(count),
                }
            });
            announcement.try_set(said);
        });
    });

    let event_list = NodeRef::<Ol>::new();
    // A click on a label opens its card (one listener for all of them).
    let on_label_click = move |ev: MouseEvent| {
        let Some(id) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest(".nt-event__button").ok().flatten())
            .and_then(|button| button.parent_element())
            .and_then(|row| row.get_attribute("data-event-id"))
        else {
            return;
        };
        if suppress_click.get_value() {
            suppress_click.set_value(false);
            return;
        }
        active.set(Some(id.clone()));
        on_select.run(Some(id));
    };
    sorted_children(
        event_list,
        move || labels.get(),
        |label| label.item.clone(),
        move |label: &Label| {
            let Label {
                item:
                    Item {
                        index,
                        id,
                        of,
                        query,
                    },
                at,
                range,
                tab_stop,
                expanded,
            } = label.clone();
            let (label, title, datetime, major) = timeline.with_untracked(|t| {
                let event = t.events.get(index)?;
                Some((
                    formatter.with_value(|f| f.event_label(event)),
                    truncate_for_display(&event.title).into_owned(),
                    event.start.to_string(),
                    event.importance == 3,
                ))
            })?;
            // Untitled events are labelled with their date, which the
            // <time> already gives screen readers.
            let untitled = title.is_empty();
            let shown = if untitled { label.clone() } else { title };
            Some(view! {
                <li
                    class="nt-event"
                    class:nt-event--range=range
                    class:nt-event--major=major
                    data-event-id=id
                    aria-posinset=index + 1
                    aria-setsize=of
                    style=CssText(at.css_text())
                >
                    {range.then(|| view! {
                        <span class="nt-event__bar" aria-hidden="true" style=CssText(at.bar_css())></span>
                    })}
                    <button
                        type="button"
                        class="nt-event__button"
                        tabindex=if tab_stop { "0" } else { "-1" }
                        aria-expanded=expanded.to_string()
                    >
                        <time class="nt-event__date" datetime=datetime>{label}</time>
                        <span class="nt-event__title" aria-hidden=untitled.then_some("true")><Highlight text=shown query /></span>
                    </button>
                </li>
            })
        },
        |was: &Label, now: &Label, row: &HtmlElement| now.refresh(was, row),
    );
    view! {
        <div
            class="nt-track"
            class:nt-track--rtl=rtl
            node_ref=track
            tabindex="-1"
            on:wheel=on_wheel
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=on_pointerup
            on:dblclick=on_dblclick
            on:keydown=on_keydown
        >
            <EraBands timeline scale />
            <svg class="nt-track__stems" aria-hidden="true" style:transform=rows_transform>
                <path class="nt-track__stem-lines" d=move || stems(false) />
                <path class="nt-track__stem-dots" d=move || stems(true) />
            </svg>
            <ol
                class="nt-track__events"
                style:transform=rows_transform
                node_ref=event_list
                on:click=on_label_click
            ></ol>
            <ClusterBadges
                clusters=Signal::derive(move || placement.with(|l| l.clusters.clone()))
                bottom=AXIS_PX - 14.0
                on_expand=Callback::new(move |cluster: Cluster| {
                    if suppress_click.get_value() {
                        suppress_click.set_value(false);
                        return;
                    }
                    if let Some(to) = cluster.expanded(limits.get_untracked()) {
                        motion.ease(window.get_untracked(), to, on_window);
                    }
                })
            />
            <Axis ticks=tick_list scale formatter />
            <p class="nt-track__announcement" role="status" aria-live="polite">{announcement}</p>
            <p class="nt-hint" class:nt-hint--visible=move || hint.get() aria-hidden="true">
                {text.s.zoom_hint}
            </p>
        </div>
    }
}

/// A labelled event as its row is keyed: a change of the number of
/// events shown (`of`, its `aria-setsize`) or of the query marked in its
/// title rebuilds the row (both change rarely, unlike the row's box).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Item {
    /// Its place in the (shown) timeline.
    index: usize,
    id: String,
    /// How many events the timeline shows.
    of: usize,
    /// The folded search query.
    query: Option<String>,
}

/// A labelled event's row as drawn. Built once per `Item`; what else
/// changes is written to the row by [`Label::refresh`].
#[derive(Debug, Clone, PartialEq)]
struct Label {
    item: Item,
    at: RowBox,
    /// A range has a bar, the row's first element.
    range: bool,
    /// The roving tab stop is on its button.
    tab_stop: bool,
    /// Its card is open.
    expanded: bool,
}

impl Label {
    /// Brings a kept row from `was` to `self`: its box, and its button's
    /// tab stop and expanded state (the button is the row's last element).
    fn refresh(&self, was: &Label, row: &HtmlElement) {
        use wasm_bindgen::JsCast;
        if self.at != was.at {
            row.style().set_css_text(&self.at.css_text());
            if let Some(bar) = row.first_element_child().filter(|_| self.range) {
                bar.unchecked_into::<HtmlElement>()
                    .style()
                    .set_css_text(&self.at.bar_css());
            }
        }
        if let Some(button) = row.last_element_child() {
            if self.tab_stop != was.tab_stop {
                let _ = button.set_attribute("tabindex", if self.tab_stop { "0" } else { "-1" });
            }
            if self.expanded != was.expanded {
                let _ = button.set_attribute("aria-expanded", &self.expanded.to_string());
            }
        }
    }
}

/// A labelled row's box in whole px, `x` from the anchor (see `shift` in
/// [`Track`]): equal from one pan frame to the next.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RowBox {
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
    fn new(placed: &Placed, shift: f64) -> RowBox {
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
fn stem_path(boxes: impl Iterator<Item = RowBox>, dots: bool) -> String {
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

fn spread(touches: &[(i32, f64)]) -> f64 {
    match touches {
        [(_, a), (_, b), ..] => (a - b).abs(),
        _ => 0.0,
    }
}

fn midpoint(touches: &[(i32, f64)]) -> f64 {
    match touches {
        [(_, a), (_, b), ..] => (a + b) / 2.0,
        _ => 0.0,
    }
}

/// Focuses an event's button once the DOM has caught up with the signals.
pub fn focus_event_later(root: Option<web_sys::Element>, id: String) {
    request_animation_frame(move || {
        let Some(root) = root else {
            return;
        };
        let Ok(nodes) = root.query_selector_all("[data-event-id]") else {
            return;
        };
        for i in 0..nodes.length() {
            let Some(node) = nodes.item(i) else { continue };
            let element: &web_sys::Element = wasm_bindgen::JsCast::unchecked_ref(&node);
            if element.get_attribute("data-event-id").as_deref() == Some(id.as_str()) {
                if let Ok(Some(button)) = element.query_selector("button") {
                    let button: &web_sys::HtmlElement =
                        wasm_bindgen::JsCast::unchecked_ref(&button);
                    let _ = button.focus();
                }
                return;
            }
        }
    });
}

/// A timeout that each `restart` replaces, so that its action runs once
/// the restarts have stopped for its delay; cleared with the component.
#[derive(Clone, Copy)]
struct Quiet(StoredValue<Option<TimeoutHandle>, LocalStorage>);

impl Quiet {
    fn new() -> Quiet {
        let quiet = Quiet(StoredValue::new_local(None));
        on_cleanup(move || quiet.cancel());
        quiet
    }

    fn cancel(self) {
        if let Some(handle) = self.0.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    fn restart(self, after_ms: u64, then: impl FnOnce() + 'static) {
        self.cancel();
        let handle = set_timeout_with_handle(then, std::time::Duration::from_millis(after_ms)).ok();
        self.0.try_set_value(handle);
    }
}
