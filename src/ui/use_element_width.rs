//! The rendered width of an element, as a signal, so layout can follow the
//! host's width (the widget has no width of its own).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{ResizeObserver, ResizeObserverEntry};

/// Watches `target` with a `ResizeObserver` and returns its content width in
/// CSS pixels (0 until first measured). The observer is disconnected when
/// the owning component is cleaned up, so nothing outlives the widget.
pub fn use_element_width(target: NodeRef<Div>) -> Signal<f64> {
    let width = RwSignal::new(0.0);
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
            let measured = entry.content_rect().width();
            if width.try_get_untracked() != Some(measured) {
                width.try_set(measured);
            }
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
    let held = StoredValue::new_local((observer.clone(), Some(callback)));
    Effect::new(move |_| {
        if let (Some(element), Some(observer)) = (target.get(), observer.as_ref()) {
            width.set(element.get_bounding_client_rect().width());
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
    width.into()
}
