//! Helpers shared by the browser test files (`tests/web_*.rs`), each of
//! which is its own crate and uses some of them.
#![allow(dead_code)]

use leptos::prelude::*;
use leptos::task::tick;
use news_timeline::core::import::parse_document;
use news_timeline::ui::state::{Settings, TimelineState};
use news_timeline::ui::{mount, ViewOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A new `<div>` at the end of the page's body, to mount into.
pub fn fresh_host() -> HtmlElement {
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

/// Starts Leptos's task executor, in which render effects rerun after a
/// change (`mount_to` used to start it; the widget's `embed::mount` does
/// too). Starting it again is harmless.
pub fn start_executor() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
}

/// Waits `ms` milliseconds (a page timer, so the browser runs what it
/// queued meanwhile).
pub async fn sleep(ms: i32) {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(timer).await;
}

/// One mounted widget: its host, its state, and the owner whose drop
/// unmounts it.
pub struct Mounted {
    pub host: HtmlElement,
    pub state: TimelineState,
    pub _owner: Owner,
}

/// Mounts the document `text` with `options` into a fresh host
/// `width` wide, as the embed layer does (a minimum span of an hour, the
/// browser's clock).
pub fn mount_widget(text: &str, width: &str, options: &ViewOptions) -> Mounted {
    start_executor();
    let host = fresh_host();
    host.style().set_property("width", width).expect("width");
    let parsed = parse_document(text).expect("valid");
    let owner = Owner::new();
    let state = owner.with(|| {
        let state = TimelineState::new(
            parsed,
            Settings {
                min_span_ms: 3_600_000.0,
                now: js_sys::Date::now,
                color: news_timeline::ui::colors::resolve_color,
                ..Settings::default()
            },
        );
        mount(&host, state, options);
        state
    });
    Mounted {
        host,
        state,
        _owner: owner,
    }
}

/// Lets the reactive system and the ResizeObserver catch up.
pub async fn settle() {
    tick().await;
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    tick().await;
}

/// The text of each element under `root` that `selector` finds.
pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// A `keydown` of `key` on `target`, bubbling and cancelable.
pub fn key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}
