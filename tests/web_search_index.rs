//! The search index folded in idle moments ([`fold_while_idle`] over
//! [`Dataset::fold_search`]), in a real browser: it is folded a slice per
//! idle callback, and data that a search has already indexed (data
//! replaced while a search is on) is not folded a second time.
//!
//! [`Dataset::fold_search`]: news_timeline::core::dataset::Dataset::fold_search
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use news_timeline::core::filter::Filter;
use news_timeline::core::import::{parse_document, Parsed};
use news_timeline::ui::dom::bind;
use news_timeline::ui::search_folding::fold_while_idle;
use news_timeline::ui::state::{Settings, TimelineState};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod common;
use common::{fresh_host, sleep, start_executor};

wasm_bindgen_test_configure!(run_in_browser);

/// `n` events titled "`prefix` 0" … : more than one idle slice's worth.
fn events(prefix: &str, n: usize) -> Parsed {
    let list: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"start": "2019-05-05", "title": "{prefix} {i}"}}"#))
        .collect();
    parse_document(&format!("[{}]", list.join(","))).expect("valid")
}

/// Counts the page's `requestIdleCallback` calls from now on, and how
/// many of the callbacks they asked for have run.
struct IdleCounter;

impl IdleCounter {
    fn start() -> IdleCounter {
        js_sys::Function::new_no_args(
            "const request = window.__idleRequest ||= window.requestIdleCallback;
             window.__idleRequests = 0;
             window.__idleRuns = 0;
             window.requestIdleCallback = (callback, options) => {
               window.__idleRequests++;
               return request.call(window, (deadline) => {
                 window.__idleRuns++;
                 return callback(deadline);
               }, options);
             };",
        )
        .call0(&JsValue::NULL)
        .expect("wrap requestIdleCallback");
        IdleCounter
    }

    fn read(name: &str) -> f64 {
        js_sys::Reflect::get(&js_sys::global(), &name.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::NAN)
    }

    /// The `requestIdleCallback` calls so far.
    fn requests(&self) -> f64 {
        IdleCounter::read("__idleRequests")
    }

    /// Waits (up to 5 s: idle callbacks wait for an idle browser) until
    /// every callback asked for has run and asked for no other.
    async fn until_done(&self) {
        for _ in 0..100 {
            if IdleCounter::read("__idleRuns") == self.requests() {
                return;
            }
            sleep(50).await;
        }
        panic!("idle callbacks still pending after 5 s");
    }
}

fn settings() -> Settings {
    Settings {
        min_span_ms: 3_600_000.0,
        now: js_sys::Date::now,
        ..Settings::default()
    }
}

#[wasm_bindgen_test]
async fn folding_happens_in_idle_slices() {
    start_executor();
    let idle = IdleCounter::start();
    let owner = Owner::new();
    let state = owner.with(|| {
        let state = TimelineState::new(events("first", 12_000), settings());
        fold_while_idle(state);
        state
    });
    assert_eq!(idle.requests(), 1.0, "mounting asks for one idle callback");
    idle.until_done().await;
    // 12,000 events in slices of 5,000: three idle callbacks, the last of
    // which completes the index and asks for no other.
    assert_eq!(idle.requests(), 3.0);
    assert!(
        state.data_untracked().fold_search(0),
        "the index is complete"
    );
    drop(owner);
}

#[wasm_bindgen_test]
async fn data_a_search_already_indexed_is_not_folded_again() {
    start_executor();
    let host = fresh_host();
    let owner = Owner::new();
    let state = owner.with(|| {
        let state = TimelineState::new(events("first", 12_000), settings());
        state.set_filter(Filter {
            query: Some("second 1".into()),
            ..Filter::default()
        });
        fold_while_idle(state);
        // As the track reads the shown events while a search is on: the
        // index is read as soon as the data changes.
        let host = host.clone();
        bind(move || {
            let count = state.shown().timeline.events.len();
            host.set_text_content(Some(&count.to_string()));
        });
        state
    });
    tick().await;
    sleep(300).await;
    assert_eq!(host.text_content().as_deref(), Some("0"));

    let idle = IdleCounter::start();
    state.replace_data(events("second", 12_000));
    tick().await;
    sleep(300).await;
    idle.until_done().await;
    // "second 1", "second 10" … "second 1999", "second 10000" … "second 11999".
    assert_eq!(host.text_content().as_deref(), Some("3111"));
    // Folding the 12,000 texts again would take three idle slices; at
    // most the one that finds its data indexed is asked for.
    assert!(idle.requests() <= 1.0, "{} idle requests", idle.requests());
    drop(owner);
    host.remove();
}
