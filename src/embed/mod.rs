//! The wasm-bindgen boundary the loader (`www/news-timeline.js`) calls.
//!
//! Thin on purpose: it converts JS values, delegates to `core` and the
//! widget's [`TimelineState`], and turns every failure into a JS `Error`
//! (no function here may panic: a panic in wasm breaks every widget
//! sharing the instance). The public `Handle` object is built by the
//! loader on top of these functions; widgets live in a Rust-side
//! [`registry`] keyed by a number, so nothing depends on wasm-bindgen
//! objects surviving JS garbage collection.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod options;
mod pieces;
mod registry;
mod shadow;

use crate::core::date::PartialDate;
use crate::core::filter::Filter;
use crate::core::model::Problem;
use crate::core::parse::parse_csv_document;
use crate::core::window::Window;
use crate::ui::dom::{after_frame, watch};
use crate::ui::state::{Settings, TimelineState};
use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::*;
use options::Options;
use registry::Instance;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The package version, so pages and bug reports can name what they run.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Mounts a widget into `host`'s shadow root and returns its registry id.
/// `data` is the document as JSON text (`None` for JS `undefined`; with
/// `pieces`, its text with an empty events array, see `pieces.rs`), or a
/// TimelineJS3 spreadsheet when `csv`; `emit` receives `(name, detail)` for
/// events that start inside the widget.
#[wasm_bindgen]
pub fn mount(
    host: &Element,
    data: Option<String>,
    pieces: Option<Function>,
    total: u32,
    csv: bool,
    options: &JsValue,
    emit: Function,
) -> Result<u32, JsError> {
    let options = Options::read(options)?;
    let mut view = options.view;
    // A `dir` on the host or around it overrides the language's direction.
    view.dir = host
        .closest("[dir]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("dir"));
    let parsed = if csv {
        parse_csv_document(data.as_deref().unwrap_or_default())
    } else {
        pieces::parse_json(data, pieces, total)
    }
    .map_err(|e| JsError::new(&e.to_string()))?;
    let shadow = shadow::prepare(host)?;
    let container = shadow::container(&shadow)?;
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let state = owner.with(|| {
        let state = TimelineState::new(
            parsed,
            Settings {
                min_span_ms: options.min_span_ms,
                now: js_sys::Date::now,
            },
        );
        crate::ui::mount(&container, state, &view);
        emit_changes(state, emit);
        state
    });
    Ok(registry::insert(Instance {
        shadow,
        container,
        state,
        owner,
    }))
}

/// `handle.setEvents(data)`: replaces the data (see
/// [`TimelineState::replace_data`]).
#[wasm_bindgen(js_name = setEvents)]
pub fn set_events(
    id: u32,
    data: Option<String>,
    pieces: Option<Function>,
    total: u32,
) -> Result<(), JsError> {
    let parsed =
        pieces::parse_json(data, pieces, total).map_err(|e| JsError::new(&e.to_string()))?;
    registry::state(id)?.replace_data(parsed);
    Ok(())
}

/// `handle.getWindow()`: `{start, end}` as UTC ISO strings.
#[wasm_bindgen(js_name = getWindow)]
pub fn get_window(id: u32) -> Result<Object, JsError> {
    Ok(window_object(registry::state(id)?.window_untracked()))
}

/// `handle.setWindow(start, end)`: exactly those instants, a partial end
/// covering its whole period.
#[wasm_bindgen(js_name = setWindow)]
pub fn set_window(id: u32, start: &str, end: &str) -> Result<(), JsError> {
    let window =
        Window::from_iso(start, end).map_err(|e| JsError::new(&format!("setWindow: {e}")))?;
    registry::state(id)?.set_window(window);
    Ok(())
}

/// `handle.getVisibleEvents()`: ids of the shown events in the window, in
/// time order.
#[wasm_bindgen(js_name = getVisibleEvents)]
pub fn get_visible_events(id: u32) -> Result<Array, JsError> {
    let state = registry::state(id)?;
    let window = state.window_untracked();
    Ok(state
        .shown_untracked()
        .timeline
        .events
        .iter()
        .take_while(|e| e.start_ms() < window.end())
        .filter(|e| window.intersects(e.start_ms(), e.end_ms()))
        .map(|e| JsValue::from_str(&e.id))
        .collect())
}

/// `handle.setFilter({query, tags, from, to})`: replaces the whole filter
/// (the loader has checked the types); from/to are partial dates covering
/// their whole period.
#[wasm_bindgen(js_name = setFilter)]
pub fn set_filter(
    id: u32,
    query: Option<String>,
    tags: Option<Vec<String>>,
    from: Option<String>,
    to: Option<String>,
    min_importance: Option<u8>,
) -> Result<(), JsError> {
    let date = |name: &str, value: Option<String>| -> Result<Option<PartialDate>, JsError> {
        value
            .map(|v| {
                PartialDate::parse(&v).map_err(|e| JsError::new(&format!("setFilter: {name}: {e}")))
            })
            .transpose()
    };
    let filter = Filter {
        query,
        tags: tags.unwrap_or_default(),
        from: date("from", from)?,
        to: date("to", to)?,
        min_importance: min_importance.filter(|m| *m > 1),
    };
    registry::state(id)?.set_filter(filter);
    Ok(())
}

/// `handle.getFilter()`: the criteria in `setFilter`'s shape, `null` for
/// no constraint.
#[wasm_bindgen(js_name = getFilter)]
pub fn get_filter(id: u32) -> Result<Object, JsError> {
    Ok(filter_object(&registry::state(id)?.filter_untracked()))
}

/// `handle.fit()`: shows every shown event.
#[wasm_bindgen]
pub fn fit(id: u32) -> Result<(), JsError> {
    registry::state(id)?.fit();
    Ok(())
}

/// `handle.select(id | null)`: opens an event's card (the window pans to
/// it if it is outside) or closes the card.
#[wasm_bindgen]
pub fn select(id: u32, event_id: Option<String>) -> Result<(), JsError> {
    registry::state(id)?
        .select(event_id.as_deref())
        .map_err(|e| JsError::new(&format!("select: {e}")))
}

/// `handle.getProblems()`: `[{path, message}]` for the current data.
#[wasm_bindgen(js_name = getProblems)]
pub fn get_problems(id: u32) -> Result<Array, JsError> {
    Ok(problems_array(
        &registry::state(id)?.data_untracked().problems,
    ))
}

/// `handle.destroy()`: unmounts and frees everything; unknown ids are a
/// no-op so a second `destroy()` is harmless.
#[wasm_bindgen]
pub fn destroy(id: u32) {
    if let Some(instance) = registry::remove(id) {
        let Instance {
            shadow,
            container,
            owner,
            ..
        } = instance;
        drop(owner);
        container.remove();
        // A widget mounted again on the same host already holds the shadow
        // root (the loader destroys the old one a microtask later).
        if shadow.child_element_count() == 0 {
            shadow::release(&shadow);
        }
    }
}

fn window_object(window: Window) -> Object {
    object(&[
        ("start", window.start_iso().into()),
        ("end", window.end_iso().into()),
    ])
}

fn filter_object(filter: &Filter) -> Object {
    let optional = |v: Option<String>| v.map_or(JsValue::NULL, JsValue::from);
    let tags = if filter.tags.is_empty() {
        JsValue::NULL
    } else {
        filter
            .tags
            .iter()
            .map(|t| JsValue::from_str(t))
            .collect::<Array>()
            .into()
    };
    object(&[
        ("query", optional(filter.query.clone())),
        ("tags", tags),
        ("from", optional(filter.from.map(|d| d.to_string()))),
        ("to", optional(filter.to.map(|d| d.to_string()))),
        (
            "minImportance",
            filter
                .min_importance
                .filter(|m| *m > 1)
                .map_or(JsValue::NULL, JsValue::from),
        ),
    ])
}

/// Tells the page about window, selection and filter changes after mount
/// (the initial state is not announced). The effects run after the
/// change, never inside a registry borrow.
fn emit_changes(state: TimelineState, emit: Function) {
    let emit = Rc::new(emit);
    let send = move |name: &str, detail: Object| {
        let _ = emit.call2(&JsValue::NULL, &JsValue::from_str(name), &detail);
    };
    {
        let send = send.clone();
        watch(
            move || {
                state.filter();
            },
            move || {
                let count = state.shown_untracked().timeline.events.len();
                let detail = object(&[
                    ("filter", filter_object(&state.filter_untracked()).into()),
                    ("count", JsValue::from(count as u32)),
                ]);
                send("filterchange", detail);
            },
        );
    }
    // Window changes are announced once per frame at most, with the
    // window the frame shows: a drag or a glide sets it many times a frame.
    {
        let send = send.clone();
        let announced = Rc::new(std::cell::Cell::new(state.window_untracked()));
        let queued = Rc::new(std::cell::Cell::new(false));
        watch(
            move || {
                state.window();
            },
            move || {
                if queued.replace(true) {
                    return;
                }
                let (announced, queued, send) = (announced.clone(), queued.clone(), send.clone());
                after_frame(move || {
                    queued.set(false);
                    if !state.is_alive() {
                        return;
                    }
                    let current = state.window_untracked();
                    if announced.replace(current) != current {
                        send("rangechange", window_object(current));
                    }
                });
            },
        );
    }
    // Opening a card, or stepping to another event in it, selects; closing
    // it selects nothing.
    let mut announced: Option<String> = None;
    watch(
        move || {
            state.selection();
        },
        move || {
            let selection = state.selection_untracked();
            let now = selection.id.filter(|_| selection.open);
            if now != announced {
                let id = now.as_deref().map_or(JsValue::NULL, JsValue::from_str);
                send("select", object(&[("id", id)]));
                announced = now;
            }
        },
    );
}

fn problems_array(problems: &[Problem]) -> Array {
    problems
        .iter()
        .map(|p| {
            JsValue::from(object(&[
                ("path", p.path.as_str().into()),
                ("message", p.message.as_str().into()),
            ]))
        })
        .collect()
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let target = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&target, &JsValue::from_str(key), value);
    }
    target
}
