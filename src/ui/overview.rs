use crate::core::filter::{brush_date, Filter};
use crate::core::index::TimeIndex;
use crate::core::window::Window;
use crate::ui::intl::DateFormatter;
use crate::ui::motion::Motion;
use crate::ui::strings::use_text;
use leptos::html::Div;
use leptos::prelude::*;
use std::fmt::Write;
use std::sync::Arc;
use web_sys::{KeyboardEvent, PointerEvent};

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

/// A strip under the axis showing where events are across the whole data
/// set, with the visible window as a rectangle: drag it to move fast
/// through 100,000 events, or press anywhere on the strip to jump there
/// (pointer only: the track's keys do the same, so the chart and rectangle
/// are hidden from assistive technology). Two handles at its ends narrow
/// the events to a date range; they are sliders for keyboards and screen
/// readers too.
#[component]
pub fn Overview(
    /// The shown events, indexed.
    #[prop(into)]
    index: Signal<Arc<TimeIndex>>,
    /// The span the strip covers: every event of the data set.
    #[prop(into)]
    extent: Signal<Window>,
    /// The visible range, drawn as the rectangle.
    #[prop(into)]
    window: Signal<Window>,
    /// Asks for another visible range.
    on_window: Callback<Window>,
    /// The widget's running animation, stopped by a press here.
    motion: Motion,
    /// The reader's criteria; the handles show and set `from` and `to`.
    #[prop(into)]
    filter: Signal<Filter>,
    /// Asks for other criteria.
    on_filter: Callback<Filter>,
    /// Dates in the reader's language, for the handles' values.
    formatter: StoredValue<DateFormatter, LocalStorage>,
    /// Right to left: the strip is drawn mirrored (later dates on the
    /// left), and pointer positions and arrow keys are read that way.
    #[prop(optional)]
    rtl: bool,
    /// The strip's width in px: the track's, as both span the widget's
    /// column (one measurement, so mounting forces one layout, not two).
    #[prop(into)]
    width: Signal<f64>,
) -> impl IntoView {
    // A pointer's x on the strip, counted from where time begins.
    let strip_x = move |el: &web_sys::HtmlDivElement, client_x: i32| {
        let rect = el.get_bounding_client_rect();
        if rtl {
            rect.right() - f64::from(client_x)
        } else {
            f64::from(client_x) - rect.left()
        }
    };
    let toward_later = if rtl { -1.0 } else { 1.0 };
    let s = use_text().s;
    let strip = NodeRef::<Div>::new();
    let density = Memo::new(move |_| {
        let columns = index.with(|i| i.density(extent.get(), COLUMNS));
        density_path(&columns)
    });
    // The rectangle in px: [left, right], clamped to the strip, at least
    // 6 px wide so a narrow window can still be grabbed.
    let rectangle = Memo::new(move |_| {
        let (extent, window, w) = (extent.get(), window.get(), width.get());
        let at = |ms: f64| x_of_untracked(ms, extent, w);
        let (left, right) = (at(window.start()), at(window.end()));
        let middle = (left + right) / 2.0;
        let half = ((right - left) / 2.0).max(3.0);
        ((middle - half).max(0.0), (middle + half).min(w.max(0.0)))
    });
    // The date range's ends in px; the strip's edges when open-ended.
    let x_of = move |ms: f64| x_of_untracked(ms, extent.get(), width.get());
    let handle_x = move |end: End| {
        filter.with(|f| match end {
            End::From => f.from.map_or(0.0, |d| x_of(d.start_ms())),
            End::To => f.to.map_or(width.get(), |d| x_of(d.end_ms())),
        })
    };
    // Moves one end to `x` px; at the strip's edge it is open again.
    let set_end = move |end: End, x: f64| {
        let w = width.get_untracked();
        let extent = extent.get_untracked();
        let span = extent.end() - extent.start();
        let mut next = filter.get_untracked();
        // A handle cannot pass the other one.
        let other = untrack(|| {
            handle_x(match end {
                End::From => End::To,
                End::To => End::From,
            })
        });
        let x = match end {
            End::From => x.min(other - 1.0),
            End::To => x.max(other + 1.0),
        };
        let ms = extent.start() + x / w.max(1.0) * span;
        let date = (x > 1.0 && x < w - 1.0)
            .then(|| brush_date(ms, span))
            .flatten();
        match end {
            End::From => next.from = date,
            End::To => next.to = date,
        }
        if next != filter.get_untracked() {
            on_filter.run(next);
        }
    };
    let dragging = StoredValue::new(None::<(i32, End)>);
    let handle = move |end: End| {
        let on_down = move |ev: PointerEvent| {
            ev.stop_propagation();
            ev.prevent_default();
            if let Some(el) = strip.get_untracked() {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
            dragging.set_value(Some((ev.pointer_id(), end)));
        };
        let on_key = move |ev: KeyboardEvent| {
            let w = width.get_untracked();
            let x = handle_x(end);
            let key = ev.key();
            // Arrows move the handle the way they point on screen.
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
        };
        let label = match end {
            End::From => s.show_from,
            End::To => s.show_until,
        };
        let value_text = move || {
            filter.with(|f| match (end, f.from, f.to) {
                (End::From, Some(d), _) | (End::To, _, Some(d)) => {
                    formatter.with_value(|fm| fm.format(&d))
                }
                (End::From, None, _) => s.first_event.to_owned(),
                (End::To, _, None) => s.last_event.to_owned(),
            })
        };
        view! {
            <div
                class="nt-overview__handle"
                class:nt-overview__handle--from=end == End::From
                role="slider"
                tabindex="0"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="1000"
                aria-valuenow=move || (handle_x(end) / width.get().max(1.0) * 1000.0).round() as i64
                aria-valuetext=value_text
                style:left=move || format!("{}px", handle_x(end).round() as i64)
                on:pointerdown=on_down
                on:keydown=on_key
            ></div>
        }
    };
    let on_handle_move = move |ev: PointerEvent| {
        let Some((pointer, end)) = dragging.get_value() else {
            return;
        };
        if pointer == ev.pointer_id() {
            if let Some(el) = strip.get_untracked() {
                set_end(end, strip_x(&el, ev.client_x()));
            }
        }
    };
    // A press in progress: pointer, its x and the window then.
    let press = StoredValue::new(None::<(i32, f64, Window)>);
    let ms_per_px = move || {
        let extent = extent.get_untracked();
        (extent.end() - extent.start()) / width.get_untracked().max(1.0)
    };
    let on_pointerdown = move |ev: PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        motion.stop();
        let Some(el) = strip.get_untracked() else {
            return;
        };
        let x = strip_x(&el, ev.client_x());
        let (left, right) = rectangle.get_untracked();
        let mut current = window.get_untracked();
        if x < left || x > right {
            // Jump: centre the window on the pressed instant.
            let half = (current.end() - current.start()) / 2.0;
            let at = extent.get_untracked().start() + x * ms_per_px();
            if let Some(moved) = Window::new(at - half, at + half) {
                on_window.run(moved);
                current = moved;
            }
        }
        let _ = el.set_pointer_capture(ev.pointer_id());
        press.set_value(Some((ev.pointer_id(), f64::from(ev.client_x()), current)));
    };
    let on_pointermove = move |ev: PointerEvent| {
        on_handle_move(ev.clone());
        let Some((pointer, x, from)) = press.get_value() else {
            return;
        };
        if pointer != ev.pointer_id() {
            return;
        }
        let shift = toward_later * (f64::from(ev.client_x()) - x) * ms_per_px();
        if let Some(moved) = Window::new(from.start() + shift, from.end() + shift) {
            on_window.run(moved);
        }
    };
    let on_pointerup = move |ev: PointerEvent| {
        if dragging
            .get_value()
            .is_some_and(|(p, _)| p == ev.pointer_id())
        {
            dragging.set_value(None);
        }
        if press
            .get_value()
            .is_some_and(|(p, _, _)| p == ev.pointer_id())
        {
            press.set_value(None);
        }
    };
    view! {
        <div
            class="nt-overview"
            class:nt-overview--rtl=rtl
            node_ref=strip
            role="group"
            aria-label=s.date_range
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=on_pointerup
        >
            <svg
                class="nt-overview__density"
                aria-hidden="true"
                viewBox=format!("0 0 {COLUMNS} {CHART_HEIGHT}")
                preserveAspectRatio="none"
            >
                <path d=move || density.get() />
            </svg>
            <div
                class="nt-overview__outside"
                aria-hidden="true"
                style:width=move || format!("{}px", handle_x(End::From).round() as i64)
            ></div>
            <div
                class="nt-overview__outside nt-overview__outside--after"
                aria-hidden="true"
                style:left=move || format!("{}px", handle_x(End::To).round() as i64)
            ></div>
            <div
                class="nt-overview__window"
                aria-hidden="true"
                style:left=move || format!("{}px", rectangle.get().0.round() as i64)
                style:width=move || {
                    let (left, right) = rectangle.get();
                    format!("{}px", (right - left).round() as i64)
                }
            ></div>
            {handle(End::From)}
            {handle(End::To)}
        </div>
    }
}

/// Where `ms` is on a strip of `width` px showing `extent`, clamped to it.
fn x_of_untracked(ms: f64, extent: Window, width: f64) -> f64 {
    // `max`/`min`, not `clamp`: clamp panics on a NaN bound (and its
    // message pulls float formatting into the wasm).
    ((ms - extent.start()) / (extent.end() - extent.start()) * width)
        .min(width)
        .max(0.0)
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
