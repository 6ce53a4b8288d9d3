//! The rendered size of an element, as signals, so layout can follow the
//! host's width and the room left for the track (the widget has no width
//! of its own, and the filters above it wrap on narrow screens).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{ResizeObserver, ResizeObserverEntry};

/// What [`use_element_size`] measures, in CSS pixels (0 until measured).
#[derive(Clone, Copy)]
pub struct UseElementSizeReturn {
    /// The content box's width.
    pub width: Signal<f64>,
    /// The content box's height.
    pub height: Signal<f64>,
}

/// Watches `target` with a `ResizeObserver`. The observer is disconnected
/// when the owning component is cleaned up, so nothing outlives the widget.
pub fn use_element_size(target: NodeRef<Div>) -> UseElementSizeReturn {
    let width = RwSignal::new(0.0);
    let height = RwSignal::new(0.0);
    let update = move |w: f64, h: f64| {
        if width.try_get_untracked() != Some(w) {
            width.try_set(w);
        }
        if height.try_get_untracked() != Some(h) {
            height.try_set(h);
        }
    };
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
            let rect = entry.content_rect();
            update(rect.width(), rect.height());
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
    let held = StoredValue::new_local((observer.clone(), Some(callback)));
    Effect::new(move |_| {
        if let (Some(element), Some(observer)) = (target.get(), observer.as_ref()) {
            let rect = element.get_bounding_client_rect();
            update(rect.width(), rect.height());
            observer.observe(&element);
        }
    });
    on_cleanup(move || {
        held.update_value(|(observer, callback)| {
            if let Some(observer) = observer.take() {
                observer.disconnect();
            }
            callback.take();
        });
    });
    UseElementSizeReturn {
        width: width.into(),
        height: height.into(),
    }
}
