//! The search index folded in idle moments, in a real browser: data that
//! a search has already indexed (data replaced while a search is on) is
//! not folded a second time.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use news_timeline::core::import::parse_document;
use news_timeline::core::model::Timeline;
use news_timeline::ui::use_search_index;
use std::sync::Arc;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod common;
use common::{fresh_host, sleep};

wasm_bindgen_test_configure!(run_in_browser);

/// `n` events titled "`prefix` 0" … : more than one idle slice's worth.
fn events(prefix: &str, n: usize) -> Arc<Timeline> {
    let list: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"start": "2019-05-05", "title": "{prefix} {i}"}}"#))
        .collect();
    let parsed = parse_document(&format!("[{}]", list.join(","))).expect("valid");
    Arc::new(parsed.timeline)
}

/// Counts the page's `requestIdleCallback` calls from now on.
fn count_idle_requests() -> impl Fn() -> f64 {
    js_sys::Function::new_no_args(
        "const request = window.requestIdleCallback;
         window.__idleRequests = 0;
         window.requestIdleCallback = (callback, options) => {
           window.__idleRequests++;
           return request.call(window, callback, options);
         };",
    )
    .call0(&JsValue::NULL)
    .expect("wrap requestIdleCallback");
    || {
        js_sys::Reflect::get(&js_sys::global(), &"__idleRequests".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::NAN)
    }
}

#[wasm_bindgen_test]
async fn data_a_search_already_indexed_is_not_folded_again() {
    let host = fresh_host();
    let timeline = RwSignal::new(events("first", 12_000));
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        let search = use_search_index(timeline.into());
        // As the shown events are while a search is on: the index is read
        // as soon as the data changes.
        let hits = move || {
            search.with(|s| {
                s.matching("second 1")
                    .iter()
                    .filter(|&&hit| hit)
                    .count()
                    .to_string()
            })
        };
        view! { <p>{hits}</p> }
    });
    tick().await;
    sleep(300).await;
    assert_eq!(host.text_content().as_deref(), Some("0"));

    let idle_requests = count_idle_requests();
    timeline.set(events("second", 12_000));
    tick().await;
    sleep(300).await;
    // "second 1", "second 10" … "second 1999", "second 10000" … "second 11999".
    assert_eq!(host.text_content().as_deref(), Some("3111"));
    // Folding the 12,000 texts again would take three idle slices; at
    // most the one that finds its data taken is asked for.
    assert!(idle_requests() <= 1.0, "{} idle requests", idle_requests());
    host.remove();
}
