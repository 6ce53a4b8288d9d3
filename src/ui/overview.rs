use crate::core::index::TimeIndex;
use crate::core::window::Window;
use crate::ui::motion::Motion;
use crate::ui::use_element_size::use_element_size;
use leptos::html::Div;
use leptos::prelude::*;
use std::fmt::Write;
use std::sync::Arc;
use web_sys::PointerEvent;

/// Columns of the density chart (its viewBox is this many units wide).
const COLUMNS: usize = 200;
/// The chart's height in viewBox units.
const CHART_HEIGHT: usize = 24;

/// A strip under the axis showing where events are across the whole data
/// set, with the visible window as a rectangle: drag it to move fast
/// through 100,000 events, or press anywhere on the strip to jump there.
/// Pointer-only (the track's keys do the same), so it is hidden from
/// assistive technology.
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
) -> impl IntoView {
    let strip = NodeRef::<Div>::new();
    let width = use_element_size(strip).width;
    let density = Memo::new(move |_| {
        let columns = index.with(|i| i.density(extent.get(), COLUMNS));
        density_path(&columns)
    });
    // The rectangle in px: [left, right], clamped to the strip, at least
    // 6 px wide so a narrow window can still be grabbed.
    let rectangle = Memo::new(move |_| {
        let (extent, window, w) = (extent.get(), window.get(), width.get());
        let span = extent.end() - extent.start();
        let at = |ms: f64| ((ms - extent.start()) / span * w).clamp(0.0, w);
        let (left, right) = (at(window.start()), at(window.end()));
        let middle = (left + right) / 2.0;
        let half = ((right - left) / 2.0).max(3.0);
        ((middle - half).max(0.0), (middle + half).min(w.max(0.0)))
    });
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
        let x = f64::from(ev.client_x()) - el.get_bounding_client_rect().left();
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
        let Some((pointer, x, from)) = press.get_value() else {
            return;
        };
        if pointer != ev.pointer_id() {
            return;
        }
        let shift = (f64::from(ev.client_x()) - x) * ms_per_px();
        if let Some(moved) = Window::new(from.start() + shift, from.end() + shift) {
            on_window.run(moved);
        }
    };
    let on_pointerup = move |ev: PointerEvent| {
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
            node_ref=strip
            aria-hidden="true"
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=on_pointerup
        >
            <svg
                class="nt-overview__density"
                viewBox=format!("0 0 {COLUMNS} {CHART_HEIGHT}")
                preserveAspectRatio="none"
            >
                <path d=move || density.get() />
            </svg>
            <div
                class="nt-overview__window"
                style:left=move || format!("{}px", rectangle.get().0.round() as i64)
                style:width=move || {
                    let (left, right) = rectangle.get();
                    format!("{}px", (right - left).round() as i64)
                }
            ></div>
        </div>
    }
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
