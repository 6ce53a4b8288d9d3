//! Helpers shared by the browser test files (`tests/web_*.rs`), each of
//! which is its own crate and uses some of them.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

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
