//! The rendered size of an element, as signals, so layout can follow the
//! host's width and the room left for the track (the widget has no width
//! of its own, and the filters above it wrap on narrow screens).

use crate::ui::reactive::Source;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver, ResizeObserverEntry};

/// What [`use_element_size`] measures, in CSS pixels (0 until measured).
#[derive(Clone, Copy)]
pub struct UseElementSizeReturn {
    /// The content box's width.
    pub width: Source<f64>,
    /// The content box's height.
    pub height: Source<f64>,
}

/// Watches `target` with a `ResizeObserver`. The observer is disconnected with the current owner, so
/// nothing outlives the widget.
pub fn use_element_size(target: &HtmlElement) -> UseElementSizeReturn {
    let size = UseElementSizeReturn {
        width: Source::new(0.0),
        height: Source::new(0.0),
    };
    let update = move |w: f64, h: f64| {
        for (signal, value) in [(size.width, w), (size.height, h)] {
            if signal.try_read_untracked().is_some_and(|was| *was != value) {
                signal.set(value);
            }
        }
    };
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
            let rect = entry.content_rect();
            update(rect.width(), rect.height());
        }
    });
    let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return size;
    };
    observer.observe(target);
    // Measured once the widget is in the page (its builder attaches it
    // before this task ends), so its first frame is laid out in full
    // rather than after the observer's first report. A task of the
    // reactive executor, not a bare microtask: the layout it starts then
    // runs with the rest of the first render, where a microtask put it
    // after the executor's next turn (and `tick()` in tests).
    let target = target.clone();
    leptos::task::spawn_local(async move {
        let rect = target.get_bounding_client_rect();
        update(rect.width(), rect.height());
    });
    let held = StoredValue::new_local(Some(callback));
    Owner::on_cleanup(move || {
        observer.disconnect();
        held.try_update_value(Option::take);
    });
    size
}
