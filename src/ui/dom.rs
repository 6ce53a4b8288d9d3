//! Building the widget's DOM with web-sys and binding it to the state.
//!
//! # Why not `view!`?
//!
//! Every `view!` shape, attribute closure and `<Show>` is a distinct
//! generic type that Leptos's renderer monomorphizes, with our closures
//! inlined into each copy: measured on this widget, the view code was
//! about a third of the wasm every reader downloads. The widget's DOM is
//! small and long-lived (a frame built once, rows the track keeps), so
//! it is built here once, imperatively, and each changing value is bound
//! to the [state](crate::ui::state) by one [`bind`] effect. The
//! helpers take their closures boxed, so each is compiled once whatever
//! the caller: the reactive and event-listener machinery exists once in
//! the wasm, not once per use.
//!
//! # Overview
//!
//! - [`el`], [`add`], [`set`], [`set_text`]: elements, attributes, text.
//! - [`listen`]: an event listener kept as long as the current reactive
//!   owner (the component) lives.
//! - [`bind`]: a render effect: runs now, and again when what it read
//!   changes, until its owner is disposed.
//! - [`after_frame`], [`Timeout`]: the browser's clocks, cancelled with
//!   their owner.
//!
//! Handlers read the state with `get_untracked` and change it only
//! through its methods; `bind` effects only write the DOM.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, EventTarget, HtmlElement};

/// The page's document (every widget lives in the page that loaded it).
pub fn document() -> Document {
    // The widget only runs in a window with a document.
    web_sys::window()
        .and_then(|w| w.document())
        .unwrap_or_else(|| JsValue::UNDEFINED.unchecked_into())
}

/// A new element with a class (none when `class` is empty).
pub fn el(tag: &str, class: &str) -> HtmlElement {
    let element: HtmlElement = document().create_element(tag).map_or_else(
        |_| JsValue::UNDEFINED.unchecked_into(),
        JsCast::unchecked_into,
    );
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element
}

/// A new SVG element (the track's stems, the overview's density chart).
pub fn svg(parent: &Element, tag: &str, class: &str) -> Element {
    let element = document()
        .create_element_ns(Some("http://www.w3.org/2000/svg"), tag)
        .unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into());
    set(&element, "class", class);
    let _ = parent.append_child(&element);
    element
}

/// A new element appended to `parent`.
pub fn add(parent: &Element, tag: &str, class: &str) -> HtmlElement {
    let child = el(tag, class);
    let _ = parent.append_child(&child);
    child
}

/// A new element with text, appended to `parent`.
pub fn add_text(parent: &Element, tag: &str, class: &str, text: &str) -> HtmlElement {
    let child = add(parent, tag, class);
    set_text(&child, text);
    child
}

/// Sets an attribute (the browser refuses only invalid names, which
/// callers never pass).
pub fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Sets an attribute, or removes it for `None`.
pub fn set_or_remove(element: &Element, name: &str, value: Option<&str>) {
    match value {
        Some(value) => set(element, name, value),
        None => {
            let _ = element.remove_attribute(name);
        }
    }
}

/// Replaces an element's content with text (never parsed as HTML).
pub fn set_text(node: &web_sys::Node, text: &str) {
    node.set_text_content(Some(text));
}

/// Sets one CSS property through the CSSOM (allowed under a strict
/// Content-Security-Policy, where a `style` attribute is not).
pub fn style(element: &HtmlElement, property: &str, value: &str) {
    let _ = element.style().set_property(property, value);
}

/// `n` whole CSS pixels, as a property value.
pub fn px(n: f64) -> String {
    let mut text = (n.round() as i64).to_string();
    text.push_str("px");
    text
}

/// Toggles a class.
pub fn toggle_class(element: &Element, class: &str, on: bool) {
    let _ = element.class_list().toggle_with_force(class, on);
}

/// Calls `handler` for each `name` event on `target` while the current
/// owner lives (the closure is freed with it). Handlers take the plain
/// `Event`; `unchecked_ref` gives the specific kind.
pub fn listen(target: &EventTarget, name: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    listen_boxed(target, name, false, Box::new(handler));
}

/// [`listen`] in the capture phase: on the window, `scroll` then hears
/// every scrolling element of the page, not only the document.
pub fn listen_capture(
    target: &EventTarget,
    name: &str,
    handler: impl FnMut(web_sys::Event) + 'static,
) {
    listen_boxed(target, name, true, Box::new(handler));
}

fn listen_boxed(
    target: &EventTarget,
    name: &str,
    capture: bool,
    handler: Box<dyn FnMut(web_sys::Event)>,
) {
    let closure = Closure::wrap(handler);
    let _ = target.add_event_listener_with_callback_and_bool(
        name,
        closure.as_ref().unchecked_ref(),
        capture,
    );
    // Listeners outside the widget (the window, a media query) must go
    // with it; on its own elements, removing is harmless.
    let target = target.clone();
    let name = name.to_owned();
    let kept = StoredValue::new_local(Some(closure));
    Owner::on_cleanup(move || {
        if let Some(closure) = kept.try_update_value(Option::take).flatten() {
            let _ = target.remove_event_listener_with_callback_and_bool(
                &name,
                closure.as_ref().unchecked_ref(),
                capture,
            );
        }
    });
}

/// Runs `update` now and whenever a signal it read changes, until the
/// current owner is disposed. What `update` creates (listeners, inner
/// bindings) is disposed before each rerun.
pub fn bind(update: impl FnMut() + 'static) {
    bind_boxed(Box::new(update));
}

fn bind_boxed(mut update: Box<dyn FnMut()>) {
    let effect = RenderEffect::new(move |_: Option<()>| update());
    StoredValue::new_local(effect);
}

/// Runs `then` whenever a signal `deps` read changes, but not now (a
/// change is announced, the initial state is not); until the current
/// owner is disposed. Runs after the change, outside the code that made
/// it.
pub fn watch(deps: impl FnMut() + 'static, then: impl FnMut() + 'static) {
    watch_boxed(Box::new(deps), Box::new(then));
}

fn watch_boxed(deps: Box<dyn FnMut()>, mut then: Box<dyn FnMut()>) {
    Effect::watch(deps, move |_, _, _| then(), false);
}

/// Runs `then` in the next animation frame callback, once the DOM has
/// caught up with the state (focus moves, measurements).
pub fn after_frame(then: impl FnOnce() + 'static) {
    after_frame_boxed(Box::new(then));
}

fn after_frame_boxed(then: Box<dyn FnOnce()>) {
    request_animation_frame(then);
}

/// A timeout that each [`Timeout::restart`] replaces, so its action runs
/// once the restarts stop for its delay; cleared with its owner. The
/// model is leptos-use's `use_timeout_fn`.
#[derive(Clone, Copy)]
pub struct Timeout(StoredValue<Option<TimeoutHandle>, LocalStorage>);

impl Timeout {
    /// A stopped timeout, cleared when the current owner is disposed.
    pub fn new() -> Timeout {
        let timeout = Timeout(StoredValue::new_local(None));
        Owner::on_cleanup(move || timeout.stop());
        timeout
    }

    /// Cancels the pending action, if any.
    pub fn stop(self) {
        if let Some(handle) = self.0.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Runs `then` after `ms`, cancelling the pending action.
    pub fn restart(self, ms: u32, then: impl FnOnce() + 'static) {
        self.restart_boxed(ms, Box::new(then));
    }

    fn restart_boxed(self, ms: u32, then: Box<dyn FnOnce()>) {
        self.stop();
        let handle =
            set_timeout_with_handle(then, std::time::Duration::from_millis(u64::from(ms))).ok();
        self.0.try_set_value(handle);
    }
}

impl Default for Timeout {
    fn default() -> Self {
        Timeout::new()
    }
}

/// The element of an event's target, or of its nearest ancestor matching
/// `selector`.
pub fn closest(event: &web_sys::Event, selector: &str) -> Option<Element> {
    event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}
